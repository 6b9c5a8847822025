"""Search, with minutes instead of seconds, for the schedules stored in planning/designs.py.

    pypy3 bench/groups/find_designs.py 900 8-4-10 6-4-7     # seconds per try, then g-p-w

Uses the planner's own search (no other tool), so CPython works too, only about ten times
slower than PyPy 7.3 (Debian's pypy3), which found the stored designs. Prints a line per shape
to paste into DESIGNS; every stored entry is checked by the tests.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lerendnetwerk.groups.planning import Problem, plan, score, validate
from lerendnetwerk.groups.planning.designs import encode


def main() -> None:
    limit = float(sys.argv[1])
    for name in sys.argv[2:]:
        g, p, w = map(int, name.split("-"))
        problem = Problem(people=g * p, group_size=p, meetings=w)
        for seed in range(1000):
            started = time.perf_counter()
            schedule = plan(problem, time_limit=limit, seed=seed)
            repeats = score(problem, schedule).repeats
            took = time.perf_counter() - started
            print(f"# {name} seed {seed}: {repeats} repeats after {took:.0f} s", flush=True)
            if repeats == 0 and not validate(problem, schedule):
                print(f'    ({g}, {p}): "{encode(schedule)}",', flush=True)
                break


if __name__ == "__main__":
    main()
