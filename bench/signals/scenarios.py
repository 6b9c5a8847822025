"""Healthy and troubled networks, written from the Handreiking's pitfalls ("Valkuilen en tips").

Each scenario says which pitfalls (rule keys) a facilitator who knows the Handreiking would
recognise in it; the benchmark checks what the rules find. People: 0 is the facilitator, 1 and
up the participants (ten by default). The healthy default meets every three weeks, members lead
two active work forms of each agenda, questions and ideas come from many participants, the
shared goal is set and the learning agenda is worked on (see `builder.Scenario`).
"""

from dataclasses import replace
from typing import Any

from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.signals.tests.builder import GOOD_AGENDA, Held, Item, Scenario

H = Scenario("healthy")
WEEKS = (12, 9, 6, 3)


def every(
    agenda: tuple[Item, ...], weeks: tuple[float, ...] = WEEKS, **kw: Any
) -> tuple[Held, ...]:
    return tuple(Held(w, agenda, **kw) for w in weeks)


def s(name: str, description: str, expected: set[str] | None = None, **changes: Any) -> Scenario:
    return replace(
        H, name=name, description=description, expected=frozenset(expected or ()), **changes
    )


LECTURE = (Item(60, "expert", work_form=False), Item(30))
MEETING_STYLE = (
    Item(30, "facilitator", work_form=False),
    Item(30, "member", work_form=False),
    Item(20, "facilitator", work_form=False),
)

SCENARIOS: list[Scenario] = [
    # Healthy, and healthy on the edge of a threshold
    s(
        "gezond-verdieping",
        "Meets every three weeks, members lead work forms, goal and agenda set.",
    ),
    s(
        "gezond-ontwikkeling",
        "Development: participants bring ideas and practice questions to the idea wall.",
        phase=Phase.DEVELOPMENT,
    ),
    s(
        "gezond-verkenning",
        "Just started: one meeting held to get to know each other, the next is planned.",
        phase=Phase.EXPLORATION,
        held=every(GOOD_AGENDA, (2,)),
        proposals=(),
        ideas=(3,),
        questions=(),
        shared_goal=False,
        voters=None,
        barometer=None,
    ),
    s(
        "nog-niet-gestart",
        "Still gathering its prerequisites; nothing to read yet.",
        phase="",
        held=(),
        upcoming=(),
        voters=None,
        barometer=None,
    ),
    s(
        "verankering-zonder-planning",
        "Anchoring: the work is embedded in the organisations, no further meetings needed.",
        phase=Phase.ANCHORING,
        held=every(GOOD_AGENDA, (20, 17, 14, 11)),
        upcoming=(),
    ),
    s(
        "rand-opkomst",
        "Attendance dips a little in the summer: 10, 9 and 8 of 11 (a 20% fall).",
        held=(
            Held(12, GOOD_AGENDA),
            Held(9, GOOD_AGENDA, declined=1),
            Held(6, GOOD_AGENDA, declined=2),
            Held(3, GOOD_AGENDA, declined=3),
        ),
    ),
    s(
        "rand-afmeldingen",
        "Two of eleven send apologies each time (18%), everyone who says yes comes.",
        held=every(GOOD_AGENDA, declined=2),
    ),
    s(
        "rand-expert",
        "An expert opens each meeting with 30 minutes of input, then members work on it.",
        held=every((Item(30, "expert", work_form=False), Item(30), Item(20))),
    ),
    s(
        "rand-kartrekker",
        "The facilitator leads two of three items, members lead the work forms now and then.",
        held=every((Item(30, "facilitator"), Item(30, "facilitator", work_form=False), Item(30))),
    ),
    s(
        "rand-stickers",
        "Six of eleven took part in the dot vote.",
        voters=6,
    ),
    s(
        "rand-barometer",
        "The Netwerkbarometer is lukewarm: 3 on every statement.",
        barometer=(3,),
    ),
    s(
        "klein-netwerk",
        "A small network of four that shares everything.",
        participants=3,
        leaders=3,
        proposals=(1, 2),
        ideas=(1, 3),
        questions=(2, 3),
        voters=4,
        barometer=None,
    ),
    # Wat als aanvankelijk enthousiaste deelnemers afhaken?
    s(
        "afhakers-opkomst",
        "Enthusiastic start, then fewer come each time: 10, 8, 6, 5 of 11.",
        {"drop_outs"},
        held=(
            Held(12, GOOD_AGENDA, declined=1),
            Held(9, GOOD_AGENDA, silent=3),
            Held(6, GOOD_AGENDA, silent=5),
            Held(3, GOOD_AGENDA, silent=6),
        ),
    ),
    s(
        "afhakers-opgezegd",
        "Three members stopped this month; the others still come.",
        {"drop_outs"},
        left=3,
    ),
    s(
        "afhakers-stil",
        "Members stop answering the invitations and stay away: 11, 9, 7 of 11.",
        {"drop_outs"},
        held=(
            Held(9, GOOD_AGENDA),
            Held(6, GOOD_AGENDA, silent=2),
            Held(3, GOOD_AGENDA, silent=4),
        ),
    ),
    # Wat als mensen afzeggen voor bijeenkomsten?
    s(
        "afzeggers",
        "Four of eleven send apologies every time, the same four.",
        {"cancellations"},
        held=every(GOOD_AGENDA, declined=4),
    ),
    s(
        "ja-maar-niet-komen",
        "People say yes and then do not come: three no-shows each meeting.",
        {"cancellations"},
        held=every(GOOD_AGENDA, no_shows=3),
    ),
    s(
        "afzeggers-en-afhakers",
        "More apologies each time, and fewer come: 9, 6, 4 of 11.",
        {"cancellations", "drop_outs"},
        held=(
            Held(9, GOOD_AGENDA, declined=2),
            Held(6, GOOD_AGENDA, declined=5),
            Held(3, GOOD_AGENDA, declined=7),
        ),
    ),
    # Te veel vergadersfeer?
    s(
        "vergadersfeer",
        "Each meeting is a round of news from every organisation and a report; little is done.",
        {"meeting_atmosphere"},
        held=every((Item(60, work_form=False), Item(20))),
    ),
    s(
        "vergadering-van-kartrekker",
        "The facilitator chairs a meeting with announcements, minutes and any other business.",
        {"meeting_atmosphere", "weak_network_attitude"},
        held=every((*MEETING_STYLE, Item(20, "facilitator", work_form=False))),
    ),
    # Er is te weinig tijd
    s(
        "te-volle-agenda",
        "Every agenda holds two and a half hours of work for a two-hour meeting.",
        {"too_little_time"},
        held=every((Item(60), Item(60), Item(30, "facilitator", work_form=False))),
    ),
    s(
        "lange-pauzes",
        "Meetings fall through for months: 14 weeks between the last two.",
        {"too_little_time"},
        held=every(GOOD_AGENDA, (26, 23, 20, 5)),
    ),
    s(
        "korte-bijeenkomsten",
        "An hour after work, with ninety minutes of agenda each time.",
        {"too_little_time"},
        held=every((Item(45), Item(45)), hours=1),
    ),
    # Berijden van stokpaardjes
    s(
        "stokpaardje",
        "One participant proposes the theme, posts the ideas, writes the questions and leads.",
        {"hobby_horses"},
        leaders=1,
        proposals=(1,),
        ideas=(1,),
        questions=(1, 1, 1, 1),
    ),
    s(
        "twee-stemmen",
        "Two members bring everything in; the other nine follow.",
        {"hobby_horses"},
        leaders=2,
        proposals=(1, 2),
        ideas=(1, 2),
        questions=(1, 2, 1),
    ),
    # Onvoldoende netwerkhouding bij deelnemers
    s(
        "kartrekker-doet-alles",
        "Participants expect to be taught: the facilitator leads every work form.",
        {"weak_network_attitude"},
        held=every((Item(40, "facilitator"), Item(40, "facilitator"))),
    ),
    s(
        "kartrekker-leidt-bijna-alles",
        "The facilitator leads four of five items; members lead one now and then.",
        {"weak_network_attitude"},
        held=every((*[Item(20, "facilitator")] * 4, Item(20)), (9, 6, 3)),
    ),
    # De rode draad is onduidelijk
    s(
        "geen-leerdoel",
        "Deepening without a shared learning goal: each meeting goes its own way.",
        {"unclear_common_thread"},
        shared_goal=False,
    ),
    s(
        "leervraag-losgelaten",
        "Embedding: the learning agenda has questions, none was worked on in three meetings.",
        {"unclear_common_thread"},
        phase=Phase.EMBEDDING,
        held=every(GOOD_AGENDA, worked_on=False),
    ),
    # Te grote afhankelijkheid van een Expert
    s(
        "college",
        "An invited expert gives a lecture every meeting; the network became a course.",
        {"expert_dependence"},
        held=every(LECTURE),
    ),
    s(
        "expert-als-spil",
        "The expert leads half of every meeting and answers all questions.",
        {"expert_dependence"},
        held=every((Item(45, "expert", work_form=False), Item(30), Item(15, "facilitator"))),
    ),
    # Praktijkvragen komen niet op tafel (Ontwikkeling)
    s(
        "geen-praktijkvragen",
        "Development: only the facilitator puts ideas and questions on the wall.",
        {"practice_questions_missing"},
        phase=Phase.DEVELOPMENT,
        proposals=(),
        ideas=(0,),
        questions=(0,),
        voters=None,
    ),
    s(
        "lege-ideeenmuur",
        "Development, three meetings in: the idea wall and the learning agenda are empty.",
        {"practice_questions_missing"},
        phase=Phase.DEVELOPMENT,
        held=every(GOOD_AGENDA, (9, 6, 3)),
        proposals=(),
        ideas=(),
        questions=(),
        voters=None,
    ),
    # Het thema is onvoldoende gedragen
    s(
        "thema-van-weinigen",
        "Three of eleven placed stickers; the theme was chosen by a few.",
        {"theme_not_supported"},
        voters=3,
    ),
    s(
        "thema-van-de-helft-min",
        "Five of eleven placed stickers.",
        {"theme_not_supported"},
        voters=5,
    ),
    # Platform: prerequisites, planning, the Netwerkbarometer
    s(
        "geen-tijd-meer",
        "The organisations no longer give the hours: the time prerequisite was withdrawn.",
        {"prerequisite_missing"},
        missing_prerequisite="time",
    ),
    s(
        "manager-weg",
        "The committed manager left; nobody took over the commitment.",
        {"prerequisite_missing"},
        manager_left=True,
    ),
    s(
        "stilgevallen",
        "The last meeting was eight weeks ago and no next one is planned.",
        {"no_meeting_planned"},
        held=every(GOOD_AGENDA, (17, 14, 11, 8)),
        upcoming=(),
    ),
    s(
        "lang-stilgevallen",
        "Nothing planned for four months.",
        {"no_meeting_planned"},
        held=every(GOOD_AGENDA, (26, 23, 20, 17)),
        upcoming=(),
    ),
    s(
        "lage-barometer",
        "The members rate the network 2 out of 5 in the Netwerkbarometer.",
        {"barometer_low"},
        barometer=(2,),
    ),
    s(
        "te-snel-door",
        "Moved on to Deepening with three questions of Development still open.",
        {"moved_on_with_open_questions"},
        open_questions=("Wat is ons thema?", "Wat willen we leren?", "Wie bereidt voor?"),
    ),
    s(
        "een-vraag-open",
        "Moved on with one question still open: shown as information.",
        {"moved_on_with_open_questions"},
        phase=Phase.EMBEDDING,
        open_questions=("Hoe delen we het met de teams?",),
    ),
    s(
        "verdeelde-barometer",
        "Half the members rate it 1, the other half 3.",
        {"barometer_low"},
        barometer=(1, 3),
    ),
]
