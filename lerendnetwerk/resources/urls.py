from django.urls import path

from . import views, views_curation

app_name = "resources"
LIBRARY = "bibliotheek/<slug:region_slug>/"
urlpatterns = [
    path("bibliotheek/", views.resource_home, name="home"),
    # Before the region's pages, whose slug would otherwise take it.
    path(
        "bibliotheek/mijn-voorstellen/",
        views_curation.resource_suggestions,
        name="suggestions",
    ),
    # Public: the region's library.
    path(LIBRARY, views.resource_index, name="index"),
    path(f"{LIBRARY}<int:pk>/", views.resource_detail, name="detail"),
    path(f"{LIBRARY}<int:pk>/speler/", views.resource_consent, name="consent"),
    path(f"{LIBRARY}<int:pk>/bestand/", views.resource_file, name="file"),
    path(f"{LIBRARY}<int:pk>/ondertiteling/", views.resource_captions, name="captions"),
    # Facilitators suggest; coordinators keep the library.
    path(f"{LIBRARY}voorstellen/", views_curation.resource_suggest, name="suggest"),
    path(f"{LIBRARY}beheer/", views_curation.resource_manage, name="manage"),
    path(f"{LIBRARY}beheer/nieuw/", views_curation.resource_create, name="create"),
    path(f"{LIBRARY}beheer/<int:pk>/", views_curation.resource_edit, name="edit"),
    path(f"{LIBRARY}beheer/<int:pk>/beoordelen/", views_curation.resource_review, name="review"),
    path(f"{LIBRARY}beheer/<int:pk>/verwijderen/", views_curation.resource_delete, name="delete"),
]
