import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lerendnetwerk.core.tests.factories import OrganisationFactory, UserFactory, add_member, login
from lerendnetwerk.groups import selectors, services
from lerendnetwerk.groups.models import Buddy

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(network, district, facilitator, participant):
    for n in range(5):
        kind = "primary_school" if n % 2 else "preschool"
        add_member(
            network,
            UserFactory.create(
                name=f"Lid {n}",
                organisation=OrganisationFactory.create(district=district, kind=kind),
            ),
        )
    return selectors.planning_members(network=network)


def test_pairs_are_saved_and_earlier_pairs_kept_as_history(network, members):
    first = services.buddies_set(network=network, pairs=[members[0:2], members[2:4]])
    assert len(first) == 2
    services.buddies_set(network=network, pairs=[[members[0], members[2]]])
    assert Buddy.objects.filter(network=network, ended_at__isnull=False).count() == 2
    assert Buddy.objects.filter(network=network, ended_at__isnull=True).count() == 1


@pytest.mark.parametrize(
    "make_pairs",
    [
        lambda m: [m[0:1]],
        lambda m: [m[0:2], m[1:3]],
        lambda m: [m[0:3], m[3:6]],
    ],
)
def test_bad_pairs_are_refused(network, members, make_pairs):
    with pytest.raises(ValidationError):
        services.buddies_set(network=network, pairs=make_pairs(members))
    assert not Buddy.objects.exists()


def test_an_outsider_cannot_be_a_buddy(network, members, outsider):
    with pytest.raises(ValidationError):
        services.buddies_set(network=network, pairs=[[members[0], outsider]])


def test_the_proposal_pairs_everyone_once_and_avoids_earlier_buddies(network, members):
    assert len(members) == 7
    services.buddies_set(network=network, pairs=[members[0:2], members[2:4], members[4:7]])
    earlier = {frozenset(u.pk for u in pair) for pair in (members[0:2], members[2:4])}
    proposal = services.buddies_propose(network=network)
    assert sorted(len(pair) for pair in proposal) == [2, 2, 3]
    assert sorted(u.pk for pair in proposal for u in pair) == sorted(u.pk for u in members)
    assert not {frozenset(u.pk for u in pair) for pair in proposal if len(pair) == 2} & earlier


def test_the_facilitator_saves_pairs_through_the_form(network, members, facilitator):
    client = login(facilitator)
    page = client.get(reverse("groups:buddies", args=[network.slug]) + "?voorstel=1")
    assert page.status_code == 200
    data = {f"member_{u.pk}": str(i // 2 + 1) for i, u in enumerate(members[:6])}
    response = client.post(reverse("groups:buddies", args=[network.slug]), data)
    assert response.status_code == 302
    assert Buddy.objects.filter(ended_at__isnull=True).count() == 3
    overview = login(members[0]).get(reverse("groups:overview", args=[network.slug]))
    assert overview.context["my_buddies"] == [members[1]]


def test_a_lonely_pair_number_is_explained(network, members, facilitator):
    response = login(facilitator).post(
        reverse("groups:buddies", args=[network.slug]), {f"member_{members[0].pk}": "1"}
    )
    assert response.status_code == 200
    assert members[0].name in response.content.decode()
    assert not Buddy.objects.exists()


def test_ending_a_membership_ends_that_persons_current_buddy_pair(network, members):
    from lerendnetwerk.networks.models import Membership
    from lerendnetwerk.networks.services import membership_end

    left, stays = members[0], members[1]
    services.buddies_set(network=network, pairs=[[left, stays], members[2:4]])
    membership_end(membership=Membership.objects.get(network=network, user=left))
    ended = Buddy.objects.get(members=left)
    assert ended.ended_at is not None
    assert Buddy.objects.filter(network=network, ended_at__isnull=True).count() == 1
    assert selectors.buddy_ids_of(user=stays) == {}
    assert selectors.buddy_ids_of(user=left) == {}
