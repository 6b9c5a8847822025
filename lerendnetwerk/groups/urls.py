from django.urls import path

from . import views

app_name = "groups"
urlpatterns = [
    path("netwerken/<slug:slug>/groepen/", views.groups_overview, name="overview"),
    path("netwerken/<slug:slug>/groepen/maatjes/", views.buddies_edit, name="buddies"),
    path("netwerken/<slug:slug>/groepen/nieuw/", views.rotation_create, name="rotation_create"),
    path("netwerken/<slug:slug>/groepen/<int:pk>/", views.rotation_detail, name="rotation"),
    path(
        "netwerken/<slug:slug>/groepen/<int:pk>/opnieuw/",
        views.rotation_replan,
        name="rotation_replan",
    ),
    path("netwerken/<slug:slug>/groepen/<int:pk>/kaarten/", views.rotation_cards, name="cards"),
]
