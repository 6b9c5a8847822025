"""Reports: a network's cycle report and a region's annual report, as a page, a PDF and CSV."""

from django.urls import path

from . import views

app_name = "reports"

_cycle = "netwerken/<slug:slug>/rapportage/cyclus-<int:number>/"
_region = "coordinatie/rapportage/<slug:region_slug>/<int:year>/"

urlpatterns = [
    path("netwerken/<slug:slug>/rapportage/", views.network_reports, name="network"),
    path(_cycle, views.cycle_report, name="cycle"),
    path(f"{_cycle}pdf/", views.cycle_pdf, name="cycle_pdf"),
    path(f"{_cycle}csv/", views.cycle_csv, name="cycle_csv"),
    path("coordinatie/rapportage/", views.region_index, name="index"),
    path(_region, views.region_report, name="region"),
    path(f"{_region}pdf/", views.region_pdf, name="region_pdf"),
    path(f"{_region}csv/", views.region_csv, name="region_csv"),
]
