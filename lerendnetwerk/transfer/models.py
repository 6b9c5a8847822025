"""Passing the learning on and anchoring it in the member organisations: transfer plans, the relay,
anchoring agreements (Inbedding, Verankering).

Everything here is per member organisation of a network, per cycle: the participants of one
organisation present what they learned to their own team and hand it on to colleagues (the
relay, leerestafette), and the organisation's manager confirms what becomes standard practice.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.networks.models import Cycle
from lerendnetwerk.regions.models import Organisation


class TransferPlan(models.Model):
    """How one organisation's participants take the learning back to their own team."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="transfer_plans", verbose_name=_("cycle")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="transfer_plans",
        verbose_name=_("organisation"),
    )
    presentation_on = models.DateField(_("date of the presentation"), null=True, blank=True)
    presentation_held = models.BooleanField(_("the presentation was held"), default=False)
    work_forms = models.ManyToManyField(
        Entry, blank=True, related_name="+", verbose_name=_("work forms for the team")
    )
    expected_reactions = models.TextField(_("reactions we expect"), blank=True)
    expected_resistance = models.TextField(_("resistance we expect"), blank=True)
    presentation_outcome = models.TextField(_("how it went"), blank=True)
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )

    class Meta:
        ordering = ["cycle", "organisation__name"]
        verbose_name = _("transfer plan")
        verbose_name_plural = _("transfer plans")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "organisation"], name="transfer_plan_once_per_organisation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.cycle}"


class TransferItem(models.Model):
    """A place the network's experiences came back in the organisation: the team agenda or the
    newsletter (the platform managers give their participants)."""

    class Kind(models.TextChoices):
        TEAM_AGENDA = "team_agenda", _("Team agenda")
        NEWSLETTER = "newsletter", _("Newsletter")

    plan = models.ForeignKey(
        TransferPlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("plan")
    )
    kind = models.CharField(_("where"), max_length=20, choices=Kind.choices)
    on = models.DateField(_("date"))
    text = models.CharField(_("what"), max_length=200)

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("team agenda or newsletter item")
        verbose_name_plural = _("team agenda and newsletter items")

    def __str__(self) -> str:
        return self.text


class RelayStep(models.Model):
    """One hand-over of the relay (leerestafette): someone passes what they learned to a
    colleague, who passes it on in the next step. Colleagues have no account: their names are
    typed."""

    plan = models.ForeignKey(
        TransferPlan, on_delete=models.CASCADE, related_name="relay_steps", verbose_name=_("plan")
    )
    position = models.PositiveSmallIntegerField(_("step"))
    # Either a member of the network (the first hand-over) or the colleague of the previous step.
    given_by_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("given by (member)"),
    )
    given_by_name = models.CharField(_("given by (colleague)"), max_length=150, blank=True)
    received_by_name = models.CharField(_("received by"), max_length=150)
    on = models.DateField(_("date"))
    handed_on = models.TextField(_("what was handed on"))
    outcome = models.TextField(_("outcome"), blank=True)

    class Meta:
        ordering = ["plan", "position"]
        verbose_name = _("relay step")
        verbose_name_plural = _("relay steps")
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="relay_step_position"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.received_by_name}"

    @property
    def giver(self) -> str:
        if self.given_by_member_id is not None and self.given_by_member is not None:
            return self.given_by_member.name
        return self.given_by_name

    def is_done(self, today: date | None = None) -> bool:
        return self.on <= (today or timezone.localdate())


class AnchoringAgreement(models.Model):
    """What becomes standard practice in one organisation, who owns it and by when; proposed in
    the network, confirmed (or sent back) by a manager of that organisation."""

    class State(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed")
        SENT_BACK = "sent_back", _("Sent back")

    class InPlan(models.TextChoices):
        YES = "yes", _("Yes")
        PLANNED = "planned", _("Planned")
        NO = "no", _("No")

    cycle = models.ForeignKey(
        Cycle,
        on_delete=models.CASCADE,
        related_name="anchoring_agreements",
        verbose_name=_("cycle"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="anchoring_agreements",
        verbose_name=_("organisation"),
    )
    practice = models.TextField(_("what becomes standard practice"))
    owner = models.CharField(_("owned by (name or role)"), max_length=200)
    due_on = models.DateField(_("by when"))
    in_professionalisation_plan = models.CharField(
        _("network in the professionalisation plan"),
        max_length=10,
        choices=InPlan.choices,
        default=InPlan.NO,
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer_note = models.TextField(_("note with the answer"), blank=True)

    class Meta:
        ordering = ["cycle", "organisation__name", "due_on", "pk"]
        verbose_name = _("anchoring agreement")
        verbose_name_plural = _("anchoring agreements")
        indexes = [models.Index(fields=["organisation", "state"], name="anchoring_org_state")]

    def __str__(self) -> str:
        return self.practice[:60]
