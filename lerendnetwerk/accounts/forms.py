from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.email import email_enqueue
from lerendnetwerk.core.forms import Form, StyledFormMixin
from lerendnetwerk.core.text import SHORT_TEXT_MAX
from lerendnetwerk.regions.selectors import organisations_in_regions

from . import selectors
from .models import User

if TYPE_CHECKING:
    from collections.abc import Iterator

    from django.db.models import QuerySet

    from lerendnetwerk.regions.models import Organisation, Region


class LoginForm(StyledFormMixin, auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "That e-mail address and password do not match. Check both and try again."
        ),
        "inactive": _("This account is not active."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mail address")
        self.fields["username"].widget.attrs["autocomplete"] = "email"

    def clean_username(self) -> str:
        # Before authenticating, so that the lockout counts "LID@" and "lid@" as one person.
        return User.objects.normalize_email(self.cleaned_data["username"])


class PasswordResetForm(StyledFormMixin, auth_forms.PasswordResetForm):
    def get_users(self, email: str) -> "Iterator[User]":
        """The active account with this address, also when it has no password yet.

        Django skips accounts without a usable password; here that is someone invited who never
        chose one (or lost the invitation), and the link lets them do so now. An inactive
        account gets nothing. The page after it is the same whether a mail went out or not.
        """
        return iter(selectors.users_for_password_reset(email=email))

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        # Through the task queue, like every e-mail: the request never waits on SMTP.
        user = context["user"]
        with translation.override(user.language):
            path = reverse(
                "accounts:password_reset_confirm",
                kwargs={"uidb64": context["uid"], "token": context["token"]},
            )
        email_enqueue(
            to=to_email,
            template="accounts/email/password_reset",
            context={
                "name": user.name,
                # The site's own address, never the Host header of whoever asked.
                "link": f"{settings.SITE_URL}{path}",
            },
            language=user.language,
        )


class SetPasswordForm(StyledFormMixin, auth_forms.SetPasswordForm[User]):
    pass


class InviteForm(Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    organisation: "forms.ModelChoiceField[Organisation]" = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, required=False
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            ("manager", _("Manager")),
            ("expert", _("Expert")),
            ("coordinator", _("Coordinator")),
            ("person", _("Other (no role yet)")),
        ],
        widget=forms.RadioSelect,
    )
    region: "forms.ModelChoiceField[Region]" = forms.ModelChoiceField(
        label=_("Region"),
        queryset=None,
        help_text=_("For a coordinator: the region they coordinate."),
    )
    message = forms.CharField(
        max_length=SHORT_TEXT_MAX,
        label=_("Personal message"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args: Any, regions: "QuerySet[Region]", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
        self.fields["region"].initial = regions.first()
        self.fields["organisation"].queryset = organisations_in_regions(regions=regions)


class ProfileForm(Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        help_text=_("The language of the pages and of the e-mail you receive."),
    )
    show_email_publicly = forms.BooleanField(
        label=_("Show my e-mail address publicly"),
        required=False,
        help_text=_(
            "Off: visitors of the district overview reach you through a contact form and never "
            "see your address."
        ),
    )


class EmailChangeForm(Form):
    email = forms.EmailField(
        label=_("New e-mail address"),
        help_text=_("We send a link to the new address; your address changes once you click it."),
    )


class PasswordChangeForm(StyledFormMixin, auth_forms.PasswordChangeForm):
    pass


class SecondFactorForm(Form):
    code = forms.CharField(
        label=_("Code from your app"),
        help_text=_("Six digits. A new code appears every 30 seconds."),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
        ),
    )

    def clean_code(self) -> str:
        code = "".join(str(self.cleaned_data["code"]).split())
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(_("Type the six digits that your app shows."))
        return code
