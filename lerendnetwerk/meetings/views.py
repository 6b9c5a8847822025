"""Meeting pages. Every view checks one named permission from rules.py first."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core import pagecache
from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.core.pagination import paginate
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.access import network_for
from lerendnetwerk.regions import selectors as region_selectors

from . import selectors, services
from .calendar import feed_ics, meeting_ics
from .forms import AgendaItemForm, AttendanceForm, MeetingForm, PreparersForm, RsvpForm
from .models import AgendaItem, Meeting, Rsvp
from .tokens import rsvp_token_read

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest

# Earlier meetings per page on a network's meetings page.
EARLIER = 10


def _meeting_for(request: HttpRequest, pk: int, permission: str) -> Meeting:
    try:
        meeting = selectors.meeting_get(pk=pk)
    except Meeting.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm(permission, meeting):
        raise PermissionDenied
    return meeting


@login_required
def network_meetings(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "meetings.view_meetings")
    return pagecache.cached(
        request,
        [pagecache.network(network.pk)],
        lambda: render(
            request,
            "meetings/network_meetings.html",
            {
                "network": network,
                "upcoming": selectors.meetings_upcoming(network=network),
                "earlier": paginate(request, selectors.meetings_earlier(network=network), EARLIER),
                "figures": selectors.network_figures(
                    network=network, meetings=selectors.meetings_of_cycle(network=network)
                ),
                "may_schedule": request.user.has_perm("meetings.schedule_meeting", network),
                "may_see_declines": request.user.has_perm("meetings.view_declines", network),
            },
        ),
    )


@login_required
def meeting_schedule(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "meetings.schedule_meeting")
    form = MeetingForm(
        request.POST or None,
        hosts=region_selectors.organisations_of_network(network_id=network.pk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_schedule(
                network=network,
                created_by=request.user,
                **form.service_arguments(),
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "The meeting has been planned. Put together the agenda, then send the "
                    "invitations."
                ),
            )
            return redirect("meetings:agenda", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"network": network, "form": form})


@login_required
def meeting_detail(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    meeting = _meeting_for(request, pk, "meetings.view_meeting")
    return _detail(request, meeting)


def _detail(
    request: "AuthenticatedHttpRequest", meeting: Meeting, rsvp_form: RsvpForm | None = None
) -> HttpResponse:
    """The meeting page; with the answer form as sent when it needs correcting."""
    return pagecache.cached(
        request,
        [pagecache.network(meeting.network_id)],
        lambda: _render_detail(request, meeting, rsvp_form),
    )


def _render_detail(
    request: "AuthenticatedHttpRequest", meeting: Meeting, rsvp_form: RsvpForm | None
) -> HttpResponse:
    agenda = selectors.meeting_agenda(meeting=meeting)
    rsvps = selectors.meeting_rsvps(meeting=meeting)
    mine = next((r for r in rsvps if r.user_id == request.user.pk), None)
    may_change = request.user.has_perm("meetings.change_meeting", meeting)
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "network": meeting.network,
            "agenda": agenda,
            "agenda_minutes": sum(item.duration_minutes for item in agenda),
            "rsvps": rsvps if may_change else [],
            "counts": {
                answer: sum(1 for r in rsvps if r.answer == answer) for answer in Rsvp.Answer.values
            },
            "my_rsvp": mine,
            "rsvp_form": rsvp_form
            or RsvpForm(initial={"answer": mine.answer, "reason": mine.reason} if mine else None),
            "may_answer": request.user.has_perm("meetings.answer_meeting", meeting)
            and not meeting.is_past
            and not meeting.is_cancelled,
            "may_change": may_change,
            # Members read the evaluation of a meeting that has ended (evaluation:meeting).
            "may_read_evaluation": request.user.has_perm("meetings.answer_meeting", meeting),
            "may_edit_agenda": request.user.has_perm("meetings.edit_agenda", meeting),
            "preparers": selectors.meeting_preparers(meeting=meeting),
        },
    )


@login_required
def meeting_edit(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    meeting = _meeting_for(request, pk, "meetings.change_meeting")
    form = MeetingForm(
        request.POST or None,
        hosts=region_selectors.organisations_of_network(network_id=meeting.network_id),
        initial=MeetingForm.initial_for(meeting),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, **form.service_arguments())
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The meeting has been saved."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/meeting_form.html",
        {"network": meeting.network, "meeting": meeting, "form": form},
    )


@login_required
def meeting_cancel(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    meeting = _meeting_for(request, pk, "meetings.change_meeting")
    if request.method == "POST":
        try:
            services.meeting_cancel(meeting=meeting)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The meeting has been cancelled and everyone invited has been told.")
                if meeting.invitations_sent_at
                else _("The meeting has been cancelled."),
            )
        return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/cancel.html", {"meeting": meeting, "network": meeting.network})


@login_required
@require_POST
def meeting_send_invitations(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    meeting = _meeting_for(request, pk, "meetings.change_meeting")
    try:
        services.meeting_send_invitations(meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The invitations have been sent."))
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
def meeting_agenda(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    meeting = _meeting_for(request, pk, "meetings.edit_agenda")
    form = AgendaItemForm(
        request.POST or None,
        entries=selectors.agenda_entries(
            phase=meeting.phase, region_id=meeting.network.district.region_id
        ),
        members=network_selectors.members(network=meeting.network),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_add(meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The item has been added to the agenda."))
            return redirect("meetings:agenda", pk=meeting.pk)
    agenda = selectors.meeting_agenda(meeting=meeting)
    total = sum(item.duration_minutes for item in agenda)
    return render(
        request,
        "meetings/agenda.html",
        {
            "meeting": meeting,
            "network": meeting.network,
            "agenda": agenda,
            "agenda_minutes": total,
            "too_long": total > meeting.duration_minutes,
            "form": form,
        },
    )


def _agenda_item_for(request: HttpRequest, pk: int, item_id: int) -> AgendaItem:
    meeting = _meeting_for(request, pk, "meetings.edit_agenda")
    try:
        return selectors.agenda_item_get(meeting=meeting, pk=item_id)
    except AgendaItem.DoesNotExist:
        raise Http404 from None


@require_POST
@login_required
def agenda_item_remove(request: "AuthenticatedHttpRequest", pk: int, item_id: int) -> HttpResponse:
    services.agenda_item_remove(item=_agenda_item_for(request, pk, item_id))
    messages.success(request, _("The item has been removed."))
    return redirect("meetings:agenda", pk=pk)


@require_POST
@login_required
def agenda_item_move(request: "AuthenticatedHttpRequest", pk: int, item_id: int) -> HttpResponse:
    services.agenda_item_move(
        item=_agenda_item_for(request, pk, item_id), up=request.POST.get("direction") == "up"
    )
    return redirect("meetings:agenda", pk=pk)


@login_required
def meeting_preparers(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    meeting = _meeting_for(request, pk, "meetings.change_meeting")
    form = PreparersForm(
        request.POST or None,
        members=network_selectors.members(network=meeting.network),
        initial={"preparers": selectors.meeting_preparers(meeting=meeting)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.preparers_set(meeting=meeting, users=form.cleaned_data["preparers"])
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The preparation group has been saved."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/preparers.html",
        {"meeting": meeting, "network": meeting.network, "form": form},
    )


@require_POST
@login_required
def meeting_answer(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    meeting = _meeting_for(request, pk, "meetings.answer_meeting")
    form = RsvpForm(request.POST)
    if not form.is_valid():
        # Show the page again with what was typed (a long reason is not lost) and the errors.
        return _detail(request, meeting, rsvp_form=form)
    try:
        services.rsvp_answer(meeting=meeting, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you, your answer has been saved."))
    # Answered from another page (the person's own page): back there, if it is this site's.
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect("meetings:detail", pk=meeting.pk)


def meeting_answer_by_link(request: HttpRequest, token: str) -> HttpResponse:
    """The signed link from the invitation: answer without logging in, until the meeting ends."""
    found = rsvp_token_read(token)
    rsvp = selectors.rsvp_for_link(meeting_id=found[0], user_id=found[1]) if found else None
    if rsvp is None or rsvp.meeting.is_past:
        return render(request, "meetings/answer_expired.html", status=410 if rsvp else 404)
    if not network_selectors.is_member(network=rsvp.meeting.network_id, user=rsvp.user_id):
        return render(request, "meetings/answer_expired.html", {"left": True}, status=410)
    form = RsvpForm(request.POST or None, initial={"answer": rsvp.answer, "reason": rsvp.reason})
    if request.method == "POST" and form.is_valid():
        try:
            services.rsvp_answer(meeting=rsvp.meeting, user=rsvp.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Thank you, your answer has been saved."))
            return redirect("meetings:answer_by_link", token=token)
        rsvp.refresh_from_db()
    return render(
        request,
        "meetings/answer_by_link.html",
        {"rsvp": rsvp, "meeting": rsvp.meeting, "form": form},
    )


@login_required
def meeting_attendance(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    meeting = _meeting_for(request, pk, "meetings.change_meeting")
    rsvps = selectors.meeting_rsvps(meeting=meeting)
    if meeting.attendance_recorded_at:
        present = [r.user for r in rsvps if r.attended]
    else:  # prefilled from the answers: who said they would come
        present = [r.user for r in rsvps if r.answer == Rsvp.Answer.ACCEPTED]
    form = AttendanceForm(
        request.POST or None,
        invited=selectors.meeting_invited(meeting=meeting),
        initial={
            "present": present,
            "notes_done": meeting.notes_done,
            "notes_agreements": meeting.notes_agreements,
            "notes_next": meeting.notes_next,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Attendance and notes have been saved."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/attendance.html",
        {"meeting": meeting, "network": meeting.network, "form": form},
    )


@login_required
def my_meetings(request: "AuthenticatedHttpRequest") -> HttpResponse:
    upcoming, past = selectors.meetings_for_user(user=request.user)
    return render(request, "meetings/mine.html", {"upcoming": upcoming, "past": past})


@login_required
def calendar_feed_settings(request: "AuthenticatedHttpRequest") -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.calendar_feed_revoke(user=request.user)
            messages.success(request, _("Your calendar address has been switched off."))
        else:
            services.calendar_feed_renew(user=request.user)
            messages.success(
                request, _("You have a new calendar address. The old one no longer works.")
            )
        return redirect("meetings:calendar")
    feed = selectors.calendar_feed_of(user=request.user)
    feed_url = (
        request.build_absolute_uri(reverse("meetings:feed", args=[feed.token]))
        if feed is not None
        else None
    )
    return render(request, "meetings/calendar.html", {"feed_url": feed_url})


@login_required
def meeting_calendar_file(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    """ "Add to my calendar": the one meeting as a file to open in any calendar app."""
    meeting = _meeting_for(request, pk, "meetings.view_meeting")
    response = HttpResponse(
        meeting_ics(meeting=meeting), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{meeting.pk}.ics"'
    response["Cache-Control"] = "private, no-cache"
    return response


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The secret feed URL a calendar app subscribes to; no login, the token is the key."""
    feed = selectors.calendar_feed_by_token(token=token)
    if feed is None:
        raise Http404
    body = feed_ics(
        meetings=selectors.feed_meetings(user=feed.user),
        name=_("Lerend Netwerk meetings"),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lerendnetwerk.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
