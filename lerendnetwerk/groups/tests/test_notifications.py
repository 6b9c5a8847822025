"""Groups notify the people in a new buddy pair and at a planned table."""

import pytest

from lerendnetwerk.core.tests.factories import add_member
from lerendnetwerk.groups import services
from lerendnetwerk.groups.notifications import BUDDY_ASSIGNED, TABLE_ASSIGNED
from lerendnetwerk.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_a_buddy_pair_notifies_both(network, facilitator, participant):
    services.buddies_set(network=network, pairs=[[facilitator, participant]])
    notified = Notification.objects.filter(kind=BUDDY_ASSIGNED)
    assert {n.user for n in notified} == {facilitator, participant}


def test_planned_groups_notify_everyone_at_a_table(network, facilitator, participant):
    others = [add_member(network) for _ in range(4)]
    rotation = services.rotation_plan(
        network=network, name="Tafels", group_size=3, rounds=2, created_by=facilitator
    )
    notified = Notification.objects.filter(kind=TABLE_ASSIGNED)
    assert {n.user for n in notified} == {facilitator, participant, *others}
    assert notified[0].path.endswith(f"/groepen/{rotation.pk}/")
