"""The parts of a person's profile page that apps above `accounts` own.

The profile (`accounts:profile`) shows what accounts keeps (name, e-mail address, language,
password); the networks a person is in and what happens to their data belong to apps that
`accounts` may not import. Each such app registers a panel here in its `AppConfig.ready`, as
network sections are registered with `networks.sections`: a function that renders its own
template for the person. The profile lists the panels in order.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from django.utils.safestring import SafeString

if TYPE_CHECKING:
    from .http import AuthenticatedHttpRequest


class RenderPanel(Protocol):
    def __call__(self, request: "AuthenticatedHttpRequest") -> SafeString: ...


@dataclass(frozen=True)
class Panel:
    key: str
    order: int
    render: RenderPanel


_panels: dict[str, Panel] = {}


def register(panel: Panel) -> None:
    """Add a panel to the profile page (the key decides: registering twice is harmless)."""
    _panels[panel.key] = panel


def render_panels(request: "AuthenticatedHttpRequest") -> list[SafeString]:
    return [panel.render(request) for panel in sorted(_panels.values(), key=lambda p: p.order)]
