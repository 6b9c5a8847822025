"""The reminder waits in the database queue until two days before, then the worker sends it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lerendnetwerk.meetings import services
from lerendnetwerk.meetings.tasks import meeting_remind


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db
def test_scheduling_queues_a_reminder_two_days_before(
    network, facilitator, participant, database_queue, django_capture_on_commit_callbacks
):
    starts = timezone.now() + timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_schedule(
            network=network,
            title="Met herinnering",
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            address="Utrecht",
            created_by=facilitator,
        )
    reminder = DBTaskResult.objects.get(task_path__endswith="meeting_remind")
    assert reminder.run_after == starts - timedelta(hours=48)
    assert reminder.args_kwargs["kwargs"] == {"meeting_id": meeting.pk, "sequence": 0}


@pytest.mark.django_db
def test_the_reminder_skips_decliners_and_outdated_times(
    network, facilitator, participant, meeting, django_capture_on_commit_callbacks
):
    services.rsvp_answer(meeting=meeting, user=facilitator, answer="declined")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sent = meeting_remind.call(meeting_id=meeting.pk, sequence=0)
    assert sent == 1
    assert mail.outbox[0].to == [participant.email]
    assert "Herinnering" in mail.outbox[0].subject or "Reminder" in mail.outbox[0].subject
    assert meeting_remind.call(meeting_id=meeting.pk, sequence=1) == 0
