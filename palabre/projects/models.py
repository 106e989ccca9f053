"""Projects of the network's organisations, so that people on different projects find
each other: a project's period, places, themes, funders and team; the practices,
adoptions, indicators and resources that point to it (this app owns those links, being
above the apps they come from); and exchanges proposed between two projects, each with
its own small conversation between the two teams.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from palabre.lib.visibility import Visibility


class Project(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        RUNNING = "running", _("running")
        CLOSED = "closed", _("closed")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="projects",
    )
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    country = CountryField(_("country"), blank=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    themes = models.ManyToManyField(
        "themes.Theme", verbose_name=_("themes"), blank=True, related_name="projects"
    )
    funders = models.JSONField(_("funders"), default=list, blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    visibility = models.CharField(
        _("who can see it"), max_length=12, choices=Visibility.choices, default=Visibility.NETWORK
    )
    external_id = models.CharField(max_length=100, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["country", "region"], name="project_place"),
            models.Index(fields=["visibility", "status"], name="project_vis_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="project_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.pk])


class ProjectMember(models.Model):
    """A person on a project's team, with their role on it. Someone outside the project's
    organisation is invited: they are on the team once they accept."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="team")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_roles"
    )
    role = models.CharField(_("role on the project"), max_length=120)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["project", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "person"], name="one_role_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.role}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None


class _Link(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


class ProjectPractice(_Link):
    practice = models.ForeignKey(
        "practices.Practice", on_delete=models.CASCADE, related_name="project_links"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "practice"], name="project_practice_once")
        ]

    def __str__(self) -> str:
        return f"{self.project_id} → {self.practice_id}"


class ProjectAdoption(_Link):
    adoption = models.ForeignKey(
        "adoptions.Adoption", on_delete=models.CASCADE, related_name="project_links"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "adoption"], name="project_adoption_once")
        ]

    def __str__(self) -> str:
        return f"{self.project_id} → {self.adoption_id}"


class ProjectIndicator(_Link):
    indicator = models.ForeignKey(
        "adoptions.Indicator", on_delete=models.CASCADE, related_name="project_links"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "indicator"], name="project_indicator_once")
        ]

    def __str__(self) -> str:
        return f"{self.project_id} → {self.indicator_id}"


class ProjectResource(_Link):
    resource = models.ForeignKey(
        "resources.Resource", on_delete=models.CASCADE, related_name="project_links"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "resource"], name="project_resource_once")
        ]

    def __str__(self) -> str:
        return f"{self.project_id} → {self.resource_id}"


class Exchange(models.Model):
    """A member of one project's organisation proposes an exchange with another project:
    a call, a visit, a joint session. Both teams (and facilitators) see it and talk in it;
    once scheduled, it has a workshop (visible to both organisations)."""

    class Kind(models.TextChoices):
        CALL = "call", _("a call")
        VISIT = "visit", _("a visit")
        SESSION = "session", _("a joint session")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        SCHEDULED = "scheduled", _("scheduled")
        DECLINED = "declined", _("declined")

    from_project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="exchanges_proposed"
    )
    to_project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="exchanges_received"
    )
    kind = models.CharField(_("kind of exchange"), max_length=10, choices=Kind.choices)
    subject = models.CharField(_("subject"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    workshop = models.ForeignKey(
        "workshops.Workshop", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_project=models.F("to_project")),
                name="exchange_between_two_projects",
            )
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("projects:exchange", args=[self.pk])


class ExchangeMessage(models.Model):
    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]
