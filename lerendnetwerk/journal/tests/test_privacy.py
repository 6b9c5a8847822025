"""A diary is its author's: prove it for every role, the admin and the superuser."""

import pytest
from django.urls import reverse

from lerendnetwerk.core.tests.factories import UserFactory, add_member, login
from lerendnetwerk.groups.services import buddies_set
from lerendnetwerk.journal import services
from lerendnetwerk.journal.models import JournalEntry

pytestmark = pytest.mark.django_db

SECRET = "Ik twijfel of ik dit netwerk wel aankan."


@pytest.fixture
def buddy(network):
    return add_member(network, UserFactory.create(name="Bea Maatje"))


@pytest.fixture
def entries(network, participant, buddy):
    buddies_set(network=network, pairs=[[participant, buddy]])
    write = services.journal_entry_write
    return {
        "private": write(author=participant, text=SECRET),
        "buddy": write(
            author=participant, text="Voor mijn maatje.", visibility="buddy", network=network
        ),
        "network": write(
            author=participant, text="Voor iedereen.", visibility="network", network=network
        ),
    }


@pytest.fixture
def superuser(db):
    return UserFactory.create(name="Sam Superuser", is_staff=True, is_superuser=True)


READERS = {
    # who: (private, buddy, network)
    "participant": (True, True, True),
    "buddy": (False, True, True),
    "facilitator": (False, False, True),
    "coordinator": (False, False, False),
    "manager": (False, False, False),
    "expert": (False, False, False),
    "outsider": (False, False, False),
    "superuser": (False, False, False),
}


@pytest.mark.parametrize("who", sorted(READERS))
def test_who_reads_which_entry(request, entries, who, network, manager):
    from lerendnetwerk.networks.services import manager_commitment_record

    manager_commitment_record(network=network, manager=manager, role="sounding_board")
    user = request.getfixturevalue(who)
    client = login(user)
    for visibility, may_read in zip(("private", "buddy", "network"), READERS[who], strict=True):
        response = client.get(reverse("journal:detail", args=[entries[visibility].pk]))
        assert (response.status_code == 200) is may_read, (who, visibility)
        if not may_read:
            assert response.status_code == 404
    shared = client.get(reverse("journal:shared")).content.decode()
    assert SECRET not in shared
    assert (
        SECRET not in client.get(reverse("journal:index")).content.decode() or who == "participant"
    )


def test_only_the_author_changes_or_deletes(entries, buddy):
    client = login(buddy)
    entry = entries["buddy"]
    assert client.get(reverse("journal:edit", args=[entry.pk])).status_code == 404
    assert client.post(reverse("journal:delete", args=[entry.pk])).status_code == 404
    assert JournalEntry.objects.filter(pk=entry.pk).exists()


def test_the_admin_shows_no_diary(entries, superuser):
    client = login(superuser)
    index = client.get(reverse("admin:index")).content.decode()
    assert "journal" not in index.lower()
    for entry in entries.values():
        for url in (
            f"/beheer/journal/journalentry/{entry.pk}/change/",
            "/beheer/journal/journalentry/",
        ):
            response = client.get(url)
            assert response.status_code in (302, 404)
            assert entry.text not in response.content.decode()


def test_a_buddy_from_an_earlier_pairing_no_longer_reads_buddy_entries(
    network, participant, buddy, entries
):
    newcomer = add_member(network, UserFactory.create(name="Nina Nieuw"))
    buddies_set(network=network, pairs=[[participant, newcomer]])
    assert (
        login(buddy).get(reverse("journal:detail", args=[entries["buddy"].pk])).status_code == 404
    )
    assert (
        login(newcomer).get(reverse("journal:detail", args=[entries["buddy"].pk])).status_code
        == 200
    )


def test_a_member_who_left_no_longer_reads_network_entries(network, entries, facilitator):
    from lerendnetwerk.networks.services import membership_end

    membership_end(membership=facilitator.memberships.get(network=network))
    assert (
        login(facilitator).get(reverse("journal:detail", args=[entries["network"].pk])).status_code
        == 404
    )


def test_entries_never_show_their_text_as_a_name(entries):
    assert SECRET not in str(entries["private"])


def test_a_buddy_whose_membership_ended_no_longer_reads_buddy_entries(
    network, participant, buddy, entries
):
    from lerendnetwerk.networks.services import membership_end

    membership_end(membership=buddy.memberships.get(network=network))
    later = services.journal_entry_write(
        author=participant, text="Na het vertrek.", visibility="buddy", network=network
    )
    client = login(buddy)
    for entry in (entries["buddy"], later):
        assert client.get(reverse("journal:detail", args=[entry.pk])).status_code == 404
    shared = client.get(reverse("journal:shared")).content.decode()
    assert "Voor mijn maatje." not in shared and "Na het vertrek." not in shared


def test_a_buddy_pair_with_a_former_member_shares_nothing_even_when_still_open(
    network, participant, buddy, entries
):
    """Pairs left open by older data: readability asks for both members too, not the pair only."""
    from lerendnetwerk.journal.selectors import entries_shared_with, entry_readable
    from lerendnetwerk.networks.models import Membership

    Membership.objects.filter(network=network, user=buddy).update(left_at="2026-01-01")
    assert not entry_readable(user=buddy, entry=entries["buddy"])
    assert not entries_shared_with(user=buddy).exists()
    # And the author no longer reads what the former member shared as buddy earlier.
    earlier = services.journal_entry_write(author=buddy, text="Oud.", visibility="private")
    JournalEntry.objects.filter(pk=earlier.pk).update(visibility="buddy", network=network)
    earlier.refresh_from_db()
    assert not entry_readable(user=participant, entry=earlier)
