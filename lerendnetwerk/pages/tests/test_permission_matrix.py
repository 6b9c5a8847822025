"""Every URL of the platform, for every kind of person: who may see or do what.

Deny by default: a URL that is not in MATRIX fails `test_every_url_is_in_the_matrix`, so a new
view cannot ship without deciding who may use it.
"""

import importlib
from typing import Any

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from lerendnetwerk.core.tests.factories import add_member, login
from lerendnetwerk.core.tests.permissions import (
    ALL_OK,
    LOGGED_IN,
    LOGIN,
    NETWORK_READERS,
    OK,
    REDIRECT,
    ROLES,
    Row,
    network,
    only,
)
from lerendnetwerk.networks import services as network_services

pytestmark = pytest.mark.django_db


def _permission_rows(app_name: str) -> Any:
    try:
        return importlib.import_module(f"{app_name}.tests.permissions")
    except ModuleNotFoundError:
        return None


# Feature apps keep their rows next to their code (see core/tests/permissions.py).
FEATURE_MODULES = [
    module
    for config in apps.get_app_configs()
    if config.name.startswith("lerendnetwerk.")
    and (module := _permission_rows(config.name)) is not None
    and hasattr(module, "ROWS")
]


def public(w: "World") -> dict[str, Any]:
    return {"region_slug": "utrecht", "slug": w.network.slug}


def membership(w: "World") -> dict[str, Any]:
    return {"slug": w.network.slug, "membership_id": w.target.memberships.get().pk}


def token(w: "World") -> dict[str, Any]:
    return {"uidb64": "MQ", "token": "bad-token"}


# url name -> (method, kwargs builder, expected per role)
MATRIX: dict[str, Row] = {
    "set_language": ("post", None, dict.fromkeys(ROLES, REDIRECT)),
    "pages:home": ("get", None, ALL_OK),
    "pages:dashboard": ("get", None, LOGGED_IN),
    "pages:invitations": ("get", None, LOGGED_IN),
    # Only a manager who leads an organisation (the matrix's manager leads a preschool).
    "pages:manager": ("get", None, only("manager")),
    "pages:status": ("get", None, ALL_OK),
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
    # The second step: for whoever still owes it; everyone else is sent on (the whole flow is in
    # accounts/tests/test_second_factor.py; the matrix's coordinator has given it already).
    "accounts:otp_verify": ("get", None, {**dict.fromkeys(ROLES, REDIRECT), "anonymous": LOGIN}),
    "accounts:otp_setup": ("get", None, {**dict.fromkeys(ROLES, REDIRECT), "anonymous": LOGIN}),
    # The district overview and a network's public page are in public/tests/permissions.py.
    "networks:contact": ("get", public, ALL_OK),
    "networks:list": ("get", None, LOGGED_IN),
    "networks:create": ("get", None, only("coordinator")),
    "networks:coordination": ("get", None, only("coordinator")),
    "pages:network": ("get", network, only(*NETWORK_READERS)),
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
    "pages:network_phase": ("get", network, only("facilitator")),
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
}
for _module in FEATURE_MODULES:
    MATRIX.update(_module.ROWS)


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
        self.entry_slug = Entry.objects.filter(topic__stage="exploration").values_list(
            "slug", flat=True
        )[0]
        # A member the membership actions act on.
        self.target = add_member(network)
        for module in FEATURE_MODULES:
            module.build(self)


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
    if role == "coordinator":  # coordinators read the shared catalogue
        assert response.status_code == 200
        entries = http.get(reverse("admin:catalogue_entry_changelist"))
        assert entries.status_code == 200
        people = http.get(reverse("admin:accounts_user_changelist"))
        assert people.status_code == 403
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
