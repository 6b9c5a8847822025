"""Meetings and attendance: the meetings held and how many came, as totals only (never who
declined, or why)."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.networks.report_parts import Figure, ReportPart

from .. import selectors
from . import render, rounded

if TYPE_CHECKING:
    from lerendnetwerk.networks.models import Cycle
    from lerendnetwerk.regions.models import Region

KEY = "meetings"
TITLE = _("Meetings and attendance")


def _cycle(cycle: "Cycle") -> tuple[list[selectors.HeldMeeting], selectors.AttendanceTotals]:
    meetings = selectors.cycle_meetings_held(cycle=cycle)
    totals = selectors.AttendanceTotals()
    for meeting in meetings:
        totals.add(meeting)
    return meetings, totals


def cycle_html(cycle: "Cycle") -> SafeString:
    meetings, totals = _cycle(cycle)
    return render(KEY, TITLE, "cycle", {"meetings": meetings, "totals": totals})


def _subject(meeting: selectors.HeldMeeting) -> str:
    return f"{timezone.localtime(meeting.starts_at):%Y-%m-%d %H:%M} {meeting.title}"


def _totals_figures(subject: str, totals: selectors.AttendanceTotals) -> list[Figure]:
    return [
        (subject, "meetings_held", totals.held),
        (subject, "meetings_with_attendance", totals.recorded),
        (subject, "invited", totals.invited),
        (subject, "attended", totals.attended),
        (subject, "average_attended", rounded(totals.average_attended)),
        (subject, "attendance_rate_percent", rounded(totals.rate)),
    ]


def cycle_figures(cycle: "Cycle") -> Sequence[Figure]:
    meetings, totals = _cycle(cycle)
    figures: list[Figure] = []
    for meeting in meetings:
        if meeting.recorded:
            figures.append((_subject(meeting), "invited", meeting.invited))
            figures.append((_subject(meeting), "attended", meeting.attended))
        else:
            figures.append((_subject(meeting), "attended", ""))
    return figures + _totals_figures("all", totals)


def _region(region: "Region", year: int) -> list[tuple[str, selectors.AttendanceTotals]]:
    per_district = selectors.region_meetings_held(region=region, year=year)
    return sorted(per_district.items())


def region_html(region: "Region", year: int) -> SafeString:
    rows = _region(region, year)
    total = selectors.AttendanceTotals()
    for _district, totals in rows:
        total.held += totals.held
        total.recorded += totals.recorded
        total.invited += totals.invited
        total.attended += totals.attended
    return render(KEY, TITLE, "region", {"rows": rows, "total": total, "year": year})


def region_figures(region: "Region", year: int) -> Sequence[Figure]:
    figures: list[Figure] = []
    for district, totals in _region(region, year):
        figures += _totals_figures(district, totals)
    return figures


PART = ReportPart(
    key=KEY,
    title=TITLE,
    order=20,
    cycle_html=cycle_html,
    cycle_figures=cycle_figures,
    region_html=region_html,
    region_figures=region_figures,
)
