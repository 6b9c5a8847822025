from django.urls import path

from . import public_views, views

app_name = "networks"
urlpatterns = [
    # The district overview and a network's public page are the public site's (public:...);
    # the contact form stays here, beside the network's other writes.
    path(
        "wijkoverzicht/<slug:region_slug>/<slug:slug>/contact/",
        public_views.network_contact,
        name="contact",
    ),
    path("netwerken/", views.network_list, name="list"),
    path("netwerken/nieuw/", views.network_create, name="create"),
    path("netwerken/<slug:slug>/bewerken/", views.network_edit, name="edit"),
    path("netwerken/<slug:slug>/leden/", views.network_members, name="members"),
    path("netwerken/<slug:slug>/uitnodigen/", views.network_invite, name="invite"),
    path(
        "netwerken/<slug:slug>/leden/<int:membership_id>/uitschrijven/",
        views.membership_end,
        name="membership_end",
    ),
    path(
        "netwerken/<slug:slug>/leden/<int:membership_id>/kartrekker/",
        views.membership_make_facilitator,
        name="membership_make_facilitator",
    ),
    path("netwerken/<slug:slug>/verlaten/", views.network_leave, name="leave"),
    path(
        "netwerken/<slug:slug>/randvoorwaarden/",
        views.network_prerequisites,
        name="prerequisites",
    ),
    path(
        "netwerken/<slug:slug>/randvoorwaarden/management/toevoegen/",
        views.manager_commitment_add,
        name="commitment_add",
    ),
    path(
        "netwerken/<slug:slug>/randvoorwaarden/management/bevestigen/",
        views.commitment_confirm,
        name="commitment_confirm",
    ),
    path(
        "netwerken/<slug:slug>/randvoorwaarden/management/manager-uitnodigen/",
        views.manager_invite,
        name="manager_invite",
    ),
    path(
        "netwerken/<slug:slug>/randvoorwaarden/<slug:kind_slug>/",
        views.prerequisite_record,
        name="prerequisite",
    ),
    # The phase move (netwerken/<slug>/fase/) is pages:network_phase: it shows the guidance.
    path("netwerken/<slug:slug>/doorstart/", views.network_new_cycle, name="new_cycle"),
    path("coordinatie/", views.coordination, name="coordination"),
    path(
        "coordinatie/kartrekkersnetwerk/",
        views.facilitators_network_create,
        name="facilitators_create",
    ),
    path(
        "netwerken/<slug:slug>/kartrekkers-uitnodigen/",
        views.facilitators_invite,
        name="facilitators_invite",
    ),
    path("uitnodigingen/netwerk/<int:pk>/", views.invitation_answer, name="invitation_answer"),
]
