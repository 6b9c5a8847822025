"""The report parts of the apps below the feature layer (networks, meetings, catalogue, themes,
barometer), registered in `ReportsConfig.ready`. Each reads its data through
`reports.selectors` in a fixed number of queries and renders `reports/parts/<key>.html`."""

from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from lerendnetwerk.catalogue.phase import Phase


def render(key: str, title: Any, scope: str, context: dict[str, Any]) -> SafeString:
    """A part's section: `scope` is "cycle" or "region"."""
    html = render_to_string(
        f"reports/parts/{key}_{scope}.html", {"key": key, "title": title, **context}
    )
    return mark_safe(html)  # noqa: S308 - rendered by a template with autoescaping


def phase_label(value: str) -> str:
    return str(Phase(value).label) if value in Phase.values else ""


def rounded(value: float | None, digits: int = 1) -> float | str:
    """A figure for the CSV: rounded, or empty when there is none."""
    return "" if value is None else round(value, digits)


def register_all() -> None:
    from lerendnetwerk.networks import report_parts

    from . import barometer, goals, meetings, phases, workforms

    for module in (phases, meetings, workforms, goals, barometer):
        report_parts.register(module.PART)
