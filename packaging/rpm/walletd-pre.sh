# walletd's %pre: its own system user, before the files that name it are installed.
getent group walletd >/dev/null || groupadd --system walletd
getent passwd walletd >/dev/null ||
    useradd --system --gid walletd --home-dir /var/lib/walletd --no-create-home \
        --shell /sbin/nologin --comment "WalletDesk wallet API server" walletd
exit 0
