"""E-mail of the resource library, each in its recipient's language and queued on commit."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from lerendnetwerk.core.email import email_enqueue

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User

    from .models import Resource


def tell_coordinators_suggested(resource: "Resource", coordinators: list["User"]) -> None:
    """Each coordinator of the region hears of a facilitator's suggestion."""
    suggested_by = resource.suggested_by
    for coordinator in coordinators:
        with translation.override(coordinator.language):
            link = settings.SITE_URL + reverse(
                "resources:manage", kwargs={"region_slug": resource.region.slug}
            )
            kind = str(resource.get_kind_display())
        email_enqueue(
            to=coordinator.email,
            template="resources/email/suggested",
            context={
                "name": coordinator.name,
                "suggester": suggested_by.name if suggested_by else "",
                "title": resource.title,
                "kind": kind,
                "region": resource.region.name,
                "link": link,
            },
            language=coordinator.language,
        )
