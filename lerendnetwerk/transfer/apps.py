from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransferConfig(AppConfig):
    """Passing the learning on and anchoring it in the member organisations: transfer plans, the
    relay, anchoring agreements (Inbedding, Verankering).
    """

    name = "lerendnetwerk.transfer"

    def ready(self) -> None:
        from lerendnetwerk.networks import manager_panels, report_parts, sections

        from . import panel, report

        sections.register(
            sections.Section(
                key="transfer",
                label=_("Pass on and anchor"),
                url_name="transfer:overview",
                order=57,
                permission="transfer.view_transfer",
            )
        )
        manager_panels.register(
            manager_panels.ManagerPanel(
                key="transfer", order=40, render=panel.render, waiting=panel.waiting
            )
        )
        report_parts.register(
            report_parts.ReportPart(
                key="transfer",
                title=_("Pass on and anchor"),
                order=60,
                cycle_html=report.cycle_html,
                cycle_figures=report.cycle_figures,
                region_html=report.region_html,
                region_figures=report.region_figures,
            )
        )
