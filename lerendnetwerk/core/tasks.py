import logging
import smtplib
from datetime import timedelta
from email.utils import parseaddr
from typing import Any
from uuid import UUID, uuid4

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import TaskContext, task
from django.utils import timezone

from .services import Claim, email_claim, email_mark_sent, email_release

logger = logging.getLogger(__name__)

# Pause before the next attempt after a failed send: 1 minute, 5, 30, then every 2 hours, until
# EMAIL_MAX_ATTEMPTS attempts failed.
RETRY_PAUSES = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
]


@task(takes_context=True)
def send_email(
    context: TaskContext[..., str],
    *,
    to: list[str],
    subject: str,
    text: str,
    html: str = "",
    attachments: list[tuple[str, str, str]] | None = None,
    key: str = "",
    attempt: int = 1,
) -> str:
    """Send one e-mail exactly once per `key`. Runs in the task worker, never inside a request.

    `attachments` are (filename, text content, mimetype), e.g. an iCalendar invitation.
    `key` is the idempotency key made when the e-mail was queued: claimed before sending,
    marked after, so that a task run again (its worker died, a retry) does not send twice.
    """
    # Tasks queued before keys existed carry none; they keep the old at-least-once behaviour.
    idempotency_key = UUID(key) if key else uuid4()
    mail: dict[str, Any] = {
        "to": to,
        "subject": subject,
        "text": text,
        "html": html,
        "attachments": attachments or [],
    }
    claim, expires = email_claim(key=idempotency_key, holder=str(context.task_result.id))
    if claim is Claim.SENT:
        return "already sent"
    if claim is Claim.BUSY:
        # Another attempt is sending it now, or died doing so: look again once its claim expires.
        send_email.using(run_after=expires).enqueue(
            **mail, key=str(idempotency_key), attempt=attempt
        )
        return "claimed elsewhere"
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        # The same key gives the same Message-ID, so that a receiving system can recognise the
        # one duplicate the platform cannot rule out (docs/operations.md).
        headers={"Message-ID": message_id(idempotency_key)},
    )
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    try:
        message.send()
    except Exception as error:
        email_release(key=idempotency_key)
        if is_permanent(error) or attempt >= settings.EMAIL_MAX_ATTEMPTS:
            logger.error(
                "E-mail %s not sent, giving up after %d attempt(s).", idempotency_key, attempt
            )
        elif send_email.get_backend().supports_defer:
            pause = RETRY_PAUSES[min(attempt, len(RETRY_PAUSES)) - 1]
            send_email.using(run_after=timezone.now() + pause).enqueue(
                **mail, key=str(idempotency_key), attempt=attempt + 1
            )
        # The task fails either way, so the failure and its traceback show in the task results.
        raise
    email_mark_sent(key=idempotency_key)
    return "sent"


def message_id(key: UUID) -> str:
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "lerendnetwerk.local"
    return f"<{key}@{domain}>"


def is_permanent(error: Exception) -> bool:
    """A refusal (5xx, every recipient refused) comes back the same on every retry."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return True
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500
