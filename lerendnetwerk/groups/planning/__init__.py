"""The rotating-groups planner: a social golfer solver with the platform's wishes.

`plan(problem)` returns groups for every meeting. How it works, in order:

1. algebra where design theory has an answer (constructions.py: round-robin for pairs, affine
   geometry over finite fields, cyclic transversal designs) or a stored design for a few tight
   shapes (designs.py), with a few points left out when the number of people is no multiple
   of the group size; people are then renamed to honour wishes and mixing (search.relabel);
2. otherwise a greedy start (Triska & Musliu 2012) and tabu search over swaps within a meeting
   (Dotú & Van Hentenryck 2005), with the cost of every swap from incremental pair tables
   (engine.py).

Why this and not a constraint solver, with measurements: bench/groups/README.md and RESULTS.md.
Pure Python, no Django: the groups services (`groups/services/`) map members to numbers and back.
"""

from .problem import PlanningError, Problem, Schedule
from .scoring import Score, score, validate
from .solve import plan

__all__ = ["PlanningError", "Problem", "Schedule", "Score", "plan", "score", "validate"]
