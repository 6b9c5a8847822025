from datetime import timedelta
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.regions.models import Organisation, Region


class UserManager(DjangoUserManager["User"]):
    """People log in with their e-mail address; there is no separate username."""

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        """The whole address in lower case, without spaces around it.

        People type "Fatima@Example.org" as often as "fatima@example.org"; it is one address, so
        one account. Accounts are stored, looked up and throttled by this form of the address.
        """
        return super().normalize_email(email).strip().lower()

    def _create_user_object(self, email: str, password: str | None, **extra: Any) -> "User":
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        return user

    def create_user(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra: Any
    ) -> "User":
        user = self._create_user_object(email, password, **extra)
        user.save(using=self._db)
        return user

    def create_superuser(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra: Any
    ) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. What they may do follows from their memberships and the flags below."""

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    job_title = models.CharField(_("job title"), max_length=100, blank=True)
    is_manager = models.BooleanField(
        _("manager"), default=False, help_text=_("Leads their organisation (manager or director).")
    )
    is_expert = models.BooleanField(
        _("expert"), default=False, help_text=_("Offers knowledge to networks.")
    )
    expertise = models.TextField(_("expertise"), blank=True)
    coordinator_of = models.ManyToManyField(
        Region,
        blank=True,
        related_name="coordinators",
        verbose_name=_("coordinator of"),
        help_text=_("Regions whose networks this person coordinates."),
    )
    # The district overview shows a contact form, never an address, unless the person agrees.
    show_email_publicly = models.BooleanField(_("show my e-mail address publicly"), default=False)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Set when the person asks to delete their account: from then on they cannot log in, and
    # `erase_accounts` erases them once the grace period (ERASURE_GRACE_DAYS) has passed.
    erasure_requested_at = models.DateTimeField(_("erasure requested at"), null=True, blank=True)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name or self.email

    def clean(self) -> None:
        super().clean()
        # Forms (the admin site) store the address as the manager does: in lower case.
        self.email = User.objects.normalize_email(self.email)

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email


class Invitation(models.Model):
    """An invitation to join the platform, sent by e-mail with a one-time link to set a password.

    The link itself carries no secret stored here: it is a password-reset token, which becomes
    invalid as soon as the password is set.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("person")
    )
    invited_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    message = models.TextField(_("personal message"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return str(self.user)


# An invitation is often read a week later (holidays, a full inbox); the mail says two weeks.
ROLE_INVITATION_VALID_FOR = timedelta(days=14)


def _role_invitation_expiry() -> Any:
    return timezone.now() + ROLE_INVITATION_VALID_FOR


class RoleInvitationQuerySet(models.QuerySet["RoleInvitation"]):
    def open(self) -> "RoleInvitationQuerySet":
        """Not yet answered and not expired: the ones the person can still accept."""
        return self.filter(
            accepted_at__isnull=True, declined_at__isnull=True, expires_at__gt=timezone.now()
        )


class RoleInvitation(models.Model):
    """A coordinator asks someone who already has an account to take on a role.

    The role is theirs only once they accept on their invitations page: an account is never
    changed behind its owner's back.
    """

    class Role(models.TextChoices):
        MANAGER = "manager", _("Manager")
        EXPERT = "expert", _("Expert")
        COORDINATOR = "coordinator", _("Coordinator")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="role_invitations", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region"),
        help_text=_("For a coordinator: the region they coordinate."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("Set on accepting when the person has no organisation yet."),
    )
    invited_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    message = models.TextField(_("personal message"), blank=True)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"), default=_role_invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined at"), null=True, blank=True)

    objects = RoleInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("role invitation")
        verbose_name_plural = _("role invitations")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
