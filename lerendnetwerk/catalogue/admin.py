from django.contrib import admin

from .models import Entry, Source, SourceReference, Topic


class SourceReferenceInline(admin.TabularInline[SourceReference, Entry]):
    model = SourceReference
    extra = 0
    autocomplete_fields = ["source"]


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin[Entry]):
    list_display = ["title", "kind", "topic", "region"]
    list_filter = ["kind", "topic__stage", "region", "topic"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ("title",)}
    inlines = [SourceReferenceInline]
    list_select_related = ["topic", "region"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin[Topic]):
    list_display = ["title", "stage", "order"]
    list_filter = ["stage"]
    prepopulated_fields = {"slug": ("title",)}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin[Source]):
    list_display = ["title", "kind"]
    search_fields = ["title"]
