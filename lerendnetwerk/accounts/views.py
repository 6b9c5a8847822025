import base64
from typing import Any

import rules
import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy, translate_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from lerendnetwerk.core.forms_errors import add_validation_error

from . import profile as profile_panels
from . import selectors, services, throttling
from .forms import (
    EmailChangeForm,
    InviteForm,
    LoginForm,
    PasswordChangeForm,
    PasswordResetForm,
    ProfileForm,
    SecondFactorForm,
    SetPasswordForm,
)
from .http import AuthenticatedHttpRequest
from .roles import needs_second_factor
from .tokens import invitation_token_generator


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # An address that failed very often is refused before any password is checked.
        if throttling.login_address_locked(request):
            return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
        return super().post(request, *args, **kwargs)


class LogoutView(auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        # Over the limit the answer is the same page as always: it never tells whether the
        # address has an account, nor that a brake was hit.
        if not throttling.password_reset_allowed(self.request, form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_set.html"
    form_class = SetPasswordForm
    post_reset_login = True
    post_reset_login_backend = "lerendnetwerk.accounts.backends.CachedModelBackend"
    success_url = reverse_lazy("pages:dashboard")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # Someone invited may choose their first password through a reset link as well.
        services.invitation_accept(user=form.user)
        messages.success(self.request, _("Your password has been set. Welcome!"))
        return response


class InvitationAcceptView(PasswordResetConfirmView):
    """The one-time link from an invitation: choose a password and you are logged in."""

    reset_url_token = "uitnodiging-aanvaarden"  # noqa: S105 - a URL part, not a secret
    token_generator = invitation_token_generator
    extra_context = {"invitation": True}


@login_required
def invite(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A coordinator invites a manager, an expert or another coordinator of their region."""
    if not request.user.has_perm("accounts.invite"):
        raise PermissionDenied
    regions = selectors.regions_coordinated_by(user=request.user)
    form = InviteForm(request.POST or None, regions=regions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.user_invite(
            email=data["email"],
            name=data["name"],
            invited_by=request.user,
            organisation=data["organisation"],
            is_manager=data["role"] == "manager",
            is_expert=data["role"] == "expert",
            coordinator_of=data["region"] if data["role"] == "coordinator" else None,
            message=data["message"],
        )
        # Only what the inviter typed: whether the address has an account, and whose, is not
        # theirs to learn (someone who has one is asked to accept the role).
        messages.success(
            request, _("We sent an invitation to %(email)s.") % {"email": data["email"]}
        )
        return redirect("accounts:invite")
    return render(request, "accounts/invite.html", {"form": form})


# --- The person's own profile ------------------------------------------------------------------


def _profile_page(
    request: AuthenticatedHttpRequest,
    form: ProfileForm | None = None,
    email_form: EmailChangeForm | None = None,
) -> HttpResponse:
    user = request.user
    initial = {
        "name": user.name,
        "language": user.language,
        "show_email_publicly": user.show_email_publicly,
    }
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form or ProfileForm(initial=initial),
            "email_form": email_form or EmailChangeForm(),
            "panels": profile_panels.render_panels(request),
        },
    )


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Name, language and whether the e-mail address is public; the panels of other apps."""
    if request.method != "POST":
        return _profile_page(request)
    form = ProfileForm(request.POST)
    if form.is_valid():
        try:
            user = services.profile_update(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your details have been saved."))
            # The language is in the URL (no prefix for Dutch): go on in the chosen one.
            response = redirect(translate_url(reverse("accounts:profile"), user.language))
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language)
            return response
    return _profile_page(request, form=form)


@require_POST
@login_required
def email_change(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = EmailChangeForm(request.POST)
    if form.is_valid():
        try:
            new_email = services.email_change_request(
                user=request.user, new_email=form.cleaned_data["email"]
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "We sent a link to %(email)s. Your e-mail address changes once you click it "
                    "(within three days)."
                )
                % {"email": new_email},
            )
            return redirect("accounts:profile")
    return _profile_page(request, email_form=form)


def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the e-mail: a button, so that a mail scanner opening the link changes
    nothing; the token alone is the proof, so it works in any browser."""
    if request.method == "POST":
        try:
            services.email_change_confirm(token=token)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your e-mail address has been changed."))
            if request.user.is_authenticated:
                return redirect("accounts:profile")
            return redirect("accounts:login")
    return render(request, "accounts/email_confirm.html")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Your password has been changed."))
        return response


@require_POST
@login_required
def role_invitation_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The invited person accepts or declines a role; anyone else learns nothing (404)."""
    invitation = selectors.role_invitation(pk=pk)
    if not rules.has_perm("accounts.answer_role_invitation", request.user, invitation):
        raise Http404
    assert invitation is not None  # the rule says no to a missing invitation
    label = invitation.get_role_display()
    try:
        if request.POST.get("answer") == "accept":
            services.role_invitation_accept(invitation=invitation, user=request.user)
            messages.success(request, _("You are now %(role)s.") % {"role": label.lower()})
            return redirect("pages:dashboard")
        services.role_invitation_decline(invitation=invitation, user=request.user)
        messages.success(request, _("You declined the role %(role)s.") % {"role": label.lower()})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("pages:invitations")


# --- The second factor -------------------------------------------------------------------------


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return str(settings.LOGIN_REDIRECT_URL)


def _verified(request: AuthenticatedHttpRequest, device: Any) -> HttpResponse:
    otp_login(request, device)
    # A new session key for the session that now carries more rights.
    request.session.cycle_key()
    return redirect(_next_url(request))


def _wrong_code(form: SecondFactorForm, device: Any) -> None:
    allowed, info = device.verify_is_allowed()
    if not allowed and info and info.get("locked_until"):
        form.add_error(
            "code",
            _("Too many wrong codes in a row. Wait a moment and try again with a new code."),
        )
    else:
        form.add_error(
            "code",
            _(
                "That code is not right. Type the code your app shows now; if it keeps "
                "failing, check that the time on your phone is right."
            ),
        )


@sensitive_post_parameters("code")
@login_required
def otp_verify(request: AuthenticatedHttpRequest) -> HttpResponse:
    """After the password, a coordinator or staff member gives the code from their app."""
    next_url = _next_url(request)
    if not needs_second_factor(request.user) or request.user.is_verified():  # type: ignore[attr-defined]
        return redirect(next_url)
    device = selectors.totp_device_confirmed(user=request.user)
    if device is None:
        return redirect_with_next("accounts:otp_setup", next_url)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.totp_verify(user=request.user, device=device, token=form.cleaned_data["code"]):
            return _verified(request, device)
        _wrong_code(form, device)
    return render(request, "accounts/otp_verify.html", {"form": form, "next": next_url})


@sensitive_post_parameters("code")
@login_required
def otp_setup(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Set up the app once: scan the QR code (or type the secret), then show one code."""
    next_url = _next_url(request)
    if not needs_second_factor(request.user):
        return redirect(next_url)
    if selectors.totp_device_confirmed(user=request.user) is not None:
        # Once set up, a new app is only added by someone who already gave a code (the admin
        # site), never by whoever knows the password.
        return redirect_with_next("accounts:otp_verify", next_url)
    device = services.totp_device_for_setup(user=request.user)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.totp_verify(user=request.user, device=device, token=form.cleaned_data["code"]):
            messages.success(request, _("Your app is set up. From now on you log in with a code."))
            return _verified(request, device)
        _wrong_code(form, device)
    secret = device.bin_key
    qr = segno.make(device.config_url, error="m")
    # segno writes the SVG itself (no user input in it): presentation attributes only, no
    # inline style, so it passes the Content Security Policy.
    svg = qr.svg_inline(scale=5, border=4, light="#fff", title=_("QR code to scan with your app"))
    return render(
        request,
        "accounts/otp_setup.html",
        {
            "form": form,
            "next": next_url,
            "qr_svg": mark_safe(svg.replace("<svg ", '<svg role="img" ', 1)),  # noqa: S308
            "secret": _grouped_base32(secret),
        },
    )


def _grouped_base32(key: bytes) -> str:
    text = base64.b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def redirect_with_next(url_name: str, next_url: str) -> HttpResponse:
    return HttpResponseRedirect(f"{reverse(url_name)}?{urlencode({'next': next_url})}")
