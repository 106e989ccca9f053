"""The network's shared bilingual thesaurus of themes, and free tags."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class Theme(models.Model):
    slug = models.SlugField(_("short address"), max_length=80, unique=True)
    name_fr = models.CharField(_("name in French"), max_length=150)
    name_en = models.CharField(_("name in English"), max_length=150)
    description_fr = models.TextField(_("description in French"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("broader theme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "name_fr"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("themes:detail", args=[self.slug])

    @property
    def name(self) -> str:
        return self.name_en if translation.get_language() == "en" else self.name_fr

    @property
    def description(self) -> str:
        if translation.get_language() == "en":
            return self.description_en or self.description_fr
        return self.description_fr or self.description_en


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(max_length=70, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def slug_for(raw: str) -> str:
        return slugify(" ".join(raw.split())[:60])[:70]

    @classmethod
    def for_names(cls, names: list[str]) -> list[Tag]:
        """The tags for these names, created when new; "Eau" and "eau" are one tag."""
        tags = []
        for raw in names:
            name = " ".join(raw.split())[:60]
            slug = cls.slug_for(raw)
            if not slug:
                continue
            tag, _created = cls.objects.get_or_create(slug=slug, defaults={"name": name})
            tags.append(tag)
        return tags
