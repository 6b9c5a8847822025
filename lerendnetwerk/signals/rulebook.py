"""The rulebook: one rule per pitfall that can be read from data, and the platform's own signals.

A rule is a pure function of a network's facts (selectors/facts.py) and its thresholds
(thresholds.py): it returns a `Finding` or nothing. Each rule names the catalogue pitfall it
reads by slug (its tip and suggested work forms come with the signal) or, for a platform signal,
its own name. The evidence sentence is written from the finding's numbers when a page or the
command shows it, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lerendnetwerk.catalogue.phase import Phase

from .models import Severity

if TYPE_CHECKING:
    from .selectors.facts import MeetingFacts, NetworkFacts

WORK_FORM = "activity"


@dataclass
class Finding:
    severity: Severity
    facts: dict[str, Any]
    score: float
    since: date
    private: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    key: str
    check: Callable[[NetworkFacts, dict[str, float]], Finding | None]
    evidence: Callable[[dict[str, Any]], str]
    pitfall: str = ""  # slug of the catalogue's pitfall entry
    name: str | Promise = ""  # a platform signal's own name
    # Catalogue entries (slugs) that help; a work form among them can go on the next agenda.
    suggested: tuple[str, ...] = ()


RULES: dict[str, Rule] = {}


def rule(**kwargs: Any) -> Callable[[Callable[..., Finding | None]], Callable[..., Finding | None]]:
    def register(check: Callable[..., Finding | None]) -> Callable[..., Finding | None]:
        RULES[kwargs["key"]] = Rule(check=check, **kwargs)
        return check

    return register


def _day(meeting: MeetingFacts) -> date:
    return timezone.localdate(meeting.starts_at)


def _numbers(values: list[int]) -> str:
    """9, 6 en 4: a list of numbers as a person writes it."""
    words = [str(v) for v in values]
    if len(words) < 2:
        return "".join(words)
    return _("%(first)s and %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def _attendance_evidence(f: dict[str, Any]) -> str:
    parts = []
    if f.get("attended"):
        parts.append(
            _("At the last %(n)d meetings %(attended)s of the %(members)d members came.")
            % {
                "n": len(f["attended"]),
                "attended": _numbers(f["attended"]),
                "members": f["members"],
            }
        )
    if f.get("left"):
        parts.append(
            ngettext(
                "%(left)d member stopped in the last %(days)d days.",
                "%(left)d members stopped in the last %(days)d days.",
                f["left"],
            )
            % {"left": f["left"], "days": f["days"]}
        )
    return " ".join(parts)


@rule(
    key="drop_outs",
    pitfall="enthousiaste-deelnemers-haken-af",
    evidence=_attendance_evidence,
    suggested=("maak-een-contract", "kritische-reflectie", "wensen-van-deelnemers"),
)
def drop_outs(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    recorded = [m for m in facts.recorded if m.invited][-int(t["meetings"]) :]
    found: dict[str, Any] = {"members": facts.members}
    severity, score, since = None, 0.0, facts.today
    if len(recorded) >= t["meetings"]:
        first = recorded[0].attended / recorded[0].invited
        last = recorded[-1].attended / recorded[-1].invited
        if first > 0 and (first - last) / first >= t["fall"]:
            found["attended"] = [m.attended for m in recorded]
            severity = Severity.ALERT if last < t["alert_below"] else Severity.WARNING
            score, since = (first - last) / first, _day(recorded[1])
    if facts.left_recently >= t["left"]:
        found |= {"left": facts.left_recently, "days": int(t["left_days"])}
        severity = max(severity or Severity.WARNING, Severity.WARNING)
        score = max(score, facts.left_recently / max(facts.members, 1))
    if severity is None:
        return None
    return Finding(Severity(severity), found, score, since)


def _cancellation_evidence(f: dict[str, Any]) -> str:
    parts = []
    if f.get("declined") is not None:
        parts.append(
            _("Over the last %(n)d meetings %(declined)d of %(invited)d invitations were declined.")
            % f
        )
    if f.get("no_shows"):
        parts.append(
            ngettext(
                "%(no_shows)d person said yes but did not come.",
                "%(no_shows)d times someone said yes but did not come.",
                f["no_shows"],
            )
            % f
        )
    return " ".join(parts)


@rule(
    key="cancellations",
    pitfall="deelnemers-zeggen-af",
    evidence=_cancellation_evidence,
    suggested=("maak-een-contract", "take-and-give"),
)
def cancellations(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    held = [m for m in facts.held if m.invited][-int(t["meetings"]) :]
    if len(held) < t["meetings"]:
        return None
    invited = sum(m.invited for m in held)
    declined = sum(m.declined for m in held)
    accepted = sum(m.accepted for m in held if m.recorded)
    no_shows = sum(m.no_shows for m in held if m.recorded)
    declined_share = declined / invited
    no_show_share = no_shows / accepted if accepted else 0.0
    if declined_share < t["declined"] and no_show_share < t["no_shows"]:
        return None
    repeated = sorted(
        facts.member_names.get(user_id, "?")
        for user_id, n in facts.declines.items()
        if n >= t["person_declines"] and user_id in facts.member_ids
    )
    worst = max(declined_share / t["declined"], no_show_share / t["no_shows"])
    return Finding(
        Severity.ALERT if worst >= 2 else Severity.WARNING,
        {
            "n": len(held),
            "declined": declined,
            "invited": invited,
            "no_shows": no_shows,
            "repeated": len(repeated),
        },
        max(declined_share, no_show_share),
        _day(held[0]),
        private={"repeated_declines": repeated},
    )


def _recent_with_agenda(facts: NetworkFacts, n: float) -> list[MeetingFacts]:
    return [m for m in facts.held if m.items][-int(n) :]


@rule(
    key="meeting_atmosphere",
    pitfall="te-veel-vergadersfeer",
    evidence=lambda f: (
        _(
            "Of the %(total)d agenda minutes of the last %(n)d meetings, %(active)d went to active "
            "work forms."
        )
        % f
    ),
    suggested=("levend-domino", "talking-stick", "worldcafe", "casusbesprekingen"),
)
def meeting_atmosphere(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    recent = _recent_with_agenda(facts, t["meetings"])
    if len(recent) < t["meetings"]:
        return None
    total = sum(m.agenda_minutes for m in recent)
    active = sum(i.minutes for m in recent for i in m.items if i.entry_kind == WORK_FORM)
    # An invited expert's talk is the expert-dependence pitfall, not a meeting atmosphere: the
    # share is of the time the network fills itself.
    own = total - sum(i.minutes for m in recent for i in m.items if i.lead == "expert")
    share = active / own if own else 1.0
    if share >= t["active_below"]:
        return None
    return Finding(
        Severity.ALERT if share < t["alert_below"] else Severity.WARNING,
        {"total": total, "active": active, "n": len(recent)},
        1 - share,
        _day(recent[0]),
    )


def _time_evidence(f: dict[str, Any]) -> str:
    parts = []
    if f.get("over"):
        parts.append(
            ngettext(
                "%(over)d recent agenda is longer than its meeting.",
                "%(over)d recent agendas are longer than their meetings.",
                f["over"],
            )
            % f
        )
    if f.get("gap_weeks"):
        parts.append(_("%(gap_weeks)d weeks passed between two meetings.") % f)
    return " ".join(parts)


@rule(
    key="too_little_time",
    pitfall="te-weinig-tijd",
    evidence=_time_evidence,
    suggested=("gezamenlijke-doelen-op-een-a4",),
)
def too_little_time(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    recent = facts.held[-int(t["meetings"]) :] + facts.upcoming[:1]
    over = [m for m in recent if m.items and m.agenda_minutes > m.minutes]
    gaps = [
        ((later.starts_at - earlier.ends_at).days // 7, later)
        for earlier, later in zip(facts.meetings, facts.meetings[1:], strict=False)
    ]
    long_gaps = [(weeks, m) for weeks, m in gaps[-int(t["meetings"]) :] if weeks >= t["gap_weeks"]]
    if not over and not long_gaps:
        return None
    found: dict[str, Any] = {"over": len(over)}
    if long_gaps:
        found["gap_weeks"] = max(weeks for weeks, _m in long_gaps)
    first = min(_day(m) for m in over + [m for _w, m in long_gaps])
    severity = Severity.WARNING if long_gaps or len(over) > 1 else Severity.INFO
    return Finding(severity, found, len(over) + len(long_gaps), first)


def _contributors(facts: NetworkFacts) -> tuple[set[int], int]:
    leaders = {
        i.lead_user_id for m in facts.meetings for i in m.items if i.lead_user_id is not None
    }
    people = facts.proposers | facts.idea_authors | facts.question_authors | leaders
    contributions = (
        len(facts.proposers) + len(facts.idea_authors) + facts.learning_questions + len(leaders)
    )
    return people & facts.member_ids, contributions


@rule(
    key="hobby_horses",
    pitfall="berijden-van-stokpaardjes",
    evidence=lambda f: (
        _(
            "The proposals, ideas, questions and agenda items of this cycle come from "
            "%(people)d of the %(members)d members."
        )
        % f
    ),
    suggested=("gebruik-instrument-persoonlijke-uitdaging", "ideeenmuur", "talking-stick"),
)
def hobby_horses(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    people, contributions = _contributors(facts)
    if contributions < t["min_contributions"] or facts.members < 4:
        return None
    share = len(people) / facts.members
    if share >= t["contributors_below"]:
        return None
    return Finding(
        Severity.WARNING,
        {"people": len(people), "members": facts.members},
        1 - share,
        facts.today,
    )


@rule(
    key="weak_network_attitude",
    pitfall="onvoldoende-netwerkhouding",
    evidence=lambda f: _("The facilitators led %(led)d of the %(items)d recent agenda items.") % f,
    suggested=("take-and-give", "elkaars-kwaliteiten-benoemen", "leerestafette"),
)
def weak_network_attitude(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    items = [i for m in facts.held[-3:] for i in m.items]
    if len(items) < t["min_items"]:
        return None
    led = sum(
        1 for i in items if i.lead == "facilitator" or i.lead_user_id in facts.facilitator_ids
    )
    share = led / len(items)
    if share < t["facilitator_share"]:
        return None
    return Finding(Severity.WARNING, {"led": led, "items": len(items)}, share, facts.today)


def _thread_evidence(f: dict[str, Any]) -> str:
    if f.get("no_goal"):
        return _("The network has no shared learning goal yet.")
    return (
        ngettext(
            "The learning agenda has %(questions)d question; none was worked on in the last %(n)d "
            "meetings.",
            "The learning agenda has %(questions)d questions; none was worked on in the last %(n)d "
            "meetings.",
            f["questions"],
        )
        % f
    )


@rule(
    key="unclear_common_thread",
    pitfall="rode-draad-onduidelijk",
    evidence=_thread_evidence,
    suggested=("gezamenlijke-doelen-op-een-a4", "kritische-reflectie"),
)
def unclear_common_thread(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    if not facts.phase or Phase(facts.phase).number < Phase.DEEPENING.number:
        return None
    if not facts.shared_goal:
        return Finding(Severity.WARNING, {"no_goal": True}, 1.0, facts.today)
    recent = facts.held[-int(t["meetings"]) :]
    untouched = len(recent) >= t["meetings"] and not any(m.questions_worked_on for m in recent)
    if facts.learning_questions and untouched:
        return Finding(
            Severity.WARNING,
            {"questions": facts.learning_questions, "n": len(recent)},
            0.5,
            _day(recent[0]),
        )
    return None


@rule(
    key="expert_dependence",
    pitfall="afhankelijkheid-van-expert",
    evidence=lambda f: (
        _(
            "An invited expert led %(expert)d of the %(total)d agenda minutes of the last %(n)d "
            "meetings."
        )
        % f
    ),
    suggested=("casusbesprekingen", "kennisruil", "onderzoekende-en-kritische-vragen-stellen"),
)
def expert_dependence(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    recent = _recent_with_agenda(facts, t["meetings"])
    total = sum(m.agenda_minutes for m in recent)
    if not recent or not total:
        return None
    expert = sum(i.minutes for m in recent for i in m.items if i.lead == "expert")
    share = expert / total
    if share < t["expert_share"]:
        return None
    return Finding(
        Severity.ALERT if share >= t["alert_share"] else Severity.WARNING,
        {"expert": expert, "total": total, "n": len(recent)},
        share,
        _day(recent[0]),
    )


@rule(
    key="practice_questions_missing",
    pitfall="praktijkvragen-komen-niet-op-tafel",
    evidence=lambda f: (
        ngettext(
            "In %(n)d meeting of this phase no participant brought an idea or a question.",
            "In %(n)d meetings of this phase no participant brought an idea or a question.",
            f["n"],
        )
        % f
    ),
    suggested=("casusbesprekingen", "ideeenmuur", "talking-stick"),
)
def practice_questions_missing(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    if facts.phase != Phase.DEVELOPMENT or len(facts.held) < t["meetings"]:
        return None
    participants = facts.member_ids - facts.facilitator_ids
    brought = (facts.idea_authors | facts.question_authors | facts.proposers) & participants
    if brought:
        return None
    return Finding(Severity.WARNING, {"n": len(facts.held)}, len(facts.held), _day(facts.held[0]))


@rule(
    key="theme_not_supported",
    pitfall="thema-onvoldoende-gedragen",
    evidence=lambda f: (
        _("Only %(voters)d of the %(members)d members took part in the dot vote.") % f
    ),
    suggested=("gewichten-plakken-aan-de-themas", "gebruik-instrument-persoonlijke-uitdaging"),
)
def theme_not_supported(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    if facts.dot_vote_voters is None or not facts.members:
        return None
    share = facts.dot_vote_voters / facts.members
    if share >= t["voters_below"]:
        return None
    return Finding(
        Severity.WARNING,
        {"voters": facts.dot_vote_voters, "members": facts.members},
        1 - share,
        facts.today,
    )


def _prerequisite_evidence(f: dict[str, Any]) -> str:
    if f.get("missing"):
        return (
            ngettext(
                "%(missing)d prerequisite is not recorded.",
                "%(missing)d prerequisites are not recorded.",
                f["missing"],
            )
            % f
        )
    return _("No manager has committed to the network.")


@rule(
    key="prerequisite_missing",
    name=gettext_lazy("A prerequisite is missing"),
    evidence=_prerequisite_evidence,
    suggested=("commitment-management-en-directie", "afstemmen-met-managers"),
)
def prerequisite_missing(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    if not facts.phase:
        return None  # before the start the network page lists them already
    if facts.missing_prerequisites:
        return Finding(Severity.ALERT, {"missing": facts.missing_prerequisites}, 1.0, facts.today)
    if not facts.manager_commitments:
        return Finding(Severity.WARNING, {"missing": 0}, 0.5, facts.today)
    return None


@rule(
    key="no_meeting_planned",
    name=gettext_lazy("No meeting planned"),
    evidence=lambda f: (
        _("The last meeting was %(weeks)d weeks ago and no next one is planned.") % f
    ),
)
def no_meeting_planned(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    if not facts.phase or facts.upcoming or facts.phase == Phase.ANCHORING:
        return None
    # Counted from the meeting's day where it happens: a meeting that runs past midnight, or one
    # late in the evening read in UTC, would otherwise move a day and change the week count.
    last = _day(facts.held[-1]) if facts.held else None
    begun = last or (
        timezone.localdate(facts.cycle_started) if facts.cycle_started else facts.today
    )
    weeks = (facts.today - begun).days // 7
    if weeks < t["weeks"]:
        return None
    return Finding(
        Severity.ALERT if weeks >= 2 * t["weeks"] else Severity.WARNING,
        {"weeks": weeks},
        weeks,
        begun + timedelta(weeks=int(t["weeks"])),
    )


@rule(
    key="barometer_low",
    name=gettext_lazy("Low Netwerkbarometer score"),
    evidence=lambda f: (
        _("In the latest Netwerkbarometer the members rated %(dimension)s %(average)s out of 5.")
        % f
    ),
    suggested=("kritische-reflectie", "netwerkbarometer"),
)
def barometer_low(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    if facts.barometer_lowest is None:
        return None
    dimension, average = facts.barometer_lowest
    if average >= t["below"]:
        return None
    return Finding(
        Severity.WARNING,
        {"dimension": dimension, "average": f"{average:.1f}"},
        t["below"] - average,
        facts.today,
    )


def _moved_on_evidence(f: dict[str, Any]) -> str:
    return ngettext(
        "Moved on to %(phase)s with %(count)d question of %(previous)s still open: %(titles)s.",
        "Moved on to %(phase)s with %(count)d questions of %(previous)s still open: %(titles)s.",
        f["count"],
    ) % {
        **f,
        "phase": Phase(f["phase"]).label,
        "previous": Phase(f["previous"]).label,
        "titles": "; ".join(f["titles"]),
    }


@rule(
    key="moved_on_with_open_questions",
    name=gettext_lazy("Moved on with open questions"),
    evidence=_moved_on_evidence,
)
def moved_on_with_open_questions(facts: NetworkFacts, t: dict[str, float]) -> Finding | None:
    if facts.last_move is None:
        return None
    previous, phase, day, open_questions = facts.last_move
    # Only while the network is still in the phase it moved on to, and only forward moves.
    if not open_questions or not previous or phase != facts.phase:
        return None
    if Phase(phase).number < Phase(previous).number:
        return None
    return Finding(
        Severity.WARNING if len(open_questions) >= t["warning_from"] else Severity.INFO,
        {
            "phase": phase,
            "previous": previous,
            "count": len(open_questions),
            "titles": open_questions,
        },
        len(open_questions),
        day,
    )


def evaluate(facts: NetworkFacts) -> dict[str, Finding]:
    """Every rule that fires for this network, by rule key."""
    found = {}
    for key, r in RULES.items():
        finding = r.check(facts, facts.thresholds.get(key, {}))
        if finding is not None:
            found[key] = finding
    return found
