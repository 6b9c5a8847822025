import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lerendnetwerk.accounts.models import Invitation
from lerendnetwerk.core.tests.factories import UserFactory
from lerendnetwerk.privacy.services import personal_data_purge

from .builder import make

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def _days_ago(days: int) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


def test_only_rows_past_their_period_go(settings):
    settings.RETENTION_TASK_RESULT_DAYS = 30
    settings.RETENTION_LOGIN_RECORD_DAYS = 90
    settings.RETENTION_INVITATION_DAYS = 30
    old_task = make(DBTaskResult, finished_at=_days_ago(31), args_kwargs={"to": ["a@b.nl"]})
    new_task = make(DBTaskResult, finished_at=_days_ago(29), args_kwargs={})
    waiting_task = make(DBTaskResult, finished_at=None, args_kwargs={})
    logs = {}
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        old = make(model, ip_address="192.0.2.1")
        new = make(model, ip_address="192.0.2.2")
        # attempt_time is set on insert (auto_now_add), so it is moved afterwards.
        model.objects.filter(pk=old.pk).update(attempt_time=_days_ago(91))
        model.objects.filter(pk=new.pk).update(attempt_time=_days_ago(89))
        logs[model] = (old, new)
    expired = Session.objects.create(
        session_key="a" * 32, session_data="", expire_date=_days_ago(1)
    )
    live = Session.objects.create(
        session_key="b" * 32, session_data="", expire_date=NOW + datetime.timedelta(days=1)
    )
    person = UserFactory.create()
    used = Invitation.objects.create(user=person, sent_at=_days_ago(60), accepted_at=_days_ago(31))
    just_used = Invitation.objects.create(
        user=person, sent_at=_days_ago(40), accepted_at=_days_ago(29)
    )
    expired_invitation = Invitation.objects.create(user=person, sent_at=_days_ago(31))
    open_invitation = Invitation.objects.create(user=person, sent_at=_days_ago(5))

    counts = personal_data_purge(now=NOW)

    assert not DBTaskResult.objects.filter(pk=old_task.pk).exists()
    assert DBTaskResult.objects.filter(pk__in=[new_task.pk, waiting_task.pk]).count() == 2
    for model, (_old, new) in logs.items():
        assert list(model.objects.values_list("pk", flat=True)) == [new.pk], model
    assert list(Session.objects.values_list("pk", flat=True)) == [live.pk]
    assert expired.pk not in Session.objects.values_list("pk", flat=True)
    assert set(Invitation.objects.values_list("pk", flat=True)) == {
        just_used.pk,
        open_invitation.pk,
    }
    assert used.pk and expired_invitation.pk
    assert counts["task results"] == 1 and counts["invitations"] == 2


def test_the_command_runs(capsys):
    call_command("purge_personal_data")
    assert "sessions: 0 deleted" in capsys.readouterr().out
