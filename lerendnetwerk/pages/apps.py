from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "lerendnetwerk.pages"

    def ready(self) -> None:
        from lerendnetwerk.networks import sections
        from lerendnetwerk.networks.sections import Section

        sections.register(
            Section(
                key="detail",
                label=_("Overview"),
                url_name="pages:network",
                order=10,
                permission="networks.view_network",
                in_facilitators_network=True,
            )
        )
