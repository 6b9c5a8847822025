from collections.abc import Iterable

from django import template

from lerendnetwerk.catalogue import platform_pages
from lerendnetwerk.catalogue.selectors import STAGE_LABELS, STAGE_SLUGS

register = template.Library()


@register.filter
def stage_slug(stage: str) -> str:
    return STAGE_SLUGS.get(stage, "")


@register.filter
def stage_label(stage: str) -> str:
    return str(STAGE_LABELS.get(stage, ""))


@register.simple_tag
def platform_links(keys: Iterable[str]) -> list[platform_pages.PlatformLink]:
    """The platform's pages an entry points to, leaving out those this installation lacks."""
    return platform_pages.platform_links(keys)
