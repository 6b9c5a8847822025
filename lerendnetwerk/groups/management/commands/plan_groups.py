"""Plan rotating groups from the command line, for scripting and benchmarks.

People are numbered 0..N-1; `--kinds daycare=8,preschool=6,primary_school=10` gives the
first 8 people kind daycare, the next 6 preschool and the last 10 primary_school.
"""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lerendnetwerk.groups.planner import PlanningError, Problem, plan, score
from lerendnetwerk.groups.planning.problem import KINDS

MAX_TIME_LIMIT = 600.0


class Command(BaseCommand):
    help = "Plan rotating groups for N people over R meetings (the social golfer problem)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--people", type=int, required=True, help="number of people N")
        parser.add_argument("--group-size", type=int, required=True, help="group size K")
        parser.add_argument("--meetings", type=int, required=True, help="number of meetings R")
        parser.add_argument(
            "--kinds",
            default="",
            help="kinds in order, e.g. daycare=8,preschool=6,primary_school=10",
        )
        parser.add_argument("--time-limit", type=float, default=2.0, help="seconds (default 2)")
        parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
        parser.add_argument("--json", action="store_true", help='print {"meetings": [...]}')

    def handle(self, *args: Any, **options: Any) -> None:
        people = options["people"]
        limit = options["time_limit"]
        if not 0 < limit <= MAX_TIME_LIMIT:
            raise CommandError(f"--time-limit must be above 0 and at most {MAX_TIME_LIMIT:g}.")
        problem = Problem(
            people=people,
            group_size=options["group_size"],
            meetings=options["meetings"],
            kinds=parse_kinds(options["kinds"], people),
        )
        try:
            schedule = plan(problem, time_limit=limit, seed=options["seed"])
        except PlanningError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps({"meetings": schedule}))
            return
        for number, groups in enumerate(schedule, start=1):
            self.stdout.write(f"Meeting {number}")
            for table, group in enumerate(groups, start=1):
                self.stdout.write(f"  Group {table:>3}: {', '.join(map(str, group))}")
        result = score(problem, schedule)
        self.stdout.write(
            f"Repeated pairs: {result.repeats}; unmixed groups: {result.unmixed}; "
            f"largest size difference: {result.size_spread}"
        )


def parse_kinds(text: str, people: int) -> tuple[str, ...]:
    """`daycare=8,preschool=6` -> ('daycare',) * 8 + ('preschool',) * 6, checked against N."""
    if not text.strip():
        return ()
    kinds: list[str] = []
    for part in text.split(","):
        name, _, count = part.partition("=")
        name = name.strip()
        if name not in KINDS:
            raise CommandError(
                f"Unknown kind {name!r} in --kinds; use: {', '.join(sorted(KINDS))}."
            )
        if not count.strip().isdigit():
            raise CommandError(f"Write --kinds as kind=count, e.g. {name}=8.")
        kinds += [name] * int(count)
    if len(kinds) != people:
        raise CommandError(f"--kinds counts add up to {len(kinds)}, but --people is {people}.")
    return tuple(kinds)
