from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("meldingen/", views.notification_list, name="list"),
    path("meldingen/<int:pk>/", views.notification_open, name="open"),
    path("meldingen/gelezen/", views.mark_read, name="mark_read"),
    path("meldingen/voorkeuren/", views.preferences, name="preferences"),
]
