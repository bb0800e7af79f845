"""FanCompanion's benchmark: synthetic stores, measurements in fresh processes, a target table.

Run ``python -m bench`` (``make bench``) or ``python -m bench --quick`` (``make bench-quick``).
"""
