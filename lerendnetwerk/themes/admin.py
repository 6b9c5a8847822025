"""The quality framework (UKK): platform editors change it, coordinators read it (rules.py)."""

from django.contrib import admin

from .models import Chapter, FocusArea, QualityFramework


class ChapterInline(admin.TabularInline[Chapter, QualityFramework]):
    model = Chapter
    extra = 0


class FocusAreaInline(admin.StackedInline[FocusArea, Chapter]):
    model = FocusArea
    extra = 0


@admin.register(QualityFramework)
class QualityFrameworkAdmin(admin.ModelAdmin[QualityFramework]):
    list_display = ["version", "region", "is_active"]
    list_filter = ["is_active", "region"]
    inlines = [ChapterInline]


@admin.register(Chapter)
class ChapterAdmin(admin.ModelAdmin[Chapter]):
    list_display = ["__str__", "framework"]
    list_filter = ["framework"]
    list_select_related = ["framework"]
    inlines = [FocusAreaInline]


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin[FocusArea]):
    list_display = ["title", "chapter", "is_retired"]
    list_filter = ["chapter__framework", "is_retired", "chapter"]
    search_fields = ["title", "description"]
    list_select_related = ["chapter"]
