"""``python -m fancompanion`` and the ``fancompanion`` console script."""

from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    # What start-up imports lives as long as the process: the collector would go through it
    # again and again (~20 collections, 7-11 ms, freeing nothing). It waits while the
    # command line's modules load; then they are moved out of its generations.
    gc.disable()
    try:
        from fancompanion.cli.main import run
    finally:
        gc.freeze()
        gc.enable()
    try:
        return run(sys.argv[1:] if argv is None else argv)
    finally:
        # The exit frees everything anyway; frozen, it is not first gone through by the
        # interpreter's collections at shutdown (~25 ms for a command line's objects).
        gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
