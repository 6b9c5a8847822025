from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "lerendnetwerk.groups"

    def ready(self) -> None:
        from lerendnetwerk.networks import leaving, sections
        from lerendnetwerk.networks.sections import Section

        from . import notifications
        from .services import buddies_leave

        notifications.register()

        leaving.register("groups.buddies", buddies_leave)

        sections.register(
            Section(
                key="groups",
                label=_("Buddies and groups"),
                url_name="groups:overview",
                order=40,
                permission="groups.view_groups",
                in_facilitators_network=True,
            )
        )
