"""Who receives, publishes and manages announcements (internal campaigns).

- An announcement reaches its audience only, and only members (anonymous visitors see
  none): everyone; the members of some organisations; people with some roles (network
  roles facilitator / admin on the person, organisation roles volunteer / member /
  org admin on a membership, limited to the chosen organisations when some are named);
  people interested in some themes (who follow the theme, or whose skills offered or
  wanted name it), limited likewise.
- Facilitators publish to the whole network; an org admin publishes only to their own
  organisations' members (never "everyone", never another organisation, never by
  network role).
- Managing (edit, end early, see the reach of a campaign): the author, the admins of the
  publishing organisation, and facilitators (all of them). Reach is counts only.

Access: ``announcement_for(user, pk)`` (one in the person's audience),
``announcement_managed_for(user, pk)``, ``campaign_for(user, pk)`` fetch or raise 404;
``announcements_visible_to`` (audience includes the person, any period),
``announcements_managed_by``, ``campaigns_managed_by`` are the querysets;
``audience_of(announcement)`` is the people it reaches (for its e-mail).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from palabre.accounts.models import User
from palabre.announcements.models import (
    NETWORK_ROLES,
    ORGANISATION_ROLES,
    Announcement,
    Audience,
    Campaign,
)
from palabre.discussions.models import Subscription
from palabre.organisations.models import Membership
from palabre.permissions import (
    admin_org_ids,
    is_facilitator,
    is_member,
    object_or_404,
    or_404,
)
from palabre.themes.models import Theme

__all__ = [
    "Reader",
    "announcement_for",
    "announcement_managed_for",
    "announcements_managed_by",
    "announcements_visible_to",
    "audience_of",
    "campaign_for",
    "campaigns_managed_by",
    "can_address",
    "can_manage",
    "can_manage_campaign",
    "can_publish",
    "in_audience",
    "reader_of",
]


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def _skills(text: str) -> list[str]:
    return [_plain(s) for s in (text or "").replace(";", ",").split(",") if s.strip()]


def _names(skills: list[str], theme_names: Iterable[str]) -> bool:
    """A declared skill names the theme (accents and case aside), like the directory's."""
    for name in theme_names:
        wanted = _plain(name)
        if not wanted:
            continue
        for skill in skills:
            if skill and (wanted in skill or (len(skill) >= 4 and skill in wanted)):
                return True
    return False


@dataclass(frozen=True)
class Reader:
    """What decides which announcements reach a person, read once (three small queries
    at most); ``key`` is equal for people every announcement treats alike."""

    member: bool = False
    facilitator: bool = False
    admin: bool = False
    roles: dict[int, str] = field(default_factory=dict)  # organisation id → role
    themes: frozenset[int] = frozenset()

    @property
    def key(self) -> str:
        orgs = ",".join(f"{pk}{role[0]}" for pk, role in sorted(self.roles.items()))
        themes = ",".join(str(pk) for pk in sorted(self.themes))
        return f"{int(self.facilitator)}{int(self.admin)}:{orgs}:{themes}"


def reader_of(user: Any) -> Reader:
    if not is_member(user):
        return Reader()
    cached: Reader | None = getattr(user, "_palabre_announcement_reader", None)
    if cached is not None:
        return cached
    roles = dict(
        Membership.objects.filter(user=user).values_list("organisation_id", "role").order_by()
    )
    themes = set(
        Subscription.objects.filter(user=user, kind=Subscription.Kind.THEME)
        .values_list("theme_id", flat=True)
        .order_by()
    )
    skills = _skills(user.skills_offered) + _skills(user.skills_wanted)
    if skills:
        for pk, name_fr, name_en in Theme.objects.values_list("pk", "name_fr", "name_en"):
            if _names(skills, (name_fr, name_en)):
                themes.add(pk)
    reader = Reader(
        member=True,
        facilitator=user.network_role == User.NetworkRole.FACILITATOR,
        admin=user.network_role == User.NetworkRole.ADMIN,
        roles=roles,
        themes=frozenset(t for t in themes if t is not None),
    )
    user._palabre_announcement_reader = reader
    return reader


def in_audience(
    reader: Reader,
    *,
    audience: str,
    organisation_ids: Iterable[int],
    theme_ids: Iterable[int],
    roles: Iterable[str],
) -> bool:
    """The rule for one announcement already in memory (the banner's index uses it)."""
    if not reader.member:
        return False
    if audience == Audience.EVERYONE:
        return True
    limit = set(organisation_ids)
    mine = {pk: role for pk, role in reader.roles.items() if not limit or pk in limit}
    if audience == Audience.ORGANISATIONS:
        return bool(limit) and bool(mine)
    if audience == Audience.ROLES:
        wanted = set(roles)
        if ("facilitator" in wanted and reader.facilitator) or ("admin" in wanted and reader.admin):
            return True
        return any(role in wanted for role in mine.values())
    if audience == Audience.THEMES:
        if limit and not mine:
            return False
        return bool(reader.themes & set(theme_ids))
    return False


def _through(name: str) -> Any:
    return getattr(Announcement, name).through.objects


def announcements_visible_to(user: Any) -> QuerySet[Announcement]:
    """The announcements whose audience includes the person, whatever their period."""
    reader = reader_of(user)
    if not reader.member:
        return Announcement.objects.none()
    orgs = _through("organisations")
    limited = Q(pk__in=orgs.values("announcement_id"))
    my_orgs = Q(
        pk__in=orgs.filter(organisation_id__in=list(reader.roles)).values("announcement_id")
    )
    rule = Q(audience=Audience.EVERYONE) | (Q(audience=Audience.ORGANISATIONS) & my_orgs)
    by_role = Q(pk__in=[])
    if reader.facilitator:
        by_role |= Q(for_facilitator=True)
    if reader.admin:
        by_role |= Q(for_admin=True)
    for role in ORGANISATION_ROLES:
        with_role = [pk for pk, r in reader.roles.items() if r == role]
        if with_role:
            in_those = Q(
                pk__in=orgs.filter(organisation_id__in=with_role).values("announcement_id")
            )
            by_role |= Q(**{f"for_{role}": True}) & (~limited | in_those)
    rule |= Q(audience=Audience.ROLES) & by_role
    if reader.themes:
        on_theme = Q(
            pk__in=_through("themes")
            .filter(theme_id__in=list(reader.themes))
            .values("announcement_id")
        )
        rule |= Q(audience=Audience.THEMES) & on_theme & (~limited | my_orgs)
    return Announcement.objects.filter(rule)


def announcement_for(user: Any, pk: Any) -> Announcement:
    """One announcement addressed to the person (to dismiss it), or 404."""
    return object_or_404(announcements_visible_to(user), pk)


def audience_of(announcement: Announcement) -> QuerySet[User]:
    """The active people the announcement reaches (its e-mail goes to them only)."""
    people = User.objects.filter(is_active=True).exclude(email__endswith="@erased.invalid")
    if announcement.audience == Audience.EVERYONE:
        return people
    limit = list(announcement.organisations.values_list("pk", flat=True))
    members = Membership.objects.all()
    if limit:
        members = members.filter(organisation_id__in=limit)
    if announcement.audience == Audience.ORGANISATIONS:
        if not limit:
            return people.none()
        return people.filter(pk__in=members.values("user_id"))
    if announcement.audience == Audience.ROLES:
        rule = Q(pk__in=[])
        network = [r for r in NETWORK_ROLES if getattr(announcement, f"for_{r}")]
        if network:
            rule |= Q(network_role__in=network)
        org_roles = [r for r in ORGANISATION_ROLES if getattr(announcement, f"for_{r}")]
        if org_roles:
            rule |= Q(pk__in=members.filter(role__in=org_roles).values("user_id"))
        return people.filter(rule)
    if announcement.audience == Audience.THEMES:
        themes = list(announcement.themes.values_list("pk", "name_fr", "name_en"))
        theme_ids = [t[0] for t in themes]
        names = [n for t in themes for n in t[1:]]
        following = Subscription.objects.filter(
            kind=Subscription.Kind.THEME, theme_id__in=theme_ids
        ).values("user_id")
        candidates = people.filter(Q(skills_offered__gt="") | Q(skills_wanted__gt=""))
        if limit:
            candidates = candidates.filter(pk__in=members.values("user_id"))
        skilled = [
            pk
            for pk, offered, wanted in candidates.values_list(
                "pk", "skills_offered", "skills_wanted"
            )
            if _names(_skills(offered) + _skills(wanted), names)
        ]
        found = people.filter(Q(pk__in=following) | Q(pk__in=skilled))
        if limit:
            found = found.filter(pk__in=members.values("user_id"))
        return found
    return people.none()


# Publishing and managing -------------------------------------------------------------


def can_publish(user: Any) -> bool:
    """Facilitators (the network) and org admins (their organisations)."""
    return is_facilitator(user) or bool(admin_org_ids(user))


def can_address(
    user: Any, *, audience: str, organisation_ids: Iterable[int], roles: Iterable[str]
) -> bool:
    """May this person address this audience? Org admins: their organisations only."""
    if is_facilitator(user):
        return True
    mine = admin_org_ids(user)
    if not mine or audience == Audience.EVERYONE:
        return False
    chosen = set(organisation_ids)
    if not chosen or not chosen <= mine:
        return False
    return not set(roles) & set(NETWORK_ROLES)


def announcements_managed_by(user: Any) -> QuerySet[Announcement]:
    if is_facilitator(user):
        return Announcement.objects.all()
    if not is_member(user):
        return Announcement.objects.none()
    return Announcement.objects.filter(Q(author=user) | Q(organisation__in=admin_org_ids(user)))


def can_manage(user: Any, announcement: Announcement) -> bool:
    if not is_member(user):
        return False
    return (
        is_facilitator(user)
        or announcement.author_id == user.pk
        or (
            announcement.organisation_id is not None
            and announcement.organisation_id in admin_org_ids(user)
        )
    )


def announcement_managed_for(user: Any, pk: Any) -> Announcement:
    announcement = object_or_404(Announcement.objects.all(), pk)
    return or_404(announcement, can_manage(user, announcement))


def campaigns_managed_by(user: Any) -> QuerySet[Campaign]:
    if is_facilitator(user):
        return Campaign.objects.all()
    if not is_member(user):
        return Campaign.objects.none()
    return Campaign.objects.filter(Q(created_by=user) | Q(organisation__in=admin_org_ids(user)))


def can_manage_campaign(user: Any, campaign: Campaign) -> bool:
    if not is_member(user):
        return False
    return (
        is_facilitator(user)
        or campaign.created_by_id == user.pk
        or (
            campaign.organisation_id is not None and campaign.organisation_id in admin_org_ids(user)
        )
    )


def campaign_for(user: Any, pk: Any) -> Campaign:
    campaign = object_or_404(Campaign.objects.all(), pk)
    return or_404(campaign, can_manage_campaign(user, campaign))


def can_view(user: Any, obj: Any) -> bool:
    if isinstance(obj, Campaign):
        return can_manage_campaign(user, obj)
    if isinstance(obj, Announcement):
        return can_manage(user, obj) or announcements_visible_to(user).filter(pk=obj.pk).exists()
    return False
