"""The demo network gets fifteen projects with their teams and links, and one exchange;
loading it twice changes nothing."""

from __future__ import annotations

from django.core.management import call_command

from palabre.projects.models import (
    Exchange,
    Project,
    ProjectIndicator,
    ProjectMember,
    ProjectPractice,
    ProjectResource,
)


def test_demo_loads_projects_and_is_safe_to_run_twice(db, client):
    call_command("demo", verbosity=0)
    counts = (
        Project.objects.count(),
        ProjectMember.objects.count(),
        ProjectPractice.objects.count(),
        ProjectIndicator.objects.count(),
        Exchange.objects.count(),
    )
    assert counts[0] == 15
    assert counts[1] >= 25 and counts[2] >= 25 and counts[3] >= 5 and counts[4] == 1
    assert Project.objects.filter(visibility="public").count() >= 8
    assert Exchange.objects.get().messages.count() == 2
    assert ProjectResource.objects.count() >= 15
    call_command("demo", verbosity=0)
    assert counts == (
        Project.objects.count(),
        ProjectMember.objects.count(),
        ProjectPractice.objects.count(),
        ProjectIndicator.objects.count(),
        Exchange.objects.count(),
    )
    page = client.get("/projects/map/CM/")
    assert page.status_code == 200
