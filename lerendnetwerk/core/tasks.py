from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task()
def send_email(*, to: list[str], subject: str, text: str, html: str = "") -> None:
    """Send one e-mail. Runs in the task worker, never inside a request."""
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
