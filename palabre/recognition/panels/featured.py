"""Panels recognition adds to other apps' pages: featured items.

- the home page shows what is featured now, with the reasons (what the visitor may see);
- the practice, person and organisation pages show facilitators a link to feature them.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from palabre.lib import panels
from palabre.permissions import recognition as rules
from palabre.practices.models import Practice
from palabre.recognition.selectors import featured as selectors


@panels.register("home", order=5)
def home_featured(request) -> str:
    """“Featured”: the current items and their reasons; one query."""
    features = selectors.current_features(viewer=request.user)
    if not features:
        return ""
    for feature in features:
        feature.url = selectors.item_url(feature)
    return render_to_string(
        "recognition/featured/panels/home.html", {"features": features}, request=request
    )


def _facilitator_panel(request, *, query: dict, label: str, allowed: bool = True, **item) -> str:
    if not rules.can_feature(request.user):
        return ""
    today = timezone.localdate()
    features = (
        rules.features_visible_to(request.user)
        .filter(ended_at__isnull=True, ends_on__gte=today, **item)
        .order_by("starts_on")
    )
    current = planned = None
    for feature in features:
        if feature.starts_on <= today and current is None:
            current = feature
        elif feature.starts_on > today and planned is None:
            planned = feature
    return render_to_string(
        "recognition/featured/panels/facilitator.html",
        {
            "url": f"{reverse('recognition:feature_new')}?{urlencode(query)}",
            "label": label,
            "current": current,
            "planned": planned,
            "can_feature_now": allowed,
        },
        request=request,
    )


@panels.register("practice_detail", order=80)
def practice_feature_link(request, *, practice) -> str:
    return _facilitator_panel(
        request,
        query={"practice": practice.pk},
        label=_("Feature this practice"),
        allowed=practice.status == Practice.Status.PUBLISHED,
        practice=practice,
    )


@panels.register("profile", order=80)
def person_feature_link(request, *, person) -> str:
    if not person.is_active:
        return ""
    return _facilitator_panel(
        request, query={"person": person.pk}, label=_("Feature this person"), person=person
    )


@panels.register("organisation_detail", order=80)
def organisation_feature_link(request, *, organisation) -> str:
    return _facilitator_panel(
        request,
        query={"organisation": organisation.slug},
        label=_("Feature this organisation"),
        organisation=organisation,
    )
