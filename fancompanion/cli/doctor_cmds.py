"""``fancompanion doctor [--repair]``: check the store, and repair it without losing user state.

The store is opened without seeding or backing up: a damaged catalog must not stop the check,
and a snapshot of damaged files must not rotate good backups out.
"""

from __future__ import annotations

import argparse
from typing import Any

from fancompanion.cli.context import Context
from fancompanion.core.store import Store
from fancompanion.paths import bundle_dir


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    doctor = subparsers.add_parser(
        "doctor",
        parents=[common],
        help="check every store file; --repair restores damaged ones from backups",
    )
    doctor.add_argument(
        "--repair",
        action="store_true",
        help="set damaged files aside, restore user state from the newest good backup "
        "and rebuild the catalog from the bundled library",
    )
    doctor.set_defaults(handler=cmd_doctor)


def cmd_doctor(context: Context) -> int:
    from fancompanion.core.bundle import seed_if_needed
    from fancompanion.core.store import doctor

    store = Store(context.data_dir)
    if context.args.repair:
        bundle = bundle_dir()

        def reseed(store: Store) -> None:
            seed_if_needed(store, bundle)

        for line in doctor.repair(store, reseed if bundle.is_dir() else None):
            context.print(line)
    problems = doctor.check(store)
    for problem in problems:
        context.warn(problem.line)
    if any(problem.serious for problem in problems):
        return 1
    context.print(f"{store.root}: every store file is whole and readable")
    return 0
