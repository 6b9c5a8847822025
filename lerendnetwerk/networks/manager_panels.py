"""The parts of a manager's page that apps above `networks` own.

A manager (`User.is_manager`, leading `User.organisation`) follows what their organisation's staff
do in networks: the commitment they made, attendance as totals, learning gains shared with them,
transfer plans and anchoring agreements waiting for them. The page lives in `pages`
(`pages:manager`); what each app contributes is registered here in its `AppConfig.ready`, as the
network's sections are with `networks.sections`, so that no app has to import the apps above it.

A panel renders its own template for the manager and returns "" when it has nothing to show. It
shows nothing private: no diary, no single Netwerkbarometer answer, no per-person decline reason,
no learning gain that its author did not share with their manager.
`waiting` counts what needs the manager's action (the page's summary and the e-mail reminder).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from django.utils.safestring import SafeString

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.accounts.models import User


class RenderPanel(Protocol):
    def __call__(self, request: "AuthenticatedHttpRequest") -> SafeString: ...


@dataclass(frozen=True)
class ManagerPanel:
    key: str
    order: int
    render: RenderPanel
    waiting: Callable[["User"], int] | None = None


_panels: dict[str, ManagerPanel] = {}


def register(panel: ManagerPanel) -> None:
    """Add a panel to the manager's page (the key decides: registering twice is harmless)."""
    _panels[panel.key] = panel


def panels() -> list[ManagerPanel]:
    return sorted(_panels.values(), key=lambda p: (p.order, p.key))


def render_panels(request: "AuthenticatedHttpRequest") -> list[SafeString]:
    return [html for panel in panels() if (html := panel.render(request))]


def waiting_count(manager: "User") -> int:
    return sum(panel.waiting(manager) for panel in panels() if panel.waiting is not None)
