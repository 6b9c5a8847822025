"""Calendar files read back by three independent parsers land every meeting at its hour.

Meetings on both sides of the 2027 daylight-saving changes (28 March and 31 October): a reader
that takes the wrong offset shows a summer meeting an hour off, which is what the RDATE-style
VTIMEZONE did in vobject.
"""

import io
import zoneinfo
from datetime import datetime, timedelta

import pytest
import vobject
from dateutil import tz as dateutil_tz
from django.urls import reverse
from icalendar import Calendar

from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.meetings import services
from lerendnetwerk.meetings.calendar import feed_ics
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.meetings.timezones import vtimezone

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
# (local start, UTC offset in hours): winter, the Saturday before summer time, summer, the day
# before winter time, the day after.
MOMENTS = [
    (datetime(2027, 1, 12, 19, 30), 1),
    (datetime(2027, 3, 27, 15, 0), 1),
    (datetime(2027, 6, 15, 15, 0), 2),
    (datetime(2027, 10, 30, 15, 0), 2),
    (datetime(2027, 11, 1, 9, 0), 1),
]


@pytest.fixture
def meetings(network, facilitator) -> list[Meeting]:
    planned = []
    for local, _offset in MOMENTS:
        starts = local.replace(tzinfo=AMSTERDAM)
        planned.append(
            services.meeting_schedule(
                network=network,
                title=f"Bijeenkomst {local:%d-%m}",
                purpose="",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                address="Wijkcentrum De Dreef, Utrecht",
                created_by=facilitator,
            )
        )
    return planned


def _utc_offsets_icalendar(body: str) -> list[timedelta]:
    calendar = Calendar.from_ical(body)
    return sorted(event.decoded("dtstart").utcoffset() for event in calendar.walk("VEVENT"))


def _expected_offsets() -> list[timedelta]:
    return sorted(timedelta(hours=offset) for _local, offset in MOMENTS)


def test_the_vtimezone_has_one_yearly_rule_per_transition_and_no_rdates():
    text = vtimezone("Europe/Amsterdam").to_ical().decode()
    assert "RDATE" not in text
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in text
    assert "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200" in text


def test_icalendar_reads_every_meeting_at_its_offset(meetings):
    body = feed_ics(meetings=meetings, name="Bijeenkomsten")
    assert body.count("BEGIN:VTIMEZONE") == 1
    assert _utc_offsets_icalendar(body) == _expected_offsets()


def test_vobject_reads_every_meeting_at_its_offset(meetings):
    body = feed_ics(meetings=meetings, name="Bijeenkomsten")
    calendar = vobject.readOne(body)
    offsets = sorted(event.dtstart.value.utcoffset() for event in calendar.vevent_list)
    assert offsets == _expected_offsets()
    # And the local hours stay as planned.
    hours = sorted((e.dtstart.value.month, e.dtstart.value.hour) for e in calendar.vevent_list)
    assert hours == sorted((local.month, local.hour) for local, _offset in MOMENTS)


def test_dateutil_reads_the_zone_alike():
    """dateutil's own VTIMEZONE reader (tzical) agrees with the zone database on every moment."""
    definition = "BEGIN:VCALENDAR\r\n" + vtimezone("Europe/Amsterdam").to_ical().decode()
    definition += "END:VCALENDAR\r\n"
    zone = dateutil_tz.tzical(io.StringIO(definition)).get("Europe/Amsterdam")
    for local, offset in MOMENTS:
        assert local.replace(tzinfo=zone).utcoffset() == timedelta(hours=offset)
        assert local.replace(tzinfo=AMSTERDAM).utcoffset() == timedelta(hours=offset)


@pytest.mark.parametrize("key", ["America/New_York", "Australia/Sydney", "Asia/Tokyo"])
def test_other_zones_agree_with_the_zone_database(key):
    """Southern-hemisphere summer, another rule, and a zone without summer time."""
    definition = f"BEGIN:VCALENDAR\r\n{vtimezone(key).to_ical().decode()}END:VCALENDAR\r\n"
    zone = dateutil_tz.tzical(io.StringIO(definition)).get(key)
    reference = zoneinfo.ZoneInfo(key)
    for month in range(1, 13):
        moment = datetime(2028, month, 15, 12, 0)
        assert (
            moment.replace(tzinfo=zone).utcoffset() == moment.replace(tzinfo=reference).utcoffset()
        ), (key, month)


def test_a_member_downloads_one_meeting_for_their_calendar(meetings, participant):
    summer = meetings[2]
    client = login(participant)
    response = client.get(reverse("meetings:ics", args=[summer.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = vobject.readOne(response.content.decode())
    assert calendar.method.value == "PUBLISH"
    (event,) = calendar.vevent_list
    assert event.dtstart.value.hour == 15
    assert event.dtstart.value.utcoffset() == timedelta(hours=2)
    page = client.get(reverse("meetings:detail", args=[summer.pk]))
    assert reverse("meetings:ics", args=[summer.pk]).encode() in page.content
