"""The Handreiking itself: its phases, each phase's questions (topics), and the entries under them.

Every work form, instrument, tip, pitfall and prerequisite the Handreiking names is an `Entry`
with its source references. The content is kept in `data/handreiking.yaml` (reviewed in the repo)
and loaded by `manage.py load_catalogue`; coordinators may edit it in the admin.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.regions.models import Region

from .phase import PREREQUISITES, STAGE_CHOICES, Phase

__all__ = ["PREREQUISITES", "STAGE_CHOICES", "Phase"]  # kept here too for older imports


class Topic(models.Model):
    """One of a stage's questions, e.g. Verkenning: 'Kennismaken'."""

    stage = models.CharField(_("phase"), max_length=20, choices=STAGE_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    question = models.TextField(_("guiding question"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.title


class Source(models.Model):
    """A book, card set, framework or website that the Handreiking cites."""

    class Kind(models.TextChoices):
        BOOK = "book", _("Book")
        TOOLKIT = "toolkit", _("Toolkit")
        FRAMEWORK = "framework", _("Quality framework")
        WEBSITE = "website", _("Website")

    title = models.CharField(_("title"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    citation = models.CharField(_("full citation"), max_length=300, blank=True)
    url = models.URLField(_("web address"), blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title


class Entry(models.Model):
    """A work form, instrument, tip, pitfall or prerequisite from the Handreiking."""

    class Kind(models.TextChoices):
        ACTIVITY = "activity", _("Work form")
        INSTRUMENT = "instrument", _("Instrument")
        TIP = "tip", _("Tip")
        PITFALL = "pitfall", _("Pitfall")
        PREREQUISITE = "prerequisite", _("Prerequisite")

    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="entries", verbose_name=_("topic")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"))
    # How to run a work form or instrument in a meeting, in the platform's own words.
    purpose = models.TextField(_("purpose"), blank=True)
    steps = models.JSONField(_("steps"), default=list, blank=True, help_text=_("A list of texts."))
    duration_min = models.PositiveSmallIntegerField(
        _("shortest duration (minutes)"), null=True, blank=True
    )
    duration_max = models.PositiveSmallIntegerField(
        _("longest duration (minutes)"), null=True, blank=True
    )
    duration_note = models.CharField(_("about the duration"), max_length=300, blank=True)
    group_size = models.CharField(_("group size"), max_length=300, blank=True)
    materials = models.JSONField(
        _("materials"), default=list, blank=True, help_text=_("A list of texts.")
    )
    details_suggested = models.BooleanField(
        _("duration and group size are suggestions"),
        default=True,
        help_text=_("The Handbook gives no duration or group size; these are the platform's."),
    )
    # Keys of `platform_pages.PAGES`: where the platform now offers what the Handreiking
    # sent readers to a website for.
    platform_links = models.JSONField(_("pages on the platform"), default=list, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # A region's own work forms, instruments and tips sit beside the shared Handreiking, which
    # has no region (and is what `data/handreiking.yaml` loads).
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="catalogue_entries",
        verbose_name=_("region"),
        help_text=_("Empty: part of the shared Handbook that every region reads."),
    )

    class Meta:
        ordering = ["topic__order", "order"]
        verbose_name = _("catalogue entry")
        verbose_name_plural = _("catalogue entries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_min__isnull=True)
                | models.Q(duration_max__isnull=True)
                | models.Q(duration_min__lte=models.F("duration_max")),
                name="catalogue_entry_duration_range",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def stage(self) -> str:
        return self.topic.stage


class SourceReference(models.Model):
    """Where an entry comes from: pages of a book, a Toolkit card, a UKK chapter or a website."""

    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="references", verbose_name=_("entry")
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="references", verbose_name=_("source")
    )
    pages = models.JSONField(_("pages"), default=list, blank=True)
    card = models.CharField(_("card"), max_length=100, blank=True)
    chapter = models.CharField(_("chapter"), max_length=100, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("source reference")
        verbose_name_plural = _("source references")

    def __str__(self) -> str:
        return self.citation

    @property
    def citation(self) -> str:
        parts = [self.source.title]
        if self.card:
            parts.append(self.card)
        if self.chapter:
            parts.append(self.chapter)
        if self.pages:
            label = "p." if len(self.pages) == 1 else "pp."
            parts.append(f"{label} {', '.join(str(p) for p in self.pages)}")
        if self.note:
            parts.append(self.note)
        return ", ".join(parts)
