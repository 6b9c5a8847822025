from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("zoeken/<slug:region_slug>/", views.results, name="results"),
]
