"""Palabre's address book: each app brings its own pages."""

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from palabre.api import api
from palabre.core import views as core_views

admin.site.site_header = _("Palabre administration")
admin.site.site_title = _("Palabre administration")

urlpatterns = [
    path("", include("palabre.core.urls")),
    path("", include("palabre.accounts.urls")),
    path("", include("palabre.organisations.urls")),
    path("", include("palabre.themes.urls")),
    path("", include("palabre.practices.urls")),
    path("", include("palabre.search.urls")),
    path("", include("palabre.workshops.urls")),
    path("", include("palabre.discussions.urls")),
    path("", include("palabre.adoptions.urls")),
    path("", include("palabre.recognition.urls")),
    path("", include("palabre.learning.urls")),
    path("", include("palabre.resources.urls")),
    path("", include("palabre.announcements.urls")),
    path("", include("palabre.meetings.urls")),
    path("", include("palabre.projects.urls")),
    path("", include("palabre.newsletter.urls")),
    path("", include("palabre.feeds.urls")),
    path("", include("palabre.notifications.urls")),
    path("", include("palabre.privacy.urls")),
    path("", include("palabre.audit.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error
