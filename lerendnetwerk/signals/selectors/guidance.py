"""Phase guidance: each question of a phase with what the network really did about it.

A phase's questions are the catalogue's topics. For each, in the network's current cycle:

- *done* when everything the table `DONE_WHEN` names for its topic is there;
- *started* when something is there but not all: one of the topic's own work forms or
  instruments on the agenda of a held meeting, or part of an instrument (a dot vote without an
  adopted theme, a contract a few members acknowledged, ...);
- *open* when nothing is there yet. What is not done comes with the catalogue's suggestions:
  the topic's work forms and instruments not used yet (its tips when it has none).

What completes a topic (`DONE_WHEN`; "half" is at least half of the current members):

| phase       | topic slug                           | done when                                |
|-------------|--------------------------------------|------------------------------------------|
| Exploration | kennismaken                          | a work form of it used in a held meeting |
|             | gezamenlijk-themas-verkennen         | a work form of it used in a held meeting |
|             | give-and-take                        | a member led an agenda item              |
| Development | keuze-gezamenlijk-thema              | theme adopted and shared goal set        |
|             | veilige-sfeer-creeren                | contract version acknowledged by half    |
|             | problemen-en-knelpunten-bespreekbaar | a learning agenda question worked on     |
|             | lerende-en-onderzoekende-houding     | a work form of it used in a held meeting |
|             | gezamenlijk-leren-bevorderen         | buddies paired                           |
|             | valkuilen-en-tips-ontwikkeling       | personal challenges written by half      |
| Deepening   | samenwerking-versterken              | a work form of it used in a held meeting |
|             | relevante-input                      | an invited expert led an agenda item     |
|             | gezamenlijke-kenniscreatie           | a work form of it used in a held meeting |
|             | valkuilen-en-tips-verdieping         | Netwerkbarometer round closed, results   |
| Embedding   | evalueren-en-zichtbaar-maken         | that round, and half wrote what came of  |
|             |                                      | their personal challenge                 |

A topic without a row (transfer, kennisoverdracht, borging-en-voortgang, or one added in the
admin) is done when one of its work forms was used in a held meeting; the three named hold only
tips, which the platform cannot see being followed, so they stay open and moving on asks for a
reason: the place to say how it went.

Everything is read once per cycle in a fixed number of queries, however many meetings, topics
or members there are: the catalogue's topics (cached), the held agenda items (meetings), the
cycle's progress (themes), its buddy pairs (groups), a shown Netwerkbarometer round and the
member count. This app sits above the feature apps and never reads the diary (`journal`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lerendnetwerk.barometer import selectors as barometer_selectors
from lerendnetwerk.catalogue import selectors as catalogue_selectors
from lerendnetwerk.catalogue.models import Entry, Topic
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.groups import selectors as group_selectors
from lerendnetwerk.meetings import selectors as meeting_selectors
from lerendnetwerk.meetings.models import AgendaItem
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Cycle, Network
from lerendnetwerk.themes import selectors as theme_selectors


class Check(StrEnum):
    """A piece of evidence a topic can be completed by."""

    WORK_FORM = "work_form"  # one of the topic's own entries used in a held meeting
    MEMBER_LED = "member_led"
    EXPERT_LED = "expert_led"
    THEME_ADOPTED = "theme_adopted"
    SHARED_GOAL = "shared_goal"
    AGREEMENT = "agreement"
    LEARNING_AGENDA = "learning_agenda"
    BUDDIES = "buddies"
    CHALLENGES = "challenges"
    CHALLENGE_OUTCOMES = "challenge_outcomes"
    BAROMETER = "barometer"


# The table of the module docstring: topic slug -> what completes it (all of them).
DONE_WHEN: dict[str, tuple[Check, ...]] = {
    # Exploration
    "kennismaken": (Check.WORK_FORM,),
    "gezamenlijk-themas-verkennen": (Check.WORK_FORM,),
    "give-and-take": (Check.MEMBER_LED,),
    # Development
    "keuze-gezamenlijk-thema": (Check.THEME_ADOPTED, Check.SHARED_GOAL),
    "veilige-sfeer-creeren": (Check.AGREEMENT,),
    "problemen-en-knelpunten-bespreekbaar": (Check.LEARNING_AGENDA,),
    "lerende-en-onderzoekende-houding": (Check.WORK_FORM,),
    "gezamenlijk-leren-bevorderen": (Check.BUDDIES,),
    "valkuilen-en-tips-ontwikkeling": (Check.CHALLENGES,),
    # Deepening
    "samenwerking-versterken": (Check.WORK_FORM,),
    "relevante-input": (Check.EXPERT_LED,),
    "gezamenlijke-kenniscreatie": (Check.WORK_FORM,),
    "valkuilen-en-tips-verdieping": (Check.BAROMETER,),
    # Embedding
    "evalueren-en-zichtbaar-maken": (Check.BAROMETER, Check.CHALLENGE_OUTCOMES),
}
DEFAULT_DONE_WHEN = (Check.WORK_FORM,)

# The kinds of entry a facilitator can put on a meeting's agenda: the catalogue's suggestions.
DOABLE = (Entry.Kind.ACTIVITY, Entry.Kind.INSTRUMENT)


class State(models.TextChoices):
    DONE = "done", gettext_lazy("Done")
    STARTED = "started", gettext_lazy("Started")
    OPEN = "open", gettext_lazy("Open")


@dataclass(frozen=True)
class Evidence:
    """One thing the network did: a sentence, its day and where to see it."""

    text: str
    on: date | None
    url: str


@dataclass
class QuestionGuidance:
    topic: Topic
    state: State
    evidence: list[Evidence] = field(default_factory=list)
    # For what is not done: the catalogue's work forms and instruments not used yet.
    suggested: list[Entry] = field(default_factory=list)


@dataclass
class PhaseGuidance:
    phase: Phase
    questions: list[QuestionGuidance]

    @property
    def done(self) -> int:
        return sum(q.state == State.DONE for q in self.questions)


@dataclass
class _Found:
    """What a check found: whether it completes, and the evidence (none: nothing yet)."""

    done: bool = False
    evidence: list[Evidence] = field(default_factory=list)


def _day(moment: datetime | None) -> date | None:
    return timezone.localdate(moment) if moment else None


def _half(count: int, members: int) -> bool:
    return members > 0 and 2 * count >= members


class _Cycle:
    """Everything the checks read about one cycle, read once (see the module docstring)."""

    def __init__(self, network: Network, cycle: Cycle, member_count: int | None) -> None:
        self.network = network
        self.items = meeting_selectors.agenda_items_held(cycle=cycle)
        self.progress = theme_selectors.cycle_progress(cycle=cycle)
        self.buddies = group_selectors.buddy_pairing(cycle=cycle)
        self.barometer_round = barometer_selectors.round_shown_since(
            network=network, since=cycle.started_at
        )
        self.members = (
            network_selectors.member_count(network=network)
            if member_count is None
            else member_count
        )
        self.checks: dict[Check, Callable[[], _Found]] = {
            Check.MEMBER_LED: lambda: self._led(AgendaItem.Lead.MEMBER),
            Check.EXPERT_LED: lambda: self._led(AgendaItem.Lead.EXPERT),
            Check.THEME_ADOPTED: self._theme,
            Check.SHARED_GOAL: self._shared_goal,
            Check.AGREEMENT: self._agreement,
            Check.LEARNING_AGENDA: self._learning_agenda,
            Check.BUDDIES: self._buddies,
            Check.CHALLENGES: self._challenges,
            Check.CHALLENGE_OUTCOMES: self._outcomes,
            Check.BAROMETER: self._barometer,
        }

    def url(self, name: str, *args: int) -> str:
        return reverse(name, args=[self.network.slug, *args])

    def _in_meeting(self, item: AgendaItem, text: str) -> Evidence:
        return Evidence(
            text=text,
            on=_day(item.meeting.starts_at),
            url=reverse("meetings:detail", args=[item.meeting_id]),
        )

    def work_forms(self, topic: Topic) -> _Found:
        entries = {entry.pk: entry for entry in topic.entries.all()}
        evidence = [
            self._in_meeting(
                item,
                _("%(work_form)s in the meeting “%(meeting)s”")
                % {"work_form": entries[item.entry_id].title, "meeting": item.meeting.title},
            )
            for item in self.items
            if item.entry_id in entries
        ]
        return _Found(done=bool(evidence), evidence=evidence)

    def used_entry_ids(self) -> set[int]:
        return {item.entry_id for item in self.items if item.entry_id is not None}

    def _led(self, lead: str) -> _Found:
        sentence = (
            _("“%(item)s”, led by a member, in the meeting “%(meeting)s”")
            if lead == AgendaItem.Lead.MEMBER
            else _("“%(item)s”, led by an invited expert, in the meeting “%(meeting)s”")
        )
        evidence = [
            self._in_meeting(item, sentence % {"item": item.title, "meeting": item.meeting.title})
            for item in self.items
            if item.lead == lead
        ]
        return _Found(done=bool(evidence), evidence=evidence)

    def _theme(self) -> _Found:
        found = _Found(done=self.progress.theme_adopted_at is not None)
        p = self.progress
        if p.dot_vote_id is not None:
            text = _("Dot vote closed") if p.dot_vote_closed_at else _("Dot vote open")
            found.evidence.append(
                Evidence(text, _day(p.dot_vote_closed_at), self.url("themes:vote", p.dot_vote_id))
            )
        if p.theme_adopted_at is not None:
            text = _("Theme adopted: %(theme)s") % {"theme": self.network_theme}
            found.evidence.append(
                Evidence(text, _day(p.theme_adopted_at), self.url("themes:overview"))
            )
        return found

    @property
    def network_theme(self) -> str:
        cycle = self.network.current_cycle
        return cycle.theme if cycle else ""

    def _shared_goal(self) -> _Found:
        if self.progress.shared_goal_at is None:
            return _Found()
        evidence = Evidence(
            _("Shared learning goal set"),
            _day(self.progress.shared_goal_at),
            self.url("themes:goals"),
        )
        return _Found(done=True, evidence=[evidence])

    def _agreement(self) -> _Found:
        p = self.progress
        if p.agreement_version is None:
            return _Found()
        # A member who acknowledged and left since is not counted above the members now.
        count = min(p.agreement_acknowledged, self.members)
        text = _(
            "Contract version %(version)s acknowledged by %(count)s of %(members)s members"
        ) % {"version": p.agreement_version, "count": count, "members": self.members}
        evidence = Evidence(text, _day(p.agreement_published_at), self.url("themes:agreement"))
        return _Found(done=_half(count, self.members), evidence=[evidence])

    def _learning_agenda(self) -> _Found:
        p = self.progress
        if not p.learning_questions:
            return _Found()
        text = _("%(worked)s of %(total)s learning agenda questions worked on in a meeting") % {
            "worked": p.learning_questions_worked_on,
            "total": p.learning_questions,
        }
        evidence = Evidence(text, _day(p.worked_on_last), self.url("themes:agenda"))
        return _Found(done=p.learning_questions_worked_on > 0, evidence=[evidence])

    def _buddies(self) -> _Found:
        if not self.buddies.pairs:
            return _Found()
        pairs = self.buddies.pairs
        text = ngettext("%(pairs)s buddy pair made", "%(pairs)s buddy pairs made", pairs) % {
            "pairs": pairs
        }
        evidence = Evidence(text, _day(self.buddies.since), self.url("groups:buddies"))
        return _Found(done=True, evidence=[evidence])

    def _challenges(self) -> _Found:
        count = min(self.progress.challenges, self.members)
        if not count:
            return _Found()
        text = _("%(count)s of %(members)s members wrote a personal challenge") % {
            "count": count,
            "members": self.members,
        }
        evidence = Evidence(text, _day(self.progress.challenges_at), self.url("themes:goals"))
        return _Found(done=_half(count, self.members), evidence=[evidence])

    def _outcomes(self) -> _Found:
        count = min(self.progress.challenge_outcomes, self.members)
        if not count:
            return _Found()
        text = _("%(count)s of %(members)s members wrote what came of their personal challenge") % {
            "count": count,
            "members": self.members,
        }
        evidence = Evidence(text, _day(self.progress.challenges_at), self.url("themes:goals"))
        return _Found(done=_half(count, self.members), evidence=[evidence])

    def _barometer(self) -> _Found:
        found = self.barometer_round
        if found is None:
            return _Found()
        evidence = Evidence(
            _("Netwerkbarometer round closed with results"),
            found.closed_on,
            self.url("barometer:results", found.pk),
        )
        return _Found(done=True, evidence=[evidence])

    def question(self, topic: Topic, used: set[int]) -> QuestionGuidance:
        checks = DONE_WHEN.get(topic.slug, DEFAULT_DONE_WHEN)
        work_forms = self.work_forms(topic)
        found: dict[Check, _Found] = {
            check: self.checks[check]() for check in checks if check != Check.WORK_FORM
        }
        found[Check.WORK_FORM] = work_forms
        evidence = [item for check in found.values() for item in check.evidence]
        evidence.sort(key=lambda item: item.on or date.min)
        if all(found[check].done for check in checks):
            state = State.DONE
        elif evidence:
            state = State.STARTED
        else:
            state = State.OPEN
        return QuestionGuidance(
            topic=topic,
            state=state,
            evidence=evidence,
            suggested=[] if state == State.DONE else _suggestions(topic, used),
        )


def _suggestions(topic: Topic, used: set[int]) -> list[Entry]:
    entries = list(topic.entries.all())
    doable = [entry for entry in entries if entry.kind in DOABLE]
    if doable:
        return [entry for entry in doable if entry.pk not in used]
    return [entry for entry in entries if entry.kind == Entry.Kind.TIP]


def network_guidance(*, network: Network, member_count: int | None = None) -> list[PhaseGuidance]:
    """Guidance for the current phase and every earlier one, in phase order; empty before the
    first phase. `member_count` saves a query when the page already knows it."""
    cycle = network.current_cycle
    if cycle is None or not cycle.phase:
        return []
    phases = [phase for phase in Phase if phase.number <= Phase(cycle.phase).number]
    topics = catalogue_selectors.topics_of_stages(
        stages=[phase.value for phase in phases], region_id=network.district.region_id
    )
    found = _Cycle(network, cycle, member_count)
    used = found.used_entry_ids()
    return [
        PhaseGuidance(
            phase=phase,
            questions=[found.question(topic, used) for topic in topics if topic.stage == phase],
        )
        for phase in phases
    ]


def phase_guidance(
    *, network: Network, phase: Phase, member_count: int | None = None
) -> list[QuestionGuidance]:
    """Each question of `phase` (the current one or an earlier one) with its state, evidence
    and suggestions; empty for a later phase."""
    for guidance in network_guidance(network=network, member_count=member_count):
        if guidance.phase == phase:
            return guidance.questions
    return []


def open_questions(*, network: Network) -> list[str]:
    """The titles of the current phase's questions that are not done: the readiness summary
    before moving on, kept on the phase transition."""
    cycle = network.current_cycle
    if cycle is None or not cycle.phase:
        return []
    return [
        question.topic.title
        for question in phase_guidance(network=network, phase=Phase(cycle.phase))
        if question.state != State.DONE
    ]
