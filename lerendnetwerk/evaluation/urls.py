"""Evaluating: after each meeting, the critical reflection, the cycle's evaluation with look-ahead
and learning gains (Inbedding).
"""

from django.urls import path

from . import views

app_name = "evaluation"

urlpatterns = [
    path("bijeenkomsten/<int:pk>/evaluatie/", views.meeting_results, name="meeting"),
    path(
        "bijeenkomsten/<int:pk>/evaluatie/invullen/",
        views.meeting_evaluate,
        name="meeting_evaluate",
    ),
    path(
        "bijeenkomsten/<int:pk>/evaluatie/uitnodigen/",
        views.meeting_request,
        name="meeting_request",
    ),
    path("netwerken/<slug:slug>/evaluatie/", views.cycle, name="cycle"),
    path(
        "netwerken/<slug:slug>/evaluatie/gezamenlijk-leerdoel/",
        views.goal_outcome,
        name="goal_outcome",
    ),
    path("netwerken/<slug:slug>/evaluatie/mijn-uitdaging/", views.my_outcome, name="my_outcome"),
    path("netwerken/<slug:slug>/evaluatie/kijk-vooruit/", views.look_ahead, name="look_ahead"),
    path(
        "netwerken/<slug:slug>/evaluatie/kijk-vooruit/voorstellen/",
        views.look_ahead_proposals,
        name="look_ahead_proposals",
    ),
    path("netwerken/<slug:slug>/evaluatie/leerwinst/nieuw/", views.gain_create, name="gain_create"),
    path(
        "netwerken/<slug:slug>/kritische-reflectie/nieuw/",
        views.reflection_start,
        name="reflection_start",
    ),
    path(
        "netwerken/<slug:slug>/kritische-reflectie/<int:pk>/",
        views.reflection,
        name="reflection",
    ),
    path("mijn-leerwinst/", views.mine, name="mine"),
    path("mijn-leerwinst/<int:pk>/bewerken/", views.gain_edit, name="gain_edit"),
]
