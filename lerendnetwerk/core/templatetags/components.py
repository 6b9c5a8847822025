"""Template components: the markup that pages repeat, written once.

Each tag is a block tag that wraps what the page writes between its start and end tag in the
markup of one component in `core/templates/core/components/`. Load them with
`{% load components %}`:

    {% breadcrumbs %}
      {% crumb "pages:network" network.slug %}{{ network.name }}{% endcrumb %}
    {% endbreadcrumbs %}

    {% table labelledby="members-heading" %}
      <thead ...>...</thead><tbody ...>...</tbody>
    {% endtable %}

    {% datalist %}
      {% dataitem _("Phase") %}{{ network.get_phase_display }}{% enddataitem %}
    {% enddatalist %}

    {% url "pages:network" network.slug as cancel_url %}
    {% formactions cancel_url=cancel_url %}{% translate "Save" %}{% endformactions %}

`formactions` also takes `cancel_label=_("Back")` and `variant="secondary-action"`;
`table` takes `label=_("...")` or `caption=_("...")` instead of `labelledby`, and `classes`;
`stacked=True` shows each row as a small block on a phone, every cell with the `data-label` it
carries (`<td data-label="{% translate "When" %}">`), instead of a box that scrolls sideways.
"""

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString

register = template.Library()


def _render(component: str, **context: Any) -> SafeString:
    return render_to_string(f"core/components/{component}.html", context)


@register.simple_block_tag
def breadcrumbs(content: SafeString) -> SafeString:
    """The trail above a page's heading; its items are `crumb` tags."""
    return _render("breadcrumbs", content=content)


@register.simple_block_tag
def crumb(content: SafeString, *url_args: Any, href: str = "", fragment: str = "") -> SafeString:
    """One link in the trail: to a URL name with its arguments (as `{% url %}`), or to `href`."""
    if not href:
        viewname, *args = url_args
        href = reverse(viewname, args=args)
    if fragment:
        href = f"{href}#{fragment}"
    return _render("crumb", content=content, href=href)


@register.simple_block_tag
def table(
    content: SafeString,
    *,
    caption: str = "",
    labelledby: str = "",
    label: str = "",
    classes: str = "",
    stacked: bool = False,
) -> SafeString:
    """A Utrecht table in a box that scrolls sideways on a narrow screen.

    The box is a focusable region, so keyboard users can scroll it too; it needs a name: the id of
    the heading above the table (`labelledby`), a `label`, or else the `caption`. A `stacked`
    table of a few short columns shows its rows as blocks on a phone instead.
    """
    if stacked:
        classes = f"{classes} ln-table--stacked".strip()
    return _render(
        "table",
        content=content,
        caption=caption,
        labelledby=labelledby,
        label=label or caption,
        classes=classes,
    )


@register.simple_block_tag
def datalist(content: SafeString) -> SafeString:
    """Rows of a key and a value; its rows are `dataitem` tags."""
    return _render("datalist", content=content)


@register.simple_block_tag
def dataitem(content: SafeString, key: str) -> SafeString:
    return _render("dataitem", content=content, key=key)


@register.simple_block_tag
def formactions(
    content: SafeString,
    *,
    cancel_url: str = "",
    cancel_label: str = "",
    variant: str = "primary-action",
) -> SafeString:
    """The submit button under a form (its label is the content), and a link away from it."""
    return _render(
        "formactions",
        content=content,
        cancel_url=cancel_url,
        cancel_label=cancel_label,
        variant=variant,
    )
