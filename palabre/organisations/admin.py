from django.contrib import admin

from palabre.accounts.admin import UserAdmin
from palabre.organisations.models import Invitation, Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "country", "region", "city"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "acronym", "city", "region"]
    prepopulated_fields = {"slug": ["acronym"]}
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "organisation__name"]
    exclude = ["token_hash"]
    readonly_fields = ["accepted_at", "accepted_by", "invited_by", "revoked_at"]

    def has_add_permission(self, request):
        # Invitations carry a secret link: they are sent from the organisation's page.
        return False


class PersonMembershipInline(admin.TabularInline):
    """A person's organisations, on their page of the admin site."""

    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


UserAdmin.inlines = [*UserAdmin.inlines, PersonMembershipInline]
