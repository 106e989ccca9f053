"""`palabre token EMAIL`: create a personal API token for someone (administrators)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from palabre.accounts.services import api_token_create


class Command(BaseCommand):
    help = "Create a personal API token for the person with this e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="command line")

    def handle(self, *args, email, name, **options):
        user = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
        if user is None:
            raise CommandError(f"No active account with the e-mail address {email}.")
        _token, secret = api_token_create(user=user, name=name)
        self.stdout.write(secret)
