from django.urls import URLPattern, URLResolver, path

from .views import region

app_name = "signals"
# The network's signals (views/network.py) and the region's health (views/region.py).
urlpatterns: list[URLPattern | URLResolver] = []

urlpatterns += [
    path("coordinatie/signalen/", region.region, name="region"),
    path(
        "mijn-pagina/signalen-overzicht/",
        region.digest_settings,
        name="digest_settings",
    ),
]
