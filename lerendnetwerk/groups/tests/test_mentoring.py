"""A mentor for a new facilitator, paired by the coordinator: who may be paired, who is told,
who sees it, and ending it."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import (
    DistrictFactory,
    NetworkFactory,
    UserFactory,
    add_member,
    login,
)
from lerendnetwerk.groups import services
from lerendnetwerk.groups.models import Mentorship
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(district) -> User:
    """A new facilitator of a learning network in Utrecht, who reads in English."""
    user = UserFactory.create(name="Nina Nieuw", language="en")
    return add_member(NetworkFactory.create(district=district), user, role="facilitator")


def pair(coordinator: User, mentor: User, mentee: User, region: Region) -> Mentorship:
    return services.mentorship_start(
        region=region, mentor=mentor, mentee=mentee, paired_by=coordinator
    )


def test_the_coordinator_pairs_them_and_both_are_e_mailed_in_their_language(
    coordinator, facilitator, newcomer, utrecht, django_capture_on_commit_callbacks
):
    client = login(coordinator)
    form = client.get(reverse("groups:mentorship_create")).content.decode()
    assert facilitator.name in form and newcomer.name in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("groups:mentorship_create"),
            {
                "mentee": newcomer.pk,
                "mentor": facilitator.pk,
                "started_on": timezone.localdate().isoformat(),
                "note": "Help Nina met de randvoorwaarden.",
            },
        )
    assert response["Location"] == reverse("groups:mentoring")
    pairing = Mentorship.objects.get()
    assert (pairing.mentor, pairing.mentee, pairing.region) == (facilitator, newcomer, utrecht)
    assert pairing.paired_by == coordinator and pairing.is_current
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {facilitator.email, newcomer.email}
    assert by_address[newcomer.email].subject == f"Your mentor: {facilitator.name}"
    assert by_address[facilitator.email].subject == f"Je bent de mentor van {newcomer.name}"
    assert "Help Nina met de randvoorwaarden." in by_address[newcomer.email].body
    assert facilitator.email in by_address[newcomer.email].body


def test_both_see_the_pairing_on_their_page_and_dashboard_others_do_not(
    coordinator, facilitator, newcomer, utrecht, network
):
    pair(coordinator, facilitator, newcomer, utrecht)
    for person, other in ((facilitator, newcomer), (newcomer, facilitator)):
        client = login(person)
        page = client.get(reverse("groups:mentoring")).content.decode()
        assert other.name in page and other.email in page
        dashboard = client.get(reverse("pages:dashboard")).content.decode()
        assert other.name in dashboard
        assert reverse("groups:mentoring") in dashboard
    bystander = add_member(network, role="facilitator")
    page = login(bystander).get(reverse("groups:mentoring")).content.decode()
    assert newcomer.name not in page
    # The coordinator sees every pairing of the region, with a way to end it.
    overview = login(coordinator).get(reverse("groups:mentoring")).content.decode()
    assert newcomer.name in overview
    assert reverse("groups:mentorship_end", args=[Mentorship.objects.get().pk]) in overview


def test_a_participant_has_no_mentoring_page(participant):
    assert login(participant).get(reverse("groups:mentoring")).status_code == 403
    dashboard = login(participant).get(reverse("pages:dashboard")).content.decode()
    assert reverse("groups:mentoring") not in dashboard


@pytest.mark.parametrize(
    "who",
    ["oneself", "a participant", "a facilitator elsewhere", "mentee has a mentor"],
)
def test_pairing_rules(who, coordinator, facilitator, participant, newcomer, utrecht, network):
    mentor, mentee = facilitator, newcomer
    if who == "oneself":
        mentor = mentee
    elif who == "a participant":
        mentee = participant
    elif who == "a facilitator elsewhere":
        mentee = add_member(
            NetworkFactory.create(district=DistrictFactory.create()), role="facilitator"
        )
    else:
        pair(coordinator, add_member(network, role="facilitator"), mentee, utrecht)
    before = Mentorship.objects.count()
    with pytest.raises(ValidationError):
        pair(coordinator, mentor, mentee, utrecht)
    assert Mentorship.objects.count() == before
    assert mail.outbox == [] or who == "mentee has a mentor"


def test_only_a_coordinator_of_the_region_pairs(coordinator, facilitator, newcomer, utrecht):
    elsewhere = UserFactory.create()
    elsewhere.coordinator_of.add(Region.objects.create(name="Zeist", slug="zeist"))
    with pytest.raises(ValidationError):
        pair(elsewhere, facilitator, newcomer, utrecht)
    assert login(facilitator).get(reverse("groups:mentorship_create")).status_code == 403


def test_the_form_refuses_pairing_someone_with_themselves_and_keeps_the_note(coordinator, newcomer):
    response = login(coordinator).post(
        reverse("groups:mentorship_create"),
        {
            "mentee": newcomer.pk,
            "mentor": newcomer.pk,
            "started_on": timezone.localdate().isoformat(),
            "note": "Blijft staan",
        },
    )
    assert response.status_code == 200
    assert "Blijft staan" in response.content.decode()
    assert not Mentorship.objects.exists()


def test_the_database_keeps_one_current_mentor_and_no_one_mentors_themselves(
    coordinator, facilitator, newcomer, utrecht
):
    pair(coordinator, facilitator, newcomer, utrecht)
    with pytest.raises(IntegrityError), transaction.atomic():
        Mentorship.objects.create(region=utrecht, mentor=coordinator, mentee=newcomer)
    with pytest.raises(IntegrityError), transaction.atomic():
        Mentorship.objects.create(region=utrecht, mentor=facilitator, mentee=facilitator)


def test_two_coordinators_pairing_at_once_get_one_pairing_and_a_message(
    coordinator, facilitator, newcomer, utrecht, network, monkeypatch
):
    pair(coordinator, facilitator, newcomer, utrecht)
    # The second coordinator's check ran before the first one's pairing was saved.
    monkeypatch.setattr(QuerySet, "exists", lambda self: False)
    with pytest.raises(ValidationError, match="heeft al een mentor"):
        pair(coordinator, add_member(network, role="facilitator"), newcomer, utrecht)
    assert Mentorship.objects.filter(mentee=newcomer).count() == 1


def test_the_coordinator_ends_a_pairing_which_stays_as_history(
    coordinator, facilitator, newcomer, utrecht, network
):
    pairing = pair(coordinator, facilitator, newcomer, utrecht)
    url = reverse("groups:mentorship_end", args=[pairing.pk])
    assert login(facilitator).post(url).status_code == 403
    assert login(coordinator).post(url)["Location"] == reverse("groups:mentoring")
    pairing.refresh_from_db()
    assert pairing.ended_on == timezone.localdate()
    with pytest.raises(ValidationError):
        services.mentorship_end(mentorship=pairing, ended_by=coordinator)
    # A new mentor now; the earlier pairing shows as history.
    pair(coordinator, add_member(network, role="facilitator"), newcomer, utrecht)
    page = login(newcomer).get(reverse("groups:mentoring")).content.decode()
    assert "Eerdere koppelingen" in page


def test_being_in_the_facilitators_network_alone_is_no_facilitating(
    coordinator, facilitator, utrecht, district
):
    kartrekkers = network_services.facilitators_network_create(
        district=district, created_by=coordinator, name="Kartrekkers"
    )
    member = add_member(kartrekkers, UserFactory.create())
    with pytest.raises(ValidationError, match="is geen kartrekker"):
        pair(coordinator, facilitator, member, utrecht)
