"""Choosing a cycle's theme: proposals, the idea wall, the dot vote and the adopted theme."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.networks.models import Cycle, Network

from .framework import FocusArea

MAX_STICKERS = 10


class ThemeProposal(models.Model):
    """A theme a member proposes for the cycle, and why it matters for their daily work."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="theme_proposals", verbose_name=_("cycle")
    )
    title = models.CharField(_("theme"), max_length=200)
    why = models.TextField(_("why it matters for our daily work"))
    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="theme_proposals",
        verbose_name=_("focus area"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("proposed at"), default=timezone.now)

    class Meta:
        ordering = ["cycle", "created_at", "pk"]
        verbose_name = _("theme proposal")
        verbose_name_plural = _("theme proposals")

    def __str__(self) -> str:
        return self.title


class Theme(models.Model):
    """The theme a cycle adopted; `Cycle.theme` holds its title for the overviews."""

    cycle = models.OneToOneField(
        Cycle, on_delete=models.CASCADE, related_name="adopted_theme", verbose_name=_("cycle")
    )
    title = models.CharField(_("theme"), max_length=200)
    proposal = models.ForeignKey(
        ThemeProposal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposal"),
    )
    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="themes",
        verbose_name=_("focus area"),
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("adopted by"),
    )
    adopted_at = models.DateTimeField(_("adopted at"), default=timezone.now)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.title


class Idea(models.Model):
    """A short idea on the network's idea wall, tested by the others for feasibility."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="ideas", verbose_name=_("network")
    )
    text = models.CharField(_("idea"), max_length=280)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("posted by"),
    )
    group_label = models.CharField(_("group"), max_length=80, blank=True)
    proposal = models.OneToOneField(
        ThemeProposal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="idea",
        verbose_name=_("theme proposal made of it"),
    )
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)

    class Meta:
        ordering = ["group_label", "-created_at", "-pk"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")

    def __str__(self) -> str:
        return self.text


class IdeaMark(models.Model):
    """One person's verdict on an idea: feasible or not. One per person per idea, changeable."""

    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="marks", verbose_name=_("idea")
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("member"),
    )
    feasible = models.BooleanField(_("feasible"))
    marked_at = models.DateTimeField(_("marked at"), default=timezone.now)

    class Meta:
        verbose_name = _("feasibility mark")
        verbose_name_plural = _("feasibility marks")
        constraints = [
            models.UniqueConstraint(fields=["idea", "member"], name="idea_mark_once_per_member"),
        ]

    def __str__(self) -> str:
        return f"{self.idea} – {self.feasible}"


class IdeaComment(models.Model):
    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="comments", verbose_name=_("idea")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.CharField(_("comment"), max_length=500)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment on an idea")
        verbose_name_plural = _("comments on ideas")

    def __str__(self) -> str:
        return self.text


class DotVote(models.Model):
    """A round of dot voting (stickers) over some of the cycle's theme proposals."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="dot_votes", verbose_name=_("cycle")
    )
    proposals = models.ManyToManyField(
        ThemeProposal, related_name="dot_votes", verbose_name=_("proposals on the ballot")
    )
    stickers_per_member = models.PositiveSmallIntegerField(
        _("stickers per member"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_STICKERS)],
    )
    show_results_while_open = models.BooleanField(_("show results while open"), default=False)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Counted at the close: stickers outlive a deleted account (member becomes empty), but who
    # voted can then no longer be told apart, so the closed round keeps the number itself.
    voters = models.PositiveIntegerField(_("voters"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["cycle", "-opened_at", "-pk"]
        verbose_name = _("dot vote")
        verbose_name_plural = _("dot votes")
        constraints = [
            # One open round per cycle: the member lock in dot_vote_place relies on it.
            models.UniqueConstraint(
                fields=["cycle"], condition=Q(closed_at__isnull=True), name="dot_vote_one_open"
            ),
            models.CheckConstraint(
                condition=Q(stickers_per_member__gte=1, stickers_per_member__lte=MAX_STICKERS),
                name="dot_vote_sticker_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cycle} – {self.opened_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class DotVoteSticker(models.Model):
    """How many stickers one member put on one proposal in one round.

    Deleting an account keeps its stickers without a member: a closed result never changes. In
    an open round they no longer count (the member is gone), and closing drops them.
    """

    dot_vote = models.ForeignKey(
        DotVote, on_delete=models.CASCADE, related_name="stickers", verbose_name=_("dot vote")
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("member"),
    )
    proposal = models.ForeignKey(
        ThemeProposal, on_delete=models.CASCADE, related_name="+", verbose_name=_("proposal")
    )
    count = models.PositiveSmallIntegerField(_("stickers"))
    placed_at = models.DateTimeField(_("placed at"), default=timezone.now)

    class Meta:
        verbose_name = _("sticker")
        verbose_name_plural = _("stickers")
        constraints = [
            models.UniqueConstraint(
                fields=["dot_vote", "member", "proposal"], name="sticker_once_per_proposal"
            ),
            models.CheckConstraint(
                condition=Q(count__gte=1, count__lte=MAX_STICKERS), name="sticker_count_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proposal}: {self.count}"
