"""What adoptions do when the practice library announces something."""

from django.dispatch import receiver

from palabre.adoptions.services import feedback_link_revision
from palabre.practices.signals import practice_published


@receiver(practice_published, dispatch_uid="adoptions.link_feedback_to_revision")
def link_feedback_to_revision(sender, *, practice, revision, first_publication, **kwargs):
    """A new version published after feedback: the reports it was started from link to it."""
    if first_publication:
        return
    feedback_link_revision(practice=practice, revision=revision)
