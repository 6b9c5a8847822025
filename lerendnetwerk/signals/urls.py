from django.urls import URLPattern, URLResolver

app_name = "signals"
# The network's signals (views/network.py) and the region's health (views/region.py).
urlpatterns: list[URLPattern | URLResolver] = []
