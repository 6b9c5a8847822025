from django.urls import path

from . import views

app_name = "barometer"
urlpatterns = [
    path("netwerken/<slug:slug>/netwerkbarometer/", views.network_barometer, name="network"),
    path("netwerken/<slug:slug>/netwerkbarometer/nieuw/", views.round_open, name="open"),
    path(
        "netwerken/<slug:slug>/netwerkbarometer/<int:pk>/invullen/",
        views.round_answer,
        name="answer",
    ),
    path(
        "netwerken/<slug:slug>/netwerkbarometer/<int:pk>/sluiten/",
        views.round_close,
        name="close",
    ),
    path(
        "netwerken/<slug:slug>/netwerkbarometer/<int:pk>/uitslag/",
        views.round_results_page,
        name="results",
    ),
    path(
        "netwerken/<slug:slug>/netwerkbarometer/<int:pk>/uitslag/afdrukken/",
        views.round_print,
        name="print",
    ),
    path("mijn-netwerkbarometer/", views.my_barometer, name="mine"),
    path("coordinatie/netwerkbarometer/", views.region_barometer, name="region"),
]
