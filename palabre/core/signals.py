"""What the platform's core announces to the apps above it (which it must not import).

Sent inside the transaction that makes the change, so that a receiver's own writes (an
audit event) are kept or undone with it.
"""

from django.dispatch import Signal

# A network admin queued again an e-mail that could not be delivered, or may not have
# been: email=, by=, previous_status=. The audit trail records it.
email_retried = Signal()
