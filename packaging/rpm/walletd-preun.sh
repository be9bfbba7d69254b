# walletd's %preun: on the last removal, stop and disable the service (%systemd_preun).
if [ "$1" -eq 0 ] && command -v systemctl >/dev/null; then
    systemctl --no-reload disable --now walletd.service >/dev/null 2>&1 || :
fi
exit 0
