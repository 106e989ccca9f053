"""During the workshop (often on a phone): sessions, attendance, restitutions, photos, actions."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palabre.lib.errors import ConflictError, ServiceError, refuse
from palabre.lib.views import form_add_service_error, submit
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as rules
from palabre.workshops import selectors, services
from palabre.workshops.forms import (
    ActionForm,
    ActionProgressForm,
    PhotoForm,
    PracticeDraftForm,
    RestitutionForm,
)
from palabre.workshops.models import CollectiveAction, Restitution, RestitutionPhoto

User = get_user_model()


def session(request, pk: int, session_pk: int):
    item = rules.session_for(request.user, rules.workshop_for(request.user, pk), session_pk)
    workshop, user = item.workshop, request.user
    restitution = Restitution.objects.filter(session=item).select_related("practice").first()
    if restitution is not None and not rules.can_see_restitution(user, restitution):
        restitution = None
    can_see_participants = rules.can_see_participants(user, workshop)
    context = {
        "workshop": workshop,
        "session": item,
        "restitution": restitution,
        "photos": restitution.photos.all() if restitution is not None else [],
        "members": item.members.order_by("display_name") if can_see_participants else [],
        "can_see_participants": can_see_participants,
        "practice": selectors.visible_practice(user, item.presented_practice),
        "restitution_practice": selectors.visible_practice(
            user, restitution.practice if restitution else None
        ),
        "can_view_toolbox": rules.can_view_toolbox(user),
        "can_run": rules.can_run(user, workshop),
        "can_take_attendance": rules.can_take_attendance(user, item),
        "can_write_restitution": rules.can_write_restitution(user, item),
        "can_make_practice": rules.can_make_practice_from(user, item)
        and not (restitution and restitution.practice_id)
        and not (item.kind == "presentation" and item.presented_practice_id)
        and (item.kind == "presentation" or (restitution is not None and not restitution.is_empty)),
        "actions": item.actions.select_related("owner_person", "owner_organisation")
        if rules.can_see_actions(user, workshop)
        else [],
        "conflicts": selectors.session_conflicts(list(selectors.agenda_sessions(workshop))).get(
            item.pk, []
        )
        if rules.can_run(user, workshop)
        else [],
    }
    return render(request, "workshops/session.html", context)


# Attendance ---------------------------------------------------------------------------


def _attendance_allowed(request, item) -> None:
    if not rules.can_take_attendance(request.user, item):
        if rules.can_see_participants(request.user, item.workshop):
            refuse(
                _(
                    "Only the session's facilitator, its rapporteur or a facilitator take attendance."
                ),
                status=403,
            )
        raise Http404


@login_required
def attendance(request, pk: int, session_pk: int):
    item = rules.session_for(request.user, rules.workshop_for(request.user, pk), session_pk)
    _attendance_allowed(request, item)
    people = selectors.expected_people(item)
    if request.method == "POST":
        present = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
        count = services.attendance_record(
            session=item, by=request.user, people=people, present_ids=present
        )
        messages.success(
            request,
            _("Attendance saved: %(present)s present out of %(total)s.")
            % {"present": count, "total": len(people)},
        )
        return redirect("workshops:attendance", pk=pk, session_pk=session_pk)
    marks = selectors.attendance_of(item)
    rows = [{"person": p, "present": marks.get(p.pk)} for p in people]
    return render(
        request,
        "workshops/attendance.html",
        {
            "workshop": item.workshop,
            "session": item,
            "rows": rows,
            "present_count": sum(1 for r in rows if r["present"]),
            "not_yet": item.starts_at.astimezone(item.workshop.tz).date() > item.workshop.today(),
        },
    )


@require_POST
@login_required
def attendance_toggle(request, pk: int, session_pk: int, person_pk: int):
    """One tick, sent as soon as it is made (htmx); the page's own form does the same without JS."""
    item = rules.session_for(request.user, rules.workshop_for(request.user, pk), session_pk)
    _attendance_allowed(request, item)
    person = get_object_or_404(User, pk=person_pk)
    present = request.POST.get("mark") == "1"
    services.attendance_mark(session=item, by=request.user, person=person, present=present)
    if request.htmx:
        return render(
            request,
            "workshops/attendance.html#row",
            {
                "workshop": item.workshop,
                "session": item,
                "row": {"person": person, "present": present},
            },
        )
    return redirect("workshops:attendance", pk=pk, session_pk=session_pk)


# Restitutions -------------------------------------------------------------------------


def _restitution_allowed(request, item) -> None:
    if not rules.can_write_restitution(request.user, item):
        if not item.takes_restitution:
            raise Http404
        refuse(
            _("Only the group's rapporteur or a facilitator writes its restitution."), status=403
        )


@login_required
def restitution_edit(request, pk: int, session_pk: int):
    item = rules.session_for(request.user, rules.workshop_for(request.user, pk), session_pk)
    autosave = request.method == "POST" and request.GET.get("autosave") == "1"
    try:
        _restitution_allowed(request, item)
    except ServiceError as error:
        if not autosave:
            raise
        return render(
            request, "workshops/_autosave.html", {"error": error.message}, status=error.status
        )
    restitution = Restitution.objects.filter(session=item).first() or Restitution(session=item)
    form = RestitutionForm(request.POST or None, instance=restitution)
    status, conflict = 200, None
    if request.method == "POST":
        if form.is_valid():
            final = {"1": True, "0": False}.get(request.POST.get("final", ""))
            try:
                saved = services.restitution_save(
                    session=item,
                    by=request.user,
                    fields={name: form.cleaned_data[name] for name in form.Meta.fields},
                    expected_version=form.cleaned_data.get("version"),
                    final=None if autosave else final,
                    own_saves_conflict=False,
                )
            except ConflictError as error:
                conflict, status = error.current, 409
            except ServiceError as error:
                if autosave:
                    return render(
                        request,
                        "workshops/_autosave.html",
                        {"error": error.message},
                        status=error.status,
                    )
                form_add_service_error(form, error)
                status = error.status
            else:
                if autosave:
                    return render(
                        request,
                        "workshops/_autosave.html",
                        {
                            "saved": saved,
                            "time": timezone.localtime(timezone.now(), item.workshop.tz),
                        },
                    )
                messages.success(
                    request,
                    _("Restitution saved and shared.") if saved.is_final else _("Draft saved."),
                )
                return redirect(item)
        else:
            status = 400
        if autosave:
            return render(
                request,
                "workshops/_autosave.html",
                {"conflict": conflict is not None, "invalid": status == 400},
                status=status,
            )
    current = Restitution.objects.filter(session=item).first()
    context = {
        "workshop": item.workshop,
        "session": item,
        "form": form,
        "restitution": current,
        "photos": current.photos.all() if current else [],
        "photo_form": PhotoForm(),
        "conflict": conflict,
        "max_size": settings.ATTACHMENT_MAX_BYTES,
    }
    if conflict is not None:
        form.data = form.data.copy()
        form.data["version"] = conflict.version
        context["theirs"] = [
            (form[name].label, getattr(conflict, name)) for name in form.Meta.fields
        ]
    return render(request, "workshops/restitution_form.html", context, status=status)


@require_POST
@login_required
def photo_add(request, pk: int, session_pk: int):
    item = rules.session_for(request.user, rules.workshop_for(request.user, pk), session_pk)
    _restitution_allowed(request, item)
    form = PhotoForm(request.POST, request.FILES)
    if not form.is_valid():
        refuse(_("Choose a photo to send."))
    services.restitution_photo_add(
        session=item,
        by=request.user,
        upload=form.cleaned_data["file"],
        caption=form.cleaned_data["caption"],
    )
    messages.success(request, _("Photo added."))
    return redirect("workshops:restitution", pk=pk, session_pk=session_pk)


def _photo_for(request, pk: int, session_pk: int, photo_pk: int) -> RestitutionPhoto:
    return rules.photo_for(
        request.user,
        rules.session_for(request.user, rules.workshop_for(request.user, pk), session_pk),
        photo_pk,
    )


def photo(request, pk: int, session_pk: int, photo_pk: int):
    item = _photo_for(request, pk, session_pk, photo_pk)
    if not item.is_ready:  # its metadata (GPS…) not removed yet by the worker
        raise Http404
    response = FileResponse(item.file.open("rb"), content_type=item.content_type)
    response["Content-Disposition"] = f'inline; filename="{item.original_name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=86400"
    return response


def photo_preview(request, pk: int, session_pk: int, photo_pk: int):
    item = _photo_for(request, pk, session_pk, photo_pk)
    if not item.preview:  # made by the worker; the full photo is never sent as a preview
        raise Http404
    response = FileResponse(item.preview.open("rb"), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=86400"
    return response


@require_POST
@login_required
def photo_delete(request, pk: int, session_pk: int, photo_pk: int):
    item = _photo_for(request, pk, session_pk, photo_pk)
    services.restitution_photo_remove(photo=item, by=request.user)
    messages.success(request, _("Photo removed."))
    return redirect("workshops:restitution", pk=pk, session_pk=session_pk)


# Into the practice library ------------------------------------------------------------


@login_required
def practice_draft(request, pk: int, session_pk: int):
    item = rules.session_for(request.user, rules.workshop_for(request.user, pk), session_pk)
    if not rules.can_make_practice_from(request.user, item):
        if rules.can_see_participants(request.user, item.workshop) and item.takes_restitution:
            refuse(
                _("Only the rapporteur, the presenter or a facilitator can do this."), status=403
            )
        raise Http404
    main = item.rapporteur if item.is_group else (item.presenter or item.rapporteur)
    registration = (
        item.workshop.registrations.filter(person=main).select_related("organisation").first()
        if main
        else None
    )
    form = PracticeDraftForm(
        request.POST or None,
        by=request.user,
        initial_organisation=registration.organisation if registration else None,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            practice = services.practice_draft_from_session(
                session=item,
                by=request.user,
                lead_organisation=form.cleaned_data["lead_organisation"],
            )
            messages.success(
                request,
                _("A practice draft was written from it. Complete it, then submit it for review."),
            )
            if practice_rules.can_edit(request.user, practice):
                return redirect("practices:edit", pk=practice.pk, section="identity")
            return redirect(item)
        status = 400
    return render(
        request,
        "workshops/practice_draft.html",
        {
            "workshop": item.workshop,
            "session": item,
            "form": form,
            "restitution": Restitution.objects.filter(session=item).first(),
            "origin": selectors.practice_draft_origin(item),
        },
        status=status,
    )


# Collective actions -------------------------------------------------------------------


def actions(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    if not rules.can_see_actions(request.user, workshop):
        raise Http404
    show = request.GET.get("show", "all")
    items = workshop.actions.select_related("owner_person", "owner_organisation", "session")
    if show == "open":
        items = items.open()
    elif show == "overdue":
        items = items.overdue()
    items = list(items.order_by("due_date", "pk"))
    return render(
        request,
        "workshops/actions.html",
        {
            "workshop": workshop,
            "actions": items,
            "show": show,
            "can_add": rules.can_add_action(request.user, workshop),
            "can_export": rules.can_export(request.user, workshop),
            "overdue_count": workshop.actions.overdue().count(),
        },
    )


@login_required
def action_new(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    if not rules.can_add_action(request.user, workshop):
        raise Http404
    initial = {"session": request.GET.get("session")} if request.GET.get("session") else {}
    form = ActionForm(request.POST or None, workshop=workshop, initial=initial)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.action_create(
                workshop=workshop,
                by=request.user,
                **{name: form.cleaned_data[name] for name in form.Meta.fields},
            ),
        )
        if done.ok:
            messages.success(request, _("Action recorded; the people in charge are told."))
            if "another" in request.POST:
                return redirect("workshops:action_new", pk=workshop.pk)
            return redirect("workshops:actions", pk=workshop.pk)
        status = done.status
    return render(
        request, "workshops/action_form.html", {"workshop": workshop, "form": form}, status=status
    )


def _action_for(request, pk: int, action_pk: int) -> CollectiveAction:
    return rules.action_for(request.user, rules.workshop_for(request.user, pk), action_pk)


def action(request, pk: int, action_pk: int):
    item = _action_for(request, pk, action_pk)
    can_update = rules.can_update_action(request.user, item)
    form = ActionProgressForm(request.POST or None, initial={"status": item.status})
    status = 200
    if request.method == "POST":
        if not can_update:
            refuse(
                _("Only the people in charge of this action or a facilitator update it."),
                status=403,
            )
        done = submit(
            form,
            lambda: services.action_update(
                action=item,
                by=request.user,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
            ),
        )
        if done.ok:
            messages.success(request, _("Thank you: the action is up to date."))
            return redirect(item)
        status = done.status
    return render(
        request,
        "workshops/action.html",
        {
            "workshop": item.workshop,
            "action": item,
            "updates": item.updates.select_related("author"),
            "form": form if can_update else None,
            "can_edit": rules.can_edit_action(request.user, item),
        },
        status=status,
    )


@login_required
def action_edit(request, pk: int, action_pk: int):
    item = _action_for(request, pk, action_pk)
    if not rules.can_edit_action(request.user, item):
        raise Http404
    form = ActionForm(request.POST or None, instance=item, workshop=item.workshop)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.action_update(
                action=item,
                by=request.user,
                status=form.cleaned_data["status"],
                fields={
                    name: form.cleaned_data[name] for name in form.Meta.fields if name != "status"
                },
            ),
        )
        if done.ok:
            messages.success(request, _("Saved."))
            return redirect(item)
        status = done.status
        item.refresh_from_db()
    return render(
        request,
        "workshops/action_form.html",
        {"workshop": item.workshop, "form": form, "action": item},
        status=status,
    )
