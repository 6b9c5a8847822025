"""A network's products and good practice: files and links with consent, published on the network's
public page when the network chooses.
"""

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.uploads import random_name
from lerendnetwerk.networks.models import Cycle, Network

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User  # noqa: F401


def showcase_storage() -> Storage:
    """The storage alias `showcases` (settings.STORAGES): local disk or an S3-compatible bucket.

    A callable, so that the migration names no backend and a test's settings take effect.
    """
    return storages["showcases"]


def showcase_file_name(instance: "Showcase | None", filename: str) -> str:
    """A random name: nothing in the path says which network, person or product it is, and it
    cannot be guessed from the id or the title. The original name stays in the database."""
    return random_name("showcases")


class Showcase(models.Model):
    """A product or piece of good practice of a network: a file or a link, with the consent of
    the people shown, on the network's public page once its facilitator publishes it."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        PHOTO = "photo", _("Photos")
        FILM = "film", _("Film")
        INTERVIEW = "interview", _("Interview")
        TEXT = "text", _("Text")

    # People can be seen or heard in these: publishing needs their consent, confirmed.
    NEEDS_CONSENT = frozenset({Kind.PHOTO, Kind.FILM, Kind.INTERVIEW})

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="showcases", verbose_name=_("network")
    )
    cycle = models.ForeignKey(
        Cycle,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="showcases",
        verbose_name=_("cycle"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    file = models.FileField(
        _("file"), storage=showcase_storage, upload_to=showcase_file_name, blank=True
    )
    # What the person called the file; only used as the download's name.
    original_filename = models.CharField(_("file name"), max_length=255, blank=True)
    # Detected from the content at upload, never taken from the browser or the name.
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    link = models.URLField(_("link"), max_length=500, blank=True)
    consent_confirmed_at = models.DateTimeField(_("consent confirmed at"), null=True, blank=True)
    consent_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent confirmed by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="showcases",
        verbose_name=_("added by"),
    )
    created_at = models.DateTimeField(_("added at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last change"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("result")
        verbose_name_plural = _("results")
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(link="")) | (~Q(file="") & Q(link="")),
                name="showcase_file_or_link",
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True)
                | ~Q(kind__in=["photo", "film", "interview"])
                | Q(consent_confirmed_at__isnull=False),
                name="showcase_published_with_consent",
            ),
        ]
        indexes = [models.Index(fields=["network", "published_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def needs_consent(self) -> bool:
        return self.kind in self.NEEDS_CONSENT

    @property
    def is_image(self) -> bool:
        return bool(self.file) and self.content_type.startswith("image/")

    @property
    def link_host(self) -> str:
        """Where the link leads (shown next to it: the person knows they leave the site)."""
        return (urlsplit(self.link).hostname or "").removeprefix("www.") if self.link else ""
