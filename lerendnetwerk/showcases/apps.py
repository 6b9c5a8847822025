from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ShowcasesConfig(AppConfig):
    """A network's products and good practice: files and links with consent, published on the
    network's public page when the network chooses.
    """

    name = "lerendnetwerk.showcases"

    def ready(self) -> None:
        from lerendnetwerk.networks import report_parts, sections
        from lerendnetwerk.networks.report_parts import ReportPart
        from lerendnetwerk.networks.sections import Section

        from . import reporting

        sections.register(
            Section(
                key="showcases",
                label=pgettext_lazy("showcases", "Results"),
                url_name="showcases:list",
                order=58,
                permission="showcases.view_showcases",
            )
        )
        report_parts.register(
            ReportPart(
                key="showcases",
                title=_("Results and good practice"),
                order=80,
                cycle_html=reporting.cycle_html,
                cycle_figures=reporting.cycle_figures,
                region_html=reporting.region_html,
                region_figures=reporting.region_figures,
            )
        )
