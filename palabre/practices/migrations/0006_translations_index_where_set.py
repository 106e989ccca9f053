"""A practice's translations are found through an index of the practices that are a
translation only (most are not: an index of every row would hold mostly NULLs, which
SQLite's ANALYZE judges useless, and the practice page would read the whole table)."""

import django.db.models.deletion
from django.db import migrations, models

# The index Django made for the foreign key (the same name on SQLite and PostgreSQL).
FULL_INDEX = "practices_practice_translation_of_id_68f784c0"


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0005_attachment_prepared_at"),
    ]

    operations = [
        # Dropping the index alone: altering the field would rebuild the table on SQLite.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="practice",
                    name="translation_of",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="translations",
                        to="practices.practice",
                        verbose_name="translation of",
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{FULL_INDEX}"',
                    f'CREATE INDEX "{FULL_INDEX}" ON "practices_practice" ("translation_of_id")',
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="practice",
            index=models.Index(
                condition=models.Q(("translation_of__isnull", False)),
                fields=["translation_of"],
                name="practice_translations",
            ),
        ),
    ]
