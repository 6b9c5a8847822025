from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Reports: a network's cycle report and a region's annual report, as a page, a PDF and CSV."""

    name = "lerendnetwerk.reports"
