"""iCalendar for meetings: invitations (REQUEST), cancellations (CANCEL) and feeds (PUBLISH).

Times are written in the site's zone (Europe/Amsterdam) with its VTIMEZONE included, so that a
calendar shows the right hour on both sides of a daylight-saving change. The VTIMEZONE uses
yearly rules, not lists of dates (`timezones.py` says why).
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from .models import Meeting
from .timezones import vtimezone

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User

PRODID = "-//Lerend Netwerk//Bijeenkomsten//NL"


def _calendar(method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    return calendar


def _finish(calendar: Calendar) -> str:
    """The calendar as text, with the VTIMEZONE its events' local times refer to."""
    if calendar.events:
        calendar.subcomponents.insert(0, vtimezone(settings.TIME_ZONE))
    body: bytes = calendar.to_ical()  # icalendar leaves to_ical()'s return type out
    return body.decode()


def _uid(meeting: Meeting) -> str:
    return f"{meeting.uid}@{urlsplit(settings.SITE_URL).hostname or 'lerendnetwerk'}"


def _event(meeting: Meeting, *, url: str) -> Event:
    event = Event()
    event.add("uid", _uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    event.add("dtend", timezone.localtime(meeting.ends_at))
    event.add("summary", f"{meeting.title} ({meeting.network.name})")
    if meeting.place:
        event.add("location", meeting.place)
    if meeting.purpose:
        event.add("description", meeting.purpose)
    event.add("url", url)
    event.add("status", "CANCELLED" if meeting.status == Meeting.Status.CANCELLED else "CONFIRMED")
    return event


def _organizer(organizer: "User | None") -> vCalAddress:
    email = organizer.email if organizer else settings.DEFAULT_FROM_EMAIL
    address = vCalAddress(f"mailto:{email}")
    if organizer:
        address.params["cn"] = vText(organizer.name)
    return address


def meeting_invitation_ics(
    *, meeting: Meeting, attendee: "User", organizer: "User | None", cancel: bool = False
) -> str:
    """One person's invitation (or cancellation): METHOD REQUEST/CANCEL with organizer and
    that attendee only, so that nobody's address reaches the others."""
    calendar = _calendar("CANCEL" if cancel else "REQUEST")
    event = _event(meeting, url=meeting_url(meeting))
    event.add("organizer", _organizer(organizer))
    address = vCalAddress(f"mailto:{attendee.email}")
    address.params["cn"] = vText(attendee.name)
    address.params["role"] = vText("REQ-PARTICIPANT")
    address.params["rsvp"] = vText("TRUE")
    event.add("attendee", address)
    calendar.add_component(event)
    return _finish(calendar)


def feed_ics(*, meetings: Iterable[Meeting], name: str) -> str:
    """A subscription feed: every meeting of a person's networks, METHOD PUBLISH."""
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(_event(meeting, url=meeting_url(meeting)))
    return _finish(calendar)


def meeting_ics(*, meeting: Meeting) -> str:
    """One meeting to add to one's own calendar (METHOD PUBLISH: no invitation to answer)."""
    calendar = _calendar("PUBLISH")
    calendar.add_component(_event(meeting, url=meeting_url(meeting)))
    return _finish(calendar)


def meeting_url(meeting: Meeting) -> str:
    return settings.SITE_URL + reverse("meetings:detail", args=[meeting.pk])
