"""Reads of people, for the apps above."""

from django.db.models import QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from lerendnetwerk.regions.models import Region

from .models import RoleInvitation, User


def managers_in_region(*, region: Region | int) -> QuerySet[User]:
    """Managers whose organisation lies in the region, by name, with their organisation; not
    those whose account is deactivated (asked to be deleted)."""
    return (
        User.objects.filter(is_manager=True, is_active=True, organisation__district__region=region)
        .select_related("organisation")
        .order_by("name")
    )


def users_for_password_reset(*, email: str) -> QuerySet[User]:
    """The active account with this address in any capitals, with or without a password yet."""
    return User.objects.filter(email=User.objects.normalize_email(email), is_active=True)


def regions_coordinated_by(*, user: User) -> QuerySet[Region]:
    return user.coordinator_of.order_by("name")


def account_by_email(*, email: str) -> User | None:
    """The account with this address in any capitals, if there is one."""
    return User.objects.filter(email=User.objects.normalize_email(email)).first()


def role_invitations_open(*, user: User) -> QuerySet[RoleInvitation]:
    """The roles the person is asked to take on and can still accept, newest first."""
    return RoleInvitation.objects.open().filter(user=user).select_related("invited_by", "region")


def role_invitations_open_count(*, user: User) -> int:
    return RoleInvitation.objects.open().filter(user=user).count()


def role_invitation(*, pk: int) -> RoleInvitation | None:
    return RoleInvitation.objects.filter(pk=pk).select_related("user").first()


def totp_device_confirmed(*, user: User) -> TOTPDevice | None:
    """The person's TOTP app, once they showed a code from it."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
