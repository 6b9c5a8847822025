"""Signals: what the platform notices in a network's data that matches a known pitfall.

A rule (rules.py) reads a network's activity and, when it finds a pitfall, gives a finding: a
severity, the numbers behind it and the day it began. The computation stores one `Signal` per
network and rule while the finding lasts; when the rule falls quiet the signal is marked
cleared, so its history stays. Pages read the stored signals and never compute.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import Region


class Severity(models.IntegerChoices):
    # Numbers, so that "most severe first" is an ORDER BY.
    INFO = 1, _("Info")
    WARNING = 2, _("Warning")
    ALERT = 3, _("Alert")

    @property
    def key(self) -> str:
        return {1: "info", 2: "warning", 3: "alert"}[self.value]


class SignalQuerySet(models.QuerySet["Signal"]):
    def current(self) -> "SignalQuerySet":
        return self.filter(cleared_at__isnull=True)


class Signal(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="signals", verbose_name=_("network")
    )
    rule = models.CharField(_("rule"), max_length=40)
    # The catalogue's pitfall the rule reads; empty for the platform's own signals.
    entry = models.ForeignKey(
        Entry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pitfall"),
    )
    severity = models.PositiveSmallIntegerField(_("severity"), choices=Severity.choices)
    # The numbers behind the evidence; the sentence is written from them in the reader's
    # language. `private` holds what only the facilitator may see (who declined, by name).
    facts = models.JSONField(_("facts"), default=dict)
    private = models.JSONField(_("facilitator-only facts"), default=dict, blank=True)
    # How bad it is on the rule's own scale: an acknowledged signal returns when this grows.
    score = models.FloatField(_("score"), default=0)
    since = models.DateField(_("since"))
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)
    # When the platform first raised it and when its severity last rose: the weekly digest
    # reports what is new or worse since the last one.
    raised_at = models.DateTimeField(_("raised at"), default=timezone.now)
    worsened_at = models.DateTimeField(_("worsened at"), null=True, blank=True)
    cleared_at = models.DateTimeField(_("cleared at"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acknowledged by"),
    )
    acknowledged_note = models.TextField(_("note"), blank=True)
    acknowledged_score = models.FloatField(_("score when acknowledged"), null=True, blank=True)

    objects = SignalQuerySet.as_manager()

    class Meta:
        ordering = ["-severity", "-since", "rule"]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "rule"],
                condition=Q(cleared_at__isnull=True),
                name="signal_one_current_per_rule",
            ),
        ]
        indexes = [models.Index(fields=["network", "cleared_at"], name="signal_network_current")]

    def __str__(self) -> str:
        return f"{self.network} – {self.rule}"

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None


class RegionThresholds(models.Model):
    """A region's own thresholds for the rules, over the defaults in thresholds.py."""

    region = models.OneToOneField(
        Region,
        on_delete=models.CASCADE,
        related_name="signal_thresholds",
        verbose_name=_("region"),
    )
    # {"drop_outs": {"fall": 0.3}, ...}: only what differs from the defaults.
    values = models.JSONField(_("thresholds"), default=dict, blank=True)

    class Meta:
        verbose_name = _("signal thresholds")
        verbose_name_plural = _("signal thresholds")

    def __str__(self) -> str:
        return str(self.region)


class DigestPreference(models.Model):
    """Whether a coordinator gets the weekly e-mail of new and worse signals; on unless they
    switch it off (a coordinator without a row gets it)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="signal_digest",
        verbose_name=_("person"),
    )
    weekly = models.BooleanField(_("weekly overview by e-mail"), default=True)

    class Meta:
        verbose_name = _("signal digest preference")
        verbose_name_plural = _("signal digest preferences")

    def __str__(self) -> str:
        return str(self.user)
