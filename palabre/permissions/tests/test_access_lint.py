"""The access lint: outside ``palabre/permissions``, nothing that answers a request fetches a
shared object by itself. Views, API routes, forms, panels, selectors and exports go through
the access functions (``practice_for``, ``workshop_for``…), so the rule of who sees what
is written once. Services may re-read a row they were handed (to lock it), and tasks a row
they queued themselves: those are not questions of who may see it."""

from __future__ import annotations

import ast
from pathlib import Path

PALABRE = Path(__file__).resolve().parents[2]

# The models whose rows follow a visibility or membership rule.
GUARDED = {
    "Practice", "Attachment", "Revision",
    "Workshop", "Session", "Registration", "CollectiveAction", "Restitution", "RestitutionPhoto",
    "Thread", "Answer", "Space",
    "Adoption", "FeedbackReport", "Indicator", "Measurement",
    "Organisation", "Membership",
    "Thanks", "Feature", "Attestation", "ContributorSettings",
    "Training", "TrainingSession", "TrainingMaterial", "QuizQuestion", "QuizAttempt",
    "FollowUp", "LearningWish", "NeedDecision",
    "DataExport", "ErasureRequest",
    "OutgoingEmail",
    "AuditEvent",
    "Announcement", "Campaign",
    "Meeting", "Occurrence", "Proposal",
    "Issue", "Item", "Delivery",
    "FeedToken",
    "PresenterInvitation", "WorkshopLaunch", "LaunchDraft",
    "Resource", "ResourceVersion",
    "Project", "ProjectMember", "Exchange", "ExchangeMessage",
}  # fmt: skip

# Modules that answer requests (by file name, or folder name for views/ and templatetags/).
REQUEST_FACING = {
    "views.py", "api.py", "forms.py", "panels.py", "selectors.py", "exports.py",
    "feeds.py", "pdf.py", "ics.py", "charts.py",
}  # fmt: skip
REQUEST_FACING_DIRS = {"views", "templatetags", "api"}


def _root_name(node: ast.AST) -> str | None:
    """`Practice` for `Practice.objects.select_related(...).filter(...)`."""
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            node = node.value
        elif isinstance(node, ast.Name):
            return node.id
        else:
            return None


def _through_manager(node: ast.AST) -> bool:
    """Whether the chain goes through `.objects` or `._default_manager`."""
    while isinstance(node, ast.Call | ast.Attribute):
        if isinstance(node, ast.Attribute) and node.attr in ("objects", "_default_manager"):
            return True
        node = node.func if isinstance(node, ast.Call) else node.value
    return False


def _violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    facing = path.name in REQUEST_FACING or path.parent.name in REQUEST_FACING_DIRS
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        where = f"{path.relative_to(PALABRE.parent)}:{node.lineno}"
        func = node.func
        if isinstance(func, ast.Name) and func.id == "get_object_or_404" and node.args:
            if _root_name(node.args[0]) in GUARDED:
                found.append(f"{where} get_object_or_404 on {_root_name(node.args[0])}")
        elif (
            facing
            and isinstance(func, ast.Attribute)
            and func.attr == "get"
            and _root_name(func.value) in GUARDED
            and _through_manager(func.value)
        ):
            found.append(f"{where} {_root_name(func.value)}.objects…get()")
    return found


def test_request_facing_code_fetches_shared_objects_through_the_access_functions():
    found = []
    for path in sorted(PALABRE.rglob("*.py")):
        parts = set(path.relative_to(PALABRE).parts)
        if parts & {"permissions", "tests", "migrations"}:
            continue
        found += _violations(path)
    assert found == [], "Use the access functions of palabre/permissions:\n" + "\n".join(found)


def test_the_lint_sees_what_it_forbids(tmp_path):
    """The lint itself can fail: a view that fetches a practice by itself is caught."""
    view = tmp_path / "views.py"
    view.write_text(
        "def show(request, pk):\n"
        "    a = get_object_or_404(Practice.objects.select_related('x'), pk=pk)\n"
        "    b = Workshop.objects.filter(x=1).get(pk=pk)\n"
        "    c = get_object_or_404(organisation.invitations, pk=pk)\n"
    )
    found = _violations_at(view)
    assert [line.split(" ", 1)[1] for line in found] == [
        "get_object_or_404 on Practice",
        "Workshop.objects…get()",
    ]


def _violations_at(path: Path) -> list[str]:
    global PALABRE
    saved, PALABRE = PALABRE, path.parent.parent
    try:
        return _violations(path)
    finally:
        PALABRE = saved
