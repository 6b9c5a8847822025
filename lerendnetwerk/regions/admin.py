from django.contrib import admin

from .models import District, Organisation, Region


class DistrictInline(admin.TabularInline[District, Region]):
    model = District
    prepopulated_fields = {"slug": ("name",)}
    extra = 0


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin[Region]):
    list_display = ["name", "barometer_min_answers"]
    prepopulated_fields = {"slug": ("name",)}
    inlines = [DistrictInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "kind", "district"]
    list_filter = ["kind", "district__region", "district"]
    search_fields = ["name"]
    list_select_related = ["district"]
