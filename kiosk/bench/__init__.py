"""`kiosk bench`: the speed of the hot paths on a synthetic event (`run.run_bench`).

The GUI, console and sync figures run in processes of their own (`python -m kiosk.bench.gui`,
`kiosk.bench.console`, `kiosk.bench.sync`) so their memory and start-up are measured apart.
"""
