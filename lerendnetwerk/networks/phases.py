"""The five phases as one table of allowed moves.

A cycle moves forward one phase at a time; the facilitator may step back one phase with a reason.
An empty phase means the cycle has not started: the prerequisites come first.
"""

from lerendnetwerk.catalogue.phase import Phase

NOT_STARTED = ""
ORDER: list[str] = [NOT_STARTED, *Phase.values]


def next_phase(current: str) -> str | None:
    index = ORDER.index(current)
    return ORDER[index + 1] if index + 1 < len(ORDER) else None


def previous_phase(current: str) -> str | None:
    index = ORDER.index(current)
    # Stepping back out of the first phase would undo the start; that is not a phase move.
    return ORDER[index - 1] if index > 1 else None


def is_step_back(current: str, target: str) -> bool:
    """Whether moving from `current` to `target` goes back to an earlier phase."""
    return target in ORDER and current in ORDER and ORDER.index(target) < ORDER.index(current)


def tracker(current: str) -> list[tuple[Phase, str]]:
    """Each phase with its state in a cycle that is now in `current`: done, current or todo."""
    number = Phase(current).number if current else 0
    return [
        (
            phase,
            "current" if phase.number == number else "done" if phase.number < number else "todo",
        )
        for phase in Phase
    ]


# (from, to) -> does the move need a reason?
ALLOWED_TRANSITIONS: dict[tuple[str, str], bool] = {}
for _current in ORDER:
    if (_forward := next_phase(_current)) is not None:
        ALLOWED_TRANSITIONS[(_current, _forward)] = False
    if (_back := previous_phase(_current)) is not None:
        ALLOWED_TRANSITIONS[(_current, _back)] = True
