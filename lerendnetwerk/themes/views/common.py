"""What every theme page does first: find the network and check one named permission."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest

if TYPE_CHECKING:
    from lerendnetwerk.networks.models import Cycle, Network


def cycle_of(network: "Network") -> "Cycle":
    if network.current_cycle is None:
        raise Http404
    return network.current_cycle


def refusal(request: HttpRequest, error: ValidationError) -> None:
    """A service's refusal of a one-button action, shown at the top of the next page."""
    messages.error(request, " ".join(error.messages))


def is_htmx(request: HttpRequest) -> bool:
    """Whether htmx sent the request (to update part of the page in place)."""
    return bool(getattr(request, "htmx", False))
