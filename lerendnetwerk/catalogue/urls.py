from django.urls import path

from . import views

app_name = "catalogue"
urlpatterns = [
    path("", views.catalogue_index, name="index"),
    path("<slug:stage_slug>/", views.catalogue_stage, name="stage"),
    path("<slug:stage_slug>/<slug:entry_slug>/", views.catalogue_entry, name="entry"),
]
