"""Sync on screen: automatic rounds with the LAN hub (`auto.AutoSync`, owned by the shell) and
the organiser's Sync tab (`sync_view.SyncView`). Import the modules themselves: the door and the
kiosk never load the organiser's tab."""
