"""Someone who left the network is no longer invited: no reminders, no answers, not counted."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.meetings import services
from lerendnetwerk.meetings.models import Meeting, Rsvp
from lerendnetwerk.meetings.tasks import meeting_remind
from lerendnetwerk.meetings.tokens import rsvp_token
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Membership, Network

pytestmark = pytest.mark.django_db


def leave(network: Network, user: User) -> None:
    network_services.membership_end(membership=Membership.objects.get(network=network, user=user))


def left_without_clean_up(network: Network, user: User) -> None:
    """A membership that ended while its answers stayed behind (older data)."""
    Membership.objects.filter(network=network, user=user).update(left_at=timezone.localdate())


def test_leaving_removes_answers_to_meetings_to_come(
    meeting, network, facilitator, participant, django_capture_on_commit_callbacks
):
    services.rsvp_answer(meeting=meeting, user=participant, answer="accepted")
    leave(network, participant)
    assert not meeting.rsvps.filter(user=participant).exists()
    page = login(facilitator).get(reverse("meetings:detail", args=[meeting.pk]))
    assert page.context["counts"]["accepted"] == 0
    assert participant.name not in page.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert meeting_remind.call(meeting_id=meeting.pk, sequence=0) == 1
    assert [m.to for m in mail.outbox] == [[facilitator.email]]


def test_leaving_keeps_the_attendance_of_meetings_already_held(meeting, network, participant):
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    meeting.refresh_from_db()
    services.attendance_record(meeting=meeting, present=[participant])
    leave(network, participant)
    assert meeting.rsvps.get(user=participant).attended is True


def test_no_reminder_for_someone_who_left_even_with_an_answer_left_behind(
    meeting, network, facilitator, participant, django_capture_on_commit_callbacks
):
    left_without_clean_up(network, participant)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert meeting_remind.call(meeting_id=meeting.pk, sequence=0) == 1
    assert [m.to for m in mail.outbox] == [[facilitator.email]]


def test_someone_who_left_cannot_answer(meeting, network, participant):
    services.rsvp_answer(meeting=meeting, user=participant, answer="accepted")
    left_without_clean_up(network, participant)
    with pytest.raises(ValidationError):
        services.rsvp_answer(meeting=meeting, user=participant, answer="declined")
    assert meeting.rsvps.get(user=participant).answer == Rsvp.Answer.ACCEPTED


def test_the_signed_link_of_someone_who_left_no_longer_works(client, meeting, network, participant):
    url = reverse(
        "meetings:answer_by_link", args=[rsvp_token(meeting_id=meeting.pk, user_id=participant.pk)]
    )
    left_without_clean_up(network, participant)
    page = client.get(url)
    assert page.status_code == 410
    assert "geen lid meer van dit netwerk" in page.content.decode()
    assert client.post(url, {"answer": "accepted"}).status_code == 410
    assert meeting.rsvps.get(user=participant).answer == Rsvp.Answer.PENDING
    leave_again = Membership.objects.get(network=network, user=participant)
    leave_again.left_at = None
    leave_again.save()
    leave(network, participant)
    assert client.get(url).status_code in (404, 410)
