"""Internal training's pages: needs, trainings, quiz, sessions, follow-ups."""

from palabre.learning.views import followups, needs, quiz, sessions, trainings

app_name = "learning"

urlpatterns = [
    *trainings.urlpatterns,
    *needs.urlpatterns,
    *quiz.urlpatterns,
    *sessions.urlpatterns,
    *followups.urlpatterns,
]
