from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("", views.export, name="export"),
    path("download/", views.export_download, name="export_download"),
    path("account-verwijderen/", views.erasure, name="erasure"),
    path("verwijderen-annuleren/<str:token>/", views.erasure_cancel, name="erasure_cancel"),
]
