from django.urls import path

from . import views

app_name = "showcases"
urlpatterns = [
    path("netwerken/<slug:slug>/resultaten/", views.showcase_list, name="list"),
    path("netwerken/<slug:slug>/resultaten/nieuw/", views.showcase_create, name="create"),
    path("netwerken/<slug:slug>/resultaten/<int:pk>/bewerken/", views.showcase_edit, name="edit"),
    path(
        "netwerken/<slug:slug>/resultaten/<int:pk>/verwijderen/",
        views.showcase_delete,
        name="delete",
    ),
    path(
        "netwerken/<slug:slug>/resultaten/<int:pk>/publiceren/",
        views.showcase_publish,
        name="publish",
    ),
    path(
        "netwerken/<slug:slug>/resultaten/<int:pk>/niet-publiceren/",
        views.showcase_unpublish,
        name="unpublish",
    ),
    path(
        "netwerken/<slug:slug>/resultaten/<int:pk>/bestand/",
        views.showcase_download,
        name="download",
    ),
    path(
        "wijkoverzicht/<slug:region_slug>/<slug:slug>/resultaten/",
        views.showcase_public,
        name="public",
    ),
]
