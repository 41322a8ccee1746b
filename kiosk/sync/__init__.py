"""Sync between the organiser and the devices: roster bundles out, check-ins back, a LAN hub.

The services the screens need:

- doors and kiosks: `state.last_sync_ms`, `state.pending_events`, `client.sync_once` (a timer
  calls it every few seconds; it returns a status, never raises for a missing network);
- the organiser: `roster.export_roster`, `events.import_events` (with `bundle.open_bundle` and
  `bundle.read_bundle_file` / `write_bundle_file`), `state.device_list`,
  `conflicts.conflict_report`, and `hub.start_hub` / `RunningHub.stop` for the hub.

Modules: `bundle` (the signed, optionally encrypted file format), `identity` (device keys,
enrolment, pinning), `roster`, `events` (the merge), `conflicts`, `protocol`, `hub`, `client`,
`state`, and `commands` (the `kiosk` subcommands); `pretix_push` sends check-ins back to
pretix, where the tickets were sold (`kiosk pretix push`).
"""
