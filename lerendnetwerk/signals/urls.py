from django.urls import URLPattern, URLResolver, path

from .views import network

app_name = "signals"
# The network's signals (views/network.py) and the region's health (views/region.py).
urlpatterns: list[URLPattern | URLResolver] = []
urlpatterns += [
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
]
