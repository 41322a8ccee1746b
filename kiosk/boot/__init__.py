"""Booting a machine straight into the app: a supervised launcher the kiosk's systemd unit runs
under the cage compositor (`launcher`), and that unit's text (`unit`), which
scripts/install-kiosk-service installs. Plain Python, standard library only."""
