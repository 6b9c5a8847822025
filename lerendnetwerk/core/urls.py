from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("postvak/", views.outbox, name="outbox"),
    path("postvak/<str:name>/", views.outbox_detail, name="outbox_message"),
]
