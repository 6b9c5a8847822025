from django.contrib import admin

from .models import AgendaItem, Meeting, Rsvp


class AgendaItemInline(admin.TabularInline[AgendaItem, Meeting]):
    model = AgendaItem
    extra = 0
    raw_id_fields = ["entry", "lead_user", "expert"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin[Meeting]):
    list_display = ["title", "network", "starts_at", "phase", "status"]
    list_filter = ["status", "phase"]
    search_fields = ["title", "network__name"]
    list_select_related = ["network"]
    raw_id_fields = ["network", "cycle", "host", "created_by", "preparers"]
    inlines = [AgendaItemInline]


@admin.register(Rsvp)
class RsvpAdmin(admin.ModelAdmin[Rsvp]):
    list_display = ["meeting", "user", "answer", "attended"]
    list_select_related = ["meeting", "user"]
    raw_id_fields = ["meeting", "user"]
