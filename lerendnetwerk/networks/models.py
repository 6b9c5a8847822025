"""A learning network, its people, its cycles and the phases a cycle moves through.

A network's process: record the four prerequisites, then a cycle moves through the five fixed
phases. After anchoring the network may start a new cycle (doorstart) with a new theme.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.regions.models import District, Organisation, Region


class Network(models.Model):
    class Kind(models.TextChoices):
        # A network of a district's professionals, moving through the phases (the Handreiking):
        # what the public overview lists and the region's figures count.
        LEARNING = "learning", _("Learning network")
        # The region's facilitators learning together, led by the coordinator: the same tools
        # (meetings, diary, buddies), no phases, prerequisites or public page.
        FACILITATORS = "facilitators", _("Facilitators' network")

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.LEARNING)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="networks", verbose_name=_("district")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Shown on the public district overview.")
    )
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="networks", verbose_name=_("member organisations")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    # Denormalised for the overviews: the current cycle, kept by the cycle services.
    current_cycle = models.OneToOneField(
        "Cycle",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current cycle"),
    )
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)
    # Only for a facilitators' network: its region (the district's, kept here so that the
    # database itself allows one facilitators' network per region).
    facilitators_region = models.OneToOneField(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="facilitators_network",
        verbose_name=_("facilitators' network of"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="learning", facilitators_region__isnull=True)
                | Q(kind="facilitators", facilitators_region__isnull=False),
                name="network_facilitators_region_with_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_facilitators_network(self) -> bool:
        return self.kind == self.Kind.FACILITATORS


class MembershipQuerySet(models.QuerySet["Membership"]):
    def active(self) -> "MembershipQuerySet":
        """Memberships that have not ended: the one definition of a current member."""
        return self.filter(left_at__isnull=True)


class Membership(models.Model):
    class Role(models.TextChoices):
        FACILITATOR = "facilitator", _("Facilitator")
        PARTICIPANT = "participant", _("Participant")

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    joined_at = models.DateField(_("joined"), default=timezone.localdate)
    left_at = models.DateField(_("left"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["role", "user__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            # One open membership per person per network; history rows keep their left_at.
            models.UniqueConstraint(
                fields=["network", "user"],
                condition=Q(left_at__isnull=True),
                name="membership_one_active_per_network",
            ),
        ]
        indexes = [models.Index(fields=["user", "left_at"], name="membership_user_active")]

    def __str__(self) -> str:
        return f"{self.user} – {self.network} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        return self.left_at is None


# An invitation is often read a week later (holidays, a full inbox); the mail says two weeks.
INVITATION_VALID_FOR = timedelta(days=14)


def _invitation_expiry() -> "datetime":
    return timezone.now() + INVITATION_VALID_FOR


class MembershipInvitationQuerySet(models.QuerySet["MembershipInvitation"]):
    def open(self) -> "MembershipInvitationQuerySet":
        """Not yet answered and not expired: the ones the person can still accept."""
        return self.filter(
            accepted_at__isnull=True, declined_at__isnull=True, expires_at__gt=timezone.now()
        )


class MembershipInvitation(models.Model):
    """An invitation to someone who already has an account: a member only once they accept.

    Addressed by e-mail address; the person answers on their invitations page after logging in,
    so the link in the e-mail carries no secret (it is the login that proves who they are).
    """

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("network")
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    message = models.TextField(_("personal message"), blank=True)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"), default=_invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined at"), null=True, blank=True)

    objects = MembershipInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("membership invitation")
        verbose_name_plural = _("membership invitations")
        indexes = [models.Index(fields=["email", "accepted_at"], name="invitation_email_open")]

    def __str__(self) -> str:
        return f"{self.email} – {self.network}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class Cycle(models.Model):
    """One run through the phases with one theme. Before its first phase, `phase` is empty."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="cycles", verbose_name=_("network")
    )
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, blank=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        ordering = ["network", "number"]
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
        constraints = [
            models.UniqueConstraint(fields=["network", "number"], name="cycle_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.network} – {self.number}"


class PhaseTransition(models.Model):
    """Every move of a cycle from one phase to another, kept with who, when and why."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("cycle")
    )
    from_phase = models.CharField(_("from"), max_length=20, choices=Phase.choices, blank=True)
    to_phase = models.CharField(_("to"), max_length=20, choices=Phase.choices)
    reason = models.TextField(_("reason"), blank=True)
    # The titles of the phase's questions that were not done when the network moved on.
    open_questions = models.JSONField(_("open questions"), default=list, blank=True)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("moved by"),
    )
    moved_at = models.DateTimeField(_("moved at"), default=timezone.now)

    class Meta:
        ordering = ["moved_at", "pk"]
        verbose_name = _("phase transition")
        verbose_name_plural = _("phase transitions")

    def __str__(self) -> str:
        return f"{self.from_phase or '-'} → {self.to_phase}"


class Prerequisite(models.Model):
    """One of the Handreiking's four conditions, recorded with its evidence."""

    class Kind(models.TextChoices):
        MANAGEMENT_COMMITMENT = "management_commitment", _("Commitment of management")
        PARTICIPANT_MOTIVATION = "participant_motivation", _("Motivation of participants")
        TIME = "time", _("Time")
        BUDGET_AND_EXPERT = "budget_and_expert", _("Budget and expert")

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="prerequisites", verbose_name=_("network")
    )
    kind = models.CharField(_("prerequisite"), max_length=30, choices=Kind.choices)
    evidence = models.TextField(_("evidence"))
    # Time: hours per participant per month that the organisations make available.
    hours_per_month = models.DecimalField(
        _("hours per participant per month"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    # Budget and expert.
    budget_euros = models.PositiveIntegerField(_("budget (euro)"), null=True, blank=True)
    expert_name = models.CharField(_("expert"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    # The cycle it was last recorded or reconfirmed for: a new cycle (doorstart) asks again.
    confirmed_for_cycle = models.ForeignKey(
        Cycle,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed for cycle"),
    )

    class Meta:
        ordering = ["network", "kind"]
        verbose_name = _("prerequisite")
        verbose_name_plural = _("prerequisites")
        constraints = [
            models.UniqueConstraint(fields=["network", "kind"], name="prerequisite_once_per_kind"),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class ManagerCommitmentQuerySet(models.QuerySet["ManagerCommitment"]):
    def current(self) -> "ManagerCommitmentQuerySet":
        """The commitments for each network's current cycle (earlier cycles are history)."""
        return self.filter(cycle_id=models.F("network__current_cycle_id"))

    def proposed(self) -> "ManagerCommitmentQuerySet":
        """Recorded by the facilitator, not yet confirmed by the manager."""
        return self.filter(confirmed_at__isnull=True)


class ManagerCommitment(models.Model):
    """What a manager commits to a network for one cycle: a role, time, budget and a note.

    The facilitator records what they agreed; it is *proposed* until the manager confirms it or
    changes it themselves (a change by the manager is a confirmation). Each cycle has its own
    rows: a new cycle (doorstart) copies the commitments as proposed, so the manager confirms
    them again, and the earlier cycle's rows stay as history.
    """

    class Role(models.TextChoices):
        SOUNDING_BOARD = "sounding_board", _("Sounding board")
        SPONSOR = "sponsor", _("Sponsor")
        OTHER = "other", _("Other role")

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="manager_commitments",
        verbose_name=_("network"),
    )
    cycle = models.ForeignKey(
        Cycle,
        on_delete=models.CASCADE,
        related_name="manager_commitments",
        verbose_name=_("cycle"),
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="commitments",
        verbose_name=_("manager"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # For the manager's own staff in the network, together.
    hours_per_month = models.DecimalField(
        _("hours per month for their staff"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
    )
    budget_euros = models.PositiveIntegerField(_("budget (euro)"), null=True, blank=True)
    note = models.CharField(_("what they committed to"), max_length=300, blank=True)
    committed_at = models.DateField(_("committed on"), default=timezone.localdate)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )

    objects = ManagerCommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["manager__name"]
        verbose_name = _("manager commitment")
        verbose_name_plural = _("manager commitments")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "manager"], name="commitment_once_per_cycle"),
        ]

    def __str__(self) -> str:
        return f"{self.manager} ({self.get_role_display()})"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class ManagerReminder(models.Model):
    """When a manager was last e-mailed about what waits for them, and how much it was then:
    the daily reminder goes out only when more waits than at the last one."""

    manager = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="manager_reminder",
        verbose_name=_("manager"),
    )
    last_reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)
    last_count = models.PositiveIntegerField(_("waiting at the last reminder"), default=0)

    class Meta:
        verbose_name = _("manager reminder")
        verbose_name_plural = _("manager reminders")

    def __str__(self) -> str:
        return str(self.manager)
