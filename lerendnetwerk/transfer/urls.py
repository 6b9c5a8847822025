from django.urls import path

from . import views

app_name = "transfer"
BASE = "netwerken/<slug:slug>/doorgeven-en-borgen/"
ORGANISATION = f"{BASE}<int:organisation_id>/"
urlpatterns = [
    path(BASE, views.overview, name="overview"),
    path(ORGANISATION, views.organisation, name="organisation"),
    path(f"{ORGANISATION}plan/", views.plan_edit, name="plan_edit"),
    path(f"{ORGANISATION}teamagenda/", views.item_add, name="item_add"),
    path(f"{ORGANISATION}teamagenda/<int:pk>/verwijderen/", views.item_remove, name="item_remove"),
    path(f"{ORGANISATION}estafette/nieuw/", views.relay_add, name="relay_add"),
    path(f"{ORGANISATION}estafette/<int:pk>/", views.relay_edit, name="relay_edit"),
    path(f"{ORGANISATION}borging/nieuw/", views.agreement_propose, name="agreement_propose"),
    path(f"{BASE}borging/<int:pk>/", views.agreement_edit, name="agreement_edit"),
    path(f"{BASE}borging/<int:pk>/antwoord/", views.agreement_answer, name="agreement_answer"),
]
