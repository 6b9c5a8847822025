"""Theme proposals, the idea wall and adopting the cycle's theme."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.text import NOTES_MAX, too_long_message
from lerendnetwerk.networks.models import Cycle, Network
from lerendnetwerk.networks.services import cycle_set_theme

from ..models import DotVote, FocusArea, Idea, IdeaComment, IdeaMark, Theme, ThemeProposal
from ..selectors import focus_area_offered
from .common import require_member, require_text

TITLE_MAX = 200
IDEA_MAX = 280
COMMENT_MAX = 500
GROUP_MAX = 80


def _validate_focus_area(focus_area: FocusArea | None, cycle: Cycle) -> None:
    # Old versions and retired focus areas stay linked to what chose them, but new proposals
    # use one the network's region offers now.
    if focus_area is None:
        return
    region_id = Network.objects.filter(pk=cycle.network_id).values_list(
        "district__region_id", flat=True
    )[0]
    if not focus_area_offered(focus_area=focus_area, region_id=region_id):
        raise ValidationError(
            {"focus_area": _("Choose a focus area from the current quality framework.")}
        )


@transaction.atomic
def theme_proposal_create(
    *,
    cycle: Cycle,
    title: str,
    why: str,
    proposed_by: User,
    focus_area: FocusArea | None = None,
) -> ThemeProposal:
    """A member proposes a theme for the cycle; refused without a title or a reason why."""
    require_member(cycle.network_id, proposed_by)
    title, why = (title or "").strip(), (why or "").strip()
    errors = {}
    if not title:
        errors["title"] = _("Give the theme a short title.")
    elif len(title) > TITLE_MAX:
        errors["title"] = _("Keep the title to %(max)d characters.") % {"max": TITLE_MAX}
    if not why:
        errors["why"] = _("Say why this theme matters for your daily work.")
    elif len(why) > NOTES_MAX:
        errors["why"] = too_long_message(max_length=NOTES_MAX, length=len(why))
    if errors:
        raise ValidationError(errors)
    _validate_focus_area(focus_area, cycle)
    return ThemeProposal.objects.create(
        cycle=cycle,
        title=title,
        why=why,
        focus_area=focus_area,
        proposed_by=proposed_by,
    )


@transaction.atomic
def theme_adopt(*, cycle: Cycle, proposal: ThemeProposal, adopted_by: User) -> Theme:
    """Adopt a proposal as the cycle's theme, also as `Cycle.theme` for the overviews.

    Refused while a dot vote is open (the group has not finished choosing) and for a proposal
    of another cycle. Adopting again replaces the earlier choice.
    """
    if proposal.cycle_id != cycle.pk:
        raise ValidationError(_("This proposal belongs to another cycle."))
    if DotVote.objects.filter(cycle=cycle, closed_at__isnull=True).exists():
        raise ValidationError(_("Close the dot vote before you adopt a theme."))
    theme, _created = Theme.objects.update_or_create(
        cycle=cycle,
        defaults={
            "title": proposal.title,
            "proposal": proposal,
            "focus_area": proposal.focus_area,
            "adopted_by": adopted_by,
            "adopted_at": timezone.now(),
        },
    )
    cycle_set_theme(cycle=cycle, theme=proposal.title)
    return theme


@transaction.atomic
def idea_post(*, network: Network, author: User, text: str) -> Idea:
    require_member(network, author)
    text = require_text(
        text, field="text", message=_("Write your idea first."), max_length=IDEA_MAX
    )
    return Idea.objects.create(network=network, author=author, text=text)


@transaction.atomic
def idea_mark(*, idea: Idea, member: User, feasible: bool) -> IdeaMark:
    """Mark someone else's idea feasible or not; marking again changes the mark."""
    require_member(idea.network_id, member)
    if idea.author_id == member.pk:
        raise ValidationError(_("The others test your idea; you cannot mark your own."))
    mark, _created = IdeaMark.objects.update_or_create(
        idea=idea, member=member, defaults={"feasible": feasible, "marked_at": timezone.now()}
    )
    return mark


@transaction.atomic
def idea_comment_add(*, idea: Idea, author: User, text: str) -> IdeaComment:
    require_member(idea.network_id, author)
    text = require_text(
        text, field="text", message=_("Write your comment first."), max_length=COMMENT_MAX
    )
    return IdeaComment.objects.create(idea=idea, author=author, text=text)


@transaction.atomic
def idea_group(*, idea: Idea, label: str) -> Idea:
    """Put the idea in a group (by its label); an empty label takes it out of its group."""
    label = _group_label(label, field="label")
    # One UPDATE of one column: two facilitators dragging at once each leave a whole label.
    Idea.objects.filter(pk=idea.pk).update(group_label=label)
    pagecache.changed(idea)
    idea.group_label = label
    return idea


def _group_label(label: str, *, field: str) -> str:
    label = " ".join((label or "").split())
    if len(label) > GROUP_MAX:
        raise ValidationError(
            {field: _("Keep the group name to %(max)d characters.") % {"max": GROUP_MAX}}
        )
    return label


@transaction.atomic
def idea_group_rename(*, network: Network, old: str, new: str) -> int:
    """Rename a group of the wall: every idea with the old label gets the new one.

    A new name that another group already has joins the two groups. Returns how many ideas moved.
    """
    new = _group_label(new, field="label")
    if not new:
        raise ValidationError({"label": _("Give the group a name.")})
    moved = (
        Idea.objects.filter(network=network, group_label=old).update(group_label=new) if old else 0
    )
    pagecache.changed(network)
    if not moved:
        # Someone moved its last idea away meanwhile (or it is the column of ungrouped ideas).
        raise ValidationError(_("This group is no longer on the wall. Reload the wall."))
    return moved


@transaction.atomic
def idea_to_proposal(
    *,
    idea: Idea,
    title: str,
    why: str,
    proposed_by: User,
    focus_area: FocusArea | None = None,
) -> ThemeProposal:
    """Turn an idea into a theme proposal of the network's current cycle, once."""
    idea = Idea.objects.select_for_update().select_related("network").get(pk=idea.pk)
    if idea.proposal_id is not None:
        raise ValidationError(_("This idea is already a theme proposal."))
    network = idea.network
    if network.current_cycle_id is None:
        raise ValidationError(_("This network has no cycle."))
    proposal = theme_proposal_create(
        cycle=Cycle.objects.get(pk=network.current_cycle_id),
        title=title,
        why=why,
        proposed_by=proposed_by,
        focus_area=focus_area,
    )
    idea.proposal = proposal
    idea.save(update_fields=["proposal"])
    return proposal
