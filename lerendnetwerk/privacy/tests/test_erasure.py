import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.core.tests.factories import PASSWORD, UserFactory, add_member, login
from lerendnetwerk.meetings.models import Meeting, Rsvp
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.privacy import services
from lerendnetwerk.privacy.policy import POLICY, Erase
from lerendnetwerk.privacy.walk import references
from lerendnetwerk.themes.models import DotVoteSticker, Idea, IdeaMark

from .builder import make

pytestmark = pytest.mark.django_db


def _rows_referring_to(pk: int) -> dict[str, int]:
    found = {}
    for reference in references():
        count = reference.model._base_manager.filter(**{reference.field.attname: pk}).count()
        if count:
            found[reference.key] = count
    return found


def _person_everywhere() -> Any:
    """A person with a row in every model that points at a person, through each such field."""
    person = UserFactory.create()
    for reference in references():
        make(reference.model, **{reference.field.name: person})
    return person


def test_erasure_leaves_no_row_that_refers_to_the_person():
    person = _person_everywhere()
    pk = person.pk  # deleting sets person.pk to None
    before = _rows_referring_to(pk)
    assert set(before) == {r.key for r in references()}, "the builder missed a model"

    services.account_erase(user=person)

    assert not get_user_model().objects.filter(pk=pk).exists()
    assert _rows_referring_to(pk) == {}


def test_erasure_follows_the_policy_per_field():
    person = _person_everywhere()
    rows = {
        r.key: list(
            r.model._base_manager.filter(**{r.field.name: person}).values_list("pk", flat=True)
        )
        for r in references()
    }
    services.account_erase(user=person)
    for reference in references():
        still_there = reference.model._base_manager.filter(pk__in=rows[reference.key]).count()
        erase = POLICY[reference.key].erase
        if erase == Erase.DELETE:
            assert still_there == 0, reference.key
        else:  # emptied or handed to a former participant: the row stays
            assert still_there == len(rows[reference.key]), reference.key


def test_what_the_group_counts_survives_erasure_of_two_people_at_one_meeting():
    meeting = make(Meeting)
    first, second, stays = UserFactory.create(), UserFactory.create(), UserFactory.create()
    for person in (first, second, stays):
        make(Rsvp, meeting=meeting, user=person, answer="accepted", attended=True)
    idea = make(Idea, author=first)
    for person in (first, second, stays):
        make(IdeaMark, idea=idea, member=person, feasible=True)
    sticker = make(DotVoteSticker, member=first)
    make(DotVoteSticker, member=second, dot_vote=sticker.dot_vote, proposal=sticker.proposal)

    services.account_erase(user=first)
    services.account_erase(user=second)

    assert Rsvp.objects.filter(meeting=meeting, attended=True).count() == 3
    assert IdeaMark.objects.filter(idea=idea, feasible=True).count() == 3
    assert DotVoteSticker.objects.filter(dot_vote=sticker.dot_vote).count() == 2
    assert Idea.objects.get(pk=idea.pk).author is None
    # Two erased people answered the same meeting: two former participants, both unnamed.
    former = Rsvp.objects.filter(meeting=meeting).exclude(user=stays).select_related("user")
    assert {r.user.name for r in former} == {"Voormalig deelnemer"}
    assert len({r.user_id for r in former}) == 2
    assert not any(r.user.is_active or r.user.has_usable_password() for r in former)


def test_asking_for_erasure_deactivates_and_ends_memberships(
    network, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    participant = add_member(network)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(participant).post(reverse("privacy:erasure"), {"password": PASSWORD})
    assert response.status_code == 302
    participant.refresh_from_db()
    assert not participant.is_active
    assert participant.erasure_requested_at is not None
    assert participant not in network_selectors.members(network=network)
    assert mailoutbox[-1].to == [participant.email]
    assert "/mijn-gegevens/verwijderen-annuleren/" in mailoutbox[-1].body
    # Logged out, and cannot log in again.
    assert not login_works(participant)


def login_works(user: Any) -> bool:
    response = Client().post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    return response.status_code == 302


def test_erasure_needs_the_password(network):
    participant = add_member(network)
    response = login(participant).post(reverse("privacy:erasure"), {"password": "fout"})
    assert response.status_code == 200
    assert "Dat is niet je wachtwoord" in response.content.decode()
    participant.refresh_from_db()
    assert participant.is_active


def test_the_link_in_the_e_mail_cancels_the_erasure(
    network, mailoutbox, client, django_capture_on_commit_callbacks
):
    participant = add_member(network)
    with django_capture_on_commit_callbacks(execute=True):
        login(participant).post(reverse("privacy:erasure"), {"password": PASSWORD})
    link = next(line for line in mailoutbox[-1].body.splitlines() if "annuleren" in line)
    path = link.strip().removeprefix("http://localhost:8000")
    assert client.get(path).status_code == 200
    participant.refresh_from_db()
    assert not participant.is_active  # opening the link changes nothing

    assert client.post(path).status_code == 302
    participant.refresh_from_db()
    assert participant.is_active and participant.erasure_requested_at is None
    assert login_works(participant)
    # Used once: a second time it is refused.
    response = client.post(path, follow=True)
    assert "werkt niet meer" in response.content.decode()


def test_erase_accounts_waits_for_the_grace_period(settings):
    settings.ERASURE_GRACE_DAYS = 14
    now = timezone.now()
    due = UserFactory.create(
        is_active=False, erasure_requested_at=now - datetime.timedelta(days=15)
    )
    waiting = UserFactory.create(
        is_active=False, erasure_requested_at=now - datetime.timedelta(days=13)
    )
    call_command("erase_accounts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    users = get_user_model().objects
    assert not users.filter(pk=due.pk).exists()
    assert users.filter(pk=waiting.pk).exists()


def test_the_last_facilitator_may_still_ask_for_erasure(network, facilitator):
    services.erasure_request(user=facilitator)
    assert network_selectors.member_count(network=network) == 0


def test_a_deactivated_manager_is_not_offered_to_commit(district):
    from lerendnetwerk.accounts.selectors import managers_in_region
    from lerendnetwerk.core.tests.factories import OrganisationFactory

    manager = UserFactory.create(
        is_manager=True, organisation=OrganisationFactory.create(district=district)
    )
    services.erasure_request(user=manager)
    assert manager not in managers_in_region(region=district.region)
