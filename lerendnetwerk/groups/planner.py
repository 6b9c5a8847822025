"""The planner's public face for the groups app: see the `planning` package."""

from .planning import PlanningError, Problem, Schedule, Score, plan, score, validate

__all__ = ["PlanningError", "Problem", "Schedule", "Score", "plan", "score", "validate"]
