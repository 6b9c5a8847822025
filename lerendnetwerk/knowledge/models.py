"""Knowledge exchange (kennisruil): what organisations offer to colleague organisations, the
experts' profiles, and a facilitator's request to an expert for an item of a meeting's agenda."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.meetings.models import AgendaItem
from lerendnetwerk.regions.models import Organisation, Region
from lerendnetwerk.themes.models import FocusArea


class KnowledgeOffer(models.Model):
    """Knowledge an organisation offers to colleague organisations: what it can share, on which
    UKK focus areas, and with whom to talk. Public once published; a draft is for the
    organisation's managers and the region's coordinators only."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="knowledge_offers",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what we can share"))
    focus_areas = models.ManyToManyField(
        FocusArea, blank=True, related_name="knowledge_offers", verbose_name=_("focus areas")
    )
    # The contact person works at the organisation and often has no account: typed by its
    # managers. The address is used by the contact form and shown only when they agreed.
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_role = models.CharField(_("role of the contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail address of the contact person"))
    show_contact_email = models.BooleanField(
        _("the contact person agreed to show this address publicly"), default=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    created_at = models.DateTimeField(_("added at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)

    class Meta:
        ordering = ["organisation__name", "title", "pk"]
        verbose_name = _("knowledge offer")
        verbose_name_plural = _("knowledge offers")
        indexes = [models.Index(fields=["status", "organisation"], name="offer_status_org")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class ExpertProfile(models.Model):
    """What an expert (`User.is_expert`) tells networks about herself. Her expertise itself is
    `User.expertise` (one source of truth: the dashboard and the admin site show it too); the
    profile adds where she works, the focus areas, when she is available and how to ask her.

    Facilitators of networks in her regions find every profile when they ask an expert for an
    agenda item; only a public profile is in the public experts directory."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="expert_profile",
        verbose_name=_("expert"),
    )
    # Where she works when that is no organisation on the platform (a national institute);
    # empty: her account's organisation.
    institute = models.CharField(_("institute or employer"), max_length=200, blank=True)
    focus_areas = models.ManyToManyField(
        FocusArea, blank=True, related_name="expert_profiles", verbose_name=_("focus areas")
    )
    regions = models.ManyToManyField(
        Region, related_name="expert_profiles", verbose_name=_("regions where the expert works")
    )
    availability = models.TextField(_("availability"), blank=True)
    how_to_ask = models.TextField(_("how to ask"), blank=True)
    is_public = models.BooleanField(_("in the public experts directory"), default=False)
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)

    class Meta:
        ordering = ["user__name"]
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def workplace(self) -> str:
        """The institute she named, or else her account's organisation."""
        if self.institute:
            return self.institute
        organisation = self.user.organisation
        return organisation.name if organisation is not None else ""


class ExpertRequest(models.Model):
    """A facilitator asks an expert to lead an item of a meeting's agenda; she accepts or
    declines. An item has at most one open or accepted request at a time, so two answers can
    never put two experts on it (and the item itself names one expert: `AgendaItem.expert`)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn by the facilitator")

    LIVE = (Status.OPEN, Status.ACCEPTED)

    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        related_name="expert_requests",
        verbose_name=_("agenda item"),
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="expert_requests",
        verbose_name=_("expert"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("asked by"),
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    answer_note = models.TextField(_("note with the answer"), blank=True)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("expert request")
        verbose_name_plural = _("expert requests")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item"],
                condition=Q(status__in=["open", "accepted"]),
                name="expert_request_one_live_per_item",
            ),
        ]
        indexes = [models.Index(fields=["expert", "status"], name="expert_request_status")]

    def __str__(self) -> str:
        return f"{self.expert} – {self.agenda_item}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
