"""People: accounts that log in with an e-mail, their profile and network-wide role."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def split_list(value: str) -> list[str]:
    return [item.strip() for item in value.replace(";", ",").split(",") if item.strip()]


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str) -> User:
        return self.get(email__iexact=username)

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def facilitators(self) -> models.QuerySet[User]:
        """Active people with a facilitator's rights: facilitators and network admins (the
        same rule as ``User.is_facilitator``)."""
        return self.filter(
            is_active=True,
            network_role__in=[User.NetworkRole.FACILITATOR, User.NetworkRole.ADMIN],
        )

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.pop("is_staff", None)
        extra["is_superuser"] = True
        extra["network_role"] = User.NetworkRole.ADMIN
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    class NetworkRole(models.TextChoices):
        NONE = "", _("none")
        FACILITATOR = "facilitator", _("facilitator")
        ADMIN = "admin", _("network administrator")

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("name"), max_length=120)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    language = models.CharField(
        _("language of the interface"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    languages_spoken = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_("Separated by commas, for example: français, anglais, fulfulde"),
    )
    skills_offered = models.CharField(
        _("skills I can share"),
        max_length=500,
        blank=True,
        help_text=_("Separated by commas, for example: suivi-évaluation, gestion financière"),
    )
    skills_wanted = models.CharField(
        _("skills I want to learn"),
        max_length=500,
        blank=True,
        help_text=_("Separated by commas."),
    )
    bio = models.TextField(_("about me"), blank=True)
    network_role = models.CharField(
        _("network role"), max_length=12, choices=NetworkRole.choices, default="", blank=True
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["display_name"]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile", args=[self.pk])

    @property
    def is_staff(self) -> bool:
        """The Django admin is for network administrators only."""
        return self.network_role == self.NetworkRole.ADMIN

    @property
    def is_network_admin(self) -> bool:
        return self.network_role == self.NetworkRole.ADMIN

    @property
    def is_facilitator(self) -> bool:
        """Facilitators review, publish and run workshops; network admins may too."""
        return self.network_role in (self.NetworkRole.FACILITATOR, self.NetworkRole.ADMIN)

    def get_full_name(self) -> str:
        return str(self)

    def get_short_name(self) -> str:
        return str(self)

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    @property
    def skills_offered_list(self) -> list[str]:
        return split_list(self.skills_offered)

    @property
    def skills_wanted_list(self) -> list[str]:
        return split_list(self.skills_wanted)

    @property
    def languages_spoken_list(self) -> list[str]:
        return split_list(self.languages_spoken)


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def active(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    """A personal key for the API. Only its digest is stored; the key is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
