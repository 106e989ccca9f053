"""The resource library: guides, templates, tools, reports, studies, training material and
policies that organisations share, each with one file (kept in versions) or an external
link, the text read from its file for the search, and links to the practices and workshops
it serves."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from palabre.lib.models import UploadedFile
from palabre.lib.visibility import Visibility


class TextStatus(models.TextChoices):
    """What became of reading the text of a file (``palabre.lib.extract`` statuses, plus
    "pending" before the worker has read it and "none" for a link without file)."""

    PENDING = "pending", _("being read")
    OK = "ok", _("read")
    EMPTY = "empty", _("no text found")
    UNSUPPORTED = "unsupported", _("file type not readable")
    TOO_LARGE = "too_large", _("too large to read")
    TIMEOUT = "timeout", _("took too long to read")
    FAILED = "failed", _("could not be read")
    NONE = "none", _("no file")


class ResourceQuerySet(models.QuerySet["Resource"]):
    def active(self) -> ResourceQuerySet:
        return self.filter(status=Resource.Status.ACTIVE)

    def for_lists(self) -> ResourceQuerySet:
        return self.select_related("organisation", "current").prefetch_related("themes")


class Resource(models.Model):
    """A document or tool shared in the library."""

    class Kind(models.TextChoices):
        GUIDE = "guide", _("guide")
        TEMPLATE = "template", _("template")
        TOOL = "tool", _("tool")
        REPORT = "report", _("report")
        STUDY = "study", _("study")
        TRAINING_MATERIAL = "training_material", _("training material")
        POLICY = "policy", _("policy")

    class Status(models.TextChoices):
        ACTIVE = "active", _("in the library")
        ARCHIVED = "archived", _("archived")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.GUIDE)
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(
        "themes.Theme", verbose_name=_("themes"), blank=True, related_name="resources"
    )
    tags = models.ManyToManyField(
        "themes.Tag", verbose_name=_("tags"), blank=True, related_name="resources"
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="resources",
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("authors"), blank=True, related_name="resources"
    )
    visibility = models.CharField(
        _("who can see it"), max_length=20, choices=Visibility.choices, default=Visibility.NETWORK
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    featured = models.BooleanField(_("featured"), default=False)
    link = models.URLField(_("external link"), max_length=500, blank=True)
    # The latest version of the file (none for a resource that is a link).
    current = models.ForeignKey(
        "ResourceVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Downloads of any version, added up without recording who (views.download).
    downloads = models.PositiveIntegerField(_("downloads"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-featured", "-updated_at", "-pk"]
        indexes = [models.Index(fields=["status", "visibility"], name="resource_status_vis")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resources:detail", args=[self.pk])

    @property
    def is_archived(self) -> bool:
        return self.status == self.Status.ARCHIVED


class ResourceVersion(UploadedFile):
    """One version of a resource's file. Earlier versions are kept (and downloadable by
    those who may see the resource), each with a note of what changed."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    text = models.TextField(blank=True)  # read by the worker (palabre.lib.extract)
    text_status = models.CharField(
        max_length=12, choices=TextStatus.choices, default=TextStatus.PENDING
    )
    text_reason = models.CharField(max_length=300, blank=True)  # English, for editors and logs

    class Meta(UploadedFile.Meta):
        verbose_name = _("resource version")
        verbose_name_plural = _("resource versions")
        ordering = ["resource", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "number"], name="one_resource_version_number"
            )
        ]

    def upload_folder(self) -> str:
        return f"resources/{self.resource_id}"

    def get_absolute_url(self) -> str:
        return reverse("resources:download", args=[self.resource_id, self.pk])

    @property
    def text_unreadable(self) -> bool:
        return self.text_status not in (TextStatus.OK, TextStatus.PENDING, TextStatus.NONE)


class ResourcePractice(models.Model):
    """A resource useful for a practice (shown on the practice page)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="practice_links")
    practice = models.ForeignKey(
        "practices.Practice", on_delete=models.CASCADE, related_name="resource_links"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "practice"], name="one_resource_practice")
        ]

    def __str__(self) -> str:
        return f"{self.resource_id} → practice {self.practice_id}"


class ResourceWorkshop(models.Model):
    """A resource used in a workshop (shown on the workshop page)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="workshop_links")
    workshop = models.ForeignKey(
        "workshops.Workshop", on_delete=models.CASCADE, related_name="resource_links"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "workshop"], name="one_resource_workshop")
        ]

    def __str__(self) -> str:
        return f"{self.resource_id} → workshop {self.workshop_id}"
