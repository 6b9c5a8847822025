from django.urls import path

from .views import experts, offers, public

app_name = "knowledge"
urlpatterns = [
    # Public: the region's knowledge offers and experts.
    path("kennisaanbod/", public.offers_home, name="offers_home"),
    path("kennisaanbod/<slug:region_slug>/", public.offer_list, name="offers"),
    path("kennisaanbod/<slug:region_slug>/<int:pk>/", public.offer_detail, name="offer"),
    path(
        "kennisaanbod/<slug:region_slug>/<int:pk>/contact/",
        public.offer_contact,
        name="offer_contact",
    ),
    path("experts/", public.experts_home, name="experts_home"),
    path("experts/<slug:region_slug>/", public.expert_list, name="experts"),
    path("experts/<slug:region_slug>/<int:pk>/", public.expert_detail, name="expert"),
    path(
        "experts/<slug:region_slug>/<int:pk>/contact/",
        public.expert_contact,
        name="expert_contact",
    ),
    # Managers and coordinators: the offers they look after.
    path("kennisaanbod-beheren/", offers.offer_manage, name="offers_manage"),
    path("kennisaanbod-beheren/nieuw/", offers.offer_create, name="offer_create"),
    path("kennisaanbod-beheren/<int:pk>/", offers.offer_edit, name="offer_edit"),
    path("kennisaanbod-beheren/<int:pk>/verwijderen/", offers.offer_delete, name="offer_delete"),
    # The expert's own page, her profile and the requests to her.
    path("mijn-expertise/", experts.expert_home, name="expert_home"),
    path("mijn-expertise/profiel/", experts.expert_profile, name="expert_profile"),
    path("mijn-expertise/verzoeken/<int:pk>/", experts.request_answer, name="request_answer"),
    # The facilitator asks an expert for an item of a meeting's agenda.
    path(
        "bijeenkomsten/<int:pk>/agenda/<int:item_id>/expert/",
        experts.request_create,
        name="request_create",
    ),
    path("expertverzoeken/<int:pk>/intrekken/", experts.request_withdraw, name="request_withdraw"),
]
