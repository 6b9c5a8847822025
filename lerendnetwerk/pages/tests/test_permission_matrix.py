"""Every URL of the platform, for every kind of person: who may see or do what.

Deny by default: a URL that is not in MATRIX fails `test_every_url_is_in_the_matrix`, so a new
view cannot ship without deciding who may use it.
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from lerendnetwerk.core.tests.factories import add_member, login
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.tokens import rsvp_token
from lerendnetwerk.networks import services as network_services

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "participant", "facilitator", "coordinator", "manager", "expert", "outsider"]
OK, REDIRECT, LOGIN, DENIED, NOT_ALLOWED = 200, 302, "login", 403, 405

ALL_OK = dict.fromkeys(ROLES, OK)
LOGGED_IN = {**dict.fromkeys(ROLES, OK), "anonymous": LOGIN}


def only(*roles: str, granted: Any = OK) -> dict[str, Any]:
    """`granted` for these roles, login for anonymous, 403 for everyone else."""
    return {
        role: granted if role in roles else (LOGIN if role == "anonymous" else DENIED)
        for role in ROLES
    }


NETWORK_READERS = ("participant", "facilitator", "coordinator", "manager")


def network(w: "World") -> dict[str, Any]:
    return {"slug": w.network.slug}


def public(w: "World") -> dict[str, Any]:
    return {"region_slug": "utrecht", "slug": w.network.slug}


def membership(w: "World") -> dict[str, Any]:
    return {"slug": w.network.slug, "membership_id": w.target.memberships.get().pk}


def meeting(w: "World") -> dict[str, Any]:
    return {"pk": w.meeting.pk}


def agenda_item(w: "World") -> dict[str, Any]:
    return {"pk": w.meeting.pk, "item_id": w.item.pk}


def token(w: "World") -> dict[str, Any]:
    return {"uidb64": "MQ", "token": "bad-token"}


# url name -> (method, kwargs builder, expected per role)
MATRIX: dict[str, tuple[str, Callable[["World"], dict[str, Any]] | None, dict[str, Any]]] = {
    "set_language": ("post", None, dict.fromkeys(ROLES, REDIRECT)),
    "pages:home": ("get", None, ALL_OK),
    "pages:dashboard": ("get", None, LOGGED_IN),
    "catalogue:index": ("get", None, ALL_OK),
    "catalogue:stage": ("get", lambda w: {"stage_slug": "verkenning"}, ALL_OK),
    "catalogue:entry": (
        "get",
        lambda w: {"stage_slug": "verkenning", "entry_slug": w.entry_slug},
        ALL_OK,
    ),
    "accounts:login": ("get", None, {**dict.fromkeys(ROLES, REDIRECT), "anonymous": OK}),
    "accounts:logout": ("post", None, dict.fromkeys(ROLES, REDIRECT)),
    "accounts:password_reset": ("get", None, ALL_OK),
    "accounts:password_reset_done": ("get", None, ALL_OK),
    "accounts:password_reset_confirm": ("get", token, ALL_OK),
    "accounts:invitation_accept": ("get", token, ALL_OK),
    "accounts:invite": ("get", None, only("coordinator")),
    "networks:overview": ("get", None, dict.fromkeys(ROLES, REDIRECT)),
    "networks:region": ("get", lambda w: {"region_slug": "utrecht"}, ALL_OK),
    "networks:public": ("get", public, ALL_OK),
    "networks:contact": ("get", public, ALL_OK),
    "networks:list": ("get", None, LOGGED_IN),
    "networks:create": ("get", None, only("coordinator")),
    "networks:coordination": ("get", None, only("coordinator")),
    "networks:detail": ("get", network, only(*NETWORK_READERS)),
    "networks:members": ("get", network, only(*NETWORK_READERS)),
    "networks:prerequisites": ("get", network, only(*NETWORK_READERS)),
    "networks:edit": ("get", network, only("facilitator", "coordinator")),
    "networks:invite": ("get", network, only("facilitator", "coordinator")),
    "networks:commitment_add": ("get", network, only("facilitator", "coordinator")),
    "networks:prerequisite": (
        "get",
        lambda w: {"slug": w.network.slug, "kind_slug": "tijd"},
        only("facilitator", "coordinator"),
    ),
    "networks:phase": ("get", network, only("facilitator")),
    "networks:new_cycle": ("get", network, only("facilitator")),
    "networks:membership_end": (
        "post",
        membership,
        only("facilitator", "coordinator", granted=REDIRECT),
    ),
    "networks:membership_make_facilitator": (
        "post",
        membership,
        only("coordinator", granted=REDIRECT),
    ),
    "meetings:network": ("get", network, only(*NETWORK_READERS)),
    "meetings:schedule": ("get", network, only("facilitator")),
    "meetings:detail": ("get", meeting, only(*NETWORK_READERS)),
    "meetings:edit": ("get", meeting, only("facilitator")),
    "meetings:cancel": ("get", meeting, only("facilitator")),
    "meetings:agenda": ("get", meeting, only("facilitator")),
    "meetings:agenda_remove": ("post", agenda_item, only("facilitator", granted=REDIRECT)),
    "meetings:agenda_move": ("post", agenda_item, only("facilitator", granted=REDIRECT)),
    "meetings:preparers": ("get", meeting, only("facilitator")),
    "meetings:attendance": ("get", meeting, only("facilitator")),
    "meetings:answer": ("post", meeting, only("participant", "facilitator", granted=REDIRECT)),
    "meetings:answer_by_link": ("get", lambda w: {"token": w.rsvp_token}, ALL_OK),
    "meetings:mine": ("get", None, LOGGED_IN),
    "meetings:calendar": ("get", None, LOGGED_IN),
    "meetings:feed": ("get", lambda w: {"token": w.feed_token}, ALL_OK),
}


def url_names(patterns: list[Any], namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_is_in_the_matrix():
    names = {n for n in url_names(get_resolver().url_patterns) if not n.startswith("admin:")}
    assert names - set(MATRIX) == set(), "add these views to the permission matrix"
    assert set(MATRIX) - names == set(), "these matrix rows name views that no longer exist"


class World:
    def __init__(self, network, people: dict[str, Any]) -> None:
        from lerendnetwerk.catalogue.models import Entry

        self.network = network
        self.people = people
        self.entry_slug = Entry.objects.filter(topic__stage="exploration").first().slug
        # A member the membership actions act on.
        self.target = add_member(network)
        starts = timezone.now() + timedelta(days=7)
        participant = people["participant"]
        self.meeting = meeting_services.meeting_schedule(
            network=network,
            title="Bijeenkomst",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            address="Utrecht",
            created_by=people["facilitator"],
        )
        self.item = meeting_services.agenda_item_add(
            meeting=self.meeting, title="Opening", duration_minutes=10, lead="facilitator"
        )
        self.rsvp_token = rsvp_token(meeting_id=self.meeting.pk, user_id=participant.pk)
        self.feed_token = meeting_services.calendar_feed_renew(user=participant).token


@pytest.fixture
def world(network, facilitator, participant, coordinator, manager, expert, outsider):
    network_services.manager_commitment_record(
        network=network, manager=manager, role="sounding_board"
    )
    return World(
        network,
        {
            "anonymous": None,
            "participant": participant,
            "facilitator": facilitator,
            "coordinator": coordinator,
            "manager": manager,
            "expert": expert,
            "outsider": outsider,
        },
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(world, name, role, client):
    method, kwargs, expected = MATRIX[name]
    user = world.people[role]
    http = login(user) if user else client
    url = reverse(name, kwargs=kwargs(world) if kwargs else None)
    response = getattr(http, method)(
        url, {"language": "en", "next": "/"} if method == "post" else None
    )
    want = expected[role]
    if want == LOGIN:
        assert response.status_code == 302, f"{name} as {role}: {response.status_code}"
        assert response.url.startswith(reverse("accounts:login")), response.url
    else:
        assert response.status_code == want, f"{name} as {role}: {response.status_code}"
        if want == REDIRECT:
            assert not response.url.startswith(reverse("accounts:login")), response.url


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_site_is_for_staff_only(world, role, client):
    user = world.people[role]
    http = login(user) if user else client
    response = http.get(reverse("admin:index"))
    if role == "coordinator":  # coordinators keep the catalogue current
        assert response.status_code == 200
        entries = http.get(reverse("admin:catalogue_entry_changelist"))
        assert entries.status_code == 200
        people = http.get(reverse("admin:accounts_user_changelist"))
        assert people.status_code == 403
    else:
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
