"""The one way a page gets a network: found by slug, and only if the person holds `permission`."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from .models import Network


def network_for(request: HttpRequest, slug: str, permission: str) -> Network:
    """The network with its district, region and current cycle; 404 if unknown, 403 if denied."""
    network = get_object_or_404(
        Network.objects.select_related("district__region", "current_cycle"), slug=slug
    )
    if not request.user.has_perm(permission, network):
        raise PermissionDenied
    return network
