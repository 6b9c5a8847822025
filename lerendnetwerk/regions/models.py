from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .outlines import validate_outline


class Region(models.Model):
    """A municipality (gemeente). One installation can serve several."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    # Results of the Netwerkbarometer are only shown above this many answers (never below 3).
    barometer_min_answers = models.PositiveSmallIntegerField(
        _("minimum answers before barometer results are shown"),
        default=5,
        validators=[MinValueValidator(3)],
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A district (wijk) of a region; networks and organisations belong to one."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="districts", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    # A simplified polygon for the public map (regions/outlines.py); without outlines for all of
    # its districts, a region's map is a grid of equal squares.
    outline = models.TextField(
        _("outline on the map"),
        blank=True,
        validators=[validate_outline],
        help_text=_(
            "A simplified outline as an SVG path of straight lines (M x y L x y … Z), in the same "
            "drawing space as the region's other districts. Leave empty for a square on a grid."
        ),
    )

    class Meta:
        ordering = ["region__name", "name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.UniqueConstraint(fields=["region", "slug"], name="district_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """A workplace of participants: a daycare centre, preschool, primary school or other."""

    class Kind(models.TextChoices):
        DAYCARE = "daycare", _("Daycare centre")
        PRESCHOOL = "preschool", _("Preschool")
        PRIMARY_SCHOOL = "primary_school", _("Primary school")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("district"),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def is_childcare(self) -> bool:
        return self.kind in {self.Kind.DAYCARE, self.Kind.PRESCHOOL}
