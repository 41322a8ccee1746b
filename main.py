"""Start the check-in kiosk GUI (on the demo event unless --db is given)."""

from kiosk.gui.app import main
from kiosk.store.files import private_umask

if __name__ == "__main__":
    private_umask()  # what the app writes (database, bundles, exports) is this user's only
    raise SystemExit(main())
