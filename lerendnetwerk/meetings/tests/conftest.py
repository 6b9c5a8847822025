from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from lerendnetwerk.accounts.models import User
from lerendnetwerk.meetings import services
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Network


def agenda_ready_and_invited(meeting: Meeting) -> Meeting:
    """Put an item on the agenda and send the invitations, as the facilitator does once the
    agenda is ready (run it inside `django_capture_on_commit_callbacks(execute=True)`)."""
    services.agenda_item_add(
        meeting=meeting, title="Welkom", duration_minutes=15, lead="facilitator"
    )
    return services.meeting_send_invitations(meeting=meeting)


@pytest.fixture
def meeting(
    network: Network,
    facilitator: User,
    participant: User,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> Meeting:
    starts = timezone.now().replace(microsecond=0) + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        planned = services.meeting_schedule(
            network=network,
            title="Kennismaken met elkaars praktijk",
            purpose="Elkaar leren kennen.",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            address="Wijkcentrum De Dreef, Utrecht",
            created_by=facilitator,
        )
        return agenda_ready_and_invited(planned)
