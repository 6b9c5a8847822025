"""The learning agenda with plain forms: propose, order, and mark what meetings worked on."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Network
from lerendnetwerk.themes import services
from lerendnetwerk.themes.models import LearningQuestion

pytestmark = pytest.mark.django_db


def agenda(network: Network) -> str:
    return reverse("themes:agenda", args=[network.slug])


@pytest.fixture
def past_meeting(network: Network, facilitator: User) -> Meeting:
    starts = timezone.now() + timedelta(days=1)
    meeting = meeting_services.meeting_schedule(
        network=network,
        title="Kijken bij elkaar",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Utrecht",
        created_by=facilitator,
    )
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=2),
    )
    return meeting


def test_members_propose_questions_and_a_bad_one_keeps_its_text(network, participant):
    client = login(participant)
    proposed = client.post(agenda(network), {"text": "Hoe lezen we voor?"})
    assert proposed["Location"] == agenda(network)
    response = client.post(agenda(network), {"text": "x" * 301})
    assert response.status_code == 200
    assert "id_text_error" in response.content.decode()
    assert LearningQuestion.objects.count() == 1


def test_only_the_facilitator_orders(network, cycle, participant, facilitator):
    first, second = (
        services.learning_question_propose(cycle=cycle, text=t, proposed_by=participant)
        for t in ("Eerste", "Tweede")
    )
    url = reverse("themes:agenda_move", args=[network.slug, second.pk])
    assert login(participant).post(url, {"direction": "up"}).status_code == 403
    assert url not in login(participant).get(agenda(network)).content.decode()
    page = login(facilitator).get(agenda(network)).content.decode()
    # Short visible labels; the hidden suffix names the question for a screen reader.
    assert 'Up<span class="ln-visually-hidden">: Tweede</span>' in page
    assert 'Down<span class="ln-visually-hidden">: Eerste</span>' in page
    login(facilitator).post(url, {"direction": "up"})
    assert list(LearningQuestion.objects.order_by("order").values_list("text", flat=True)) == [
        "Tweede",
        "Eerste",
    ]
    login(facilitator).post(reverse("themes:agenda_remove", args=[network.slug, first.pk]))
    assert list(LearningQuestion.objects.values_list("text", flat=True)) == ["Tweede"]


def test_the_facilitator_ticks_what_a_meeting_worked_on(
    network, cycle, participant, facilitator, past_meeting
):
    question = services.learning_question_propose(
        cycle=cycle, text="Hoe betrekken we ouders?", proposed_by=participant
    )
    client = login(facilitator)
    url = reverse("themes:agenda_meeting", args=[network.slug, past_meeting.pk])
    assert url in client.get(agenda(network)).content.decode()
    assert client.post(url, {"questions": [question.pk]})["Location"] == agenda(network)
    page = login(participant).get(agenda(network)).content.decode()
    assert "Worked on in" in page
    assert reverse("meetings:detail", args=[past_meeting.pk]) in page
    bad = client.post(url, {"questions": ["999999"]})
    assert bad.status_code == 200 and "id_questions_error" in bad.content.decode()


def test_a_meeting_of_another_network_is_not_found(network, facilitator, outsider):
    other = outsider.memberships.get().network
    lead = outsider
    starts = timezone.now() + timedelta(days=2)
    from lerendnetwerk.core.tests.factories import add_member

    lead = add_member(other, role="facilitator")
    foreign = meeting_services.meeting_schedule(
        network=other,
        title="Elders",
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        address="Zuid",
        created_by=lead,
    )
    url = reverse("themes:agenda_meeting", args=[network.slug, foreign.pk])
    assert login(facilitator).get(url).status_code == 404
