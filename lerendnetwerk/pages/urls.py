from django.urls import path

from .views import network, personal, phase

app_name = "pages"
urlpatterns = [
    path("", personal.home, name="home"),
    path("mijn-pagina/", personal.dashboard, name="dashboard"),
    path("mijn-pagina/uitnodigingen/", personal.invitations, name="invitations"),
    path("status/", personal.status, name="status"),
    # The network's own pages (members, phases, ...) are in networks/urls.py, included first.
    path("netwerken/<slug:slug>/", network.network_home, name="network"),
    path("netwerken/<slug:slug>/fase/", phase.network_phase, name="network_phase"),
]
