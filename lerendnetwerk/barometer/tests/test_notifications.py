"""The Netwerkbarometer notifies: a round opens (the invitation e-mail for those who want it at
once), it closes within two days (once, only those who have not answered), its results."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from lerendnetwerk.barometer import services
from lerendnetwerk.barometer.models import BarometerRound
from lerendnetwerk.barometer.notifications import RESULTS_READY, ROUND_CLOSING, ROUND_OPENED
from lerendnetwerk.barometer.tests.conftest import answer, close
from lerendnetwerk.notifications import services as notification_services
from lerendnetwerk.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_opening_notifies_every_member_and_e_mails_who_wants_it_at_once(
    network, members, facilitator, participant, django_capture_on_commit_callbacks
):
    notification_services.notification_preferences_set(
        user=participant, frequencies={ROUND_OPENED: "weekly"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.round_open(
            network=network,
            closes_on=timezone.localdate() + timedelta(days=14),
            opened_by=facilitator,
        )
    assert Notification.objects.filter(kind=ROUND_OPENED).count() == len(members)
    assert participant.email not in {m.to[0] for m in mail.outbox}
    assert len(mail.outbox) == len(members) - 1
    assert "Netwerkbarometer" in mail.outbox[0].subject


def test_the_reminder_goes_once_to_who_has_not_answered(
    barometer_round, members, participant, django_capture_on_commit_callbacks
):
    answer(barometer_round, participant)
    today = timezone.localdate()
    # Two weeks before closing: not yet.
    assert services.rounds_remind_closing(today=today) == 0
    BarometerRound.objects.filter(pk=barometer_round.pk).update(closes_on=today + timedelta(days=2))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.rounds_remind_closing(today=today) == 1
        assert services.rounds_remind_closing(today=today) == 0
    reminded = set(Notification.objects.filter(kind=ROUND_CLOSING).values_list("user", flat=True))
    assert reminded == {m.pk for m in members} - {participant.pk}
    assert len(mail.outbox) == len(members) - 1


def test_the_daily_command_reminds(barometer_round, capsys):
    BarometerRound.objects.filter(pk=barometer_round.pk).update(
        closes_on=timezone.localdate() + timedelta(days=1)
    )
    call_command("release_barometer_rounds")
    assert "1 rounds reminded" in capsys.readouterr().out
    assert Notification.objects.filter(kind=ROUND_CLOSING).exists()


def test_releasing_tells_the_members_the_results_are_ready(barometer_round, members):
    for member in members:
        answer(barometer_round, member)
    close(barometer_round)
    ready = Notification.objects.filter(kind=RESULTS_READY)
    assert ready.count() == len(members)
    assert "/uitslag/" in ready[0].path
    # Releasing again (the pages do it lazily) tells nobody twice.
    services.round_release(barometer_round=barometer_round)
    assert ready.count() == len(members)
