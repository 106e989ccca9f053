"""What discussions do when other apps announce something."""

from django.dispatch import receiver

from palabre.practices.signals import practice_published


@receiver(practice_published, dispatch_uid="discussions.practice_published")
def tell_followers_of_publication(sender, practice, first_publication, **kwargs):
    from palabre.discussions.services import practice_published_tell

    practice_published_tell(practice=practice, first_publication=first_publication)
