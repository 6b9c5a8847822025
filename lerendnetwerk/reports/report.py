"""The two reports, composed of the registered parts (`networks.report_parts`): their sections
for the page and the PDF, their figures for the CSV, and the PDF and CSV themselves.

Any number of parts may be registered, by apps this one cannot see; the reports render them in
their order and leave out a part that has nothing for the annual report (no `region_html`) or
that returns an empty fragment.
"""

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from lerendnetwerk.networks import report_parts

from . import selectors
from .parts import phase_label, rounded

if TYPE_CHECKING:
    from lerendnetwerk.networks.models import Cycle
    from lerendnetwerk.regions.models import Region

# Columns of the CSV. `;` separates them and numbers carry a decimal comma, as Excel expects in
# Dutch; the BOM makes Excel read UTF-8 (see docs/reports.md).
CSV_COLUMNS = ("part", "subject", "measure", "value")
CSV_DELIMITER = ";"

Row = tuple[str, str, str, str | int | float]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    html: SafeString


# --- A network's cycle report --------------------------------------------------------------------


@dataclass(frozen=True)
class CycleHeader:
    network: str
    district: str
    organisations: list[str]
    number: int
    theme: str
    phase: str
    started_on: Any
    ended_on: Any


def cycle_header(cycle: "Cycle") -> CycleHeader:
    return CycleHeader(
        network=cycle.network.name,
        district=cycle.network.district.name,
        organisations=selectors.cycle_organisations(cycle=cycle),
        number=cycle.number,
        theme=cycle.theme,
        phase=phase_label(cycle.phase),
        started_on=timezone.localdate(cycle.started_at),
        ended_on=timezone.localdate(cycle.ended_at) if cycle.ended_at else None,
    )


def cycle_sections(cycle: "Cycle") -> list[Section]:
    sections = []
    for part in report_parts.parts():
        if html := part.cycle_html(cycle):
            sections.append(Section(part.key, str(part.title), html))
    return sections


def cycle_rows(cycle: "Cycle") -> list[Row]:
    header = cycle_header(cycle)
    rows: list[Row] = [
        ("report", "cycle", "network", header.network),
        ("report", "cycle", "district", header.district),
        ("report", "cycle", "member_organisations", "; ".join(header.organisations)),
        ("report", "cycle", "cycle_number", header.number),
        ("report", "cycle", "theme", header.theme),
        ("report", "cycle", "started_on", f"{header.started_on:%Y-%m-%d}"),
        ("report", "cycle", "ended_on", f"{header.ended_on:%Y-%m-%d}" if header.ended_on else ""),
    ]
    for part in report_parts.parts():
        rows += [(part.key, *figure) for figure in part.cycle_figures(cycle)]
    return rows


# --- The region's annual report ------------------------------------------------------------------


@dataclass(frozen=True)
class TrendRow:
    district: str
    number: int
    cycles: int
    totals: selectors.AttendanceTotals


def region_trends(region: "Region", year: int) -> list[TrendRow]:
    trends = selectors.region_cycle_trends(region=region, year=year)
    return [
        TrendRow(district, number, trend.cycles, trend.totals)
        for district, by_number in sorted(trends.items())
        for number, trend in sorted(by_number.items())
    ]


def region_sections(region: "Region", year: int) -> list[Section]:
    sections = []
    for part in report_parts.parts():
        if part.region_html is not None and (html := part.region_html(region, year)):
            sections.append(Section(part.key, str(part.title), html))
    return sections


def region_rows(region: "Region", year: int) -> list[Row]:
    rows: list[Row] = [
        ("report", "region", "region", region.name),
        ("report", "region", "year", year),
    ]
    for line in selectors.region_networks(region=region, year=year):
        name = line.network.name
        rows += [
            ("networks", name, "district", line.network.district.name),
            ("networks", name, "phase", line.phase or "preparing"),
            ("networks", name, "member_organisations", line.organisations),
        ]
    for trend in region_trends(region, year):
        subject = f"{trend.district} / {trend.number}"
        rows += [
            ("trends", subject, "cycles", trend.cycles),
            ("trends", subject, "meetings_held", trend.totals.held),
            ("trends", subject, "average_attended", rounded(trend.totals.average_attended)),
            ("trends", subject, "attendance_rate_percent", rounded(trend.totals.rate)),
        ]
    for part in report_parts.parts():
        if part.region_figures is not None:
            rows += [(part.key, *figure) for figure in part.region_figures(region, year)]
    return rows


# --- Formats -------------------------------------------------------------------------------------


def _csv_value(value: str | int | float) -> str:
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(value)


def csv_bytes(rows: list[Row]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for part, subject, measure, value in rows:
        writer.writerow([part, subject, measure, _csv_value(value)])
    return out.getvalue().encode("utf-8-sig")


@cache
def _static_text(path: str) -> str:
    found = finders.find(path)
    return Path(str(found)).read_text(encoding="utf-8") if found else ""


def pdf_styles() -> SafeString:
    """The report's styles, inlined: the PDF fetches nothing."""
    return mark_safe(_static_text("reports/report.css").replace("</", "<\\/"))  # noqa: S308 - our own static file


_SVG_OPEN = re.compile(r"(<svg\b[^>]*>)")


def _with_chart_styles(html: str) -> str:
    """WeasyPrint colours an inline SVG only from a <style> inside it, not from the page's CSS:
    give every chart the barometer's chart styles (classes, as on the page)."""
    css = _static_text("barometer/charts.css").replace("</", "<\\/")
    return _SVG_OPEN.sub(lambda m: f"{m.group(1)}<style>{css}</style>", html)


def pdf_bytes(template: str, context: dict[str, Any]) -> bytes:
    """A tagged PDF (PDF/UA-1: structure tree, language, title) of the report's HTML."""
    html = _with_chart_styles(render_to_string(template, {**context, "pdf_styles": pdf_styles()}))
    pdf: bytes = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf(
        pdf_variant="pdf/ua-1"
    )
    return pdf
