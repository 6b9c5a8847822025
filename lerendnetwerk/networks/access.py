"""The one way a page gets a network: found by slug, and only if the person holds `permission`."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from lerendnetwerk.core import pagecache

from .models import Network


def _network(**lookup: object) -> Network | None:
    return (
        Network.objects.select_related("district__region", "current_cycle").filter(**lookup).first()
    )


def network_find(slug: str) -> Network | None:
    """The network with its district, region and current cycle. Kept in the cache under the
    network's scope (core/pagecache.py), so that a page served from the cache reads nothing
    from the database; a slug is checked against the network found, since it can be renamed."""
    pk = pagecache.pinned(f"networks:pk-of:{slug}")
    if pk is not None:
        network: Network | None = pagecache.recall(f"networks:network:{pk}", _scopes(pk))
        if network is not None and network.slug == slug:
            return network
    network = (
        Network.objects.select_related("district__region", "current_cycle")
        .filter(slug=slug)
        .first()
    )
    if network is not None:
        pagecache.pin(f"networks:pk-of:{slug}", network.pk)
        pagecache.keep(f"networks:network:{network.pk}", _scopes(network.pk), network)
    return network


def _scopes(pk: int) -> list[str]:
    return [pagecache.network(pk), pagecache.SHARED]


def network_for(request: HttpRequest, slug: str, permission: str) -> Network:
    """The network with its district, region and current cycle; 404 if unknown, 403 if denied."""
    network = network_find(slug)
    if network is None:
        raise Http404
    if not request.user.has_perm(permission, network):
        raise PermissionDenied
    return network
