"""People: accounts that log in with an e-mail, their profile and network-wide role."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

# An erased account's address (palabre.privacy): unique, never deliverable (RFC 2606
# reserves ".invalid"), and the mark by which its person is shown as a former member.
ERASED_EMAIL_DOMAIN = "erased.invalid"


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
    # Raised by "sign out everywhere else": every other session's proof stops matching.
    sessions_generation = models.PositiveIntegerField(default=0, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["display_name"]

    def __str__(self) -> str:
        if self.is_erased:
            return str(_("Former member"))  # in the reader's language
        return self.display_name or self.email

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile", args=[self.pk])

    @property
    def is_erased(self) -> bool:
        """The person asked for their account to be erased (palabre.privacy did it)."""
        return self.email.endswith("@" + ERASED_EMAIL_DOMAIN)

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

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        """Django's proof that a session belongs to this password, which also changes
        when the person signs out their other sessions (``sessions_generation``). While
        it is 0, the proof is Django's own, so existing sessions stay valid."""
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        value = self.password or ""
        if self.sessions_generation:
            value = f"{value}:{self.sessions_generation}"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

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
        """Not revoked, of an active person (expiry is checked apart, to say so)."""
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
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()


class UserSession(models.Model):
    """A browser where someone is logged in, for their "Security" page: recorded at login,
    its last activity refreshed at most every few minutes (SessionActivityMiddleware).
    Signing a session out deletes it from Django's session store."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="browser_sessions"
    )
    session_key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("signed in"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last seen"), default=timezone.now)
    # A short description ("Chrome on Android"), and the address with its end hidden.
    device = models.CharField(_("device"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-last_seen_at"]

    def __str__(self) -> str:
        return f"{self.user} – {self.device}"
