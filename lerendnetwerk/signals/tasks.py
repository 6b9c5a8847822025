from django.tasks import task

from .services import signals_compute


@task()
def signals_refresh(*, network_id: int) -> int:
    """Recompute one network's signals after its data changed; returns how many are current."""
    return signals_compute(network_ids=[network_id]).current
