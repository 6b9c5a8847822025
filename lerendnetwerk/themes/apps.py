from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemesConfig(AppConfig):
    name = "lerendnetwerk.themes"

    def ready(self) -> None:
        from lerendnetwerk.networks import sections
        from lerendnetwerk.networks.sections import Section

        from . import notifications

        notifications.register()

        sections.register(
            Section(
                key="themes",
                label=_("Theme"),
                url_name="themes:overview",
                order=20,
                permission="themes.view_themes",
            )
        )
