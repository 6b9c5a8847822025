"""VTIMEZONE components with one yearly RRULE per transition, as Outlook writes them.

icalendar's `add_missing_timezones()` lists every past and future transition as RDATEs. Several
readers (vobject among them, and clients built on it) take only the first offset of such a
definition, so a summer meeting at 15:00 showed at 16:00. A definition with a yearly RRULE per
transition is read alike by every client we tried (icalendar, vobject, dateutil).

The rule comes from the zone's own data: the POSIX TZ string at the end of its TZif file (for
Europe/Amsterdam `CET-1CEST,M3.5.0,M10.5.0/3`), which describes the transitions of today and
the future. Meetings are planned from now on, so earlier rule changes do not matter.
"""

import re
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from pathlib import Path

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

# The zone's name, its offset (POSIX counts west of Greenwich as positive), and optionally the
# summer name, offset and the two rules `Mm.w.d[/time]`.
_POSIX = re.compile(
    r"^(?P<std><[^>]+>|[A-Za-z]{3,})(?P<std_offset>[-+]?[\d:]+)"
    r"(?:(?P<dst><[^>]+>|[A-Za-z]{3,})(?P<dst_offset>[-+]?[\d:]+)?"
    r",(?P<start>M[\d.]+(?:/[-+]?[\d:]+)?),(?P<end>M[\d.]+(?:/[-+]?[\d:]+)?))?$"
)
_WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]  # POSIX counts from Sunday = 0


@dataclass(frozen=True)
class _Rule:
    month: int
    week: int  # 1..4, or 5 for "the last"
    weekday: int  # 0 = Sunday
    at: timedelta  # local time of the transition, in the offset it ends

    def first_in(self, year: int) -> datetime:
        """The transition's local time in `year` (used as the rule's DTSTART)."""
        python_weekday = (self.weekday - 1) % 7  # Python counts from Monday = 0
        if self.week == 5:
            next_month = date(year + self.month // 12, self.month % 12 + 1, 1)
            day = next_month - timedelta(days=1)
            day -= timedelta(days=(day.weekday() - python_weekday) % 7)
        else:
            day = date(year, self.month, 1)
            day += timedelta(days=(python_weekday - day.weekday()) % 7 + 7 * (self.week - 1))
        return datetime(day.year, day.month, day.day) + self.at

    def recurrence(self) -> vRecur:
        week = -1 if self.week == 5 else self.week
        return vRecur(freq="YEARLY", bymonth=self.month, byday=f"{week}{_WEEKDAYS[self.weekday]}")


def _duration(text: str) -> timedelta:
    sign = -1 if text.startswith("-") else 1
    parts = [int(part) for part in text.lstrip("+-").split(":")] + [0, 0]
    return sign * timedelta(hours=parts[0], minutes=parts[1], seconds=parts[2])


def _rule(text: str) -> _Rule:
    spec, _, at = text[1:].partition("/")
    month, week, weekday = (int(part) for part in spec.split("."))
    return _Rule(month, week, weekday, _duration(at) if at else timedelta(hours=2))


def _name(text: str) -> str:
    return text.strip("<>")


def _posix_tz(key: str) -> str:
    """The footer of the zone's TZif file (version 2 and later)."""
    for base in zoneinfo.TZPATH:
        path = Path(base, key)
        if path.is_file():
            data = path.read_bytes()
            break
    else:
        data = resources.files("tzdata.zoneinfo").joinpath(*key.split("/")).read_bytes()
    return data.rstrip(b"\n").rsplit(b"\n", 1)[-1].decode("ascii")


@cache
def vtimezone(key: str) -> Timezone:
    """The VTIMEZONE for a zone's present rules (built once per zone and process)."""
    posix = _posix_tz(key)
    match = _POSIX.match(posix)
    if match is None:
        raise ValueError(f"{key}: cannot read its rules from {posix!r}")
    # POSIX offsets count west of Greenwich, iCalendar's east.
    standard_offset = -_duration(match["std_offset"])
    component = Timezone()
    component.add("tzid", key)
    if not match["dst"]:
        standard = TimezoneStandard()
        standard.add("dtstart", datetime(1970, 1, 1))
        standard.add("tzoffsetfrom", standard_offset)
        standard.add("tzoffsetto", standard_offset)
        standard.add("tzname", _name(match["std"]))
        component.add_component(standard)
        return component
    summer_offset = standard_offset + timedelta(hours=1)  # POSIX's default
    if match["dst_offset"]:
        summer_offset = -_duration(match["dst_offset"])
    to_summer, to_standard = _rule(match["start"]), _rule(match["end"])
    for kind, rule, before, after, name in (
        (TimezoneDaylight, to_summer, standard_offset, summer_offset, match["dst"]),
        (TimezoneStandard, to_standard, summer_offset, standard_offset, match["std"]),
    ):
        transition = kind()
        transition.add("dtstart", rule.first_in(1970))
        transition.add("rrule", rule.recurrence())
        transition.add("tzoffsetfrom", before)
        transition.add("tzoffsetto", after)
        transition.add("tzname", _name(name))
        component.add_component(transition)
    return component
