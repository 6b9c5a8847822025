"""Writes on people: invitations and accepting them."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from lerendnetwerk.core.email import email_enqueue
from lerendnetwerk.core.text import SHORT_TEXT_MAX, refuse_too_long
from lerendnetwerk.regions.models import Organisation, Region

from .models import Invitation, User
from .tokens import invitation_token_generator


def invitation_link(user: User) -> str:
    """A one-time link to set a password: it stops working once the password is set."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = invitation_token_generator.make_token(user)
    with translation.override(user.language):
        path = reverse("accounts:invitation_accept", kwargs={"uidb64": uid, "token": token})
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def user_invite(
    *,
    email: str,
    name: str,
    invited_by: User | None,
    organisation: Organisation | None = None,
    is_manager: bool = False,
    is_expert: bool = False,
    coordinator_of: Region | None = None,
    context: str = "",
    message: str = "",
) -> User:
    """Find or create the person and e-mail them.

    A new person gets an invitation with a one-time link to set their password. Someone who
    already has an account gets a short notice instead, so no account is ever taken over by a link.
    `context` says in the e-mail what they were invited to (e.g. the network's name).
    """
    refuse_too_long({"message": (message, SHORT_TEXT_MAX)})
    email = User.objects.normalize_email(email)
    user = User.objects.filter(email__iexact=email).first()
    is_new = user is None or not user.has_usable_password()
    if user is None:
        user = User.objects.create_user(email=email, password=None, name=name.strip())
    changed = []
    if organisation and user.organisation_id is None:
        user.organisation = organisation
        changed.append("organisation")
    if is_manager and not user.is_manager:
        user.is_manager = True
        changed.append("is_manager")
    if is_expert and not user.is_expert:
        user.is_expert = True
        changed.append("is_expert")
    if coordinator_of is not None:
        user.coordinator_of.add(coordinator_of)
        if not user.is_staff:
            # Coordinators use the admin site (their questionnaire; the shared catalogue to read).
            user.is_staff = True
            changed.append("is_staff")
    if changed:
        user.save(update_fields=changed)
    if is_new:
        Invitation.objects.create(user=user, invited_by=invited_by, message=message.strip())
        email_enqueue(
            to=user.email,
            template="accounts/email/invitation",
            context={
                "name": user.name,
                "inviter": invited_by.name if invited_by else "",
                "context": context,
                "message": message.strip(),
                "link": invitation_link(user),
            },
            language=user.language,
        )
    else:
        email_enqueue(
            to=user.email,
            template="accounts/email/added",
            context={
                "name": user.name,
                "inviter": invited_by.name if invited_by else "",
                "context": context,
                "message": message.strip(),
                "link": settings.SITE_URL + reverse("pages:dashboard"),
            },
            language=user.language,
        )
    return user


@transaction.atomic
def invitation_accept(*, user: User) -> None:
    """Mark the person's open invitations as accepted (their password was just set)."""
    Invitation.objects.filter(user=user, accepted_at__isnull=True).update(
        accepted_at=timezone.now()
    )


def totp_device_for_setup(*, user: User) -> TOTPDevice:
    """The TOTP app being set up: the same secret on every visit until a code confirms it, so a
    code scanned a moment ago keeps working after a reload."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=gettext("Authenticator app"), confirmed=False
        )
    return device


def totp_verify(*, user: User, device: TOTPDevice, token: str) -> bool:
    """Check a code against the device (django-otp counts wrong codes and makes the person wait
    longer after each); a right code for a device being set up confirms it."""
    if otp_verify_token(user, device.persistent_id, token) is None:
        return False
    if not device.confirmed:
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user, confirmed=False).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
    return True
