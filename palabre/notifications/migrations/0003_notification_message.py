"""Keep what is needed to show a notification in the language of whoever reads it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("notifications", "0002_email_choices_and_delivery_state")]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="message",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
