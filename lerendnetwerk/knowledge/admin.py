from django.contrib import admin

from .models import ExpertProfile, ExpertRequest, KnowledgeOffer


@admin.register(KnowledgeOffer)
class KnowledgeOfferAdmin(admin.ModelAdmin[KnowledgeOffer]):
    list_display = ["title", "organisation", "status", "updated_at"]
    list_filter = ["status", "organisation__district__region"]
    search_fields = ["title", "organisation__name"]
    raw_id_fields = ["organisation", "created_by", "updated_by"]


@admin.register(ExpertProfile)
class ExpertProfileAdmin(admin.ModelAdmin[ExpertProfile]):
    list_display = ["user", "institute", "is_public", "updated_at"]
    list_filter = ["is_public", "regions"]
    raw_id_fields = ["user"]


@admin.register(ExpertRequest)
class ExpertRequestAdmin(admin.ModelAdmin[ExpertRequest]):
    list_display = ["agenda_item", "expert", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["agenda_item", "expert", "requested_by"]
