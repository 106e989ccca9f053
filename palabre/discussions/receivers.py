"""What discussions do when other apps announce something."""

from django.dispatch import receiver

from palabre.discussions.tasks import tell_publication
from palabre.practices.signals import practice_published


@receiver(practice_published, dispatch_uid="discussions.practice_published")
def tell_followers_of_publication(sender, practice, first_publication, **kwargs):
    # Followers may be many: they are told by the worker, not in the facilitator's request.

    tell_publication.enqueue(practice.pk, first_publication)
