from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    """The shared library of films, articles, methods and websites (Resource), tagged with phases,
    catalogue entries and themes; curated by the region's coordinators, suggested by facilitators.
    """

    name = "lerendnetwerk.resources"

    def ready(self) -> None:
        from lerendnetwerk.catalogue import related as catalogue_related

        from . import invalidation, related

        invalidation.connect()

        catalogue_related.register(
            catalogue_related.Provider(
                key="resources",
                heading=_("Films and resources"),
                for_entry=related.for_entry,
                for_stage=related.for_stage,
            )
        )
