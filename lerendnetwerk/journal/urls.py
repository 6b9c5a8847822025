from django.urls import path

from . import views

app_name = "journal"
urlpatterns = [
    path("mijn-leerdagboek/", views.journal_index, name="index"),
    path("mijn-leerdagboek/nieuw/", views.journal_create, name="create"),
    path("mijn-leerdagboek/leerdagboek.md", views.journal_export_markdown, name="markdown"),
    path("mijn-leerdagboek/leerdagboek.pdf", views.journal_export_pdf, name="pdf"),
    path("mijn-leerdagboek/<int:pk>/bewerken/", views.journal_edit, name="edit"),
    path("mijn-leerdagboek/<int:pk>/verwijderen/", views.journal_delete, name="delete"),
    path("leerdagboek/gedeeld/", views.journal_shared, name="shared"),
    path("leerdagboek/<int:pk>/", views.journal_detail, name="detail"),
]
