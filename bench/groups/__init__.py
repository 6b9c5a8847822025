"""Benchmark of the rotating-groups planner; see README.md."""
