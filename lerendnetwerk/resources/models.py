"""The region's library of films, articles, book chapters, methods and websites, tagged with the
phases, catalogue entries and UKK focus areas they help with."""

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.core.uploads import random_name
from lerendnetwerk.regions.models import Region
from lerendnetwerk.themes.models import FocusArea

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User  # noqa: F401


def resource_storage() -> Storage:
    """The storage alias `resources` (settings.STORAGES): local disk or an S3-compatible bucket.

    A callable, so that the migration names no backend and a test's settings take effect.
    """
    return storages["resources"]


def resource_file_name(instance: "Resource | None", filename: str) -> str:
    """A random name: nothing in the path says which resource or who added it."""
    return random_name("resources")


class Resource(models.Model):
    """A film, article, book chapter, method or website in a region's library: a link or an
    uploaded file (films with captions), public once a coordinator of the region publishes it."""

    class Kind(models.TextChoices):
        FILM = "film", _("Film")
        ARTICLE = "article", _("Article")
        BOOK_CHAPTER = "book_chapter", _("Book chapter")
        METHOD = "method", _("Method")
        WEBSITE = "website", _("Website")

    class Language(models.TextChoices):
        DUTCH = "nl", _("Dutch")
        ENGLISH = "en", _("English")
        OTHER = "other", _("Other language")

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested, waiting for a coordinator")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Not added")

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="resources", verbose_name=_("region")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=Language.choices, default=Language.DUTCH
    )
    # A film's running time in minutes; for a text its extent in words ("12 pages", "chapter 3").
    minutes = models.PositiveSmallIntegerField(_("length in minutes"), null=True, blank=True)
    extent = models.CharField(_("extent"), max_length=100, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    file = models.FileField(
        _("file"), storage=resource_storage, upload_to=resource_file_name, blank=True
    )
    # What the person called the file; only used as the download's name.
    original_filename = models.CharField(_("file name"), max_length=255, blank=True)
    # Detected from the content at upload, never taken from the browser or the name.
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    captions = models.FileField(
        _("captions (WebVTT)"), storage=resource_storage, upload_to=resource_file_name, blank=True
    )
    entries = models.ManyToManyField(
        Entry, blank=True, related_name="resources", verbose_name=_("catalogue entries")
    )
    focus_areas = models.ManyToManyField(
        FocusArea, blank=True, related_name="resources", verbose_name=_("focus areas")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUGGESTED
    )
    # The coordinator's reason for not adding a suggestion; the suggester reads it.
    review_note = models.TextField(_("note from the coordinator"), blank=True)
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggested_resources",
        verbose_name=_("added by"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published or turned down by"),
    )
    reviewed_at = models.DateTimeField(_("published or turned down at"), null=True, blank=True)
    created_at = models.DateTimeField(_("added at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="resource_file_or_url",
            ),
            models.CheckConstraint(
                condition=Q(captions="") | ~Q(file=""), name="resource_captions_with_file"
            ),
        ]
        indexes = [models.Index(fields=["region", "status", "kind"], name="resource_listing")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_video_file(self) -> bool:
        return bool(self.file) and self.content_type.startswith("video/")

    @property
    def url_host(self) -> str:
        """Where the link leads (shown next to it: the visitor knows they leave the site)."""
        return (urlsplit(self.url).hostname or "").removeprefix("www.") if self.url else ""

    @property
    def phases(self) -> list[Phase]:
        """The phases it is tagged with, in the phases' order (prefetch `phase_tags`)."""
        tagged = {tag.phase for tag in self.phase_tags.all()}
        return [phase for phase in Phase if phase.value in tagged]


class ResourcePhase(models.Model):
    """A phase a resource helps with; a film can help with several."""

    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="phase_tags", verbose_name=_("resource")
    )
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)

    class Meta:
        verbose_name = _("phase of a resource")
        verbose_name_plural = _("phases of resources")
        constraints = [
            models.UniqueConstraint(fields=["resource", "phase"], name="resource_phase_once")
        ]
        indexes = [models.Index(fields=["phase", "resource"], name="resource_phase_lookup")]

    def __str__(self) -> str:
        return f"{self.resource} – {self.get_phase_display()}"
