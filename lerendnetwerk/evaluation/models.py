"""Evaluating: after each meeting, the critical reflection, the cycle's evaluation with look-ahead
and learning gains (Inbedding).
"""
