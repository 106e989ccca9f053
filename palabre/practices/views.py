"""Pages of the practice library: lists, the practice page, the guided editor, review."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palabre import permissions
from palabre.lib import panels
from palabre.lib.errors import ConflictError, ServiceError
from palabre.lib.views import submit as form_submit
from palabre.organisations.models import Organisation
from palabre.permissions import practices as rules
from palabre.practices import page_cache, selectors, services
from palabre.practices.exchange import export_rows, write_csv, write_jsonl, write_xlsx
from palabre.practices.forms import (
    SECTION_FORMS,
    AttachmentForm,
    IdentityForm,
    NewPracticeForm,
    ReviewForm,
    StepFormSet,
)
from palabre.practices.models import DailyCount, Practice
from palabre.practices.pdf import practice_pdf
from palabre.practices.search import (
    FACETS,
    SORTS,
    clean_filters,
    practice_ids,
    practice_search,
    similar_practices,
)
from palabre.practices.sections import SECTION_BY_SLUG, SECTIONS, completeness
from palabre.practices.signals import practice_searched
from palabre.themes.models import Theme

# What the fiche's pages show of a practice, fetched in the same query.
FICHE = Practice.objects.select_related("lead_organisation", "contact", "translation_of")


def practice_for(request, pk: int) -> Practice:
    return rules.practice_for(request.user, pk, queryset=FICHE)


def _editable(request, pk: int) -> Practice:
    return rules.practice_editable_for(request.user, pk, queryset=FICHE)


# Lists ----------------------------------------------------------------------


def index(request):
    theme = organisation = None
    if request.GET.get("theme"):
        theme = Theme.objects.filter(slug=request.GET["theme"]).first()
    if request.GET.get("organisation") and permissions.is_member(request.user):
        organisation = Organisation.objects.filter(slug=request.GET["organisation"]).first()
    kind = request.GET.get("kind", "")
    kind = kind if kind in Practice.Kind.values else ""
    practices = selectors.practice_list(
        user=request.user, theme=theme, organisation=organisation, kind=kind
    )
    page = Paginator(practices, 20).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "theme": theme,
        "organisation": organisation,
        "kind": kind,
        "kinds": Practice.Kind.choices,
        "can_create": rules.can_create(request.user),
    }
    if request.htmx:
        return render(request, "practices/index.html#results", context)
    return render(request, "practices/index.html", context)


@login_required
def mine(request):
    practices = selectors.practices_in_progress(user=request.user)
    saved = rules.practices_visible_to(
        request.user, Practice.objects.filter(saves__user=request.user)
    ).with_cards()
    return render(
        request,
        "practices/mine.html",
        {"practices": practices, "saved": saved, "can_create": rules.can_create(request.user)},
    )


@login_required
def review_queue(request):
    if not permissions.is_facilitator(request.user):
        raise Http404
    return render(
        request, "practices/review_queue.html", {"practices": selectors.practices_to_review()}
    )


# Reading --------------------------------------------------------------------


def detail(request, pk: int):
    user = request.user
    practice = rules.practice_for(user, pk, queryset=selectors.practice_page_queryset(user))
    can_edit = rules.can_edit(user, practice)
    if practice.is_published and not can_edit:  # the authors' own visits do not count
        services.practice_count(practice=practice, event=DailyCount.Event.VIEW)
    kept = page_cache.kept_page(request, practice)  # anonymous visitors: no rendering
    if kept is not None:
        return kept
    context = selectors.practice_page(practice, user=user, can_edit=can_edit)
    context["completeness"] = completeness(practice) if practice.is_editable else None
    context["review_form"] = ReviewForm() if context["can_review"] else None
    # Other apps' panels, read before the page is rendered: the template asks nothing.
    # Each panel renders its own template with autoescaping; the joined result is safe.
    html = panels.render_slot("practice_detail", request, practice=practice)
    context["panels"] = mark_safe(html)
    response = render(request, "practices/detail.html", context)
    # A photo being prepared is ready in a minute, and nothing announces it: not kept.
    ready = all(attachment.is_ready for attachment in context["attachments"])
    return page_cache.finish(request, practice, response, keep=ready)


def similar(request, pk: int):
    """Practices close to this one that this person may read (a page, or a fragment for htmx)."""

    practice = practice_for(request, pk)
    practices = similar_practices(practice, user=request.user) if practice.is_published else []
    context = {"practice": practice, "practices": practices}
    if request.htmx:
        response = render(request, "practices/panels/similar.html", context)
    else:
        response = render(request, "practices/similar.html", context)
    response["Vary"] = "HX-Request, Cookie, Accept-Language"
    return response


def history(request, pk: int):
    practice = practice_for(request, pk)
    revisions = practice.revisions.select_related("published_by")
    return render(request, "practices/history.html", {"practice": practice, "revisions": revisions})


def diff(request, pk: int):
    practice = practice_for(request, pk)
    try:
        a, b = int(request.GET.get("a", "")), int(request.GET.get("b", ""))
    except ValueError:
        raise ServiceError(_("Choose two revisions to compare.")) from None
    older = rules.revision_for(request.user, practice, min(a, b))
    newer = rules.revision_for(request.user, practice, max(a, b))
    return render(
        request,
        "practices/diff.html",
        {
            "practice": practice,
            "older": older,
            "newer": newer,
            "changes": selectors.revision_diff(older, newer),
        },
    )


def pdf(request, pk: int):

    practice = practice_for(request, pk)
    content = practice_pdf(practice, request=request)
    if practice.is_published:
        services.practice_count(practice=practice, event=DailyCount.Event.PDF)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="palabre-{practice.pk}.pdf"'
    return response


def attachment(request, pk: int, attachment_pk: int):
    practice = practice_for(request, pk)
    item = rules.attachment_for(request.user, practice, attachment_pk)
    if not item.is_ready:  # a photo whose metadata (GPS…) the worker has not removed yet
        raise Http404
    if practice.is_published:
        services.practice_count(practice=practice, event=DailyCount.Event.ATTACHMENT)
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def attachment_preview(request, pk: int, attachment_pk: int):
    practice = practice_for(request, pk)
    item = rules.attachment_for(request.user, practice, attachment_pk)
    if not item.preview:  # made by the worker: never decoded here
        raise Http404
    response = FileResponse(item.preview.open("rb"), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=86400"
    return response


# Writing --------------------------------------------------------------------


@login_required
def create(request):
    if not rules.can_create(request.user):
        raise Http404
    form = NewPracticeForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        done = form_submit(
            form, lambda: services.practice_create(by=request.user, **form.cleaned_data)
        )
        if done.ok:
            return redirect("practices:edit", pk=done.value.pk, section="identity")
        status = done.status
    return render(request, "practices/new.html", {"form": form}, status=status)


def _section_form(section: str, practice: Practice, user, data=None):
    form_class = SECTION_FORMS[section]
    kwargs = {"user": user} if form_class is IdentityForm else {}
    return form_class(data, instance=practice, **kwargs)


def _changes(form) -> dict:
    if isinstance(form, IdentityForm):
        return form.changes()
    return {name: form.cleaned_data[name] for name in form.Meta.fields}


def _steps(formset) -> list[dict[str, str]]:
    return [
        {k: f.cleaned_data.get(k, "") for k in ("title", "description", "what_made_it_work")}
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("title")
    ]


@login_required
def edit(request, pk: int, section: str):
    """One section of the guided editor. Works as a plain form; htmx adds autosave."""
    if section not in SECTION_BY_SLUG:
        raise Http404
    practice = _editable(request, pk)
    autosave = request.method == "POST" and request.GET.get("autosave") == "1"
    if not practice.is_editable:
        if autosave:
            return render(
                request,
                "practices/_autosave.html",
                {"error": _("This practice can no longer be edited here.")},
                status=409,
            )
        if practice.is_published:
            messages.info(request, _("Start a new version to change a published practice."))
        else:
            messages.info(
                request,
                _("This practice is %(status)s: it cannot be edited now.")
                % {"status": practice.get_status_display()},
            )
        return redirect(practice)
    form = _section_form(section, practice, request.user, request.POST or None)
    formset = None
    if section == "approach":
        formset = StepFormSet(request.POST or None, instance=practice, prefix="steps")
    status = 200
    conflict = None
    if request.method == "POST":
        valid = form.is_valid() and (formset is None or formset.is_valid())
        if valid:
            try:
                saved = services.practice_update(
                    practice=practice,
                    by=request.user,
                    fields=_changes(form),
                    expected_version=form.cleaned_data.get("version"),
                    steps=_steps(formset) if formset is not None else None,
                )
            except ConflictError as error:
                conflict = error.current
                status = 409
            except ServiceError as error:
                if autosave:
                    return render(
                        request,
                        "practices/_autosave.html",
                        {"error": error.message},
                        status=error.status,
                    )
                raise
            else:
                if autosave:
                    return render(
                        request,
                        "practices/_autosave.html",
                        {"saved": saved, "time": timezone.localtime()},
                    )
                messages.success(request, _("Saved."))
                following = request.POST.get("next_section")
                if following in SECTION_BY_SLUG:
                    return redirect("practices:edit", pk=practice.pk, section=following)
                if following == "done":
                    return redirect(practice)
                return redirect("practices:edit", pk=practice.pk, section=section)
        else:
            status = 400
        if autosave:
            return render(
                request,
                "practices/_autosave.html",
                {"conflict": conflict is not None, "invalid": status == 400},
                status=status,
            )
    practice.refresh_from_db()
    index = [s.slug for s in SECTIONS].index(section)
    context = {
        "practice": practice,
        "section": SECTION_BY_SLUG[section],
        "form": form,
        "formset": formset,
        "sections": completeness(practice),
        "previous": SECTIONS[index - 1] if index else None,
        "next": SECTIONS[index + 1] if index + 1 < len(SECTIONS) else None,
        "conflict": conflict,
        "comments": practice.review_comments.filter(section=section, resolved_at__isnull=True),
    }
    if conflict is not None:
        form.data = form.data.copy()
        form.data["version"] = conflict.version
        context["theirs"] = [
            (form[name].label, getattr(conflict, name))
            for name in form.Meta.fields
            if name in form.fields and not hasattr(getattr(conflict, name), "all")
        ]
    return render(request, "practices/edit.html", context, status=status)


def _transition(request, pk: int, action, success: str, **kwargs):
    practice = practice_for(request, pk)
    result = action(practice=practice, by=request.user, **kwargs)
    messages.success(request, success)
    return redirect(result)


@require_POST
@login_required
def submit(request, pk: int):
    return _transition(
        request, pk, services.practice_submit, _("Submitted. A facilitator will review it.")
    )


@require_POST
@login_required
def withdraw(request, pk: int):
    return _transition(
        request, pk, services.practice_withdraw, _("Taken back: it is a draft again.")
    )


@require_POST
@login_required
def publish(request, pk: int):
    return _transition(
        request,
        pk,
        services.practice_publish,
        _("Published."),
        note=request.POST.get("note", "")[:300],
    )


@require_POST
@login_required
def request_changes(request, pk: int):
    practice = practice_for(request, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        raise ServiceError(_("The review could not be read."))
    services.practice_request_changes(
        practice=practice,
        by=request.user,
        comments=form.comments(),
        message=form.cleaned_data["message"],
    )
    messages.success(request, _("Changes requested. The authors have been told."))
    return redirect(practice)


@require_POST
@login_required
def new_version(request, pk: int):
    practice = practice_for(request, pk)
    draft = services.practice_start_new_version(practice=practice, by=request.user)
    return redirect("practices:edit", pk=draft.pk, section="identity")


@require_POST
@login_required
def translate(request, pk: int):
    practice = practice_for(request, pk)
    language = request.POST.get("language", "")
    if language not in dict(Practice._meta.get_field("language").choices):
        raise ServiceError(_("Choose a language."))
    draft = services.practice_start_translation(
        practice=practice, by=request.user, language=language
    )
    return redirect("practices:edit", pk=draft.pk, section="identity")


@require_POST
@login_required
def archive(request, pk: int):
    return _transition(request, pk, services.practice_archive, _("Archived."))


@require_POST
@login_required
def unarchive(request, pk: int):
    return _transition(request, pk, services.practice_unarchive, _("Published again."))


@require_POST
@login_required
def revalidate(request, pk: int):
    return _transition(
        request,
        pk,
        services.practice_revalidate,
        _("Thank you: the practice is confirmed for two more years."),
    )


@require_POST
@login_required
def toggle_saved(request, pk: int):
    practice = practice_for(request, pk)
    saved = services.practice_toggle_saved(practice=practice, user=request.user)
    if request.htmx:
        return render(
            request, "practices/_save_button.html", {"practice": practice, "is_saved": saved}
        )
    messages.success(
        request, _("Saved for later.") if saved else _("Removed from your saved practices.")
    )
    return redirect(practice)


@login_required
def attachments(request, pk: int):
    practice = _editable(request, pk)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        done = form_submit(
            form,
            lambda: services.attachment_add(
                practice=practice,
                by=request.user,
                upload=form.cleaned_data["file"],
                caption=form.cleaned_data["caption"],
            ),
        )
        if done.ok:
            messages.success(request, _("File added."))
            return redirect("practices:attachments", pk=practice.pk)
        status = done.status
    return render(
        request,
        "practices/attachments.html",
        {
            "practice": practice,
            "form": form,
            "attachments": practice.attachments.all(),
            "max_size": settings.ATTACHMENT_MAX_BYTES,
        },
        status=status,
    )


@require_POST
@login_required
def attachment_delete(request, pk: int, attachment_pk: int):
    practice = _editable(request, pk)
    item = rules.attachment_for(request.user, practice, attachment_pk)
    services.attachment_remove(attachment=item, by=request.user)
    messages.success(request, _("File removed."))
    return redirect(reverse("practices:attachments", args=[practice.pk]))


# Search ---------------------------------------------------------------------


def search_page(request):
    """Full-text search with facets. The URL always holds the whole search, so it can be shared."""

    q = request.GET.get("q", "")
    filters = clean_filters(request.GET)
    result = practice_search(
        user=request.user,
        q=q,
        filters=filters,
        sort=request.GET.get("sort", ""),
        page=request.GET.get("page"),
        live=request.GET.get("live") == "1",
        exact=request.GET.get("exact") == "1",
        expand=request.GET.get("all") or None,
    )
    if q.strip() and request.GET.get("live") != "1" and not request.GET.get("page"):
        practice_searched.send_robust(sender=search_page, query=q, results=result.total)
    for facet in result.facets:
        for value in facet.values:
            params = request.GET.copy()
            for name in ("page", "live", "all"):
                params.pop(name, None)
            if value.selected:
                params.pop(facet.name, None)
            else:
                params[facet.name] = value.value
            value.url = "?" + params.urlencode()
    context = {
        "q": q,
        "result": result,
        "facets": FACETS,
        "sorts": SORTS,
        "filters": filters,
        "too_long": len(q) > 200,
        "exact": request.GET.get("exact") == "1",
    }
    response = render(
        request,
        "practices/search.html#results" if request.htmx else "practices/search.html",
        context,
    )
    response["Vary"] = "HX-Request, Cookie, Accept-Language"
    return response


def export(request, fmt: str):
    """What this person may see — a search result or the whole library — as a file."""
    import tempfile

    from django.http import StreamingHttpResponse

    if fmt not in ("csv", "xlsx", "jsonl"):
        raise Http404
    ids = practice_ids(
        user=request.user,
        q=request.GET.get("q", ""),
        filters=clean_filters(request.GET),
        sort=request.GET.get("sort", ""),
        exact=request.GET.get("exact") == "1",
    )
    rows = export_rows(ids)
    name = f"palabre-practices-{timezone.localdate().isoformat()}.{fmt}"
    if fmt == "xlsx":
        spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
        write_xlsx(rows, spool)
        spool.seek(0)
        response = FileResponse(spool, as_attachment=True, filename=name)
    else:
        content_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson"
        writer = write_csv if fmt == "csv" else write_jsonl
        response = StreamingHttpResponse(writer(rows), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
