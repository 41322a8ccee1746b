"""Start the check-in kiosk GUI (on the demo event unless --db is given)."""

from kiosk.gui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
