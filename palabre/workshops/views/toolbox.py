"""The facilitation toolbox: find a technique, read it, add or improve one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from palabre.lib.views import submit
from palabre.permissions import workshops as rules
from palabre.workshops import services
from palabre.workshops.forms import ToolForm, ToolSearchForm
from palabre.workshops.selectors import search_tools


@vary_on_headers("HX-Request")
@login_required
def toolbox(request):
    if not rules.can_view_toolbox(request.user):
        raise Http404
    form = ToolSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    tools = search_tools(
        q=filters.get("q") or "", people=filters.get("people"), minutes=filters.get("minutes")
    )
    context = {"form": form, "tools": tools, "can_add": rules.can_add_tool(request.user)}
    if request.htmx:
        return render(request, "workshops/toolbox.html#results", context)
    return render(request, "workshops/toolbox.html", context)


@login_required
def tool(request, slug: str):
    item = rules.tool_for(request.user, slug)
    sessions = (
        item.sessions.filter(workshop__in=rules.workshops_visible_to(request.user))
        .select_related("workshop")
        .order_by("-starts_at")[:10]
    )
    return render(
        request,
        "workshops/tool.html",
        {"tool": item, "sessions": sessions, "can_edit": rules.can_edit_tool(request.user, item)},
    )


@login_required
def tool_new(request):
    if not rules.can_add_tool(request.user):
        raise Http404
    form = ToolForm(request.POST or None)
    status = 200
    if request.method == "POST":
        done = submit(form, lambda: services.tool_create(by=request.user, **form.cleaned_data))
        if done.ok:
            messages.success(request, _("Tool added to the toolbox."))
            return redirect(done.value)
        status = done.status
    return render(request, "workshops/tool_form.html", {"form": form}, status=status)


@login_required
def tool_edit(request, slug: str):
    item = rules.tool_for(request.user, slug)
    if not rules.can_edit_tool(request.user, item):
        raise Http404
    form = ToolForm(request.POST or None, instance=item)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.tool_update(
                tool=item,
                by=request.user,
                fields={name: form.cleaned_data[name] for name in form.Meta.fields},
            ),
        )
        if done.ok:
            messages.success(request, _("Saved."))
            return redirect("workshops:tool", slug=item.slug)
        status = done.status
        item.refresh_from_db()
    return render(request, "workshops/tool_form.html", {"form": form, "tool": item}, status=status)
