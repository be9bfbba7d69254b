# walletd's %postun: on an upgrade, restart the running service on the new binary (%systemd_postun_with_restart).
# The ledger in /var/lib/walletd is never removed by the package.
if command -v systemctl >/dev/null; then
    systemctl daemon-reload >/dev/null 2>&1 || :
    if [ "$1" -ge 1 ]; then
        systemctl try-restart walletd.service >/dev/null 2>&1 || :
    fi
fi
exit 0
