from typing import Any

from django import template

from ..models import Network
from ..sections import Section, visible_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def network_sections(context: dict[str, Any], network: Network) -> list[Section]:
    """The network's sections that the person may open, in order (see sections.py)."""
    return list(visible_sections(context["user"], network))
