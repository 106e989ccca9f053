from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from palabre.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["display_name"]
    list_display = ["email", "display_name", "network_role", "is_active", "last_login"]
    list_filter = ["network_role", "is_active", "language"]
    search_fields = ["email", "display_name"]
    # The organisations app adds a person's memberships (organisations/admin.py): accounts
    # sit below organisations and do not import them.
    inlines: list = []
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Profile"),
            {
                "fields": [
                    "display_name",
                    "job_title",
                    "language",
                    "languages_spoken",
                    "skills_offered",
                    "skills_wanted",
                    "bio",
                ]
            },
        ),
        (_("Access"), {"fields": ["network_role", "is_active", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["email", "display_name", "password1", "password2"]}),
    ]
    filter_horizontal = []
