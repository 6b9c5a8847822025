from django.tasks import task

from .models import Meeting, Rsvp
from .notifications import meeting_notify


@task()
def meeting_remind(*, meeting_id: int, sequence: int) -> int:
    """Send the reminder, unless the meeting changed (new sequence), was cancelled or is gone,
    or its invitations were never sent.

    Returns how many reminders were queued. Members who declined are not reminded.
    """
    meeting = (
        Meeting.objects.select_related("network", "host", "created_by")
        .filter(
            pk=meeting_id,
            sequence=sequence,
            status=Meeting.Status.SCHEDULED,
            invitations_sent_at__isnull=False,
        )
        .first()
    )
    if meeting is None:
        return 0
    recipients = [
        rsvp.user
        for rsvp in meeting.rsvps.exclude(answer=Rsvp.Answer.DECLINED).select_related("user")
    ]
    return meeting_notify(meeting=meeting, kind="reminder", recipients=recipients)
