from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "lerendnetwerk.signals"

    def ready(self) -> None:
        from lerendnetwerk.networks import sections
        from lerendnetwerk.networks.sections import Section

        from . import invalidation

        invalidation.connect()
        sections.register(
            Section(
                key="signals",
                label=_("Signals"),
                url_name="signals:network",
                order=55,
                permission="signals.view_signals",
            )
        )
