"""The self check-in kiosk: welcome, find yourself, confirm, badge, today's sessions.

`SelfCheckinScreen(context)` is the screen the shell shows in kiosk mode; its `handle_scan(code)`
receives every scan from the wedge scanner and the camera. The flow's state lives in `KioskFlow`
(flow.py); the pages (`*_view.py`) only show it.
"""

from kiosk.gui.selfcheckin.screen_view import SelfCheckinScreen

__all__ = ["SelfCheckinScreen"]
