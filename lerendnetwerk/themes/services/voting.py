"""The dot vote: stickers on theme proposals (the Handreiking's "gewichten plakken").

Concurrency. Many members place stickers at the same moment, so counts must stay exact:
- On PostgreSQL, `dot_vote_place` locks the voter's own membership row (SELECT ... FOR UPDATE)
  before it reads anything. Only one round per cycle is open (a database constraint), so this is
  a lock per (round, member): one person's submissions run one after the other, different
  people's in parallel. The lock also orders a vote against the member leaving the network,
  since ending a membership updates that same row.
- `dot_vote_close` takes every active member's lock before it closes, so it waits for votes in
  progress, and a vote that waited for it reads the round again and finds it closed.
- On SQLite every transaction starts IMMEDIATE (settings), so writers run one at a time anyway.

A member who leaves while a round is open keeps no votes: while open, results count only the
stickers of active members (selectors.dot_vote_results), and closing deletes the stickers of
people who are no longer members, so the closed ranking stays as it is when someone leaves later.
A deleted account's stickers stay without a member and the round keeps its number of voters, so
deleting an account does not change a closed result either.
"""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core import pagecache
from lerendnetwerk.networks.models import Cycle
from lerendnetwerk.networks.selectors import member_ids

from .. import notifications
from ..models import DotVote, DotVoteSticker, ThemeProposal
from ..models.choosing import MAX_STICKERS
from .common import require_member


def _validate_round_settings(proposals: list[ThemeProposal], cycle: Cycle, stickers: int) -> None:
    errors = {}
    if any(proposal.cycle_id != cycle.pk for proposal in proposals):
        errors["proposals"] = _("Only proposals of this cycle can go on the ballot.")
    elif len(proposals) < 2:
        errors["proposals"] = _("Put at least two proposals on the ballot.")
    if not 1 <= stickers <= MAX_STICKERS:
        errors["stickers_per_member"] = _("Give each member between 1 and %(max)d stickers.") % {
            "max": MAX_STICKERS
        }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def dot_vote_open(
    *,
    cycle: Cycle,
    opened_by: User,
    proposals: Iterable[ThemeProposal],
    stickers_per_member: int = 3,
    show_results_while_open: bool = False,
) -> DotVote:
    """Open a round over some of the cycle's proposals and notify the members (notifications,
    in this transaction). Refused while another round is open."""
    proposals = list(proposals)
    _validate_round_settings(proposals, cycle, stickers_per_member)
    # Locked so that two clicks at once cannot open two rounds (the constraint would refuse).
    Cycle.objects.select_for_update(no_key=True).get(pk=cycle.pk)
    if DotVote.objects.filter(cycle=cycle, closed_at__isnull=True).exists():
        raise ValidationError(_("A dot vote is already open in this cycle. Close it first."))
    dot_vote = DotVote.objects.create(
        cycle=cycle,
        opened_by=opened_by,
        stickers_per_member=stickers_per_member,
        show_results_while_open=show_results_while_open,
    )
    dot_vote.proposals.set(proposals)
    notifications.dot_vote_opened(
        network=cycle.network, dot_vote_id=dot_vote.pk, opened_by=opened_by
    )
    return dot_vote


def _validate_stickers(dot_vote: DotVote, stickers: Mapping[int, int]) -> None:
    on_ballot = set(dot_vote.proposals.values_list("pk", flat=True))
    if any(pk not in on_ballot for pk in stickers):
        raise ValidationError(_("You can only put stickers on the themes of this round."))
    if any(count < 0 for count in stickers.values()):
        raise ValidationError(_("A number of stickers cannot be below zero."))
    total, limit = sum(stickers.values()), dot_vote.stickers_per_member
    if total > limit:
        raise ValidationError(
            _("You have %(limit)d stickers, but you placed %(total)d. Take some off.")
            % {"limit": limit, "total": total}
        )


@transaction.atomic
def dot_vote_place(
    *, dot_vote: DotVote, member: User, stickers: Mapping[int, int]
) -> dict[int, int]:
    """Replace the member's stickers in this round: proposal id -> number of stickers.

    Guarantees that the member never has more stickers than the round allows and that each
    sticker is stored once, also when the same person or many people submit at the same time.
    Refuses a closed round, a person who is not (or no longer) a member, a proposal that is not
    on the ballot, a negative number and more stickers than allowed. Returns what is stored.
    """
    network_id = Cycle.objects.values_list("network_id", flat=True).get(pk=dot_vote.cycle_id)
    require_member(network_id, member, lock=True)
    # Read after taking the lock: a close that committed meanwhile is seen.
    dot_vote = DotVote.objects.get(pk=dot_vote.pk)
    if not dot_vote.is_open:
        raise ValidationError(_("This round has closed; the stickers can no longer be changed."))
    _validate_stickers(dot_vote, stickers)
    DotVoteSticker.objects.filter(dot_vote=dot_vote, member=member).delete()
    placed = {pk: count for pk, count in stickers.items() if count > 0}
    DotVoteSticker.objects.bulk_create(
        DotVoteSticker(dot_vote=dot_vote, member=member, proposal_id=pk, count=count)
        for pk, count in placed.items()
    )
    pagecache.changed(dot_vote)
    return placed


@transaction.atomic
def dot_vote_close(*, dot_vote: DotVote) -> DotVote:
    """Close the round: from now on nothing changes and everyone sees the ranking.

    Waits for votes in progress (it takes the members' locks that voters take). Drops the
    stickers of people who left the network while the round was open. Notifies the members.
    """
    # NO KEY UPDATE: voters inserting stickers take a key-share lock on this row; a plain
    # FOR UPDATE here would deadlock with a voter who holds their membership lock.
    locked = (
        DotVote.objects.select_for_update(no_key=True).select_related("cycle").get(pk=dot_vote.pk)
    )
    if not locked.is_open:
        raise ValidationError(_("This round has already been closed."))
    members = member_ids(network=locked.cycle.network_id, lock=True)
    stickers = DotVoteSticker.objects.filter(dot_vote=locked)
    # Also drops the stickers of deleted accounts (no member), which exclude() keeps out of IN.
    stickers.exclude(member_id__in=members).delete()
    locked.closed_at = timezone.now()
    locked.voters = stickers.values("member").distinct().count()
    locked.save(update_fields=["closed_at", "voters"])
    notifications.dot_vote_closed(network=locked.cycle.network, dot_vote_id=locked.pk)
    # The caller's object shows the round closed too.
    dot_vote.closed_at, dot_vote.voters = locked.closed_at, locked.voters
    return dot_vote
