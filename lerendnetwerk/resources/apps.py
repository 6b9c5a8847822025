from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """The shared library of films, articles, methods and websites (Resource), tagged with phases,
    catalogue entries and themes; curated by the region's coordinators, suggested by facilitators.
    """

    name = "lerendnetwerk.resources"
