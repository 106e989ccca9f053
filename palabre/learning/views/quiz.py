"""Pages of internal training: quiz.

- ``trainings/<pk>/quiz/``: the trainer's quiz editor (the training's editors only): the
  questions in order, a form to add one; each question has its page to change it
  (``…/quiz/<question>/``), to remove it (``…/remove/``, with a confirmation) and buttons
  to move it up or down (``…/move/``);
- ``training-sessions/<pk>/quiz/``: my quiz on this session — my scores before and after,
  and the way to answer;
- ``training-sessions/<pk>/quiz/<before|after>/``: answering (one page, one choice per
  question), then my result;
- ``training-sessions/<pk>/quiz/results/``: the results in aggregate, for the trainers.

Every form works without JavaScript. Sessions and trainings are fetched through
palabre.permissions (404 for what the person may not see); each form hands its values
to one service (palabre.lib.views.submit).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from palabre.learning.models import QuizAttempt, QuizQuestion, Training, TrainingSession
from palabre.learning.selectors import quiz as selectors
from palabre.learning.services import quiz as services
from palabre.lib.views import submit
from palabre.permissions import is_member
from palabre.permissions import learning as rules

Moment = QuizAttempt.Moment
RIGHT_MARK = "*"


def training_url(training: Training) -> str:
    return training.get_absolute_url()


def session_url(session: TrainingSession) -> str:
    return session.get_absolute_url()


# The editor --------------------------------------------------------------------------


def parse_options(value: str) -> list[tuple[str, bool]]:
    """One possible answer per line; a line starting with * is a right answer."""
    options = []
    for line in str(value or "").splitlines():
        text = line.strip()
        right = text.startswith(RIGHT_MARK)
        if right:
            text = text.lstrip(RIGHT_MARK).strip()
        if text:
            options.append((text, right))
    return options


def options_as_lines(question: QuizQuestion) -> str:
    return "\n".join(
        f"{RIGHT_MARK} {o.text}" if o.is_correct else o.text for o in question.options.all()
    )


class QuestionForm(forms.Form):
    # Checked by the service, whose messages are the ones people read.
    text = forms.CharField(
        label=gettext_lazy("Question"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": services.TEXT_MAX}),
    )
    options = forms.CharField(
        label=gettext_lazy("Possible answers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "One answer per line, at least two. Start the right answer's line with * "
            "(for example: * Build the store on a mound)."
        ),
    )
    explanation = forms.CharField(
        label=gettext_lazy("Explanation of the right answer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": services.EXPLANATION_MAX}),
        help_text=gettext_lazy(
            "Participants read it once they have answered the quiz after the session."
        ),
    )

    def values(self) -> dict[str, Any]:
        return {
            "text": self.cleaned_data["text"],
            "explanation": self.cleaned_data["explanation"],
            "options": parse_options(self.cleaned_data["options"]),
        }


def _editor_page(
    request: HttpRequest, training: Training, form: QuestionForm, *, status: int = 200
) -> HttpResponse:
    questions = selectors.quiz_questions(training)
    return render(
        request,
        "learning/quiz/editor.html",
        {
            "training": training,
            "training_url": training_url(training),
            "questions": questions,
            "form": form,
            "can_add": len(questions) < services.QUESTIONS_MAX,
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def quiz_editor(request: HttpRequest, pk: int) -> HttpResponse:
    """The training's questions, and a form to add one (its editors only)."""
    training = rules.training_editable_for(request.user, pk)
    form = QuestionForm(request.POST or None)
    if request.method != "POST":
        return _editor_page(request, training, form)
    done = submit(
        form,
        lambda: services.question_add(training=training, by=request.user, **form.values()),
    )
    if not done.ok:
        return _editor_page(request, training, form, status=done.status)
    messages.success(request, _("Question added to the quiz."))
    return redirect(reverse("learning:quiz_editor", args=[training.pk]) + f"#q{done.value.pk}")


def _question(request: HttpRequest, pk: int, question_pk: int) -> QuizQuestion:
    return rules.quiz_question_editable_for(request.user, pk, question_pk)


@require_http_methods(["GET", "HEAD", "POST"])
def quiz_question(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    """Change one question, its answers and its explanation."""
    question = _question(request, pk, question_pk)
    training = question.training
    initial = {
        "text": question.text,
        "explanation": question.explanation,
        "options": options_as_lines(question),
    }
    form = QuestionForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.question_update(question=question, by=request.user, **form.values()),
        )
        if done.ok:
            messages.success(request, _("Question saved."))
            return redirect(
                reverse("learning:quiz_editor", args=[training.pk]) + f"#q{question.pk}"
            )
        status = done.status
    return render(
        request,
        "learning/quiz/question.html",
        {
            "training": training,
            "question": question,
            "form": form,
            "answered": services.question_has_answers(question),
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def quiz_question_remove(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    """GET asks for confirmation; POST removes the question."""
    question = _question(request, pk, question_pk)
    training = question.training
    if request.method == "POST":
        services.question_remove(question=question, by=request.user)
        messages.success(request, _("Question removed from the quiz."))
        return redirect("learning:quiz_editor", training.pk)
    return render(
        request,
        "learning/quiz/remove.html",
        {"training": training, "question": question},
    )


@require_POST
def quiz_question_move(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    """Move a question one place up (``direction=up``) or down."""
    question = _question(request, pk, question_pk)
    services.question_move(
        question=question, by=request.user, up=request.POST.get("direction") == "up"
    )
    return redirect(
        reverse("learning:quiz_editor", args=[question.training.pk]) + f"#q{question.pk}"
    )


# Answering -----------------------------------------------------------------------------


class AnswersForm(forms.Form):
    """One choice per question (radio buttons)."""

    def __init__(self, questions: list[QuizQuestion], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=question.text,
                choices=[(o.pk, o.text) for o in question.options.all()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": gettext_lazy("Choose an answer."),
                    "invalid_choice": gettext_lazy("Choose one of the answers given."),
                },
            )

    def rows(self) -> list[tuple[int, QuizQuestion, Any]]:
        return [(n, q, self[f"q{q.pk}"]) for n, q in enumerate(self.questions, start=1)]

    def answers(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[f"q{q.pk}"] for q in self.questions}


def _take_page(
    request: HttpRequest,
    session: TrainingSession,
    moment: str,
    *,
    form: AnswersForm | None = None,
    status: int = 200,
) -> HttpResponse:
    mine = selectors.my_quiz(request.user, session)
    state = mine.state(moment)
    questions = form.questions if form is not None else selectors.quiz_questions(session.training)
    open_now = mine.can_take and state.is_open
    problems = list(form.non_field_errors()) if form is not None and form.is_bound else []
    if open_now and form is None:
        form = AnswersForm(questions)
    if not mine.can_take and state.attempt is None and status == 200:
        status = 403
    return render(
        request,
        "learning/quiz/take.html",
        {
            "session": session,
            "training": session.training,
            "session_url": session_url(session),
            "moment": moment,
            "mine": mine,
            "state": state,
            "review": selectors.attempt_review(state.attempt, questions) if state.attempt else [],
            "form": form if open_now else None,
            "problems": problems,
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def quiz_take(request: HttpRequest, pk: int, moment: str) -> HttpResponse:
    """Answer the quiz before or after the session, then read one's result."""
    session = rules.session_for(request.user, pk)
    if moment not in Moment.values:
        raise Http404
    if not is_member(request.user):
        return redirect_to_login(request.get_full_path())
    if request.method != "POST":
        return _take_page(request, session, moment)
    form = AnswersForm(selectors.quiz_questions(session.training), request.POST)
    done = submit(
        form,
        lambda: services.attempt_submit(
            session=session, person=request.user, moment=moment, answers=form.answers()
        ),
    )
    if not done.ok:
        return _take_page(request, session, moment, form=form, status=done.status)
    attempt = done.value
    messages.success(
        request,
        _("Your answers are recorded: %(score)d right out of %(out_of)d.")
        % {"score": attempt.score, "out_of": attempt.out_of},
    )
    return redirect("learning:quiz_take", session.pk, moment)


def quiz_mine(request: HttpRequest, pk: int) -> HttpResponse:
    """My quiz on this session: my scores before and after, and what I may answer now."""
    session = rules.session_for(request.user, pk)
    if not is_member(request.user):
        return redirect_to_login(request.get_full_path())
    return render(
        request,
        "learning/quiz/mine.html",
        {
            "session": session,
            "training": session.training,
            "session_url": session_url(session),
            "mine": selectors.my_quiz(request.user, session),
        },
    )


def quiz_results(request: HttpRequest, pk: int) -> HttpResponse:
    """The session's quiz results in aggregate (its trainers, facilitators, those who run
    it): nobody's own answers."""
    session = rules.quiz_results_for(request.user, pk)
    return render(
        request,
        "learning/quiz/results.html",
        {
            "session": session,
            "training": session.training,
            "session_url": session_url(session),
            "results": selectors.session_results(session),
            "can_edit": rules.can_edit(request.user, session.training),
        },
    )


urlpatterns = [
    path("trainings/<int:pk>/quiz/", quiz_editor, name="quiz_editor"),
    path("trainings/<int:pk>/quiz/<int:question_pk>/", quiz_question, name="quiz_question"),
    path(
        "trainings/<int:pk>/quiz/<int:question_pk>/remove/",
        quiz_question_remove,
        name="quiz_question_remove",
    ),
    path(
        "trainings/<int:pk>/quiz/<int:question_pk>/move/",
        quiz_question_move,
        name="quiz_question_move",
    ),
    path("training-sessions/<int:pk>/quiz/", quiz_mine, name="quiz_mine"),
    path("training-sessions/<int:pk>/quiz/results/", quiz_results, name="quiz_results"),
    path("training-sessions/<int:pk>/quiz/<str:moment>/", quiz_take, name="quiz_take"),
]
