"""Which saves change what the public site shows (see core/fragments.py).

One version for the whole public site of every region: the district overview, the themes page,
the good-practice overview and their filter choices. They change rarely (a phase move, a new
theme, a published result), and one version keeps "did I forget a page?" out of the question.
"""

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core import fragments
from lerendnetwerk.networks.models import Cycle, Membership, Network
from lerendnetwerk.regions.models import District, Organisation, Region
from lerendnetwerk.showcases.models import Showcase
from lerendnetwerk.themes.models import Chapter, FocusArea, QualityFramework, Theme

PUBLIC_SITE = "public-site"


def _changed(**kwargs: Any) -> None:
    fragments.bump(PUBLIC_SITE)


def _user_saved(update_fields: frozenset[str] | None = None, **kwargs: Any) -> None:
    # Logging in saves last_login; only a new name or organisation changes what the site shows.
    if update_fields is None or {"name", "organisation"} & set(update_fields):
        fragments.bump(PUBLIC_SITE)


def connect() -> None:
    fragments.bump_on_change(
        PUBLIC_SITE,
        Network,
        Cycle,
        Membership,
        Region,
        District,
        Organisation,
        Showcase,
        Theme,
        FocusArea,
        Chapter,
        QualityFramework,
    )
    post_save.connect(_user_saved, sender=User, dispatch_uid="public-site:save:user")
    post_delete.connect(_changed, sender=User, dispatch_uid="public-site:delete:user")
    m2m_changed.connect(
        _changed, sender=Network.organisations.through, dispatch_uid="public-site:m2m"
    )
