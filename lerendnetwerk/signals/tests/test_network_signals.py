"""The network's signals page, its actions and the health panels (issue 12, facilitator side)."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core.tests.factories import NetworkFactory, add_member, login
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import AgendaItem, Meeting
from lerendnetwerk.networks.models import Network
from lerendnetwerk.signals.models import Signal
from lerendnetwerk.signals.services import signals_compute

from .scenarios import meeting, meeting_atmosphere

pytestmark = pytest.mark.django_db

PITFALL = "Te veel vergadersfeer?"


def _signal(network: Network, rule: str = "meeting_atmosphere") -> Signal:
    return Signal.objects.current().get(network=network, rule=rule)


def _page(user: User, network: Network) -> str:
    response = login(user).get(reverse("signals:network", args=[network.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_page_shows_the_signal_with_its_tip_and_work_forms(network, facilitator, participant):
    meeting_atmosphere(network, facilitator, participant)
    signals_compute(network_ids=[network.pk])

    html = _page(facilitator, network)

    pitfall = Entry.objects.get(slug="te-veel-vergadersfeer")
    assert pitfall.title == PITFALL
    assert PITFALL in html
    assert pitfall.summary.split(",")[0] in html
    # The evidence in the platform's words (Dutch), with the numbers behind it.
    assert re.search(r"160\D+3\D+20", html)
    assert "Alarm" in html  # the severity in words, not only a colour
    for slug in ("levend-domino", "talking-stick", "worldcafe", "casusbesprekingen"):
        entry = Entry.objects.select_related("topic").get(slug=slug)
        assert entry.title in html
        assert f"/{slug}/" in html
    # No meeting planned: a way to plan one instead of the buttons.
    assert reverse("meetings:schedule", args=[network.slug]) in html
    assert reverse("signals:schedule", args=[network.slug, _signal(network).pk]) not in html


def test_names_of_who_declined_only_for_the_facilitator(
    network, facilitator, participant, coordinator
):
    other = add_member(network)
    for days in (-35, -21, -7):
        planned = meeting(network, facilitator, days=1, title=f"Overleg {days}")
        meeting_services.rsvp_answer(meeting=planned, user=participant, answer="declined")
        meeting_services.rsvp_answer(meeting=planned, user=other, answer="accepted")
        starts = timezone.now() + timedelta(days=days)
        Meeting.objects.filter(pk=planned.pk).update(
            starts_at=starts, ends_at=starts + timedelta(hours=2)
        )
    signals_compute(network_ids=[network.pk])
    assert _signal(network, "cancellations").facts["repeated"] == 1

    assert participant.name in _page(facilitator, network)
    seen_by_coordinator = _page(coordinator, network)
    assert participant.name not in seen_by_coordinator
    assert "1 lid" in seen_by_coordinator
    # The coordinator reads but does not act.
    signal = _signal(network, "cancellations")
    assert reverse("signals:acknowledge", args=[network.slug, signal.pk]) not in (
        seen_by_coordinator
    )


def test_a_work_form_goes_on_the_next_meeting_and_the_page_shows_it(
    network, facilitator, participant
):
    meeting_atmosphere(network, facilitator, participant)
    upcoming = meeting(network, facilitator, days=1, title="Volgende keer")
    signals_compute(network_ids=[network.pk])
    signal = _signal(network)
    domino = Entry.objects.get(slug="talking-stick")

    client = login(facilitator)
    response = client.post(
        reverse("signals:schedule", args=[network.slug, signal.pk]), {"entry": domino.pk}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:agenda", args=[upcoming.pk])
    item = AgendaItem.objects.get(meeting=upcoming)
    assert (item.entry, item.duration_minutes, item.lead) == (domino, 30, "facilitator")
    followed = client.get(response["Location"])
    assert "Talking stick" in followed.content.decode()
    html = _page(facilitator, network)
    assert "Op de agenda van “Volgende keer”" in html
    # The other work forms can still be added.
    assert "Zet “Worldcafé” op de agenda van “Volgende keer”" in html


def test_a_work_form_the_signal_does_not_suggest_is_refused(network, facilitator, participant):
    meeting_atmosphere(network, facilitator, participant)
    upcoming = meeting(network, facilitator, days=1)
    signals_compute(network_ids=[network.pk])
    other = Entry.objects.get(slug="maak-een-contract")

    response = login(facilitator).post(
        reverse("signals:schedule", args=[network.slug, _signal(network).pk]), {"entry": other.pk}
    )

    assert response["Location"] == reverse("signals:network", args=[network.slug])
    assert not upcoming.agenda_items.exists()


def test_without_a_planned_meeting_the_facilitator_is_asked_to_plan_one(
    network, facilitator, participant
):
    meeting_atmosphere(network, facilitator, participant)
    signals_compute(network_ids=[network.pk])
    client = login(facilitator)

    response = client.post(
        reverse("signals:schedule", args=[network.slug, _signal(network).pk]),
        {"entry": Entry.objects.get(slug="worldcafe").pk},
        follow=True,
    )

    html = response.content.decode()
    assert "Er is nog geen bijeenkomst gepland" in html
    assert reverse("meetings:schedule", args=[network.slug]) in html
    assert not AgendaItem.objects.filter(entry__slug="worldcafe").exists()


def _home(user: User, network: Network) -> str:
    response = login(user).get(reverse("pages:network", args=[network.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_acknowledged_signal_leaves_the_panel_and_returns_when_worse(
    network, facilitator, participant
):
    held = meeting_atmosphere(network, facilitator, participant)
    signals_compute(network_ids=[network.pk])
    assert PITFALL in _home(facilitator, network)

    response = login(facilitator).post(
        reverse("signals:acknowledge", args=[network.slug, _signal(network).pk]),
        {f"signal-{_signal(network).pk}-note": "We plannen een worldcafé in mei."},
    )

    assert response.status_code == 302
    home = _home(facilitator, network)
    assert PITFALL not in home
    assert "Geen signalen" in home, re.sub(r"\s+", " ", home)[-3000:]
    html = _page(facilitator, network)
    assert "We plannen een worldcafé in mei." in html
    assert facilitator.name in html

    # The same numbers again: it stays quiet.
    signals_compute(network_ids=[network.pk])
    assert PITFALL not in _home(facilitator, network)

    # Worse: the last meeting drops its work form for more talking.
    meeting_services.agenda_item_remove(item=held[-1].agenda_items.get(entry__isnull=False))
    signals_compute(network_ids=[network.pk])
    assert not _signal(network).is_acknowledged
    assert PITFALL in _home(facilitator, network)


def test_an_empty_note_is_refused_and_a_long_one_kept(network, facilitator, participant):
    meeting_atmosphere(network, facilitator, participant)
    signals_compute(network_ids=[network.pk])
    signal = _signal(network)
    client = login(facilitator)
    url = reverse("signals:acknowledge", args=[network.slug, signal.pk])

    empty = client.post(url, {f"signal-{signal.pk}-note": "   "})
    assert empty.status_code == 200
    assert "Zeg in een paar woorden wat je eraan doet." in empty.content.decode()
    long = "Te lang. " * 120
    kept = client.post(url, {f"signal-{signal.pk}-note": long})
    assert kept.status_code == 200
    assert 'aria-invalid="true"' in kept.content.decode()
    assert long.strip() in kept.content.decode()
    assert not _signal(network).is_acknowledged


def test_participant_sees_no_panel_and_no_page(network, facilitator, participant):
    meeting_atmosphere(network, facilitator, participant)
    signals_compute(network_ids=[network.pk])

    assert PITFALL not in _home(participant, network)
    assert "health-heading" not in _home(participant, network)
    response = login(participant).get(reverse("signals:network", args=[network.slug]))
    assert response.status_code == 403


def test_dashboard_shows_the_health_of_each_facilitated_network(
    network, facilitator, participant, district
):
    meeting_atmosphere(network, facilitator, participant)
    healthy = NetworkFactory.create(name="LN Gezond", district=district)
    add_member(healthy, facilitator, role="facilitator")
    signals_compute(network_ids=[network.pk, healthy.pk])

    html = login(facilitator).get(reverse("pages:dashboard")).content.decode()
    assert PITFALL in html
    assert "Geen signalen." in html
    assert reverse("signals:network", args=[healthy.slug]) in html
    seen_by_participant = login(participant).get(reverse("pages:dashboard")).content.decode()
    assert PITFALL not in seen_by_participant


def _dashboard_queries(user: User) -> int:
    client = login(user)
    client.get(reverse("pages:dashboard"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("pages:dashboard"))
    return len(queries)


def test_dashboard_reads_in_a_fixed_number_of_queries(network, facilitator, participant, district):
    meeting_atmosphere(network, facilitator, participant)
    signals_compute()
    one = _dashboard_queries(facilitator)
    for _ in range(4):
        other = NetworkFactory.create(district=district)
        add_member(other, facilitator, role="facilitator")
        meeting_atmosphere(other, facilitator, add_member(other))
    signals_compute()

    assert Signal.objects.current().count() >= 5
    assert _dashboard_queries(facilitator) == one
