"""What the practice library announces to other apps, once the change is committed.

Receivers do their own work (notify followers, refresh indexes…); the practice
services never know who listens.
"""

from django.dispatch import Signal

# Sent after a publication is committed: practice=, revision=, by=, first_publication=
practice_published = Signal()

# Sent after a search page with a non-empty query is computed (typing as-you-go and the
# following pages of one search aside): query= (the text as typed), results= (how many
# practices it found for the person who searched). Who searched is not sent.
practice_searched = Signal()
