"""Making notifications: per person's preference at once, in a digest or not by e-mail; in the
reader's language; in a fixed number of queries whatever the number of recipients."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import UserFactory, add_member
from lerendnetwerk.networks.models import Network
from lerendnetwerk.notifications import selectors, services
from lerendnetwerk.notifications.models import Notification
from lerendnetwerk.themes.notifications import DOT_VOTE_CLOSED, DOT_VOTE_OPENED

pytestmark = pytest.mark.django_db


def _vote_opened(users: list[User], network: Network) -> list[Notification]:
    return services.notify(
        users=users,
        kind=DOT_VOTE_OPENED,
        params={"network": network.name},
        url_name="themes:vote",
        url_args=[network.slug, 1],
    )


def test_immediately_e_mails_at_once_in_the_readers_language(
    network, participant, django_capture_on_commit_callbacks
):
    english = add_member(network, UserFactory.create(name="Emma English", language="en"))
    with django_capture_on_commit_callbacks(execute=True):
        _vote_opened([participant, english], network)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address[participant.email].subject == (
        "Er is een stemronde geopend in LN Overvecht: plak je stickers."
    )
    assert by_address[english.email].subject == (
        "A dot vote has opened in LN Overvecht: place your stickers."
    )
    # The link in the English e-mail carries the English prefix.
    assert f"/en/netwerken/{network.slug}/thema/stemronde/1/" in by_address[english.email].body
    assert Notification.objects.filter(emailed_at__isnull=False).count() == 2


def test_never_sends_no_e_mail_but_still_lists_it(
    network, participant, django_capture_on_commit_callbacks
):
    services.notification_preferences_set(user=participant, frequencies={DOT_VOTE_OPENED: "never"})
    with django_capture_on_commit_callbacks(execute=True):
        _vote_opened([participant], network)
    assert mail.outbox == []
    [notification] = selectors.notifications_of(user=participant)
    assert notification.delivery == "never"
    assert selectors.unread_count(user=participant) == 1


def test_a_digest_choice_waits_for_the_digest(
    network, participant, django_capture_on_commit_callbacks
):
    services.notification_preferences_set(user=participant, frequencies={DOT_VOTE_OPENED: "daily"})
    with django_capture_on_commit_callbacks(execute=True):
        _vote_opened([participant], network)
    assert mail.outbox == []
    assert Notification.objects.get().emailed_at is None


def test_notify_makes_the_rows_in_a_fixed_number_of_queries(
    network, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    few = [add_member(network) for _ in range(2)]
    many = [add_member(network) for _ in range(20)]
    # The preferences (one query) and the rows (one insert), for two people or twenty.
    for users in (few, many):
        # The e-mails go after the commit, in the task queue: not counted here.
        with (
            django_capture_on_commit_callbacks(execute=True),
            django_assert_max_num_queries(2),
        ):
            _vote_opened(users, network)
    assert Notification.objects.count() == 22
    assert len(mail.outbox) == 22


def test_inactive_accounts_and_doubles_get_nothing(network, participant):
    gone = add_member(network, UserFactory.create(is_active=False))
    created = _vote_opened([participant, participant, gone], network)
    assert [n.user for n in created] == [participant]


def test_an_unknown_kind_is_a_programming_error(participant):
    with pytest.raises(ValueError, match="Unknown"):
        services.notify(users=[participant], kind="nobody.registered.this")


def test_marking_read_updates_the_count(network, participant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _vote_opened([participant], network)
    assert selectors.unread_count(user=participant) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notifications_mark_read(user=participant) == 1
    assert selectors.unread_count(user=participant) == 0
    with django_capture_on_commit_callbacks(execute=True):
        _vote_opened([participant], network)
    assert selectors.unread_count(user=participant) == 1


def test_the_message_reads_in_the_readers_language(network, participant):
    [notification] = _vote_opened([participant], network)
    with translation.override("en"):
        assert notification.message.startswith("A dot vote has opened")
        assert notification.path.startswith("/en/")
    with translation.override("nl"):
        assert notification.message.startswith("Er is een stemronde geopend")


def test_preferences_default_to_the_kinds_and_keep_only_known_choices(participant):
    assert selectors.preferences_of(user=participant)[DOT_VOTE_CLOSED] == "daily"
    services.notification_preferences_set(
        user=participant,
        frequencies={DOT_VOTE_CLOSED: "weekly", "made.up": "daily", DOT_VOTE_OPENED: "hourly"},
    )
    chosen = selectors.preferences_of(user=participant)
    assert chosen[DOT_VOTE_CLOSED] == "weekly"
    assert chosen[DOT_VOTE_OPENED] == "immediately"
    assert "made.up" not in chosen


def test_no_email_lists_but_never_e_mails(network, participant, django_capture_on_commit_callbacks):
    services.notification_preferences_set(user=participant, frequencies={DOT_VOTE_OPENED: "daily"})
    with services.no_email(), django_capture_on_commit_callbacks(execute=True):
        _vote_opened([participant], network)
    assert mail.outbox == []
    assert services.notification_digests_send(now=timezone.now() + timedelta(minutes=1)) == 0
    assert selectors.unread_count(user=participant) == 1
