"""Notifications are the person's own: in their export, gone with their account, and read ones
are purged after RETENTION_NOTIFICATION_DAYS."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lerendnetwerk.notifications import services
from lerendnetwerk.notifications.models import Notification
from lerendnetwerk.privacy.services import personal_data_purge
from lerendnetwerk.themes.notifications import DOT_VOTE_OPENED

pytestmark = pytest.mark.django_db


def test_read_notifications_are_purged_after_their_period_unread_ones_stay(
    settings, network, participant, facilitator
):
    services.notify(users=[participant, facilitator], kind=DOT_VOTE_OPENED, params={"network": "X"})
    long_ago = timezone.now() - timedelta(days=settings.RETENTION_NOTIFICATION_DAYS + 1)
    Notification.objects.filter(user=participant).update(read_at=long_ago)
    counts = personal_data_purge()
    assert counts["read notifications"] == 1
    assert list(Notification.objects.values_list("user", flat=True)) == [facilitator.pk]


def test_they_go_with_the_account(network, participant):
    services.notify(users=[participant], kind=DOT_VOTE_OPENED, params={"network": "X"})
    services.notification_preferences_set(user=participant, frequencies={DOT_VOTE_OPENED: "never"})
    participant.delete()
    assert not Notification.objects.exists()
