"""Benchmark the group planner against the best-known social golfer results.

    uv run python bench/groups/run.py                       # everything, writes RESULTS.md
    uv run python bench/groups/run.py --only 8-4-10 6-4     # a subset, printed only
    uv run python bench/groups/run.py --no-stored           # the search without stored designs

For every g-p-w with g * p <= 40 people and w <= 10 meetings it plans with the time limit
(2 s) and records whether the schedule has no repeated pair, the time taken and the repeats
left. See README.md for how to read the table.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parents[1])]  # bench/ (this package) and the repo
if not __package__:  # run as a script: let the relative import below find this package
    __package__ = "groups"  # PEP 366

from lerendnetwerk.groups.planning import (  # noqa: E402
    Problem,
    designs,
    plan,
    score,
    validate,
)

from .known import known_max, shapes  # noqa: E402

MAX_WEEKS = 10


@dataclass(frozen=True)
class Row:
    g: int
    p: int
    w: int
    repeats: int
    seconds: float
    known: bool  # w is at most the best known w for g-p

    @property
    def name(self) -> str:
        return f"{self.g}-{self.p}-{self.w}"


def run_one(g: int, p: int, w: int, limit: float) -> Row:
    problem = Problem(people=g * p, group_size=p, meetings=w)
    started = time.perf_counter()
    schedule = plan(problem, time_limit=limit, seed=0)
    elapsed = time.perf_counter() - started
    if validate(problem, schedule):
        raise SystemExit(f"{g}-{p}-{w}: invalid schedule: {validate(problem, schedule)}")
    return Row(g, p, w, score(problem, schedule).repeats, elapsed, w <= known_max(g, p)[0])


def selected(only: list[str]) -> list[tuple[int, int, int]]:
    wanted = []
    for g, p in shapes():
        for w in range(1, MAX_WEEKS + 1):
            names = {f"{g}-{p}", f"{g}-{p}-{w}"}
            if not only or names & set(only):
                wanted.append((g, p, w))
    return wanted


def cell(row: Row, limit: float) -> str:
    if row.repeats == 0:
        late = " (late)" if row.seconds > limit else ""
        return f"✓ {row.seconds:.2f}{late}"
    return f"✗ {row.repeats}" if row.known else f"· {row.repeats}"


def machine_note() -> str:
    cpu = "unknown CPU"
    info = Path("/proc/cpuinfo")
    if info.exists():
        names = [
            ln.split(":", 1)[1].strip()
            for ln in info.read_text().splitlines()
            if "model name" in ln
        ]
        cpu = names[0] if names else cpu
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{platform.python_implementation()} {platform.python_version()} on {cpu}, "
        f"{os.cpu_count()} cores shared with other engineers' test runs (load average at the "
        f"end: {load}), so times are noisy"
    )


def report(rows: list[Row], limit: float, stored: bool) -> str:
    known = [r for r in rows if r.known]
    solved = [r for r in known if r.repeats == 0 and r.seconds <= limit]
    failed = [r for r in known if r not in solved]
    missed = ", ".join(f"{r.name} ({r.repeats} repeats)" for r in failed) or "none"
    lines = [
        "# Group planner against the social golfer problem",
        "",
        f"Run on {date.today().isoformat()} with `uv run python bench/groups/run.py"
        f"{'' if stored else ' --no-stored'}`, time limit {limit:g} s, seed 0.",
        f"Machine: {machine_note()}.",
        "",
        "## Summary",
        "",
        f"- Instances g-p-w with g*p <= 40, p >= 2, g >= 2, w <= {MAX_WEEKS}: {len(rows)}.",
        f"- Known to have a schedule without repeats (w <= best known): {len(known)}.",
        f"- Of those, solved without repeats within {limit:g} s: **{len(solved)}**.",
        f"- Not solved: {missed}.",
        "",
        "## Table",
        "",
        "Rows g-p (groups x size, best known w); columns w. `✓ t`: no repeats, t seconds; "
        "`✗ r`: known solvable but r repeated pairs left; `· r`: beyond the best known w, r "
        "repeated pairs (fewest found).",
        "",
        "| g-p (best) | " + " | ".join(f"w={w}" for w in range(1, MAX_WEEKS + 1)) + " |",
        "|---" * (MAX_WEEKS + 1) + "|",
    ]
    by_shape: dict[tuple[int, int], dict[int, Row]] = {}
    for r in rows:
        by_shape.setdefault((r.g, r.p), {})[r.w] = r
    for (g, p), cells in by_shape.items():
        best, confidence = known_max(g, p)
        label = f"{g}-{p} ({best}{'?' if confidence != 'certain' else ''})"
        lines.append(
            f"| {label} | "
            + " | ".join(
                cell(cells[w], limit) if w in cells else "" for w in range(1, MAX_WEEKS + 1)
            )
            + " |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="g-p or g-p-w instances")
    parser.add_argument("--time-limit", type=float, default=2.0)
    parser.add_argument("--no-stored", action="store_true", help="ignore stored designs")
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"))
    args = parser.parse_args()
    designs.ENABLED = not args.no_stored
    rows = []
    for g, p, w in selected(args.only):
        row = run_one(g, p, w, args.time_limit)
        rows.append(row)
        print(f"{row.name}: repeats={row.repeats} {row.seconds:.2f}s", flush=True)
    text = report(rows, args.time_limit, not args.no_stored)
    if args.only:
        print(text)
    else:
        Path(args.out).write_text(text)
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
