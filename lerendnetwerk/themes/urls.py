from django.urls import path

from .views import agenda, agreement, framework, goals, ideas, overview, voting

app_name = "themes"
BASE = "netwerken/<slug:slug>/thema/"
FRAMEWORK = "coordinatie/<slug:region_slug>/kwaliteitskader/"
CHAPTER = f"{FRAMEWORK}hoofdstukken/<int:chapter_id>/"
AREA = f"{FRAMEWORK}speerpunten/<int:pk>/"
urlpatterns = [
    path(BASE, overview.overview, name="overview"),
    path(f"{BASE}voorstellen/nieuw/", overview.propose, name="propose"),
    path(f"{BASE}voorstellen/<int:proposal_id>/vaststellen/", overview.adopt, name="adopt"),
    path(f"{BASE}ideeenmuur/", ideas.idea_wall, name="idea_wall"),
    path(f"{BASE}ideeenmuur/<int:idea_id>/haalbaar/", ideas.idea_mark, name="idea_mark"),
    path(f"{BASE}ideeenmuur/<int:idea_id>/reactie/", ideas.idea_comment, name="idea_comment"),
    path(f"{BASE}ideeenmuur/<int:idea_id>/groep/", ideas.idea_group, name="idea_group"),
    path(f"{BASE}ideeenmuur/groepen/nieuw/", ideas.idea_group_new, name="idea_group_new"),
    path(f"{BASE}ideeenmuur/groepen/hernoemen/", ideas.idea_group_rename, name="idea_group_rename"),
    path(
        f"{BASE}ideeenmuur/<int:idea_id>/voorstel/",
        ideas.idea_to_proposal,
        name="idea_to_proposal",
    ),
    path(f"{BASE}stemronde/nieuw/", voting.vote_open, name="vote_open"),
    path(f"{BASE}stemronde/<int:pk>/", voting.vote, name="vote"),
    path(f"{BASE}stemronde/<int:pk>/stickers/", voting.vote_place, name="vote_place"),
    path(f"{BASE}stemronde/<int:pk>/sluiten/", voting.vote_close, name="vote_close"),
    path(f"{BASE}leerdoelen/", goals.goals, name="goals"),
    path(f"{BASE}leerdoelen/reactie/", goals.goal_comment, name="goal_comment"),
    path(f"{BASE}leerdoelen/gezamenlijk/", goals.shared_goal_edit, name="shared_goal_edit"),
    path(f"{BASE}mijn-uitdaging/", goals.my_challenge, name="my_challenge"),
    path(f"{BASE}uitdagingen/<int:pk>/", goals.challenge, name="challenge"),
    path(f"{BASE}leeragenda/", agenda.agenda, name="agenda"),
    path(
        f"{BASE}leeragenda/<int:question_id>/verplaatsen/", agenda.agenda_move, name="agenda_move"
    ),
    path(
        f"{BASE}leeragenda/<int:question_id>/verwijderen/",
        agenda.agenda_remove,
        name="agenda_remove",
    ),
    path(
        f"{BASE}leeragenda/bijeenkomsten/<int:meeting_id>/",
        agenda.agenda_meeting,
        name="agenda_meeting",
    ),
    path(f"{BASE}contract/", agreement.agreement, name="agreement"),
    path(f"{BASE}contract/voorstel/", agreement.agreement_suggest, name="agreement_suggest"),
    path(f"{BASE}contract/akkoord/", agreement.agreement_acknowledge, name="agreement_acknowledge"),
    path(f"{BASE}contract/nieuwe-versie/", agreement.agreement_publish, name="agreement_publish"),
    # A region's quality framework, for its coordinators.
    path(FRAMEWORK, framework.framework, name="framework"),
    path(f"{FRAMEWORK}kopie/", framework.framework_copy, name="framework_copy"),
    path(f"{FRAMEWORK}hoofdstukken/nieuw/", framework.chapter_add, name="chapter_add"),
    path(CHAPTER, framework.chapter_edit, name="chapter_edit"),
    path(f"{CHAPTER}verplaatsen/", framework.chapter_move, name="chapter_move"),
    path(f"{CHAPTER}verwijderen/", framework.chapter_delete, name="chapter_delete"),
    path(f"{CHAPTER}speerpunten/nieuw/", framework.focus_area_add, name="focus_area_add"),
    path(AREA, framework.focus_area_edit, name="focus_area_edit"),
    path(f"{AREA}verplaatsen/", framework.focus_area_move, name="focus_area_move"),
    path(f"{AREA}uit-gebruik/", framework.focus_area_retire, name="focus_area_retire"),
    path(f"{AREA}verwijderen/", framework.focus_area_delete, name="focus_area_delete"),
]
