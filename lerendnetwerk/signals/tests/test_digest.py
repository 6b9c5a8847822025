"""The coordinators' weekly digest of new and worse signals, and its setting."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import NetworkFactory, UserFactory, login
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import District, Region
from lerendnetwerk.signals.models import DigestPreference, Severity, Signal
from lerendnetwerk.signals.services import signal_digests_send, signals_compute

pytestmark = pytest.mark.django_db


def raise_signal(network: Network, rule: str, days_ago: int = 1, **kwargs: object) -> Signal:
    return Signal.objects.create(
        network=network,
        rule=rule,
        severity=Severity.WARNING,
        since=timezone.localdate(),
        raised_at=timezone.now() - timedelta(days=days_ago),
        **kwargs,
    )


def send(callbacks: DjangoCaptureOnCommitCallbacks) -> int:
    with callbacks(execute=True):
        return signal_digests_send()


def test_a_coordinator_gets_the_new_and_worse_signals_of_their_region(
    coordinator: User,
    network: Network,
    participant: User,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    raise_signal(
        network,
        "cancellations",
        facts={"n": 3, "declined": 5, "invited": 9, "no_shows": 0, "repeated": 1},
        private={"repeated_declines": [participant.name]},
    )
    raise_signal(network, "no_meeting_planned", days_ago=30, worsened_at=timezone.now())
    raise_signal(network, "hobby_horses", days_ago=30)  # old news
    raise_signal(network, "barometer_low", cleared_at=timezone.now())  # gone again
    elsewhere = Region.objects.create(name="Amersfoort", slug="amersfoort")
    other = NetworkFactory.create(
        name="LN Amersfoort", district=District.objects.create(region=elsewhere, name="Centrum")
    )
    raise_signal(other, "hobby_horses")
    coordinator.language = "en"
    coordinator.save()

    assert send(django_capture_on_commit_callbacks) == 1

    [message] = mail.outbox
    assert message.to == [coordinator.email]
    assert message.subject == "Signals of your region this week"
    body = str(message.body)
    assert "LN Overvecht: 1 new, 1 worse" in body
    assert "No meeting planned" in body
    assert isinstance(message, EmailMultiAlternatives)
    assert participant.name not in body and participant.name not in str(message.alternatives)
    assert "LN Amersfoort" not in body
    assert reverse("signals:digest_settings") in body


def test_in_the_recipients_language(
    coordinator: User,
    network: Network,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    raise_signal(network, "no_meeting_planned")
    coordinator.language = "nl"
    coordinator.save()

    send(django_capture_on_commit_callbacks)

    assert mail.outbox[0].subject == "Signalen in je regio deze week"
    assert "1 nieuw" in str(mail.outbox[0].body)


def test_not_sent_when_switched_off_or_empty(
    coordinator: User,
    network: Network,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    assert send(django_capture_on_commit_callbacks) == 0  # nothing new: no e-mail
    raise_signal(network, "no_meeting_planned")
    DigestPreference.objects.create(user=coordinator, weekly=False)

    assert send(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_the_command_queues_the_digests(
    coordinator: User,
    network: Network,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    raise_signal(network, "no_meeting_planned")
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_signal_digests", stdout=out)
    assert len(mail.outbox) == 1
    assert out.getvalue() == "1 digests queued.\n"


def test_computing_marks_a_signal_worse_when_its_severity_rises(network: Network) -> None:
    signal = raise_signal(network, "prerequisite_missing", days_ago=30)
    # Begun without its prerequisites recorded: the rule now finds an alert.
    network.current_cycle.phase = "exploration"  # type: ignore[union-attr]
    network.current_cycle.save()  # type: ignore[union-attr]
    signals_compute(network_ids=[network.pk])
    signal.refresh_from_db()
    assert signal.cleared_at is None
    assert signal.severity == Severity.ALERT
    assert signal.worsened_at is not None


SETTINGS = reverse("signals:digest_settings")


def test_the_coordinator_switches_the_digest_off_and_on(coordinator: User) -> None:
    client = login(coordinator)
    page = client.get(SETTINGS)
    assert page.status_code == 200
    assert page.context["form"].initial["weekly"] is True

    response = client.post(SETTINGS, {})
    assert response.status_code == 302
    assert DigestPreference.objects.get(user=coordinator).weekly is False
    assert client.get(SETTINGS).context["form"].initial["weekly"] is False

    client.post(SETTINGS, {"weekly": "on"})
    assert DigestPreference.objects.get(user=coordinator).weekly is True


def test_the_setting_is_for_coordinators(participant: User) -> None:
    assert login(participant).get(SETTINGS).status_code == 403
    assert login(UserFactory.create()).post(SETTINGS, {}).status_code == 403
    assert not DigestPreference.objects.exists()
