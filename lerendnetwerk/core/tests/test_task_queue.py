"""E-mail goes through Django's tasks framework into the database queue and the worker sends it."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from lerendnetwerk.core.email import email_enqueue


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_email_waits_in_the_queue_until_the_worker_sends_it(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    email_enqueue(
        to="lid@example.org",
        template="accounts/email/password_reset",
        context={"name": "Lid", "link": "http://localhost/x"},
    )
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1

    call_command("db_worker", batch=True, interval=0)

    [message] = mail.outbox
    assert message.to == ["lid@example.org"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
