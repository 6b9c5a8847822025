from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    """Evaluating: after each meeting, the critical reflection, the cycle's evaluation with look-
    ahead and learning gains (Inbedding).
    """

    name = "lerendnetwerk.evaluation"

    def ready(self) -> None:
        from lerendnetwerk.networks import manager_panels, report_parts, sections

        from . import report, views

        sections.register(
            sections.Section(
                key="evaluation",
                label=_("Evaluation"),
                url_name="evaluation:cycle",
                order=58,
                permission="evaluation.view_cycle",
            )
        )
        manager_panels.register(
            manager_panels.ManagerPanel(
                key="evaluation", order=30, render=views.manager_panel, waiting=report.no_waiting
            )
        )
        report_parts.register(
            report_parts.ReportPart(
                key="evaluation",
                title=_("Evaluation"),
                order=60,
                cycle_html=report.cycle_html,
                cycle_figures=report.cycle_figures,
                region_html=report.region_html,
                region_figures=report.region_figures,
            )
        )
