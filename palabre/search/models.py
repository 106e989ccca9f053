"""The search index: one document per searchable object, and the vocabulary of the library."""

from django.db import models


class SearchDocument(models.Model):
    """What the index knows of one object (a practice, a discussion thread…).

    ``title``, ``summary`` and ``body`` are plain text (for snippets). On SQLite the
    ``terms_*`` columns hold the stems that the FTS5 table ``search_fts`` indexes
    (kept in step by triggers, in the same transaction). On PostgreSQL two generated
    columns, unknown to Django (see migration 0002), hold the weighted tsvectors:
    ``vector`` (everything) and ``rank_vector`` (title and summary, for ranking), so a
    document is written once, with its vectors.
    """

    # object id × 8 + the kind's code: FTS5 rows carry the same number, so a search
    # reads who matched from the index alone, without touching these (large) rows.
    id = models.BigIntegerField(primary_key=True)
    kind = models.CharField(max_length=20)
    object_id = models.BigIntegerField()
    language = models.CharField(max_length=8)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    terms_title = models.TextField(blank=True)
    terms_summary = models.TextField(blank=True)
    terms_body = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_document_per_object")
        ]
        # The last change of a kind is read on every search (it keys the cache).
        indexes = [models.Index(fields=["kind", "updated_at"], name="search_document_changed")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"


class SearchTerm(models.Model):
    """A word of the library (unaccented) and how many documents use it, for suggestions."""

    term = models.CharField(max_length=60, unique=True)
    display = models.CharField(max_length=60)
    documents = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["-documents"])]

    def __str__(self) -> str:
        return self.term
