from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("mijn-pagina/", views.dashboard, name="dashboard"),
    path("status/", views.status, name="status"),
]
