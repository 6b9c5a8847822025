"""Benchmark the group planner against the best-known social golfer results.

    uv run python bench/groups/run.py                       # everything, writes RESULTS.md
    uv run python bench/groups/run.py --only 8-4-10 6-4     # a subset, printed only
    uv run python bench/groups/run.py --no-stored           # the search without stored designs

For every g-p-w with g * p <= 40 people and w <= 10 meetings it plans with the time limit
(2 s) and records whether the schedule has no repeated pair, the time taken and the repeats
left. Then the same for networks whose size is no multiple of the group size (N people in
ceil(N/p) groups, up to the best known w of that g-p), and a few tight instances with the
platform's wishes (mixing and 'apart' pairs). See README.md for how to read the tables.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
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
    known: bool  # a schedule without repeats is known to exist
    people: int = 0  # when not g * p: ceil(people / p) == g groups, some one smaller

    @property
    def name(self) -> str:
        if self.people:
            return f"{self.people}/{self.p}-{self.w}"
        return f"{self.g}-{self.p}-{self.w}"


def run_one(g: int, p: int, w: int, limit: float, people: int = 0) -> Row:
    problem = Problem(people=people or g * p, group_size=p, meetings=w)
    started = time.perf_counter()
    schedule = plan(problem, time_limit=limit, seed=0)
    elapsed = time.perf_counter() - started
    if validate(problem, schedule):
        raise SystemExit(f"{g}-{p}-{w}: invalid schedule: {validate(problem, schedule)}")
    # One person less than a known g-p-w schedule: leave one point out. Two or more less is
    # only known where the points left out never meet, which depends on the schedule.
    known = w <= known_max(g, p)[0] and (not people or g * p - people == 1)
    return Row(g, p, w, score(problem, schedule).repeats, elapsed, known, people)


def uneven() -> list[tuple[int, int, int, int]]:
    """(g, p, w, people) for every people <= 40 that is no multiple of p >= 3, with g =
    ceil(people / p) >= 2 and g * p <= 40, for w up to the best known w of g-p (and 10)."""
    found = []
    for g, p in shapes():
        if p < 3:
            continue  # pairs: the round robin handles any number of people
        for people in range((g - 1) * p + 1, g * p):
            if people > p:
                found += [
                    (g, p, w, people) for w in range(1, min(MAX_WEEKS, known_max(g, p)[0]) + 1)
                ]
    return found


@dataclass(frozen=True)
class WishRow:
    name: str
    apart: int
    repeats: int
    unmixed: int
    seconds: float


def wish_instances() -> list[tuple[str, Problem]]:
    """Tight instances with a mix of kinds (3/8 childcare, 3/8 school, 1/4 other) and three
    'apart' pairs, as a network would have them."""
    found = []
    for people, p, w in [(24, 4, 7), (32, 4, 10), (36, 4, 10), (18, 3, 8), (31, 4, 10)]:
        kinds = tuple(
            ("daycare", "preschool", "primary_school", "primary_school")[i % 4]
            if i % 8 < 6
            else "other"
            for i in range(people)
        )
        apart = frozenset(frozenset(pair) for pair in [(0, 1), (2, 5), (10, 13)])
        problem = Problem(people=people, group_size=p, meetings=w, kinds=kinds, apart=apart)
        found.append((f"{people}/{p}-{w}", problem))
    return found


def run_wishes(limit: float) -> list[WishRow]:
    rows = []
    for name, problem in wish_instances():
        started = time.perf_counter()
        schedule = plan(problem, time_limit=limit, seed=0)
        elapsed = time.perf_counter() - started
        if validate(problem, schedule):
            raise SystemExit(f"{name}: invalid schedule: {validate(problem, schedule)}")
        result = score(problem, schedule)
        rows.append(WishRow(name, result.apart_violated, result.repeats, result.unmixed, elapsed))
        print(f"{name} with wishes: {rows[-1]}", flush=True)
    return rows


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


def table(rows: list[Row], limit: float, label: Callable[[Row], str]) -> list[str]:
    lines = [
        "| shape (best) | " + " | ".join(f"w={w}" for w in range(1, MAX_WEEKS + 1)) + " |",
        "|---" * (MAX_WEEKS + 1) + "|",
    ]
    by_shape: dict[str, dict[int, Row]] = {}
    for r in rows:
        by_shape.setdefault(label(r), {})[r.w] = r
    for name, cells in by_shape.items():
        lines.append(
            f"| {name} | "
            + " | ".join(
                cell(cells[w], limit) if w in cells else "" for w in range(1, MAX_WEEKS + 1)
            )
            + " |"
        )
    return lines


def best_label(g: int, p: int) -> str:
    best, confidence = known_max(g, p)
    return f"{best}{'?' if confidence != 'certain' else ''}"


def summary(rows: list[Row], limit: float) -> tuple[list[Row], list[Row], str]:
    known = [r for r in rows if r.known]
    solved = [r for r in known if r.repeats == 0 and r.seconds <= limit]
    failed = [r for r in known if r not in solved]
    missed = ", ".join(f"{r.name} ({r.repeats} repeats)" for r in failed) or "none"
    return known, solved, missed


def report(
    rows: list[Row], odd: list[Row], wishes: list[WishRow], limit: float, stored: bool
) -> str:
    lines = [
        "# Group planner against the social golfer problem",
        "",
        f"Run on {date.today().isoformat()} with `uv run python bench/groups/run.py"
        f"{'' if stored else ' --no-stored'}`, time limit {limit:g} s, seed 0.",
        f"Machine: {machine_note()}.",
    ]
    if rows:
        known, solved, missed = summary(rows, limit)
        lines += [
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
            "`✗ r`: known solvable but r repeated pairs left; `· r`: beyond the best known w, "
            "r repeated pairs (fewest found).",
            "",
            *table(rows, limit, lambda r: f"{r.g}-{r.p} ({best_label(r.g, r.p)})"),
        ]
    if odd:
        known, solved, missed = summary(odd, limit)
        others = [r for r in odd if not r.known]
        also = [r for r in others if r.repeats == 0 and r.seconds <= limit]
        lines += [
            "",
            "## People no multiple of the group size",
            "",
            f"N people in ceil(N/p) groups (some one smaller), every N <= 40 with p >= 3 and "
            f"w up to the best known w of that g-p: {len(odd)} instances.",
            f"- Known to have a schedule without repeats (N = g*p - 1: leave one person out of "
            f"a g-p-w schedule): {len(known)}; solved within {limit:g} s: **{len(solved)}**.",
            f"- Not solved: {missed}.",
            f"- The other {len(others)} (two or more below g*p; no schedule known here, as the "
            f"people left out must never meet): {len(also)} solved without repeats.",
            "",
            "Rows N/p (g = ceil(N/p) groups, best known w for g-p); cells as above, `✗` only "
            "where one person less than a known schedule.",
            "",
            *table(odd, limit, lambda r: f"{r.people}/{r.p} ({r.g}, {best_label(r.g, r.p)})"),
        ]
    if wishes:
        lines += [
            "",
            "## With the platform's wishes",
            "",
            "Kinds 3/8 childcare, 3/8 primary school, 1/4 other; 'apart' pairs (0, 1), (2, 5), "
            "(10, 13). The planner minimises, in this order: apart (hard), repeats, groups "
            "without both childcare and school (`unmixed`).",
            "",
            "| instance | apart | repeats | unmixed | seconds |",
            "|---|---|---|---|---|",
            *(
                f"| {r.name} | {r.apart} | {r.repeats} | {r.unmixed} | {r.seconds:.2f} |"
                for r in wishes
            ),
        ]
    return "\n".join(lines) + "\n"


PARTS = ("exact", "uneven", "wishes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="g-p or g-p-w instances")
    parser.add_argument("--parts", nargs="*", choices=PARTS, default=list(PARTS))
    parser.add_argument("--time-limit", type=float, default=2.0)
    parser.add_argument("--no-stored", action="store_true", help="ignore stored designs")
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"))
    args = parser.parse_args()
    designs.ENABLED = not args.no_stored
    rows, odd = [], []
    if "exact" in args.parts:
        for g, p, w in selected(args.only):
            rows.append(run_one(g, p, w, args.time_limit))
            print(
                f"{rows[-1].name}: repeats={rows[-1].repeats} {rows[-1].seconds:.2f}s", flush=True
            )
    if "uneven" in args.parts and not args.only:
        for g, p, w, people in uneven():
            odd.append(run_one(g, p, w, args.time_limit, people))
            print(f"{odd[-1].name}: repeats={odd[-1].repeats} {odd[-1].seconds:.2f}s", flush=True)
    wishes = run_wishes(args.time_limit) if "wishes" in args.parts and not args.only else []
    text = report(rows, odd, wishes, args.time_limit, not args.no_stored)
    if args.only:
        print(text)
    else:
        Path(args.out).write_text(text)
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
