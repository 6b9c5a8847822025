"""Reads of people, for the apps above."""

from django.db.models import QuerySet

from lerendnetwerk.regions.models import Region

from .models import User


def managers_in_region(*, region: Region | int) -> QuerySet[User]:
    """Managers whose organisation lies in the region, by name, with their organisation."""
    return (
        User.objects.filter(is_manager=True, organisation__district__region=region)
        .select_related("organisation")
        .order_by("name")
    )


def regions_coordinated_by(*, user: User) -> QuerySet[Region]:
    return user.coordinator_of.order_by("name")
