"""The Utrecht quality framework (UKK) as data: versions, their chapters and focus areas.

The framework has been renewed over the years, so a version is a row; a theme links to a focus
area of one version and keeps that link when a newer version becomes the active one.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QualityFramework(models.Model):
    version = models.CharField(_("version"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Networks choose focus areas from the active versions only."),
    )

    class Meta:
        ordering = ["-is_active", "version"]
        verbose_name = _("quality framework")
        verbose_name_plural = _("quality frameworks")

    def __str__(self) -> str:
        return self.version


class Chapter(models.Model):
    framework = models.ForeignKey(
        QualityFramework,
        on_delete=models.CASCADE,
        related_name="chapters",
        verbose_name=_("quality framework"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        ordering = ["framework", "number"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="chapter_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class FocusArea(models.Model):
    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, related_name="focus_areas", verbose_name=_("chapter")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["chapter__number", "order", "title"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self) -> str:
        return self.title
