"""The application shell: one window hosting the door, kiosk or organiser screen."""
