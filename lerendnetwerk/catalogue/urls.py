from django.urls import path

from . import views, views_editing

app_name = "catalogue"
# A region's own entries, for its coordinators; before the phase pages, whose two slugs would
# otherwise take "gemeente/<region>/".
REGION = "gemeente/<slug:region_slug>/"
urlpatterns = [
    path(REGION, views_editing.region_entries, name="region_entries"),
    path(f"{REGION}nieuw/", views_editing.region_entry_add, name="region_entry_add"),
    path(f"{REGION}<int:pk>/wijzigen/", views_editing.region_entry_edit, name="region_entry_edit"),
    path(
        f"{REGION}<int:pk>/verwijderen/",
        views_editing.region_entry_delete,
        name="region_entry_delete",
    ),
    path("", views.catalogue_index, name="index"),
    path("<slug:stage_slug>/", views.catalogue_stage, name="stage"),
    path("<slug:stage_slug>/<slug:entry_slug>/", views.catalogue_entry, name="entry"),
]
