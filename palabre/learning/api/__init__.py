"""Internal training's API v1 routes (picked up by palabre/api.py through ``routers``)."""

from palabre.learning.api import followups, needs, quiz, sessions, trainings

routers = {
    "/trainings": trainings.router,
    "/training-needs": needs.router,
    "/quiz": quiz.router,
    "/training-sessions": sessions.router,
    "/training-follow-ups": followups.router,
}
