"""Reads for the theme pages, each in a fixed number of queries however much a network holds."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Cycle, Network

from .models import (
    Agreement,
    AgreementAcknowledgement,
    AgreementSuggestion,
    Chapter,
    DotVote,
    DotVoteSticker,
    FocusArea,
    Idea,
    IdeaComment,
    IdeaMark,
    LearningGoal,
    LearningGoalComment,
    LearningQuestion,
    PersonalChallenge,
    QualityFramework,
    Theme,
    ThemeProposal,
)


def active_chapters(*, region_id: int | None = None) -> list[Chapter]:
    """Chapters of the active framework versions with the focus areas still offered, for
    choosing one: the region's own framework when it has one, else the shared (two queries)."""
    chapters = list(
        Chapter.objects.filter(framework__is_active=True)
        .filter(Q(framework__region__isnull=True) | Q(framework__region_id=region_id))
        .select_related("framework")
        .prefetch_related(Prefetch("focus_areas", FocusArea.objects.filter(is_retired=False)))
        .order_by("framework__version", "number")
    )
    own = [chapter for chapter in chapters if chapter.framework.region_id is not None]
    return own or chapters


def focus_area_offered(*, focus_area: FocusArea, region_id: int | None) -> bool:
    """Whether a network of the region may choose the focus area now: not retired, in an
    active version, and of the region's own framework when it has one, else the shared."""
    framework = focus_area.chapter.framework
    if focus_area.is_retired or not framework.is_active:
        return False
    if framework.region_id is not None:
        return framework.region_id == region_id
    if region_id is None:
        return True
    return not QualityFramework.objects.filter(region_id=region_id, is_active=True).exists()


# --- A region's framework, for its coordinators -----------------------------------------------


def shared_framework() -> QualityFramework | None:
    """The shared framework a region copies: the newest active one."""
    return (
        QualityFramework.objects.filter(region__isnull=True, is_active=True).order_by("-pk").first()
    )


def region_framework(*, region_id: int) -> QualityFramework | None:
    """The region's own framework (the newest, the active first), if it has one."""
    return (
        QualityFramework.objects.filter(region_id=region_id).order_by("-is_active", "-pk").first()
    )


def framework_chapters(*, framework: QualityFramework) -> list[Chapter]:
    """The framework's chapters in order, each with all its focus areas, retired ones too,
    each annotated with `chosen`: whether a proposal or a theme chose it (two queries)."""
    areas = FocusArea.objects.annotate(
        chosen=Exists(ThemeProposal.objects.filter(focus_area=OuterRef("pk")))
        | Exists(Theme.objects.filter(focus_area=OuterRef("pk")))
    ).order_by("order", "pk")
    return list(
        framework.chapters.order_by("number", "pk").prefetch_related(Prefetch("focus_areas", areas))
    )


def framework_chapter_find(*, framework: QualityFramework, pk: int) -> Chapter | None:
    return Chapter.objects.filter(framework=framework, pk=pk).select_related("framework").first()


def framework_focus_area_find(*, framework: QualityFramework, pk: int) -> FocusArea | None:
    return (
        FocusArea.objects.filter(chapter__framework=framework, pk=pk)
        .select_related("chapter__framework")
        .first()
    )


def cycle_theme(*, cycle: Cycle) -> Theme | None:
    return (
        Theme.objects.select_related("focus_area__chapter__framework", "proposal")
        .filter(cycle=cycle)
        .first()
    )


def cycle_proposals(*, cycle: Cycle) -> list[ThemeProposal]:
    return list(
        ThemeProposal.objects.filter(cycle=cycle)
        .select_related("focus_area__chapter", "proposed_by")
        .order_by("created_at", "pk")
    )


def theme_proposal_get(*, cycle: Cycle, pk: int) -> ThemeProposal:
    """A proposal of this cycle; raises ThemeProposal.DoesNotExist for another cycle's."""
    return ThemeProposal.objects.get(pk=pk, cycle=cycle)


def proposals_for_ballot(*, cycle: Cycle) -> QuerySet[ThemeProposal]:
    """The cycle's proposals in the order they came in: the ones a dot vote can put up."""
    return ThemeProposal.objects.filter(cycle=cycle).order_by("created_at", "pk")


def cycle_dot_votes(*, cycle: Cycle) -> list[DotVote]:
    return list(
        DotVote.objects.filter(cycle=cycle)
        .annotate(proposal_count=Count("proposals"))
        .order_by("-opened_at", "-pk")
    )


def dot_vote_get(*, network: Network, pk: int) -> DotVote:
    return DotVote.objects.select_related("cycle").get(pk=pk, cycle__network=network)


def dot_vote_proposals(*, dot_vote: DotVote) -> list[ThemeProposal]:
    """The proposals on the ballot with their focus area, in the order they came in."""
    return list(dot_vote.proposals.select_related("focus_area").order_by("created_at", "pk"))


@dataclass
class RankedProposal:
    proposal: ThemeProposal
    stickers: int
    rank: int


@dataclass
class DotVoteResults:
    ranking: list[RankedProposal]
    voters: int
    stickers: int


def _counted_stickers(dot_vote: DotVote) -> QuerySet[DotVoteSticker]:
    stickers = DotVoteSticker.objects.filter(dot_vote=dot_vote)
    if dot_vote.is_open:
        # A member who left keeps no votes; closing deletes their stickers for good.
        active = network_selectors.memberships_active(
            network=dot_vote.cycle.network_id, user=OuterRef("member")
        )
        stickers = stickers.filter(Exists(active))
    return stickers


def dot_vote_results(*, dot_vote: DotVote) -> DotVoteResults:
    """Every proposal on the ballot with its stickers, most first; equal counts share a rank."""
    stickers = _counted_stickers(dot_vote)
    totals = dict(stickers.values_list("proposal").annotate(total=Sum("count")).order_by())
    voters = dot_vote.voters
    if voters is None:  # open: counted now
        voters = stickers.values("member").distinct().count()
    proposals = sorted(
        dot_vote.proposals.select_related("focus_area"),
        key=lambda p: (-totals.get(p.pk, 0), p.title.lower(), p.pk),
    )
    ranking: list[RankedProposal] = []
    for position, proposal in enumerate(proposals, start=1):
        count = totals.get(proposal.pk, 0)
        same = ranking and ranking[-1].stickers == count
        ranking.append(RankedProposal(proposal, count, ranking[-1].rank if same else position))
    return DotVoteResults(ranking=ranking, voters=voters, stickers=sum(totals.values()))


def member_stickers(*, dot_vote: DotVote, member: User) -> dict[int, int]:
    return dict(
        DotVoteSticker.objects.filter(dot_vote=dot_vote, member=member).values_list(
            "proposal_id", "count"
        )
    )


def idea_get(*, network: Network, pk: int) -> Idea:
    """An idea on this network's wall; raises Idea.DoesNotExist for another network's."""
    return Idea.objects.select_related("network").get(pk=pk, network=network)


def idea_wall(*, network: Network, user: User) -> list[Idea]:
    """The network's ideas, grouped by label, with mark counts, comments and the user's mark."""
    mine = dict(
        IdeaMark.objects.filter(idea__network=network, member=user).values_list(
            "idea_id", "feasible"
        )
    )
    ideas: list[Idea] = list(
        Idea.objects.filter(network=network)
        .select_related("author", "proposal")
        .annotate(
            feasible_count=Count("marks", filter=Q(marks__feasible=True)),
            not_feasible_count=Count("marks", filter=Q(marks__feasible=False)),
        )
        .prefetch_related(
            Prefetch("comments", queryset=IdeaComment.objects.select_related("author"))
        )
        .order_by("group_label", "-created_at", "-pk")
    )
    for idea in ideas:
        idea.my_mark = mine.get(idea.pk)  # type: ignore[attr-defined]
    return ideas


def ideas_of(*, network: Network) -> QuerySet[Idea]:
    return Idea.objects.filter(network=network).order_by("-created_at", "-pk")


def idea_group_labels(*, network: Network) -> list[str]:
    """The names of the wall's groups (its columns besides the ideas not in a group)."""
    return list(
        Idea.objects.filter(network=network)
        .exclude(group_label="")
        .order_by("group_label")
        .values_list("group_label", flat=True)
        .distinct()
    )


def shared_goal(*, cycle: Cycle) -> LearningGoal | None:
    return (
        LearningGoal.objects.filter(cycle=cycle, kind=LearningGoal.Kind.SHARED)
        .select_related("updated_by")
        .prefetch_related(
            Prefetch(
                "comments",
                queryset=LearningGoalComment.objects.select_related("author"),
            )
        )
        .first()
    )


@dataclass
class MemberPlan:
    """One member's individual learning goal and personal challenge in a cycle."""

    member: User
    goal: LearningGoal | None
    challenge: PersonalChallenge | None


def member_plans(*, cycle: Cycle) -> list[MemberPlan]:
    """Every member's goal and challenge; the view keeps only those the reader may see."""
    goals: dict[int, LearningGoal] = {
        goal.owner_id: goal
        for goal in LearningGoal.objects.filter(
            cycle=cycle, kind=LearningGoal.Kind.INDIVIDUAL, owner__isnull=False
        ).select_related("cycle__network")
        if goal.owner_id is not None
    }
    challenges = {
        challenge.member_id: challenge
        for challenge in PersonalChallenge.objects.filter(cycle=cycle).select_related(
            "cycle__network"
        )
    }
    members = User.objects.filter(pk__in=set(goals) | set(challenges)).order_by("name")
    return [MemberPlan(m, goals.get(m.pk), challenges.get(m.pk)) for m in members]


def personal_challenge_get(*, network: Network, pk: int) -> PersonalChallenge:
    """A challenge in one of this network's cycles, with its member; raises
    PersonalChallenge.DoesNotExist for another network's. Who may see it is rules.py's question."""
    return PersonalChallenge.objects.select_related("cycle__network", "member").get(
        pk=pk, cycle__network=network
    )


def member_plan(*, cycle: Cycle, member: User) -> MemberPlan:
    return MemberPlan(
        member=member,
        goal=LearningGoal.objects.filter(
            cycle=cycle, kind=LearningGoal.Kind.INDIVIDUAL, owner=member
        ).first(),
        challenge=PersonalChallenge.objects.filter(cycle=cycle, member=member).first(),
    )


def learning_agenda(*, cycle: Cycle) -> list[LearningQuestion]:
    return list(
        LearningQuestion.objects.filter(cycle=cycle)
        .select_related("proposed_by")
        .prefetch_related(Prefetch("worked_on_in", queryset=Meeting.objects.order_by("starts_at")))
        .order_by("order", "pk")
    )


def learning_question_get(*, network: Network, pk: int) -> LearningQuestion:
    """A question on one of this network's agendas; raises LearningQuestion.DoesNotExist for
    another network's."""
    return LearningQuestion.objects.get(pk=pk, cycle__network=network)


def learning_questions(*, cycle: Cycle) -> QuerySet[LearningQuestion]:
    """The cycle's learning agenda in its order, to choose from (without the page's extras)."""
    return LearningQuestion.objects.filter(cycle=cycle).order_by("order", "pk")


def learning_questions_worked_on(*, cycle: Cycle, meeting: Meeting) -> list[LearningQuestion]:
    return list(learning_questions(cycle=cycle).filter(worked_on_in=meeting))


def network_meetings(*, network: Network) -> list[Meeting]:
    """The network's meetings (past and upcoming, not cancelled), newest first."""
    return list(
        Meeting.objects.filter(network=network)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
    )


@dataclass
class AgreementPage:
    current: Agreement | None
    earlier: list[Agreement]
    open_suggestions: list[AgreementSuggestion]
    acknowledged_by_me: bool
    not_yet_acknowledged: list[User]


def agreement_version(*, network: Network, version: int) -> Agreement | None:
    """One published version of the network's contract, or None when there is no such
    version (a stale form, or no contract yet)."""
    return Agreement.objects.filter(network=network, version=version).first()


def agreement_page(*, network: Network, user: User) -> AgreementPage:
    versions = list(
        Agreement.objects.filter(network=network)
        .select_related("published_by")
        .order_by("-version")
    )
    current = versions[0] if versions else None
    acknowledged: set[int] = (
        set(current.acknowledgements.values_list("member_id", flat=True)) if current else set()
    )
    members = network_selectors.members(network=network)
    return AgreementPage(
        current=current,
        earlier=versions[1:],
        open_suggestions=list(
            AgreementSuggestion.objects.filter(network=network, taken_into__isnull=True)
            .select_related("author")
            .order_by("created_at", "pk")
        ),
        acknowledged_by_me=user.pk in acknowledged,
        not_yet_acknowledged=[m for m in members if m.pk not in acknowledged] if current else [],
    )


# --- What a cycle has done with the theme instruments (the phase guidance reads it) -----------


@dataclass(frozen=True)
class CycleProgress:
    """What a cycle did with the instruments of the themes app, as counts and dates."""

    shared_goal_at: datetime | None
    challenges: int
    challenge_outcomes: int
    challenges_at: datetime | None
    agreement_id: int | None
    agreement_version: int | None
    agreement_published_at: datetime | None
    agreement_acknowledged: int
    dot_vote_id: int | None  # the latest closed round, else the open one
    dot_vote_closed_at: datetime | None
    theme_adopted_at: datetime | None
    learning_questions: int
    learning_questions_worked_on: int
    worked_on_last: datetime | None


def _count(rows: QuerySet[Any]) -> Coalesce:
    """The number of `rows` as a subquery (an aggregate without GROUP BY gives one row)."""
    return Coalesce(
        Subquery(
            rows.order_by().annotate(n=Func("pk", function="COUNT")).values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def _first(rows: QuerySet[Any], field: str, output: Any = None) -> Subquery:
    return Subquery(rows.values(field)[:1], output_field=output)


def cycle_progress(*, cycle: Cycle) -> CycleProgress:
    """The cycle's shared goal, personal challenges, contract, dot votes, adopted theme and
    learning agenda, counted in one query, however much the network holds."""
    held = Meeting.objects.filter(
        learning_questions=OuterRef("pk"),
        status=Meeting.Status.SCHEDULED,
        ends_at__lte=timezone.now(),
    )
    challenges = PersonalChallenge.objects.filter(cycle=OuterRef("pk"))
    agreements = Agreement.objects.filter(network=OuterRef("network_id")).order_by("-version")
    latest_agreement = Agreement.objects.filter(network=OuterRef(OuterRef("network_id"))).order_by(
        "-version"
    )
    dot_votes = DotVote.objects.filter(cycle=OuterRef("pk"))
    questions = LearningQuestion.objects.filter(cycle=OuterRef("pk"))
    last_meeting = Meeting.objects.filter(
        learning_questions__cycle=OuterRef("pk"),
        status=Meeting.Status.SCHEDULED,
        ends_at__lte=timezone.now(),
    ).order_by("-starts_at")
    # Prefixed: the names of the counts are the cycle's related names too.
    row = (
        Cycle.objects.filter(pk=cycle.pk)
        .annotate(
            progress_shared_goal_at=_first(
                LearningGoal.objects.filter(cycle=OuterRef("pk"), kind=LearningGoal.Kind.SHARED),
                "updated_at",
            ),
            progress_challenges=_count(challenges),
            progress_challenge_outcomes=_count(challenges.exclude(outcome="")),
            progress_challenges_at=_first(challenges.order_by("-updated_at"), "updated_at"),
            progress_agreement_id=_first(agreements, "pk"),
            progress_agreement_version=_first(agreements, "version"),
            progress_agreement_published_at=_first(agreements, "published_at"),
            progress_agreement_acknowledged=_count(
                AgreementAcknowledgement.objects.filter(
                    agreement=Subquery(latest_agreement.values("pk")[:1])
                )
            ),
            progress_dot_vote_id=_first(
                dot_votes.order_by(F("closed_at").desc(nulls_last=True), "-opened_at", "-pk"), "pk"
            ),
            progress_dot_vote_closed_at=_first(
                dot_votes.filter(closed_at__isnull=False).order_by("-closed_at"),
                "closed_at",
                DateTimeField(),
            ),
            progress_theme_adopted_at=_first(
                Theme.objects.filter(cycle=OuterRef("pk")), "adopted_at"
            ),
            progress_learning_questions=_count(questions),
            progress_learning_questions_worked_on=_count(questions.filter(Exists(held))),
            progress_worked_on_last=_first(last_meeting, "starts_at", DateTimeField()),
        )
        .values(*(f"progress_{name}" for name in CycleProgress.__dataclass_fields__))
        .get()
    )
    return CycleProgress(**{name.removeprefix("progress_"): value for name, value in row.items()})


# --- A person's page: what waits for them in their networks, each in one query -----------------


def open_votes_for(*, user: User, network_ids: Collection[int]) -> list[DotVote]:
    """The open dot votes of these networks' current cycles, oldest first, with the network
    (`cycle.network`) and whether the person placed stickers (`voted`)."""
    return list(
        DotVote.objects.filter(
            cycle__network__in=list(network_ids),
            cycle_id=F("cycle__network__current_cycle_id"),
            closed_at__isnull=True,
        )
        .select_related("cycle__network")
        .annotate(voted=Exists(DotVoteSticker.objects.filter(dot_vote=OuterRef("pk"), member=user)))
        .order_by("opened_at", "pk")
    )


def agreements_to_acknowledge(*, user: User, network_ids: Collection[int]) -> list[Agreement]:
    """The newest contract version of each of these networks that the person has not agreed
    to yet, with its network, newest first."""
    newer = Agreement.objects.filter(network=OuterRef("network"), version__gt=OuterRef("version"))
    agreed = AgreementAcknowledgement.objects.filter(agreement=OuterRef("pk"), member=user)
    return list(
        Agreement.objects.filter(network__in=list(network_ids))
        .filter(~Exists(newer), ~Exists(agreed))
        .select_related("network")
        .order_by("-published_at", "-pk")
    )


def agreements_published_since(
    *, network_ids: Collection[int], since: datetime, limit: int
) -> list[Agreement]:
    """Contract versions published in these networks since `since`, newest first, with their
    network: the recent activity on a person's page."""
    return list(
        Agreement.objects.filter(network__in=list(network_ids), published_at__gte=since)
        .select_related("network")
        .order_by("-published_at", "-pk")[:limit]
    )


def questions_for_meetings(*, meeting_ids: Collection[int]) -> dict[int, list[LearningQuestion]]:
    """For each of these meetings: the learning-agenda questions it is to work on, in the
    agenda's order (one query)."""
    found: dict[int, list[LearningQuestion]] = {}
    for row in (
        LearningQuestion.worked_on_in.through.objects.filter(meeting_id__in=list(meeting_ids))
        .select_related("learningquestion")
        .order_by("learningquestion__order", "learningquestion_id")
    ):
        found.setdefault(row.meeting_id, []).append(row.learningquestion)
    return found


def challenges_of(*, user: User, cycle_ids: Collection[int]) -> dict[int, PersonalChallenge]:
    """The person's personal challenge in each of these cycles that has one, by cycle id."""
    return {
        challenge.cycle_id: challenge
        for challenge in PersonalChallenge.objects.filter(member=user, cycle_id__in=list(cycle_ids))
    }
