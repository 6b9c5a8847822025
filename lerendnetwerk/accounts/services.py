"""Writes on people: invitations and accepting them, and a person's own profile."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from lerendnetwerk.core import pagecache
from lerendnetwerk.core.email import email_enqueue
from lerendnetwerk.core.text import SHORT_TEXT_MAX, refuse_too_long
from lerendnetwerk.regions.models import Organisation, Region

from .models import ROLE_INVITATION_VALID_FOR, Invitation, RoleInvitation, User
from .tokens import email_change_read, email_change_token, invitation_token_generator


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

    A new person (or one who never chose a password) gets an invitation with a one-time link to
    set their password, and the roles asked for: choosing the password is their yes. Someone
    who already uses their account is asked instead (`RoleInvitation`): a role is theirs only
    once they accept, so no account is changed, and none taken over by a link, behind its
    owner's back. `context` says in the e-mail what they were invited to (e.g. the network).
    The caller must not show the inviter anything about the account it found.
    """
    refuse_too_long({"message": (message, SHORT_TEXT_MAX)})
    email = User.objects.normalize_email(email)
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and user.has_usable_password():
        _role_invitations_send(
            user=user,
            invited_by=invited_by,
            organisation=organisation,
            is_manager=is_manager,
            is_expert=is_expert,
            coordinator_of=coordinator_of,
            message=message.strip(),
        )
        return user
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
        changed += _make_coordinator(user, coordinator_of)
    if changed:
        user.save(update_fields=changed)
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
    return user


def _make_coordinator(user: User, region: Region) -> list[str]:
    user.coordinator_of.add(region)
    if user.is_staff:
        return []
    # Coordinators use the admin site (their questionnaire; the shared catalogue to read).
    user.is_staff = True
    return ["is_staff"]


def _role_invitations_send(
    *,
    user: User,
    invited_by: User | None,
    organisation: Organisation | None,
    is_manager: bool,
    is_expert: bool,
    coordinator_of: Region | None,
    message: str,
) -> None:
    """Ask an existing account to take on the roles it does not hold yet; renew an open ask."""
    roles: list[tuple[str, Region | None]] = []
    if is_manager and not user.is_manager:
        roles.append((RoleInvitation.Role.MANAGER, None))
    if is_expert and not user.is_expert:
        roles.append((RoleInvitation.Role.EXPERT, None))
    if coordinator_of is not None and not user.coordinator_of.filter(pk=coordinator_of.pk).exists():
        roles.append((RoleInvitation.Role.COORDINATOR, coordinator_of))
    if not roles:
        return  # nothing to ask: they hold the role already, or none was asked for
    now = timezone.now()
    for role, region in roles:
        RoleInvitation.objects.open().filter(user=user, role=role, region=region).update(
            declined_at=now
        )
        pagecache.bump(pagecache.person(user.pk))
        RoleInvitation.objects.create(
            user=user,
            role=role,
            region=region,
            organisation=organisation,
            invited_by=invited_by,
            message=message,
        )
    email_enqueue(
        to=user.email,
        template="accounts/email/role_invitation",
        context={
            "name": user.name,
            "inviter": invited_by.name if invited_by else "",
            "roles": [RoleInvitation.Role(role).label for role, _region in roles],
            "region": coordinator_of.name if coordinator_of else "",
            "message": message,
            "link": settings.SITE_URL + reverse("pages:invitations"),
            "expires": now + ROLE_INVITATION_VALID_FOR,
        },
        language=user.language,
    )


def _refuse_unless_open(invitation: RoleInvitation, user: User) -> RoleInvitation:
    locked = RoleInvitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.user_id != user.pk:
        raise ValidationError(_("This invitation is not addressed to you."))
    if locked.accepted_at or locked.declined_at:
        raise ValidationError(_("You have already answered this invitation."))
    if locked.is_expired:
        raise ValidationError(
            _("This invitation has expired. Ask whoever invited you to invite you again.")
        )
    return locked


@transaction.atomic
def role_invitation_accept(*, invitation: RoleInvitation, user: User) -> RoleInvitation:
    """The person takes on the role they were asked to."""
    invitation = _refuse_unless_open(invitation, user)
    changed = []
    if invitation.role == RoleInvitation.Role.MANAGER:
        user.is_manager = True
        changed.append("is_manager")
    elif invitation.role == RoleInvitation.Role.EXPERT:
        user.is_expert = True
        changed.append("is_expert")
    elif invitation.region is not None:
        changed += _make_coordinator(user, invitation.region)
    if invitation.organisation_id and user.organisation_id is None:
        user.organisation_id = invitation.organisation_id
        changed.append("organisation")
    if changed:
        user.save(update_fields=changed)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return invitation


@transaction.atomic
def role_invitation_decline(*, invitation: RoleInvitation, user: User) -> RoleInvitation:
    invitation = _refuse_unless_open(invitation, user)
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])
    return invitation


@transaction.atomic
def invitation_accept(*, user: User) -> None:
    """Mark the person's open invitations as accepted (their password was just set)."""
    Invitation.objects.filter(user=user, accepted_at__isnull=True).update(
        accepted_at=timezone.now()
    )
    pagecache.bump(pagecache.person(user.pk))


@transaction.atomic
def profile_update(*, user: User, name: str, language: str, show_email_publicly: bool) -> User:
    """Save what a person may change about themselves directly (not their e-mail address)."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Fill in your name.")})
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose Dutch or English.")})
    user.name = name
    user.language = language
    user.show_email_publicly = show_email_publicly
    user.save(update_fields=["name", "language", "show_email_publicly"])
    return user


@transaction.atomic
def expertise_update(*, user: User, expertise: str) -> User:
    """What the expert knows about, in her own words: kept on the account, the one place the
    dashboard, the admin site and her expert profile read it from."""
    user.expertise = expertise.strip()
    user.save(update_fields=["expertise"])
    return user


def _email_taken(email: str, user: User) -> bool:
    return User.objects.filter(email=email).exclude(pk=user.pk).exists()


def email_change_request(*, user: User, new_email: str) -> str:
    """E-mail a confirmation link (valid three days) to the new address; nothing changes yet.

    Refuses the current address and one that another account uses. Returns the normalised
    new address.
    """
    new_email = User.objects.normalize_email(new_email)
    if new_email == user.email:
        raise ValidationError({"email": _("This is already your e-mail address.")})
    if _email_taken(new_email, user):
        raise ValidationError(
            {"email": _("Another account uses this e-mail address. Choose another one.")}
        )
    token = email_change_token(user=user, new_email=new_email)
    with translation.override(user.language):
        path = reverse("accounts:email_confirm", kwargs={"token": token})
    email_enqueue(
        to=new_email,
        template="accounts/email/email_change",
        context={"name": user.name, "email": new_email, "link": f"{settings.SITE_URL}{path}"},
        language=user.language,
    )
    return new_email


@transaction.atomic
def email_change_confirm(*, token: str) -> User:
    """Change the address the token names, and tell the old address that it happened.

    Refuses an expired or altered link, a link already used (the account's address is no longer
    the one the link was made for), and an address another account took meanwhile.
    """
    data = email_change_read(token)
    user = None
    if data is not None:
        user_id, old, new = data
        user = User.objects.select_for_update().filter(pk=user_id, email=old).first()
    if data is None or user is None:
        raise ValidationError(
            _(
                "This link does not work (any more). Links to confirm an e-mail address work "
                "for three days and once. Ask for a new one on your profile page."
            )
        )
    if _email_taken(new, user):
        raise ValidationError(
            _("Another account uses this e-mail address now. Choose another one.")
        )
    user.email = new
    user.save(update_fields=["email"])
    email_enqueue(
        to=old,
        template="accounts/email/email_changed",
        context={"name": user.name, "email": new},
        language=user.language,
    )
    return user


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
