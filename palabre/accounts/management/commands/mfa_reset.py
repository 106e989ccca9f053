"""`palabre mfa_reset EMAIL`: turn two-step login off for someone who lost their phone
and their recovery codes (operators). If their role requires it, they set it up again
at their next login."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from palabre.audit.services import audit_record


class Command(BaseCommand):
    help = "Remove the authenticator app and recovery codes of the person with this e-mail."

    def add_arguments(self, parser):
        parser.add_argument("email")

    @transaction.atomic
    def handle(self, *args, email, **options):
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account with the e-mail address {email}.")
        removed, _detail = TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        audit_record(action="mfa.reset_by_operator", actor=None, target=user)
        if removed:
            self.stdout.write(f"Two-step login is off for {user.email}.")
        else:
            self.stdout.write(f"{user.email} had no two-step login.")
