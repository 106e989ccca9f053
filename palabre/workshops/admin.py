from django.contrib import admin

from palabre.workshops.models import (
    CollectiveAction,
    FacilitationTool,
    Registration,
    Session,
    Workshop,
)


@admin.register(FacilitationTool)
class FacilitationToolAdmin(admin.ModelAdmin):
    list_display = ["name_fr", "name_en", "builtin", "duration_min", "group_min", "group_max"]
    search_fields = ["name_fr", "name_en", "slug"]


class SessionInline(admin.TabularInline):
    model = Session
    fields = ["kind", "title", "starts_at", "ends_at", "room"]
    extra = 0


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin):
    list_display = ["title", "start_date", "end_date", "status", "visibility"]
    list_filter = ["status", "visibility"]
    search_fields = ["title"]
    inlines = [SessionInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["person", "workshop", "role", "status", "created_at"]
    list_filter = ["status", "role"]
    raw_id_fields = ["person", "workshop", "practice"]


@admin.register(CollectiveAction)
class CollectiveActionAdmin(admin.ModelAdmin):
    list_display = ["title", "workshop", "due_date", "status"]
    list_filter = ["status"]
