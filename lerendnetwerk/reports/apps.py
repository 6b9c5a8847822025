from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Reports: a network's cycle report and a region's annual report, as a page, a PDF and CSV."""

    name = "lerendnetwerk.reports"

    def ready(self) -> None:
        from lerendnetwerk.networks import manager_panels, sections
        from lerendnetwerk.networks.manager_panels import ManagerPanel
        from lerendnetwerk.networks.sections import Section

        from . import panels
        from .parts import register_all

        register_all()
        sections.register(
            Section(
                key="reports",
                label=_("Reports"),
                url_name="reports:network",
                order=80,
                permission="reports.view_cycle_report",
            )
        )
        manager_panels.register(ManagerPanel(key="reports", order=80, render=panels.manager_panel))
