from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from lerendnetwerk.accounts.models import User
from lerendnetwerk.meetings import services
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Network


@pytest.fixture
def meeting(
    network: Network,
    facilitator: User,
    participant: User,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> Meeting:
    starts = timezone.now().replace(microsecond=0) + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        return services.meeting_schedule(
            network=network,
            title="Kennismaken met elkaars praktijk",
            purpose="Elkaar leren kennen.",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            address="Wijkcentrum De Dreef, Utrecht",
            created_by=facilitator,
        )
