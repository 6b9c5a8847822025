"""The address of the person at the other end, also behind a reverse proxy.

A proxy puts the address it received the request from at the end of `X-Forwarded-For`; anyone
can put anything at its start. So the header is read from the right, and only while the hop that
handed it over is one of `TRUSTED_PROXIES`: the first address that is not a trusted proxy is the
client. A request that does not come from a trusted proxy is judged by its socket address alone,
so a forged header from elsewhere changes nothing.
"""

import ipaddress
from functools import lru_cache
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from django.http import HttpRequest

type Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request: "HttpRequest") -> str:
    """The client's address: the socket's, or the nearest untrusted hop in X-Forwarded-For."""
    address = str(request.META.get("REMOTE_ADDR") or "")
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if not networks or not _trusted(address, networks):
        return address
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR") or "")
    for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            # Garbage in the chain: nothing to its left can be trusted either.
            return address
        address = hop
        if not _trusted(hop, networks):
            return hop
    return address
