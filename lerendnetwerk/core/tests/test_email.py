"""E-mail rendering: subjects and text bodies are plain text, HTML bodies stay escaped."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives

from lerendnetwerk.core.email import email_enqueue


@pytest.mark.django_db
def test_names_with_an_ampersand_reach_subject_and_text_unescaped(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        email_enqueue(
            to="lid@example.org",
            template="accounts/email/invitation",
            context={
                "name": "Fatima <Fa>",
                "inviter": "Jan & Piet",
                "context": "Taal & Rekenen\n'extra'",
                "message": "",
                "link": "http://localhost:8000/x",
            },
            language="en",
        )
    [message] = mail.outbox
    assert message.subject == "Invitation: Taal & Rekenen 'extra'"
    assert "Jan & Piet invites you to Taal & Rekenen" in message.body
    assert "Dear Fatima <Fa>," in message.body
    assert "&amp;" not in message.body
    assert isinstance(message, EmailMultiAlternatives)
    html = str(message.alternatives[0][0])
    assert "Jan &amp; Piet" in html
    assert "Fatima &lt;Fa&gt;" in html
