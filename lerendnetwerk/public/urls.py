from django.urls import path

from . import views

app_name = "public"

urlpatterns = [
    path("wijkoverzicht/", views.overview, name="overview"),
    path("wijkoverzicht/<slug:region_slug>/", views.region, name="region"),
    path("wijkoverzicht/<slug:region_slug>/<slug:slug>/", views.network, name="network"),
    # Outside wijkoverzicht/<region>/, where a network's slug could be the same word.
    path("themas/<slug:region_slug>/", views.themes, name="themes"),
    path("goede-praktijk/<slug:region_slug>/", views.good_practice, name="good_practice"),
]
