from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("netwerken/<slug:slug>/bijeenkomsten/", views.network_meetings, name="network"),
    path("netwerken/<slug:slug>/bijeenkomsten/nieuw/", views.meeting_schedule, name="schedule"),
    path("bijeenkomsten/<int:pk>/", views.meeting_detail, name="detail"),
    path("bijeenkomsten/<int:pk>/bijeenkomst.ics", views.meeting_calendar_file, name="ics"),
    path("bijeenkomsten/<int:pk>/wijzigen/", views.meeting_edit, name="edit"),
    path("bijeenkomsten/<int:pk>/annuleren/", views.meeting_cancel, name="cancel"),
    path(
        "bijeenkomsten/<int:pk>/uitnodigen/",
        views.meeting_send_invitations,
        name="send_invitations",
    ),
    path("bijeenkomsten/<int:pk>/agenda/", views.meeting_agenda, name="agenda"),
    path(
        "bijeenkomsten/<int:pk>/agenda/<int:item_id>/verwijderen/",
        views.agenda_item_remove,
        name="agenda_remove",
    ),
    path(
        "bijeenkomsten/<int:pk>/agenda/<int:item_id>/verplaatsen/",
        views.agenda_item_move,
        name="agenda_move",
    ),
    path("bijeenkomsten/<int:pk>/voorbereiding/", views.meeting_preparers, name="preparers"),
    path("bijeenkomsten/<int:pk>/antwoord/", views.meeting_answer, name="answer"),
    path("bijeenkomsten/<int:pk>/aanwezigheid/", views.meeting_attendance, name="attendance"),
    path(
        "bijeenkomsten/antwoord/<str:token>/", views.meeting_answer_by_link, name="answer_by_link"
    ),
    path("mijn-bijeenkomsten/", views.my_meetings, name="mine"),
    path("mijn-bijeenkomsten/agenda/", views.calendar_feed_settings, name="calendar"),
    path("agenda/<str:token>.ics", views.calendar_feed, name="feed"),
]
