"""The Utrecht quality framework (UKK) as data: versions, their chapters and focus areas.

The framework has been renewed over the years, so a version is a row; a theme links to a focus
area of one version and keeps that link when a newer version becomes the active one.

The shared framework has no region; platform editors keep it. A region may keep a copy of its
own (its coordinators add, reword, order and retire its chapters and focus areas): its networks
then choose from the region's active copy instead of the shared one.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.regions.models import Region


class QualityFramework(models.Model):
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quality_frameworks",
        verbose_name=_("region"),
        help_text=_("Empty: the shared framework, for regions without one of their own."),
    )
    version = models.CharField(_("version"), max_length=80)
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
        constraints = [
            models.UniqueConstraint(
                fields=["region", "version"], name="framework_unique_region_version"
            ),
            # NULLs are distinct in a unique constraint; the shared versions need their own.
            models.UniqueConstraint(
                fields=["version"],
                condition=Q(region__isnull=True),
                name="framework_unique_shared_version",
            ),
        ]

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
    # Never deleted once a network chose it: retired, it is no longer offered, and the themes
    # and proposals that chose it keep it.
    is_retired = models.BooleanField(
        _("retired"),
        default=False,
        help_text=_("A retired focus area is no longer offered; themes that chose it keep it."),
    )

    class Meta:
        ordering = ["chapter__number", "order", "title"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self) -> str:
        return self.title
