"""`manage.py plan_groups`: JSON of the right shape, a readable table, clear refusals."""

import io
import json
from itertools import combinations

import pytest
from django.core.management import CommandError, call_command


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("plan_groups", *args, stdout=out)
    return out.getvalue()


def test_json_lists_meetings_of_sorted_groups():
    out = run(
        "--people",
        "24",
        "--group-size",
        "4",
        "--meetings",
        "3",
        "--kinds",
        "daycare=8,preschool=6,primary_school=10",
        "--time-limit",
        "1",
        "--json",
    )
    meetings = json.loads(out)["meetings"]
    assert len(meetings) == 3
    for groups in meetings:
        assert len(groups) == 6
        assert sorted(p for g in groups for p in g) == list(range(24))
        assert groups == sorted(groups)
        assert all(g == sorted(g) for g in groups)
        assert all(set(g) & set(range(14)) and set(g) & set(range(14, 24)) for g in groups)
    pairs = [pair for groups in meetings for g in groups for pair in combinations(g, 2)]
    assert len(pairs) == len(set(pairs))


def test_uneven_sizes_give_ceil_groups():
    meetings = json.loads(
        run(
            "--people",
            "10",
            "--group-size",
            "4",
            "--meetings",
            "2",
            "--time-limit",
            "0.2",
            "--json",
        )
    )["meetings"]
    assert [sorted(len(g) for g in groups) for groups in meetings] == [[3, 3, 4], [3, 3, 4]]


def test_without_json_prints_a_table_and_the_score():
    out = run("--people", "6", "--group-size", "2", "--meetings", "2", "--seed", "4")
    assert "Meeting 1" in out and "Meeting 2" in out
    assert "Group   3:" in out
    assert "Repeated pairs: 0" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--people", "3", "--group-size", "4", "--meetings", "2"], "larger than the number"),
        (["--people", "8", "--group-size", "4", "--meetings", "0"], "between 1 and"),
        (
            ["--people", "8", "--group-size", "4", "--meetings", "2", "--kinds", "daycare=5"],
            "add up to 5",
        ),
        (
            ["--people", "8", "--group-size", "4", "--meetings", "2", "--kinds", "bakery=8"],
            "Unknown kind",
        ),
        (
            ["--people", "8", "--group-size", "4", "--meetings", "2", "--kinds", "daycare=x"],
            "kind=count",
        ),
        (
            ["--people", "8", "--group-size", "4", "--meetings", "2", "--time-limit", "0"],
            "--time-limit",
        ),
        (["--people", "eight", "--group-size", "4", "--meetings", "2"], "invalid int"),
    ],
)
def test_bad_input_is_a_command_error(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
