"""The door screen: the session a room door serves, each scan's verdict, and staff tools.

`DoorScreen` (screen_view.py) is the widget the application shell shows in door mode; scanners
connect to its `handle_scan(code)` slot. The logic lives in `DoorController` (controller.py); the
views only show what it says.
"""

from kiosk.gui.door.screen_view import DoorScreen

__all__ = ["DoorScreen"]
