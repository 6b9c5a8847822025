from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
from lerendnetwerk.core.pagination import paginate

from . import kinds, selectors, services
from .forms import PreferencesForm

PER_PAGE = 25


def profile_panel(request: AuthenticatedHttpRequest) -> SafeString:
    """ "Notifications" on the profile page: the list and the preferences."""
    return render_to_string("notifications/_profile_panel.html", request=request)


@login_required
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = paginate(request, selectors.notifications_of(user=request.user), PER_PAGE)
    return render(
        request,
        "notifications/list.html",
        {"page": page, "unread": any(n.read_at is None for n in page.object_list)},
    )


@login_required
def notification_open(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Follow a notification's link from the list: read from then on.
    Another person's notification does not exist for this person (404, not 403)."""
    notification = selectors.notification_of(user=request.user, pk=pk)
    if notification is None:
        raise Http404
    services.notification_mark_read(notification=notification)
    return redirect(notification.path or "notifications:list")


@login_required
@require_POST
def mark_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    count = services.notifications_mark_read(user=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")


@login_required
def preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PreferencesForm(
        request.POST if request.method == "POST" else None,
        initial=selectors.preferences_of(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        services.notification_preferences_set(user=request.user, frequencies=form.cleaned_data)
        messages.success(request, _("Your choices have been saved."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "has_kinds": bool(kinds.kinds())},
    )
