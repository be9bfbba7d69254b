# walletd's %post: the data folder, the configuration readable by walletd only, and the unit preset (what the
# %systemd_post macro does).
[ -d /var/lib/walletd ] || install -d -o walletd -g walletd -m 0750 /var/lib/walletd
chown root:walletd /etc/walletd/walletd.conf
chmod 0640 /etc/walletd/walletd.conf
if [ "$1" -eq 1 ] && command -v systemctl >/dev/null; then
    systemctl --no-reload preset walletd.service >/dev/null 2>&1 || :
fi
exit 0
