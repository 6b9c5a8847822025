from django.apps import AppConfig


class PublicConfig(AppConfig):
    """The public site that composes the feature apps: district overview with filters and map,
    the themes page, the good-practice overview.
    """

    name = "lerendnetwerk.public"
