from django.urls import path

from palabre.workshops import pack
from palabre.workshops.views import after, agenda, during, toolbox, variants, workshops

app_name = "workshops"

W = "workshops/<int:pk>/"
S = W + "sessions/<int:session_pk>/"

urlpatterns = [
    path("workshops/", workshops.index, name="index"),
    path("workshops/new/", workshops.create, name="create"),
    path("workshops/mine/", workshops.mine, name="mine"),
    path("workshops/mine.ics", agenda.all_my_sessions_ics, name="mine_ics"),
    # The facilitation toolbox
    path("workshops/toolbox/", toolbox.toolbox, name="toolbox"),
    path("workshops/toolbox/new/", toolbox.tool_new, name="tool_new"),
    path("workshops/toolbox/<slug:slug>/", toolbox.tool, name="tool"),
    path("workshops/toolbox/<slug:slug>/edit/", toolbox.tool_edit, name="tool_edit"),
    # Before
    path(W, workshops.detail, name="detail"),
    path(W + "edit/", workshops.edit, name="edit"),
    path(W + "publish/", workshops.publish, name="publish"),
    path(W + "cancel/", workshops.cancel, name="cancel"),
    path(W + "register/", workshops.register, name="register"),
    path(W + "registrations/", workshops.registrations, name="registrations"),
    path(W + "registrations/<int:registration_pk>/", workshops.registration, name="registration"),
    path(
        W + "registrations/<int:registration_pk>/cancel/",
        workshops.registration_cancel,
        name="registration_cancel",
    ),
    path(W + "participants/", workshops.participants, name="participants"),
    path(W + "agenda/", agenda.agenda, name="agenda"),
    path(W + "agenda/print/", agenda.agenda_print, name="agenda_print"),
    path(W + "agenda.pdf", agenda.agenda_pdf, name="agenda_pdf"),
    path(W + "agenda.ics", agenda.agenda_ics, name="agenda_ics"),
    path(W + "agenda/mine.ics", agenda.my_agenda_ics, name="my_agenda_ics"),
    path(W + "sessions/new/", agenda.session_new, name="session_new"),
    path(W + "groups/", agenda.groups, name="groups"),
    path(W + "groups/<int:session_pk>/", agenda.group_slot, name="group_slot"),
    # During
    path(S, during.session, name="session"),
    path(S + "edit/", agenda.session_edit, name="session_edit"),
    path(S + "delete/", agenda.session_delete, name="session_delete"),
    path(S + "attendance/", during.attendance, name="attendance"),
    path(S + "attendance/<int:person_pk>/", during.attendance_toggle, name="attendance_toggle"),
    path(S + "restitution/", during.restitution_edit, name="restitution"),
    path(S + "restitution/photos/", during.photo_add, name="photo_add"),
    path(S + "restitution/photos/<int:photo_pk>/", during.photo, name="photo"),
    path(
        S + "restitution/photos/<int:photo_pk>/preview/",
        during.photo_preview,
        name="photo_preview",
    ),
    path(
        S + "restitution/photos/<int:photo_pk>/preview/<int:width>.webp",
        variants.photo_variant,
        name="photo_variant",
    ),
    path(W + "offline.zip", pack.workshop_pack, name="pack"),
    path(S + "restitution/photos/<int:photo_pk>/delete/", during.photo_delete, name="photo_delete"),
    path(S + "practice/", during.practice_draft, name="practice_draft"),
    path(W + "actions/", during.actions, name="actions"),
    path(W + "actions/new/", during.action_new, name="action_new"),
    path(W + "actions/<int:action_pk>/", during.action, name="action"),
    path(W + "actions/<int:action_pk>/edit/", during.action_edit, name="action_edit"),
    # After
    path(W + "evaluation/", after.evaluation, name="evaluation"),
    path(W + "evaluation/results/", after.evaluation_results, name="evaluation_results"),
    path(W + "evaluation/close/", after.evaluation_toggle, name="evaluation_toggle"),
    path(W + "report/", after.report, name="report"),
    path(W + "report/edit/", after.report_edit, name="report_edit"),
    path(W + "report/share/", after.report_share, name="report_share"),
    path(W + "report.pdf", after.report_pdf, name="report_pdf"),
    path(
        W + "export/participants.<str:fmt>",
        after.export_participants,
        name="export_participants",
    ),
    path(W + "export/actions.<str:fmt>", after.export_actions, name="export_actions"),
]
