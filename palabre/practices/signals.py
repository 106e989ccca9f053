"""What the practice library announces to other apps, once the change is committed.

Receivers do their own work (notify followers, refresh indexes…); the practice
services never know who listens.
"""

from django.dispatch import Signal

# Sent after a publication is committed: practice=, revision=, by=, first_publication=
practice_published = Signal()
