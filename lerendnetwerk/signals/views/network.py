"""A network's signals: what the platform noticed, the pitfall's tip and the work forms that
help, with the facilitator's actions on them (put a work form on the next agenda, acknowledge)."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core import pagecache
from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.meetings import selectors as meeting_selectors
from lerendnetwerk.networks.access import network_for

from .. import selectors, services
from ..forms import AcknowledgeForm, WorkFormChoiceForm
from ..models import Signal

if TYPE_CHECKING:
    from django.http import QueryDict

    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.networks.models import Network


def _signal_for(network: "Network", pk: int) -> Signal:
    try:
        return selectors.signal_get(network=network, pk=pk)
    except Signal.DoesNotExist:
        raise Http404 from None


def _page(
    request: "AuthenticatedHttpRequest",
    network: "Network",
    bound: dict[int, AcknowledgeForm] | None = None,
) -> HttpResponse:
    """The signals page; `bound` holds an acknowledgement (by signal) that came back with its
    error, so the note typed stays."""
    user = request.user
    facilitator = user.has_perm("signals.view_names", network)
    signals = selectors.shown(
        list(selectors.signals_current(network=network)), facilitator=facilitator
    )
    may_act = user.has_perm("signals.act_on_signals", network)
    next_meeting = meeting_selectors.meeting_next(network=network) if may_act else None
    open_signals = [s for s in signals if not s.signal.is_acknowledged]
    forms = {s.signal.pk: _ack_form(s.signal.pk) for s in open_signals} | (bound or {})
    return render(
        request,
        "signals/network.html",
        {
            "network": network,
            "open_signals": [(s, forms[s.signal.pk]) for s in open_signals],
            "acknowledged": [s for s in signals if s.signal.is_acknowledged],
            "facilitator": facilitator,
            "may_act": may_act,
            "next_meeting": next_meeting,
            "planned": (
                meeting_selectors.agenda_entry_ids(meeting=next_meeting) if next_meeting else set()
            ),
        },
    )


def _ack_form(pk: int, data: "QueryDict | None" = None) -> AcknowledgeForm:
    return AcknowledgeForm(data, prefix=f"signal-{pk}")


@login_required
def network_signals(request: "AuthenticatedHttpRequest", slug: str) -> HttpResponse:
    network = network_for(request, slug, "signals.view_signals")
    return pagecache.cached(
        request, [pagecache.network(network.pk)], lambda: _page(request, network)
    )


@require_POST
@login_required
def signal_acknowledge(request: "AuthenticatedHttpRequest", slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, "signals.act_on_signals")
    signal = _signal_for(network, pk)
    form = _ack_form(pk, request.POST)
    if form.is_valid():
        try:
            services.signal_acknowledge(
                signal=signal, user=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("The signal is acknowledged, with your note."))
            return redirect("signals:network", slug=network.slug)
    return _page(request, network, bound={pk: form})


@require_POST
@login_required
def signal_work_form_schedule(
    request: "AuthenticatedHttpRequest", slug: str, pk: int
) -> HttpResponse:
    network = network_for(request, slug, "signals.act_on_signals")
    signal = _signal_for(network, pk)
    work_forms = {
        e.pk: e for s in selectors.shown([signal], facilitator=True) for e in s.work_forms
    }
    form = WorkFormChoiceForm(request.POST, choices=[(e.pk, e.title) for e in work_forms.values()])
    if not form.is_valid():
        messages.error(request, _("This work form is not one this signal suggests."))
        return redirect("signals:network", slug=network.slug)
    meeting = meeting_selectors.meeting_next(network=network)
    if meeting is None:
        messages.warning(
            request,
            _(
                "No meeting is planned yet. Plan the next meeting first, then put the work "
                "form on its agenda."
            ),
        )
        return redirect("signals:network", slug=network.slug)
    entry = work_forms[form.cleaned_data["entry"]]
    try:
        item = services.signal_work_form_schedule(signal=signal, entry=entry, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("signals:network", slug=network.slug)
    messages.success(
        request,
        _("“%(work_form)s” is on the agenda of “%(meeting)s” for %(minutes)d minutes, led by you.")
        % {"work_form": entry.title, "meeting": meeting.title, "minutes": item.duration_minutes},
    )
    return redirect("meetings:agenda", pk=meeting.pk)
