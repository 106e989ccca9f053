"""E-mails get a Message-ID of their own (filled in for the messages already there), a
time for their next try and the "uncertain" state; workers leave a heartbeat."""

from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.db import migrations, models


def give_each_email_a_message_id(apps, schema_editor):
    OutgoingEmail = apps.get_model("core", "OutgoingEmail")
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "palabre.localhost"
    for pk in OutgoingEmail.objects.filter(message_id__isnull=True).values_list("pk", flat=True):
        OutgoingEmail.objects.filter(pk=pk).update(message_id=make_msgid(domain=domain))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_daily_job_runs"),
    ]

    operations = [
        migrations.CreateModel(
            name="WorkerHeartbeat",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("worker_id", models.CharField(max_length=64, unique=True)),
                ("started_at", models.DateTimeField()),
                ("seen_at", models.DateTimeField(db_index=True)),
            ],
        ),
        migrations.AddField(
            model_name="outgoingemail",
            name="message_id",
            field=models.CharField(editable=False, max_length=255, null=True),
        ),
        migrations.RunPython(give_each_email_a_message_id, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="outgoingemail",
            name="message_id",
            field=models.CharField(editable=False, max_length=255, unique=True),
        ),
        migrations.AddField(
            model_name="outgoingemail",
            name="next_attempt_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="outgoingemail",
            name="attempts",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="tries"),
        ),
        migrations.AlterField(
            model_name="outgoingemail",
            name="last_error",
            field=models.TextField(blank=True, verbose_name="last error"),
        ),
        migrations.AlterField(
            model_name="outgoingemail",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "queued"),
                    ("sending", "sending"),
                    ("sent", "sent"),
                    ("failed", "not delivered"),
                    ("uncertain", "may not have been delivered"),
                ],
                default="queued",
                max_length=10,
            ),
        ),
        migrations.AddIndex(
            model_name="outgoingemail",
            index=models.Index(fields=["status", "next_attempt_at"], name="core_email_due_idx"),
        ),
    ]
