"""Every change to a workshop and what it produces: each one transaction, audited, notified.

One module per moment, as the views are split: ``workshops`` (create, change, publish,
cancel), ``registrations``, ``agenda`` (sessions and groups), ``during`` (attendance,
restitutions, practice drafts, collective actions), ``after`` (evaluation, report) and
``toolbox``. Everything is re-exported here, so callers write ``services.workshop_create``.
"""

from palabre.lib.errors import ConflictError
from palabre.workshops.selectors import admin_organisations, places_left, practice_draft_origin
from palabre.workshops.services.after import (
    evaluation_close,
    evaluation_submit,
    evaluations_invite,
    report_share,
    report_update,
)
from palabre.workshops.services.agenda import (
    SESSION_FIELDS,
    groups_assign,
    session_create,
    session_delete,
    session_update,
)
from palabre.workshops.services.during import (
    ACTION_FIELDS,
    RESTITUTION_FIELDS,
    action_create,
    action_update,
    actions_notify_overdue,
    attendance_mark,
    attendance_record,
    practice_draft_from_session,
    restitution_photo_add,
    restitution_photo_remove,
    restitution_save,
)
from palabre.workshops.services.registrations import (
    SELF_ROLES,
    registration_cancel,
    registration_create,
    registration_update,
)
from palabre.workshops.services.toolbox import TOOL_FIELDS, tool_create, tool_update
from palabre.workshops.services.workshops import (
    WORKSHOP_FIELDS,
    workshop_cancel,
    workshop_create,
    workshop_publish,
    workshop_update,
)

__all__ = [
    "ACTION_FIELDS",
    "RESTITUTION_FIELDS",
    "SELF_ROLES",
    "SESSION_FIELDS",
    "TOOL_FIELDS",
    "WORKSHOP_FIELDS",
    "ConflictError",
    "action_create",
    "action_update",
    "actions_notify_overdue",
    "admin_organisations",
    "attendance_mark",
    "attendance_record",
    "evaluation_close",
    "evaluation_submit",
    "evaluations_invite",
    "groups_assign",
    "places_left",
    "practice_draft_from_session",
    "practice_draft_origin",
    "registration_cancel",
    "registration_create",
    "registration_update",
    "report_share",
    "report_update",
    "restitution_photo_add",
    "restitution_photo_remove",
    "restitution_save",
    "session_create",
    "session_delete",
    "session_update",
    "tool_create",
    "tool_update",
    "workshop_cancel",
    "workshop_create",
    "workshop_publish",
    "workshop_update",
]
