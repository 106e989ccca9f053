# "Did you mean": on PostgreSQL, misspelt words are looked up among the library's words
# through a trigram index (pg_trgm). The extension is trusted (PostgreSQL 13 and later):
# the database's owner may install it. Where it cannot be installed, the migration says
# so and Palabre looks words up in Python instead (palabre/search/services.py).

from django.db import migrations

INSTALL = """DO $$ BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING USING MESSAGE = 'pg_trgm could not be installed, spelling is checked '
        'without it: ' || SQLERRM;
END $$"""
INDEX = """DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX IF NOT EXISTS search_term_trigrams '
            'ON search_searchterm USING gist (term gist_trgm_ops)';
    END IF;
END $$"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INSTALL)
        schema_editor.execute(INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_term_trigrams")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_stems_of_unaccented_words")]

    operations = [migrations.RunPython(forwards, backwards)]
