"""The platform's own public pages, where the Handreiking sends its readers to a website.

The Handreiking points to nuvoorlaterutrecht.nl, the website of the project Nu voor Later Utrecht,
for the district overview with the facilitators' contact details, other networks' films, the
experts and each organisation's knowledge offer. The project ended and its website with it; the
platform now offers these pages itself. An entry names them by key (`platform_links` in the data
file). Each key lists URL names in order of preference and the first one that exists is linked:
a page the platform does not have (yet) is left out instead of breaking the entry's page.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


@dataclass(frozen=True)
class PlatformPage:
    label: "str | StrPromise"
    url_names: tuple[str, ...]


@dataclass(frozen=True)
class PlatformLink:
    label: str
    url: str


PAGES: dict[str, PlatformPage] = {
    "district_overview": PlatformPage(
        _("District overview: the networks per district, their themes, results and contact"),
        ("public:overview",),
    ),
    "resources": PlatformPage(
        _("Resources: literature, films, methods and web links"), ("resources:home",)
    ),
    "knowledge_offers": PlatformPage(
        _("Knowledge offer of the organisations"), ("knowledge:offers_home",)
    ),
    "experts": PlatformPage(_("Experts"), ("knowledge:experts_home",)),
}


def _url(url_names: Iterable[str]) -> str:
    for name in url_names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""


def platform_links(keys: Iterable[str]) -> list[PlatformLink]:
    """The pages behind `keys` that the platform has, in the order given (no query)."""
    links = []
    for key in keys:
        page = PAGES.get(key)
        url = _url(page.url_names) if page else ""
        if page and url:
            links.append(PlatformLink(label=str(page.label), url=url))
    return links
