"""Themes notify the members: a dot vote opens and closes, a contract version is published."""

import pytest
from django.core import mail

from lerendnetwerk.notifications.models import Notification
from lerendnetwerk.themes import services
from lerendnetwerk.themes.notifications import (
    AGREEMENT_PUBLISHED,
    DOT_VOTE_CLOSED,
    DOT_VOTE_OPENED,
)

pytestmark = pytest.mark.django_db


def test_a_dot_vote_notifies_the_others_when_it_opens_and_everyone_when_it_closes(
    cycle, proposals, facilitator, participant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        dot_vote = services.dot_vote_open(cycle=cycle, opened_by=facilitator, proposals=proposals)
    [opened] = Notification.objects.filter(kind=DOT_VOTE_OPENED)
    assert opened.user == participant
    assert opened.message == "A dot vote has opened in LN Overvecht: place your stickers."
    assert opened.path == f"/en/netwerken/{cycle.network.slug}/thema/stemronde/{dot_vote.pk}/"
    assert [m.to for m in mail.outbox] == [[participant.email]]
    services.dot_vote_close(dot_vote=dot_vote)
    closed = Notification.objects.filter(kind=DOT_VOTE_CLOSED)
    assert {n.user for n in closed} == {facilitator, participant}
    assert all(n.emailed_at is None for n in closed)  # daily digest by default


def test_a_new_contract_version_notifies_the_other_members(network, facilitator, participant):
    services.agreement_publish(network=network, text="We luisteren.", published_by=facilitator)
    [published] = Notification.objects.filter(kind=AGREEMENT_PUBLISHED)
    assert published.user == participant
    assert published.message.startswith("Version 1 of the contract of LN Overvecht")
