"""Peer consultation (intervisie): planned by a mentor and mentee or by members of the
facilitators' network, with a case one of them brings in. The case is for the participants
only; what each takes away is theirs alone."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import NetworkFactory, UserFactory, add_member, login
from lerendnetwerk.groups import services
from lerendnetwerk.groups.models import ConsultationCase, PeerConsultation
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Network
from lerendnetwerk.privacy import services as privacy_services
from lerendnetwerk.privacy.selectors import person_data_json
from lerendnetwerk.regions.models import Region

pytestmark = pytest.mark.django_db

CASE = "Een deelnemer die alles overneemt"
STORY = "In elke bijeenkomst neemt één deelnemer het gesprek over. Hoe geef ik anderen ruimte?"


@pytest.fixture
def mentee(district) -> User:
    return add_member(
        NetworkFactory.create(district=district),
        UserFactory.create(name="Nina Nieuw"),
        role="facilitator",
    )


@pytest.fixture
def mentor(coordinator: User, facilitator: User, mentee: User, utrecht: Region) -> User:
    services.mentorship_start(
        region=utrecht, mentor=facilitator, mentee=mentee, paired_by=coordinator
    )
    return facilitator


def next_week() -> dict[str, str]:
    day = timezone.localdate() + timedelta(days=7)
    return {"date": day.isoformat(), "start_time": "15:30"}


def plan(mentee: User, mentor: User, **extra: object) -> PeerConsultation:
    arguments: dict[str, object] = {
        "starts_at": timezone.now() + timedelta(days=7),
        "place": "Buurthuis De Leeuw",
        "case_title": CASE,
        "case_description": STORY,
        **extra,
    }
    return services.consultation_plan(planned_by=mentee, others=[mentor], **arguments)  # type: ignore[arg-type]


def test_the_mentee_plans_a_consultation_with_a_case_and_the_mentor_is_e_mailed(
    mentee, mentor, django_capture_on_commit_callbacks
):
    client = login(mentee)
    form = client.get(reverse("groups:consultation_plan")).content.decode()
    assert mentor.name in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("groups:consultation_plan"),
            {
                "others": [mentor.pk],
                **next_week(),
                "place": "Buurthuis De Leeuw",
                "case_title": CASE,
                "case_description": STORY,
            },
        )
    consultation = PeerConsultation.objects.get()
    assert response["Location"] == reverse("groups:consultation", args=[consultation.pk])
    assert set(consultation.participants.all()) == {mentee, mentor}
    assert consultation.case.owner == mentee and consultation.case.title == CASE
    assert timezone.localtime(consultation.starts_at).strftime("%H:%M") == "15:30"
    [message] = mail.outbox
    assert message.to == [mentor.email]
    assert "Nina Nieuw" in message.body
    # The case itself stays on the platform, for the participants.
    assert CASE not in message.body and STORY not in message.body

    page = login(mentor).get(reverse("groups:consultation", args=[consultation.pk]))
    assert CASE in page.content.decode() and STORY in page.content.decode()
    overview = login(mentor).get(reverse("groups:mentoring")).content.decode()
    assert CASE in overview


def test_the_case_is_read_by_the_participants_only(
    mentee, mentor, coordinator, network, participant, outsider
):
    consultation = plan(mentee, mentor)
    url = reverse("groups:consultation", args=[consultation.pk])
    superuser = UserFactory.create(is_staff=True, is_superuser=True)
    colleague = add_member(network, role="facilitator")
    for person in (coordinator, colleague, participant, outsider, superuser):
        for name in ("groups:consultation", "groups:consultation_case"):
            response = login(person).get(reverse(name, args=[consultation.pk]))
            assert response.status_code == 404, (person, name)
        overview = login(person).get(reverse("groups:mentoring"))
        assert CASE not in overview.content.decode()
    assert login(mentor).get(url).status_code == 200


def test_one_case_per_consultation_changed_only_by_its_owner(mentee, mentor):
    consultation = plan(mentee, mentor)
    # The mentor cannot replace the mentee's case, on the page or otherwise.
    response = login(mentor).get(reverse("groups:consultation_case", args=[consultation.pk]))
    assert response["Location"] == reverse("groups:consultation", args=[consultation.pk])
    with pytest.raises(ValidationError, match="brengt al de casus in"):
        services.consultation_case_bring(
            consultation=consultation, owner=mentor, title="Mijn casus", description="Anders."
        )
    login(mentee).post(
        reverse("groups:consultation_case", args=[consultation.pk]),
        {"title": "Scherper geformuleerd", "description": STORY},
    )
    case = ConsultationCase.objects.get()
    assert (case.owner, case.title) == (mentee, "Scherper geformuleerd")


def test_any_participant_brings_in_the_case_when_there_is_none(mentee, mentor):
    consultation = plan(mentee, mentor, case_title="", case_description="")
    client = login(mentor)
    response = client.post(
        reverse("groups:consultation_case", args=[consultation.pk]),
        {"title": "Mijn casus", "description": "Wat ik wil bespreken."},
    )
    assert response.status_code == 302
    assert ConsultationCase.objects.get().owner == mentor
    page = login(mentee).get(reverse("groups:consultation", args=[consultation.pk]))
    assert "Mijn casus" in page.content.decode()


def test_what_one_takes_away_stays_private_the_summary_is_shared(mentee, mentor):
    consultation = plan(mentee, mentor)
    url = reverse("groups:consultation_afterwards", args=[consultation.pk])
    login(mentee).post(url, {"takeaways": "Ik laat vaker stiltes vallen.", "summary": ""})
    login(mentor).post(
        url, {"takeaways": "Mijn eigen notitie.", "summary": "Samen: meer werkvormen."}
    )
    mentee_page = login(mentee).get(reverse("groups:consultation", args=[consultation.pk]))
    text = mentee_page.content.decode()
    assert "Ik laat vaker stiltes vallen." in text
    assert "Mijn eigen notitie." not in text
    assert "Samen: meer werkvormen." in text
    # Saving one's own notes leaves the summary as the other wrote it.
    login(mentee).post(url, {"takeaways": "Aangevuld.", "summary": "Samen: meer werkvormen."})
    consultation.refresh_from_db()
    assert consultation.summary_by == mentor


@pytest.mark.parametrize(
    "problem",
    ["no one", "not a peer", "in the past", "no place", "case without a description"],
)
def test_planning_rules(problem, mentee, mentor, network):
    others: list[User] = [mentor]
    extra: dict[str, object] = {}
    if problem == "no one":
        others = []
    elif problem == "not a peer":
        others = [add_member(network, role="facilitator")]
    elif problem == "in the past":
        extra["starts_at"] = timezone.now() - timedelta(hours=1)
    elif problem == "no place":
        extra["place"] = ""
    else:
        extra["case_description"] = ""
    arguments: dict[str, object] = {
        "starts_at": timezone.now() + timedelta(days=7),
        "place": "Utrecht",
        "case_title": CASE,
        "case_description": STORY,
        **extra,
    }
    with pytest.raises(ValidationError):
        services.consultation_plan(planned_by=mentee, others=others, **arguments)  # type: ignore[arg-type]
    assert not PeerConsultation.objects.exists()


def test_the_form_keeps_what_was_typed_when_something_is_missing(mentee, mentor):
    response = login(mentee).post(
        reverse("groups:consultation_plan"),
        {"others": [mentor.pk], **next_week(), "place": "", "case_title": CASE},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{CASE}"' in html
    assert not PeerConsultation.objects.exists()


def test_members_of_the_facilitators_network_consult_during_its_meeting(
    coordinator, district, facilitator, django_capture_on_commit_callbacks
):
    kartrekkers = network_services.facilitators_network_create(
        district=district, created_by=coordinator, name="Kartrekkers"
    )
    add_member(kartrekkers, facilitator)
    starts = timezone.now() + timedelta(days=14)
    meeting = meeting_services.meeting_schedule(
        network=kartrekkers,
        title="Kartrekkersoverleg",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Stadskantoor",
        created_by=coordinator,
    )
    client = login(facilitator)
    form = client.get(reverse("groups:consultation_plan")).content.decode()
    assert coordinator.name in form and "Kartrekkersoverleg" in form
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("groups:consultation_plan"),
            {"others": [coordinator.pk], "meeting": meeting.pk},
        )
    consultation = PeerConsultation.objects.get()
    assert consultation.meeting == meeting and consultation.starts_at == meeting.starts_at
    # A meeting of a learning network is no place for it.
    learning = NetworkFactory.create(district=district)
    add_member(learning, facilitator, role="facilitator")
    other = meeting_services.meeting_schedule(
        network=learning,
        title="Gewone bijeenkomst",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="School",
        created_by=facilitator,
    )
    with pytest.raises(ValidationError):
        services.consultation_plan(planned_by=facilitator, others=[coordinator], meeting=other)
    assert Network.objects.filter(kind=Network.Kind.FACILITATORS).count() == 1


def test_the_planner_calls_it_off_and_the_others_are_told(
    mentee, mentor, django_capture_on_commit_callbacks
):
    consultation = plan(mentee, mentor)
    url = reverse("groups:consultation_cancel", args=[consultation.pk])
    login(mentor).post(url)
    assert PeerConsultation.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(mentee).post(url)
    assert response["Location"] == reverse("groups:mentoring")
    assert not PeerConsultation.objects.exists()
    assert not ConsultationCase.objects.exists()
    assert [m.to for m in mail.outbox] == [[mentor.email]]


def test_erasing_the_case_owner_removes_the_case_and_keeps_the_consultation(mentee, mentor):
    consultation = plan(mentee, mentor)
    services.consultation_afterwards_save(
        consultation=consultation, user=mentee, takeaways="Van mij.", summary="Gedeeld."
    )
    exported = person_data_json(user=mentee)["data"]
    assert exported["groups.ConsultationCase"]["rows"][0]["title"] == CASE
    assert exported["groups.ConsultationParticipant"]["rows"][0]["takeaways"] == "Van mij."
    # The mentor's export holds their own part, not the mentee's case or notes.
    theirs = str(person_data_json(user=mentor)["data"])
    assert CASE not in theirs and "Van mij." not in theirs

    privacy_services.account_erase(user=mentee)
    consultation.refresh_from_db()
    assert not ConsultationCase.objects.exists()
    assert list(consultation.participants.all()) == [mentor]
    assert consultation.summary == "Gedeeld." and consultation.summary_by is None
    assert consultation.planned_by is None
