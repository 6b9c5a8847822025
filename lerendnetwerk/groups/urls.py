from django.urls import path

from . import mentoring_views, views

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
    # Mentors and peer consultation among facilitators: not a network's page, the person's own.
    path("kartrekkers/", mentoring_views.mentoring, name="mentoring"),
    path(
        "kartrekkers/mentor-koppelen/", mentoring_views.mentorship_create, name="mentorship_create"
    ),
    path(
        "kartrekkers/koppelingen/<int:pk>/beeindigen/",
        mentoring_views.mentorship_end,
        name="mentorship_end",
    ),
    path(
        "kartrekkers/intervisie/nieuw/", mentoring_views.consultation_plan, name="consultation_plan"
    ),
    path(
        "kartrekkers/intervisie/<int:pk>/", mentoring_views.consultation_detail, name="consultation"
    ),
    path(
        "kartrekkers/intervisie/<int:pk>/casus/",
        mentoring_views.consultation_case,
        name="consultation_case",
    ),
    path(
        "kartrekkers/intervisie/<int:pk>/na-afloop/",
        mentoring_views.consultation_afterwards,
        name="consultation_afterwards",
    ),
    path(
        "kartrekkers/intervisie/<int:pk>/afzeggen/",
        mentoring_views.consultation_cancel,
        name="consultation_cancel",
    ),
]
