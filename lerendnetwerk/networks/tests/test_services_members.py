"""Members: the one definition of a current member, and inviting as one transaction."""

import pytest
from django.core import mail
from pytest_django import DjangoCaptureOnCommitCallbacks

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import UserFactory, add_member
from lerendnetwerk.networks import selectors, services
from lerendnetwerk.networks.models import Membership, Network

pytestmark = pytest.mark.django_db


def test_a_member_who_left_is_no_member_anywhere(network: Network, participant: User) -> None:
    other = add_member(network, UserFactory.create(name="Olga Oud-lid"))
    services.membership_end(membership=Membership.objects.get(network=network, user=other))

    assert selectors.member_ids(network=network) == {participant.pk}
    assert selectors.member_count(network=network) == 1
    assert list(selectors.members(network=network)) == [participant]
    assert selectors.is_member(network=network, user=participant)
    assert not selectors.is_member(network=network, user=other)
    assert list(selectors.network_ids_of(user=other)) == []
    assert selectors.member_roles(network=network, user=other) == frozenset()


def test_inviting_creates_the_account_and_the_membership_and_mails_after_commit(
    network: Network,
    facilitator: User,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.member_invite(
            network=network,
            invited_by=facilitator,
            email="Nina@Example.org",
            name="Nina Nieuw",
            organisation=None,
            role=Membership.Role.PARTICIPANT,
        )

    assert isinstance(membership, Membership)
    assert membership.user.email == "nina@example.org"
    assert selectors.is_member(network=network, user=membership.user)
    assert [m.to for m in mail.outbox] == [["nina@example.org"]]


def test_when_adding_the_membership_fails_no_account_is_left_and_nothing_is_mailed(
    network: Network,
    facilitator: User,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    def refuse(**kwargs: object) -> Membership:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "membership_add", refuse)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        services.member_invite(
            network=network,
            invited_by=facilitator,
            email="nina@example.org",
            name="Nina Nieuw",
            organisation=None,
            role=Membership.Role.PARTICIPANT,
        )

    assert not User.objects.filter(email="nina@example.org").exists()
    assert mail.outbox == []
