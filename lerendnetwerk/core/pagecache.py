"""Whole pages, cached per person until what they show changes.

A page is kept per person who asks (their account, or "the public"), language and full path,
stamped with the versions (`fragments.versions`) of the *scopes* it shows: a network's data
(`network:<id>`), a person's own (`person:<id>`), a region's (`region:<id>`), and `shared` for
what belongs to nobody in particular (the catalogue, the districts, the organisations). Every
save or delete of one of the platform's models bumps the scopes it belongs to: the apps that
know a kind of scope register a resolver (`register`), `networks` for what hangs from a
network, `accounts` for what points at a person, `regions` for what points at a region; a model
that no resolver claims bumps `shared`, and the bookkeeping no page shows (`UNSHOWN`) bumps
nothing. Bulk writes send no signals, so the services that make them bump by hand (`changed`,
`bump`), and `tests/test_pagecache_bulk_writes.py` finds any that forget.

The view still finds its object and checks permission on every request; only building and
rendering the page is skipped. What a view reads first is kept the same way (`recall`, `keep`),
and facts that never change (`pinned`). An entry lives at most `TIMEOUT` seconds, so what
changes with the clock alone (a meeting that has begun, a round past its closing date) shows
within that. A request with messages to show, or from htmx (part of a page at its address), is
answered afresh and not kept. Only a plain 200 whose only header is its content type is kept.
The CSRF token in a page's forms belongs to the request: it is kept as a placeholder and a
fresh one is filled in on the way out.

Like the fragments, this needs every process to share one cache (CACHE_URL).
"""

import hashlib
import re
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.apps import apps
from django.contrib import messages
from django.core.cache import cache
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from . import fragments

TIMEOUT = 300
SHARED = "shared"
_CSRF = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(")')
_PLACEHOLDER = b"\x1fcsrf\x1f"

# A resolver is asked once per model: it returns how to find an instance's scopes, or None
# when that model is not its kind.
Finder = Callable[[models.Model], Iterable[str]]
View = Callable[..., HttpResponse]
Resolver = Callable[[type[models.Model]], Finder | None]
_resolvers: list[Resolver] = []
_finders: dict[type[models.Model], list[Finder]] = {}


def network(pk: int) -> str:
    return f"network:{pk}"


def person(pk: int) -> str:
    return f"person:{pk}"


def region(pk: int) -> str:
    return f"region:{pk}"


def register(resolver: Resolver) -> None:
    _resolvers.append(resolver)
    _finders.clear()


# Written all the time (each e-mail, each worker's heartbeat, each admin action), shown on no
# cached page: bumping `shared` for them would empty the cache for nothing.
UNSHOWN = frozenset({"core.SentEmail", "core.WorkerHeartbeat", "core.AuditEntry"})


def pointed_at(instance: models.Model, target: type[models.Model]) -> list[Any]:
    """The ids of the `target` rows that `instance`'s foreign keys point at."""
    return [
        pk
        for field in instance._meta.concrete_fields
        if isinstance(field, models.ForeignKey)
        and field.related_model is target
        and (pk := getattr(instance, field.attname)) is not None
    ]


def points_at(model: type[models.Model], target: type[models.Model]) -> bool:
    return any(
        isinstance(field, models.ForeignKey) and field.related_model is target
        for field in model._meta.concrete_fields
    )


def scopes_of(instance: models.Model) -> set[str]:
    model = type(instance)
    finders = _finders.get(model)
    if finders is None:
        finders = _finders[model] = [f for r in _resolvers if (f := r(model)) is not None]
    if not finders:
        return set() if model._meta.label in UNSHOWN else {SHARED}
    return {scope for find in finders for scope in find(instance)}


def bump(*scopes: str) -> None:
    fragments.bump(*scopes)


def changed(*instances: models.Model) -> None:
    """After a bulk write, which sends no signal: bump the scopes of the rows it belongs to
    (a meeting for its answers, a network for its ideas)."""
    bump(*{scope for instance in instances for scope in scopes_of(instance)})


def _changed(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # loading fixtures
    if kwargs.get("update_fields") == frozenset({"last_login"}):
        return  # every login saves this, and no page shows it
    bump(*scopes_of(instance))


def _m2m_changed(
    instance: models.Model,
    action: str,
    model: type[models.Model],
    pk_set: set[Any] | None,
    **kwargs: Any,
) -> None:
    """Both sides change: a region given a coordinator changes the coordinator too."""
    if not action.startswith("post_"):
        return
    found = scopes_of(instance) if _is_ours(type(instance)) else set()
    if pk_set and _is_ours(model):
        for pk in pk_set:
            found |= scopes_of(model(pk=pk))
    bump(*found)


def _is_ours(model: type[models.Model]) -> bool:
    return model.__module__.startswith("lerendnetwerk.")


def connect() -> None:
    """Bump on every save and delete of the platform's own models (not of sessions, logins or
    other libraries' tables)."""
    for model in apps.get_models():
        if _is_ours(model):
            label = model._meta.label
            post_save.connect(_changed, sender=model, dispatch_uid=f"pagecache:save:{label}")
            post_delete.connect(_changed, sender=model, dispatch_uid=f"pagecache:delete:{label}")
    m2m_changed.connect(_m2m_changed, dispatch_uid="pagecache:m2m")


def _stamped(key: str, scopes: list[str]) -> tuple[list[str], Any]:
    """The versions of `scopes` and what is kept under `key` if it was made from those same
    versions (else None): one round trip to the cache. An entry is kept with the versions it
    was made from, so one key per thing is overwritten rather than one per version left to
    expire."""
    current, entry = fragments.versions_and(scopes, key)
    if entry is not None and entry[0] == current:
        return current, entry[1]
    return current, None


def recall(key: str, scopes: list[str]) -> Any:
    """What a page reads before it knows whether it may be shown (the network or meeting whose
    permission it checks), kept by `keep` under the versions of `scopes` like a page; None when
    it is not kept (or no longer current)."""
    return _stamped(f"remembered:{key}", scopes)[1]


def keep(key: str, scopes: list[str], value: Any) -> None:
    cache.set(f"remembered:{key}", (fragments.versions(scopes), value), TIMEOUT)


# Pinned facts this process has seen, in front of the shared cache; emptied when it grows.
_pinned_here: dict[str, Any] = {}
_PINNED_HERE_MAX = 50_000


def pinned(key: str) -> Any:
    """A fact that never changes once true (which network a meeting belongs to, which network a
    slug names until it is renamed), kept by `pin` as long as the cache keeps it."""
    found = _pinned_here.get(key)
    if found is None:
        found = cache.get(f"pinned:{key}")
        if found is not None:
            _pin_here(key, found)
    return found


def pin(key: str, value: Any) -> None:
    cache.set(f"pinned:{key}", value, None)
    _pin_here(key, value)


def _pin_here(key: str, value: Any) -> None:
    if len(_pinned_here) >= _PINNED_HERE_MAX:
        _pinned_here.clear()
    _pinned_here[key] = value


def forget_pins() -> None:
    """For tests, whose rolled-back rows give their ids to the next test's."""
    _pinned_here.clear()


def _has_messages(request: HttpRequest) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and len(messages.get_messages(request)) > 0


def _key(request: HttpRequest) -> str:
    who = request.user.pk if request.user.is_authenticated else "public"
    raw = f"{who}|{get_language()}|{request.get_full_path()}"
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def kept(scopes: Callable[..., list[str]]) -> Callable[[View], View]:
    """A public view's pages kept like `cached`, under the scopes `scopes(request, *args,
    **kwargs)` names (it may raise Http404 for an unknown region). Only for views that check
    no permission: a kept page is served without calling the view."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            return cached(
                request,
                scopes(request, *args, **kwargs),
                lambda: view(request, *args, **kwargs),
            )

        return wrapper

    return decorate


def cached(
    request: HttpRequest, scopes: Iterable[str], render: Callable[[], HttpResponse]
) -> HttpResponse:
    """The page `render` makes, from the cache when the scopes it shows have not changed since.
    The person's own scope and `shared` are always part of it."""
    if request.method != "GET" or "HX-Request" in request.headers or _has_messages(request):
        # A part of a page for htmx shares the page's address: never kept in its place.
        return render()
    wanted = [*scopes, SHARED]
    if request.user.is_authenticated:
        wanted.append(person(request.user.pk))
    key = _key(request)
    current, kept = _stamped(key, wanted)
    if kept is not None:
        content_type, body = kept
        if _PLACEHOLDER in body:
            body = body.replace(_PLACEHOLDER, get_token(request).encode())
        return HttpResponse(body, content_type=content_type)
    response = render()
    if (
        response.status_code == 200
        and not response.streaming
        and set(response.headers) == {"Content-Type"}
        and not hasattr(response, "_csp_config")  # a page's own Content-Security-Policy
    ):
        body = _CSRF.sub(rb"\g<1>" + _PLACEHOLDER + rb"\g<2>", response.content)
        cache.set(key, (current, (response.headers["Content-Type"], body)), TIMEOUT)
    return response
