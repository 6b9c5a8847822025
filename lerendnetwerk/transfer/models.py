"""Passing the learning on and anchoring it in the member organisations: transfer plans, the relay,
anchoring agreements (Inbedding, Verankering).
"""
