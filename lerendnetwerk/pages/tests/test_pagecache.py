"""The page cache (core/pagecache.py): a page is kept per person and made afresh as soon as
what it shows changes, by a save, a bulk write or another person's change; nobody is ever
served another person's page, and the forms of a kept page still work."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.models import SentEmail
from lerendnetwerk.core.tests.factories import UserFactory, add_member
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import Meeting, Rsvp
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Network
from lerendnetwerk.notifications import services as notification_services
from lerendnetwerk.regions.models import Region
from lerendnetwerk.resources.models import Resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(network: Network, facilitator: User, participant: User) -> Meeting:
    starts = timezone.now().replace(microsecond=0) + timedelta(days=7)
    planned = meeting_services.meeting_schedule(
        network=network,
        title="Kennismaken met elkaars praktijk",
        purpose="Elkaar leren kennen.",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Wijkcentrum De Dreef, Utrecht",
        created_by=facilitator,
    )
    for title in ("Welkom", "Casus bespreken"):
        meeting_services.agenda_item_add(
            meeting=planned, title=title, duration_minutes=15, lead="facilitator"
        )
    return meeting_services.meeting_send_invitations(meeting=planned)


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_visit_is_served_from_the_cache(
    meeting: Meeting, participant: User, django_assert_max_num_queries
):
    client = _client(participant)
    url = reverse("meetings:detail", args=[meeting.pk])
    first = _page(client, url)
    # The session, the person, the meeting and the permission: nothing of the page itself.
    with django_assert_max_num_queries(4):
        second = _page(client, url)
    assert second.count("Kennismaken met elkaars praktijk") == first.count(
        "Kennismaken met elkaars praktijk"
    )


def test_nobody_is_served_another_persons_page(
    meeting: Meeting, facilitator: User, participant: User
):
    url = reverse("meetings:detail", args=[meeting.pk])
    edit = reverse("meetings:edit", args=[meeting.pk])
    meeting_services.rsvp_answer(meeting=meeting, user=participant, answer=Rsvp.Answer.ACCEPTED)
    as_facilitator = _page(_client(facilitator), url)
    assert edit in as_facilitator
    assert "Je antwoord is:" not in as_facilitator
    # Kept for the facilitator, made afresh for the participant: no link to change it, and
    # their own answer.
    as_participant = _page(_client(participant), url)
    assert edit not in as_participant
    assert "Je antwoord is:" in as_participant


def test_an_answer_shows_at_once(meeting: Meeting, participant: User, facilitator: User):
    url = reverse("meetings:detail", args=[meeting.pk])
    facilitator_client = _client(facilitator)
    before = _page(facilitator_client, url)
    assert "0 aangemeld, 0 afgezegd, 2 nog geen antwoord" in before
    meeting_services.rsvp_answer(meeting=meeting, user=participant, answer=Rsvp.Answer.ACCEPTED)
    assert "1 aangemeld, 0 afgezegd, 1 nog geen antwoord" in _page(facilitator_client, url)


def test_a_bulk_write_shows_at_once(meeting: Meeting, facilitator: User):
    """Moving an agenda item is a bulk update, which sends no signal."""
    url = reverse("meetings:detail", args=[meeting.pk])
    client = _client(facilitator)
    before = _page(client, url)
    assert before.index("Welkom") < before.index("Casus bespreken")
    second = meeting.agenda_items.get(title="Casus bespreken")
    meeting_services.agenda_item_move(item=second, up=True)
    after = _page(client, url)
    assert after.index("Casus bespreken") < after.index("Welkom")


def test_another_persons_change_of_name_shows(
    network: Network, facilitator: User, participant: User
):
    url = reverse("networks:members", args=[network.slug])
    home = reverse("pages:network", args=[network.slug])
    client = _client(facilitator)
    _page(client, home)
    participant.name = "Daan de Nieuwe Naam"
    participant.save()
    assert pagecache.network(network.pk) in pagecache.scopes_of(participant)
    assert "Daan de Nieuwe Naam" in _page(client, url)


def test_a_member_who_leaves_is_refused_the_kept_page(network: Network, participant: User):
    client = _client(participant)
    url = reverse("pages:network", args=[network.slug])
    _page(client, url)
    network_services.membership_leave(network=network, user=participant)
    assert client.get(url).status_code == 403


def test_the_header_counts_a_new_notification(network: Network, participant: User):
    client = _client(participant)
    url = reverse("pages:dashboard")
    before = _page(client, url)
    notification_services.notify(
        users=[participant], kind="meetings.invitation", params={"title": "Bijeenkomst"}
    )
    after = _page(client, url)
    assert after != before
    assert reverse("notifications:list") in after


def test_a_kept_pages_form_gets_a_fresh_valid_token(meeting: Meeting, participant: User):
    client = Client(enforce_csrf_checks=True)
    client.force_login(participant)
    url = reverse("meetings:detail", args=[meeting.pk])
    first = _page(client, url)
    second = _page(client, url)
    token = second.split('name="csrfmiddlewaretoken" value="', 1)[1][:64]
    assert token.isalnum()
    assert token not in first  # masked anew for each request
    response = client.post(
        reverse("meetings:answer", args=[meeting.pk]),
        {"answer": "accepted", "reason": "", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert Rsvp.objects.get(meeting=meeting, user=participant).answer == "accepted"


def test_a_page_with_a_message_is_neither_kept_nor_served_from_the_cache(
    meeting: Meeting, participant: User
):
    client = _client(participant)
    url = reverse("meetings:detail", args=[meeting.pk])
    _page(client, url)
    response = client.post(
        reverse("meetings:answer", args=[meeting.pk]), {"answer": "declined", "reason": "Ziek"}
    )
    assert response.status_code == 302
    with_message = _page(client, url)
    assert "utrecht-alert" in with_message  # the confirmation, shown once
    assert "Ziek" in with_message
    assert "utrecht-alert--ok" not in _page(client, url)
    assert with_message.count("utrecht-alert") > _page(client, url).count("utrecht-alert")


def test_what_each_change_bumps(
    meeting: Meeting, network: Network, participant: User, utrecht: Region
):
    rsvp_scopes = pagecache.scopes_of(Rsvp(meeting=meeting, user=participant))
    assert rsvp_scopes == {
        pagecache.network(network.pk),
        pagecache.region(utrecht.pk),
        pagecache.person(participant.pk),
    }
    # The region's own library: its overviews, and the pages of its networks through `shared`.
    assert pagecache.scopes_of(Resource(region=utrecht)) == {
        pagecache.region(utrecht.pk),
        pagecache.SHARED,
    }
    assert pagecache.scopes_of(Entry()) == {pagecache.SHARED}
    # Bookkeeping shown on no page empties nothing.
    assert pagecache.scopes_of(SentEmail()) == set()


def test_logging_in_does_not_empty_a_persons_pages(participant: User):
    before = cache.get("fragments:version:" + pagecache.person(participant.pk))
    participant.last_login = timezone.now()
    participant.save(update_fields=["last_login"])
    assert cache.get("fragments:version:" + pagecache.person(participant.pk)) == before


def test_pages_of_a_new_member(network: Network, facilitator: User):
    """Joining bumps the person's own scope, so their dashboard lists the new network."""
    newcomer = UserFactory.create(name="Nina Nieuw")
    client = _client(newcomer)
    assert network.name not in _page(client, reverse("pages:dashboard"))
    add_member(network, newcomer, role="participant")
    assert network.name in _page(client, reverse("pages:dashboard"))


def test_a_request_of_htmx_is_answered_afresh(
    meeting: Meeting, participant: User, django_assert_max_num_queries
):
    """htmx asks for part of a page at the page's own address: a kept page is no answer."""
    client = _client(participant)
    url = reverse("meetings:detail", args=[meeting.pk])
    _page(client, url)
    with django_assert_max_num_queries(100) as made:
        assert client.get(url, headers={"HX-Request": "true"}).status_code == 200
    assert any("meetings_agendaitem" in q["sql"] for q in made.captured_queries)
