"""Each rule fires on the network the Handreiking describes and stays quiet on a healthy one; the
computation stores, keeps, clears and re-raises signals; the facts never touch the diary."""

import io
import json
from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from pytest_django import DjangoCaptureOnCommitCallbacks

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.core.tests.factories import UserFactory
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import Region
from lerendnetwerk.themes import services as theme_services

from .. import invalidation
from ..models import RegionThresholds, Severity, Signal
from ..rulebook import RULES, evaluate
from ..selectors.facts import network_facts
from ..services import signal_acknowledge, signals_compute
from .builder import GOOD_AGENDA, Held, Item, Scenario, build

pytestmark = pytest.mark.django_db

HEALTHY = Scenario("Gezond")


def _held(*specs: Held) -> tuple[Held, ...]:
    return specs


# One network per rule, each as the Handreiking describes the pitfall, and nothing else wrong.
TROUBLED: dict[str, Scenario] = {
    "drop_outs": replace(
        HEALTHY,
        name="Afhakers",
        held=_held(
            Held(12, GOOD_AGENDA, declined=1),
            Held(9, GOOD_AGENDA, silent=3),
            Held(6, GOOD_AGENDA, silent=5),
            Held(3, GOOD_AGENDA, silent=6),
        ),
    ),
    "cancellations": replace(
        HEALTHY,
        name="Afzeggers",
        held=tuple(Held(w, GOOD_AGENDA, declined=4) for w in (12, 9, 6, 3)),
    ),
    "meeting_atmosphere": replace(
        HEALTHY,
        name="Vergadersfeer",
        held=tuple(Held(w, (Item(60, work_form=False), Item(20))) for w in (12, 9, 6, 3)),
    ),
    "too_little_time": replace(
        HEALTHY,
        name="Te weinig tijd",
        held=tuple(
            Held(w, (Item(60), Item(60), Item(30, "facilitator", work_form=False)))
            for w in (12, 9, 6, 3)
        ),
    ),
    "hobby_horses": replace(
        HEALTHY, name="Stokpaardjes", leaders=1, proposals=(1,), ideas=(1,), questions=(1, 1, 1, 1)
    ),
    "weak_network_attitude": replace(
        HEALTHY,
        name="Kartrekker doet alles",
        held=tuple(
            Held(w, (Item(40, "facilitator"), Item(40, "facilitator"))) for w in (12, 9, 6, 3)
        ),
    ),
    "unclear_common_thread": replace(HEALTHY, name="Geen rode draad", shared_goal=False),
    "expert_dependence": replace(
        HEALTHY,
        name="College",
        held=tuple(Held(w, (Item(60, "expert", work_form=False), Item(30))) for w in (12, 9, 6, 3)),
    ),
    "practice_questions_missing": replace(
        HEALTHY,
        name="Geen praktijkvragen",
        phase=Phase.DEVELOPMENT,
        proposals=(),
        ideas=(0,),
        questions=(0,),
        voters=None,
    ),
    "theme_not_supported": replace(HEALTHY, name="Thema van weinigen", voters=3),
    "prerequisite_missing": replace(HEALTHY, name="Geen tijd meer", missing_prerequisite="time"),
    "no_meeting_planned": replace(
        HEALTHY,
        name="Stilgevallen",
        held=tuple(Held(w, GOOD_AGENDA) for w in (17, 14, 11, 8)),
        upcoming=(),
    ),
    "barometer_low": replace(HEALTHY, name="Lage barometer", barometer=(2,)),
    "moved_on_with_open_questions": replace(
        HEALTHY,
        name="Te snel door",
        open_questions=("Wat is ons thema?", "Wie doet mee?", "Wat willen we leren?"),
    ),
}


def _found(network: Network) -> set[str]:
    return set(evaluate(network_facts(network_ids=[network.pk])[network.pk]))


def test_every_rule_has_a_troubled_scenario() -> None:
    assert set(TROUBLED) == set(RULES)


def test_a_healthy_network_shows_no_signal() -> None:
    assert _found(build(HEALTHY)) == set()


@pytest.mark.parametrize("key", sorted(TROUBLED))
def test_each_rule_fires_on_its_scenario_and_only_it(key: str) -> None:
    assert _found(build(TROUBLED[key])) == {key}


def test_falling_attendance_is_an_alert_with_the_numbers_behind_it() -> None:
    network = build(TROUBLED["drop_outs"])

    finding = evaluate(network_facts(network_ids=[network.pk])[network.pk])["drop_outs"]

    assert finding.severity == Severity.ALERT
    assert finding.facts == {"members": 11, "attended": [8, 6, 5]}
    with translation.override("en"):
        evidence = RULES["drop_outs"].evidence(finding.facts)
    assert "8, 6 and 5 of the 11 members came" in evidence


def test_who_declined_repeatedly_is_kept_for_the_facilitator_only() -> None:
    network = build(TROUBLED["cancellations"])

    finding = evaluate(network_facts(network_ids=[network.pk])[network.pk])["cancellations"]

    assert finding.facts["repeated"] == 4
    assert len(finding.private["repeated_declines"]) == 4
    assert not any(isinstance(v, list) for v in finding.facts.values())


def test_a_network_that_has_not_started_shows_nothing() -> None:
    network = build(replace(HEALTHY, name="Nog niet gestart", phase="", held=(), upcoming=()))

    assert _found(network) == set()


def test_in_anchoring_no_next_meeting_is_needed() -> None:
    quiet = replace(TROUBLED["no_meeting_planned"], name="Verankerd", phase=Phase.ANCHORING)

    assert _found(build(quiet)) == set()


def test_a_region_sets_its_own_threshold() -> None:
    network = build(TROUBLED["theme_not_supported"])
    assert _found(network) == {"theme_not_supported"}

    RegionThresholds.objects.create(
        region=Region.objects.get(slug="utrecht"),
        values={"theme_not_supported": {"voters_below": 0.25}},
    )

    assert _found(network) == set()


# Computing and storing


def _current(network: Network) -> dict[str, Signal]:
    return {s.rule: s for s in Signal.objects.current().filter(network=network)}


def _move_last_meeting_back(network: Network, weeks: int) -> None:
    last = Meeting.objects.filter(network=network).order_by("-starts_at").first()
    assert last is not None
    starts = timezone.now() - timedelta(weeks=weeks)
    Meeting.objects.filter(pk=last.pk).update(starts_at=starts, ends_at=starts + timedelta(hours=2))


def test_compute_stores_a_signal_keeps_its_start_and_clears_it(facilitator: User) -> None:
    network = build(TROUBLED["no_meeting_planned"])

    result = signals_compute(network_ids=[network.pk])

    assert (result.networks, result.raised, result.current) == (1, 1, 1)
    signal = _current(network)["no_meeting_planned"]
    assert signal.entry is None and signal.severity == Severity.WARNING
    assert signal.facts == {"weeks": 8}
    earlier = signal.since - timedelta(days=30)
    Signal.objects.filter(pk=signal.pk).update(since=earlier)

    signals_compute(network_ids=[network.pk])

    assert _current(network)["no_meeting_planned"].since == earlier

    Meeting.objects.filter(network=network).update(
        starts_at=timezone.now() + timedelta(days=10),
        ends_at=timezone.now() + timedelta(days=10, hours=2),
    )
    result = signals_compute(network_ids=[network.pk])

    assert result.cleared == 1 and _current(network) == {}
    assert Signal.objects.get(pk=signal.pk).cleared_at is not None


def test_weeks_without_a_meeting_count_from_the_meeting_s_local_day() -> None:
    # A late evening meeting ends after midnight, in UTC too: the week count must not depend on
    # the hour the meeting ran or the hour the rule runs.
    network = build(TROUBLED["no_meeting_planned"])
    last = Meeting.objects.filter(network=network).order_by("-starts_at").first()
    assert last is not None
    day = timezone.localdate() - timedelta(weeks=8)
    starts = timezone.make_aware(datetime.combine(day, time(23, 30)))
    Meeting.objects.filter(pk=last.pk).update(starts_at=starts, ends_at=starts + timedelta(hours=3))

    signals_compute(network_ids=[network.pk])

    assert _current(network)["no_meeting_planned"].facts == {"weeks": 8}


def test_a_signal_of_a_pitfall_links_the_catalogue_entry() -> None:
    network = build(TROUBLED["theme_not_supported"])

    signals_compute(network_ids=[network.pk])

    signal = _current(network)["theme_not_supported"]
    assert signal.entry is not None and signal.entry.slug == "thema-onvoldoende-gedragen"


def test_an_acknowledged_signal_stays_quiet_until_it_gets_worse() -> None:
    network = build(TROUBLED["no_meeting_planned"])
    signals_compute(network_ids=[network.pk])
    facilitator = User.objects.get(name="Kartrekker Stilgevallen")
    signal_acknowledge(
        signal=_current(network)["no_meeting_planned"], user=facilitator, note="Datum volgt."
    )

    signals_compute(network_ids=[network.pk])
    assert _current(network)["no_meeting_planned"].is_acknowledged

    _move_last_meeting_back(network, weeks=10)
    signals_compute(network_ids=[network.pk])

    signal = _current(network)["no_meeting_planned"]
    assert not signal.is_acknowledged and signal.facts == {"weeks": 10}


# Recomputed when the data changes


def test_changes_queue_one_task_per_network_per_transaction(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    # The test is one transaction: every write of both builds, hundreds of them, queue one task
    # per network.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = build(TROUBLED["theme_not_supported"])
        second = build(replace(HEALTHY, name="Tweede"))
        author = User.objects.filter(memberships__network=first).first()
        assert author is not None
        theme_services.idea_post(network=first, author=author, text="Nog een idee.")

    refreshes = [c for c in callbacks if isinstance(c, invalidation._Refresh)]
    assert sorted(r.network_id for r in refreshes) == sorted([first.pk, second.pk])
    assert Signal.objects.count() == 0

    for refresh in refreshes:
        refresh()  # queues the task, which runs immediately in tests

    assert set(_current(first)) == {"theme_not_supported"}
    assert _current(second) == {}


# The command


def test_the_command_prints_the_signals_as_json() -> None:
    network = build(TROUBLED["theme_not_supported"])
    build(replace(HEALTHY, name="Tweede"))
    out = io.StringIO()

    call_command("network_signals", "--json", stdout=out, stderr=io.StringIO())

    printed = json.loads(out.getvalue())
    assert list(printed) == ["signals"]
    [row] = printed["signals"]
    assert list(row) == ["network", "pitfall", "severity", "evidence", "since"]
    assert row["network"] == network.slug
    assert row["pitfall"] == Entry.objects.get(slug="thema-onvoldoende-gedragen").title
    assert row["severity"] == "warning"
    with translation.override("nl"):
        assert row["evidence"] == RULES["theme_not_supported"].evidence(
            {"voters": 3, "members": 11}
        )
    assert row["since"] == timezone.localdate().isoformat()


# Privacy: the facts are counts, never a diary or a single answer


def test_the_facts_read_no_diary_and_only_counts_of_shown_barometer_rounds() -> None:
    network = build(TROUBLED["barometer_low"])
    small = build(replace(HEALTHY, name="Weinig antwoorden", barometer=(1,), answered=3))
    UserFactory.create()  # a row in a table the facts must not read either

    with CaptureQueriesContext(connection) as queries:
        facts = network_facts(network_ids=[network.pk, small.pk])

    assert facts[network.pk].barometer_lowest is not None
    assert facts[small.pk].barometer_lowest is None  # 3 answers: below the group size of 5
    for query in queries.captured_queries:
        sql = query["sql"].lower()
        assert "journal" not in sql
        if "barometer_answer" in sql:
            assert "count(" in sql and "group by" in sql
            shown_round = network.barometer_rounds.get()
            assert f"in ({shown_round.pk})" in sql
