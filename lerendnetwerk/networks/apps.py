from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "lerendnetwerk.networks"

    def ready(self) -> None:
        from lerendnetwerk.accounts import backends, profile

        from . import manager_panels, rules, scopes, sections, views
        from .sections import Section

        scopes.connect()
        backends.register_preload(rules.preload_roles)
        profile.register(profile.Panel(key="networks", order=10, render=views.profile_panel))

        # The commitments are on the manager's page itself; the panel counts the waiting ones.
        manager_panels.register(
            manager_panels.ManagerPanel(
                key="commitments",
                order=0,
                render=views.commitments_panel,
                waiting=views.commitments_waiting,
            )
        )
        sections.register(
            Section(
                key="members",
                label=_("Members"),
                url_name="networks:members",
                order=60,
                permission="networks.view_network",
                in_facilitators_network=True,
            )
        )
        sections.register(
            Section(
                key="prerequisites",
                label=_("Prerequisites"),
                url_name="networks:prerequisites",
                order=70,
                permission="networks.view_network",
            )
        )
