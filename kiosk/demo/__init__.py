"""Demo and synthetic events: data to try the product on and to measure it against.

`synthetic.write_synthetic_event` writes a large, deterministic event in the organisers' own file
formats, so demos, scale tests and `kiosk bench` go through the same import path as real data.
"""
