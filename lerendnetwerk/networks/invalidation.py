"""Which saves change the public district overview (see core/fragments.py)."""

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core import fragments
from lerendnetwerk.regions.models import District, Organisation, Region

from .models import Cycle, Membership, Network

DISTRICT_OVERVIEW = "district-overview"


def _changed(**kwargs: Any) -> None:
    fragments.bump(DISTRICT_OVERVIEW)


def _user_saved(update_fields: frozenset[str] | None = None, **kwargs: Any) -> None:
    # Logging in saves last_login; only a change of organisation changes the overview.
    if update_fields is None or "organisation" in update_fields:
        fragments.bump(DISTRICT_OVERVIEW)


def connect() -> None:
    fragments.bump_on_change(
        DISTRICT_OVERVIEW, Network, Cycle, Membership, Region, District, Organisation
    )
    post_save.connect(_user_saved, sender=User, dispatch_uid="district-overview:save:user")
    post_delete.connect(_changed, sender=User, dispatch_uid="district-overview:delete:user")
    m2m_changed.connect(
        _changed, sender=Network.organisations.through, dispatch_uid="district-overview:m2m"
    )
