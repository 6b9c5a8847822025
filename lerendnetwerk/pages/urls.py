from django.urls import path

from .views import manager, network, personal, phase

app_name = "pages"
urlpatterns = [
    path("", personal.home, name="home"),
    path("mijn-pagina/", personal.dashboard, name="dashboard"),
    path("mijn-pagina/uitnodigingen/", personal.invitations, name="invitations"),
    path("mijn-pagina/organisatie/", manager.manager, name="manager"),
    path("status/", personal.status, name="status"),
    # The network's own pages (members, phases, ...) are in networks/urls.py, included first.
    path("netwerken/<slug:slug>/", network.network_home, name="network"),
    path("netwerken/<slug:slug>/fase/", phase.network_phase, name="network_phase"),
]
