"""What the feature apps undo when someone leaves a network.

`networks` sits below the feature apps and cannot call them, yet a member who leaves must also
leave what those apps keep for them as a member (a buddy pair, answers to meetings still to
come). Each such app registers one function here in its `AppConfig.ready`, as it registers its
section; `membership_end` calls them all inside its own transaction. An explicit call rather
than a Django signal on `Membership`: ending a membership is one atomic step (a failing app rolls
the whole end back), only the service that ends a membership triggers it, and the readers of
`membership_end` find every consequence listed here.
"""

from typing import Protocol

from .models import Membership


class OnLeave(Protocol):
    def __call__(self, *, membership: Membership) -> None: ...


_on_leave: dict[str, OnLeave] = {}


def register(key: str, on_leave: OnLeave) -> None:
    """Add what an app does when a membership ends (the key decides: registering twice is
    harmless)."""
    _on_leave[key] = on_leave


def membership_left(*, membership: Membership) -> None:
    """Run every app's clean-up for a membership that has just ended, in key order."""
    for key in sorted(_on_leave):
        _on_leave[key](membership=membership)
