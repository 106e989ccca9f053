"""What projects add to other apps' pages: on a practice page, the projects it belongs to
(those the viewer may see)."""

from __future__ import annotations

from django.template.loader import render_to_string

from palabre.lib import panels
from palabre.practices import page_cache
from palabre.projects.models import Project, ProjectPractice
from palabre.projects.selectors import projects_of_practice

# The practice page keeps what it rendered for anonymous visitors (practices/page_cache.py):
# a new link, or a project whose name or visibility changes, renews it.
page_cache.watch(ProjectPractice)
page_cache.watch(Project, fields=("name", "visibility", "organisation"))


@panels.register("practice_detail", order=55)
def practice_projects(request, *, practice) -> str:
    # Most practices belong to no project: one small query says so.
    if not ProjectPractice.objects.filter(practice_id=practice.pk).exists():
        return ""
    projects = projects_of_practice(request.user, practice.pk)
    if not projects:
        return ""
    return render_to_string(
        "projects/panels/practice.html", {"projects": projects}, request=request
    )
