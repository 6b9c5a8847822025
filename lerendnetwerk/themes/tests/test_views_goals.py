"""Learning goals with plain forms; a member's own goal and challenge stay private until shared."""

import pytest
from django.urls import reverse

from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.networks.models import Network
from lerendnetwerk.themes import services
from lerendnetwerk.themes.models import LearningGoalComment

pytestmark = pytest.mark.django_db


def goals(network: Network) -> str:
    return reverse("themes:goals", args=[network.slug])


def test_the_facilitator_writes_the_shared_goal_and_members_comment(
    network, facilitator, participant
):
    url = reverse("themes:shared_goal_edit", args=[network.slug])
    assert login(participant).get(url).status_code == 403
    response = login(facilitator).post(url, {"text": "Rijker taalaanbod in de hele wijk"})
    assert response["Location"] == goals(network)
    client = login(participant)
    page = client.get(goals(network)).content.decode()
    assert "Rijker taalaanbod in de hele wijk" in page
    client.post(reverse("themes:goal_comment", args=[network.slug]), {"text": "Ook thuis!"})
    assert LearningGoalComment.objects.get().text == "Ook thuis!"


def test_an_empty_comment_keeps_the_page_with_its_error(network, cycle, facilitator, participant):
    services.shared_goal_save(cycle=cycle, text="Doel", edited_by=facilitator)
    response = login(participant).post(
        reverse("themes:goal_comment", args=[network.slug]), {"text": " "}
    )
    assert response.status_code == 200
    assert "id_text_error" in response.content.decode()


def test_commenting_before_there_is_a_goal_is_refused_kindly(network, participant):
    response = login(participant).post(
        reverse("themes:goal_comment", args=[network.slug]), {"text": "Hallo"}, follow=True
    )
    assert "utrecht-alert--error" in response.content.decode()
    assert not LearningGoalComment.objects.exists()


def test_writing_my_challenge_keeps_input_when_the_question_is_missing(network, participant):
    url = reverse("themes:my_challenge", args=[network.slug])
    client = login(participant)
    response = client.post(url, {"learning_goal": "Beter voorlezen", "question": ""})
    assert response.status_code == 200
    assert "Beter voorlezen</textarea>" in response.content.decode()
    assert "id_question_error" in response.content.decode()
    response = client.post(
        url, {"learning_goal": "Beter voorlezen", "question": "Hoe lees ik interactief voor?"}
    )
    assert response["Location"] == goals(network)
    form = client.get(url).context["form"]
    assert form.initial["question"] == "Hoe lees ik interactief voor?"


def test_a_private_challenge_is_for_the_member_and_the_facilitator(
    network, cycle, participant, facilitator, colleague
):
    challenge = services.personal_challenge_save(
        cycle=cycle, member=participant, learning_goal="Geheim doel", question="Geheime vraag"
    )
    detail = reverse("themes:challenge", args=[network.slug, challenge.pk])
    assert login(participant).get(detail).status_code == 200
    assert login(facilitator).get(detail).status_code == 200
    assert login(colleague).get(detail).status_code == 403
    assert "Geheime vraag" in login(facilitator).get(goals(network)).content.decode()
    assert "Geheime vraag" not in login(colleague).get(goals(network)).content.decode()
    # Shared with the network: the other members see it too.
    services.personal_challenge_save(
        cycle=cycle,
        member=participant,
        learning_goal="Geheim doel",
        question="Geheime vraag",
        is_shared=True,
    )
    assert login(colleague).get(detail).status_code == 200
    page = login(colleague).get(goals(network)).content.decode()
    assert "Geheime vraag" in page and "Geheim doel" in page


def test_a_challenge_of_another_network_is_not_found(network, participant, outsider):
    other = outsider.memberships.get().network
    foreign = services.personal_challenge_save(
        cycle=other.current_cycle, member=outsider, learning_goal="", question="Vraag"
    )
    url = reverse("themes:challenge", args=[network.slug, foreign.pk])
    assert login(participant).get(url).status_code == 404
