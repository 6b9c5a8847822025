from django.urls import URLPattern, URLResolver, path

from .views import network, region

app_name = "signals"
urlpatterns: list[URLPattern | URLResolver] = [
    # A network's signals, for its facilitator (acts) and the region's coordinators (reads).
    path("netwerken/<slug:slug>/signalen/", network.network_signals, name="network"),
    path(
        "netwerken/<slug:slug>/signalen/<int:pk>/gezien/",
        network.signal_acknowledge,
        name="acknowledge",
    ),
    path(
        "netwerken/<slug:slug>/signalen/<int:pk>/op-de-agenda/",
        network.signal_work_form_schedule,
        name="schedule",
    ),
    # The region's health and the weekly digest, for coordinators.
    path("coordinatie/signalen/", region.region, name="region"),
    path("mijn-pagina/signalen-overzicht/", region.digest_settings, name="digest_settings"),
]
