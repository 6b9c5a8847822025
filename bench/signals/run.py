"""Measure the rules against the scenario set: precision and recall per rule.

    uv run python bench/signals/run.py              # every scenario, prints the tables
    uv run python bench/signals/run.py --only college stilgevallen

Builds each scenario (scenarios.py) through the services in a throwaway SQLite test database,
each in its own transaction that is rolled back afterwards (so every scenario starts from the
freshly migrated database), computes its signals and compares them with what the scenario says
a facilitator would recognise. See README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parents[1])]  # bench/ (this package) and the repo
if not __package__:  # run as a script: let the relative import below find this package
    __package__ = "signals"  # PEP 366

os.environ["DATABASE_URL"] = "sqlite:///:memory:"  # the test database is in memory too
os.environ["TASKS_IMMEDIATE"] = "1"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from lerendnetwerk.signals.rulebook import RULES, evaluate  # noqa: E402
from lerendnetwerk.signals.selectors.facts import network_facts  # noqa: E402
from lerendnetwerk.signals.tests.builder import Scenario, build  # noqa: E402

from .scenarios import SCENARIOS  # noqa: E402


class _Discard(Exception):
    pass


def found_in(scenario: Scenario) -> set[str]:
    found: set[str] = set()
    try:
        with transaction.atomic():
            network = build(scenario)
            facts = network_facts(network_ids=[network.pk])[network.pk]
            found = set(evaluate(facts))
            raise _Discard
    except _Discard:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="scenario names")
    args = parser.parse_args()
    setup_test_environment()  # e-mail stays in memory
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    scenarios = [s for s in SCENARIOS if not args.only or s.name in args.only]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    print("| scenario | expected | found |")
    print("|---|---|---|")
    for scenario in scenarios:
        found = found_in(scenario)
        for key in found & scenario.expected:
            tp[key] += 1
        for key in found - scenario.expected:
            fp[key] += 1
        for key in scenario.expected - found:
            fn[key] += 1
        mark = "" if found == scenario.expected else " ✗"
        expected = ", ".join(sorted(scenario.expected)) or "—"
        print(f"| {scenario.name}{mark} | {expected} | {', '.join(sorted(found)) or '—'} |")
    print()
    print("| rule | scenarios | fired right | false alarms | missed | precision | recall |")
    print("|---|---|---|---|---|---|---|")
    for key in RULES:
        wanted = tp[key] + fn[key]
        fired = tp[key] + fp[key]
        precision = f"{tp[key] / fired:.2f}" if fired else "–"
        recall = f"{tp[key] / wanted:.2f}" if wanted else "–"
        print(f"| {key} | {wanted} | {tp[key]} | {fp[key]} | {fn[key]} | {precision} | {recall} |")
    healthy = [s for s in scenarios if not s.expected]
    print(f"\n{len(scenarios)} scenarios, {len(healthy)} healthy.")


if __name__ == "__main__":
    main()
