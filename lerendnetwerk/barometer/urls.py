from django.urls import path

from . import views, views_questionnaire

QUESTIONNAIRE = "coordinatie/<slug:region_slug>/netwerkbarometer/vragenlijst/"
VERSION = f"{QUESTIONNAIRE}<int:pk>/"
QUESTION = f"{VERSION}vragen/<int:question_id>/"

app_name = "barometer"
urlpatterns = [
    path("netwerken/<slug:slug>/netwerkbarometer/", views.network_barometer, name="network"),
    path("netwerken/<slug:slug>/netwerkbarometer/nieuw/", views.round_open, name="open"),
    path(
        "netwerken/<slug:slug>/netwerkbarometer/<int:pk>/invullen/",
        views.round_answer,
        name="answer",
    ),
    path(
        "netwerken/<slug:slug>/netwerkbarometer/<int:pk>/sluiten/",
        views.round_close,
        name="close",
    ),
    path(
        "netwerken/<slug:slug>/netwerkbarometer/<int:pk>/uitslag/",
        views.round_results_page,
        name="results",
    ),
    path(
        "netwerken/<slug:slug>/netwerkbarometer/<int:pk>/uitslag/afdrukken/",
        views.round_print,
        name="print",
    ),
    path("mijn-netwerkbarometer/", views.my_barometer, name="mine"),
    path("coordinatie/netwerkbarometer/", views.region_barometer, name="region"),
    # The region's questionnaire, for its coordinators.
    path(QUESTIONNAIRE, views_questionnaire.questionnaires, name="questionnaires"),
    path(f"{QUESTIONNAIRE}nieuw/", views_questionnaire.questionnaire_new, name="questionnaire_new"),
    path(VERSION, views_questionnaire.questionnaire, name="questionnaire"),
    path(f"{VERSION}wijzigen/", views_questionnaire.questionnaire_edit, name="questionnaire_edit"),
    path(
        f"{VERSION}publiceren/",
        views_questionnaire.questionnaire_publish,
        name="questionnaire_publish",
    ),
    path(
        f"{VERSION}weggooien/",
        views_questionnaire.questionnaire_discard,
        name="questionnaire_discard",
    ),
    path(f"{VERSION}vragen/nieuw/", views_questionnaire.question_add, name="question_add"),
    path(
        f"{VERSION}vragen/terugzetten/",
        views_questionnaire.question_restore,
        name="question_restore",
    ),
    path(QUESTION, views_questionnaire.question_edit, name="question_edit"),
    path(f"{QUESTION}verplaatsen/", views_questionnaire.question_move, name="question_move"),
    path(f"{QUESTION}verwijderen/", views_questionnaire.question_remove, name="question_remove"),
]
