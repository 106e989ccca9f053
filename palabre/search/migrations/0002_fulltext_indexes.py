# The full-text machinery of each database: an FTS5 table kept in step by triggers on
# SQLite; unaccented French and English configurations and a GIN index on PostgreSQL.

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        terms_title, terms_summary, terms_body,
        content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
    )""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, terms_title, terms_summary, terms_body)
        VALUES (new.id, new.terms_title, new.terms_summary, new.terms_body);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, terms_title, terms_summary, terms_body)
        VALUES ('delete', old.id, old.terms_title, old.terms_summary, old.terms_body);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, terms_title, terms_summary, terms_body)
        VALUES ('delete', old.id, old.terms_title, old.terms_summary, old.terms_body);
        INSERT INTO search_fts(rowid, terms_title, terms_summary, terms_body)
        VALUES (new.id, new.terms_title, new.terms_summary, new.terms_body);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]

CONFIG = "(CASE language WHEN 'en' THEN 'palabre_en'::regconfig ELSE 'palabre_fr'::regconfig END)"
POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'palabre_fr') THEN
            CREATE TEXT SEARCH CONFIGURATION palabre_fr (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION palabre_fr
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'palabre_en') THEN
            CREATE TEXT SEARCH CONFIGURATION palabre_en (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION palabre_en
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
        END IF;
    END $$""",
    # Computed by PostgreSQL as each document is written: one write, no second pass.
    f"""ALTER TABLE search_searchdocument
        ADD COLUMN vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector({CONFIG}, title), 'A') ||
            setweight(to_tsvector({CONFIG}, summary), 'B') ||
            setweight(to_tsvector({CONFIG}, body), 'D')
        ) STORED,
        ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector({CONFIG}, title), 'A') ||
            setweight(to_tsvector({CONFIG}, summary), 'B')
        ) STORED""",
    "CREATE INDEX search_document_vector ON search_searchdocument USING gin (vector)",
    # Titles and summaries only: what ranking and "similar practices" read.
    "CREATE INDEX search_document_rank_vector ON search_searchdocument USING gin (rank_vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS search_document_rank_vector",
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector, "
    "DROP COLUMN IF EXISTS rank_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS palabre_fr",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS palabre_en",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE, "postgresql": POSTGRES}.get(vendor, []):
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_documents")]

    operations = [migrations.RunPython(forwards, backwards)]
