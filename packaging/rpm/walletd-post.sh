# walletd's %post: the data folder, the configuration readable by walletd only (set here rather than by %attr,
# which rpmlint refuses: a group no base package owns, a file not readable by all), and the unit preset
# (what %systemd_post does).
if [ ! -d /var/lib/walletd ]; then
    mkdir -p /var/lib/walletd
    chown walletd:walletd /var/lib/walletd
    chmod 0750 /var/lib/walletd
fi
chown root:walletd /etc/walletd/walletd.conf
chmod 0640 /etc/walletd/walletd.conf
if [ "$1" -eq 1 ] && command -v systemctl >/dev/null; then
    systemctl --no-reload preset walletd.service >/dev/null 2>&1 || :
fi
exit 0
