from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
from lerendnetwerk.networks import selectors as network_selectors

from . import selectors, services
from .export import export_zip
from .forms import ErasureForm


def profile_panel(request: AuthenticatedHttpRequest) -> SafeString:
    """ "My data" on the profile page: the export and the request for erasure."""
    return render_to_string("privacy/_profile_panel.html", request=request)


@login_required
def export(request: AuthenticatedHttpRequest) -> HttpResponse:
    """What the platform keeps about the person, readable, with the download."""
    return render(
        request, "privacy/export.html", {"sections": selectors.person_data(user=request.user)}
    )


@login_required
def export_download(request: AuthenticatedHttpRequest) -> HttpResponse:
    day = timezone.localdate().isoformat()
    response = HttpResponse(export_zip(user=request.user), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="lerend-netwerk-gegevens-{day}.zip"'
    return response


@login_required
def erasure(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Delete my account: confirmed with the password; deactivated now, erased later."""
    user = request.user
    form = ErasureForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            services.erasure_request(user=user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(
                request,
                _(
                    "Your account has been deactivated and will be erased in %(days)s days. "
                    "The e-mail we sent you has a link to cancel that."
                )
                % {"days": services.grace_period().days},
            )
            return redirect("pages:home")
    return render(
        request,
        "privacy/erasure.html",
        {
            "form": form,
            "grace_days": services.grace_period().days,
            "memberships": network_selectors.memberships_of(user=user),
        },
    )


def erasure_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the confirmation e-mail; a button, so that opening the link changes nothing."""
    if request.method == "POST":
        try:
            services.erasure_cancel(token=token)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _(
                    "Your account will not be erased and you can log in again. You left your "
                    "networks; ask their facilitators to add you again."
                ),
            )
            return redirect("accounts:login")
    return render(request, "privacy/erasure_cancel.html")
