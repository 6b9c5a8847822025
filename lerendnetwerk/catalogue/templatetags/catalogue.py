from django import template

from lerendnetwerk.catalogue.selectors import STAGE_LABELS, STAGE_SLUGS

register = template.Library()


@register.filter
def stage_slug(stage: str) -> str:
    return STAGE_SLUGS.get(stage, "")


@register.filter
def stage_label(stage: str) -> str:
    return str(STAGE_LABELS.get(stage, ""))
