"""Large imports are written in batches: every row is still indexed, revised and linked
as if it had been saved alone, and a failure half-way leaves nothing behind."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from palabre.audit.models import AuditEvent
from palabre.practices import exchange
from palabre.practices.exchange import import_file
from palabre.practices.models import Practice, Revision, Step
from palabre.practices.search import _with_text, practice_document
from palabre.practices.services import practice_snapshot
from palabre.search.models import SearchDocument
from palabre.themes.models import Tag


def write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(dict.fromkeys(k for r in rows for k in r)))
        writer.writeheader()
        writer.writerows(rows)


def row(author, org, number, **changes):
    values = {
        "external_id": f"lot-{number}",
        "title": f"Pratique numéro {number} du lot",
        "status": "published",
        "visibility": "public",
        "lead_organisation": org.slug,
        "partners": org.slug,
        "authors": author.email,
        "contact": author.email,
        "themes": "epargne-microfinance; eau-hygiene-assainissement",
        "tags": "Eau potable; eau  potable; Forage",
        "summary": f"Résumé de la pratique {number}.",
        "lessons": f"Leçon {number} : la **transparence** paie.",
        "steps": json.dumps(
            [
                {"title": "Réunir le comité", "description": "Chaque mois."},
                {"title": "Lire les comptes", "what_made_it_work": "La confiance."},
            ]
        ),
        "period_start": "2021-03-01",
        "cost_amount": "150000",
    }
    values.update(changes)
    return values


def search_titles(client, words):
    return sorted(p.title for p in client.get("/search/", {"q": words}).context["result"].page)


def test_every_row_is_indexed_and_revised_as_if_saved_alone(
    tmp_path, author, org_a, client, monkeypatch
):
    monkeypatch.setattr(exchange, "BATCH", 2)  # three batches for five rows
    rows = [row(author, org_a, n) for n in range(1, 6)]
    rows[2]["lessons"] = "Le séchoir solaire tient grâce au tressage des claies."
    rows[3].update(status="draft", external_id="", period_start="")
    # A translation listed before its original, in an earlier batch.
    rows[0].update(language="en", translation_of="lot-5", title="Batch practice one")
    path = tmp_path / "lot.csv"
    write_csv(path, rows)

    report = import_file(path)

    assert (report.created, report.updated, report.errors) == (5, 0, [])
    practices = list(_with_text(Practice.objects.order_by("pk")).prefetch_related("partners"))
    assert len(practices) == 5
    for practice in practices:
        document = practice_document(practice)
        indexed = SearchDocument.objects.get(kind="practice", object_id=practice.pk)
        assert (indexed.title, indexed.summary, indexed.body) == (
            document.title,
            document.summary,
            document.body,
        )
        assert [t.name for t in practice.tags.all()] == ["Eau potable", "Forage"]
        assert [s.title for s in practice.steps.all()] == ["Réunir le comité", "Lire les comptes"]
    published = [p for p in practices if p.status == "published"]
    assert [p.revisions.count() for p in practices] == [1, 1, 1, 0, 1]
    for practice in published:
        revision = practice.revisions.get()
        assert revision.note == gettext("Imported")
        # A translation's first revision is written before it is linked, as before.
        expected = practice_snapshot(practice)
        if practice.translation_of_id:
            expected["translation_of"] = None
        assert revision.data == expected
    first, *_rest, last = practices
    assert first.translation_of_id == last.pk
    assert [p.period_year for p in practices] == [2021, 2021, 2021, None, 2021]
    # A word found only in the body of one imported practice finds it.
    assert search_titles(client, "tressage") == ["Pratique numéro 3 du lot"]
    assert search_titles(client, "claies séchoir") == ["Pratique numéro 3 du lot"]


def test_reimporting_in_batches_replaces_links_steps_and_index(
    tmp_path, author, org_a, colleague, client, monkeypatch
):
    monkeypatch.setattr(exchange, "BATCH", 2)
    path = tmp_path / "lot.csv"
    write_csv(path, [row(author, org_a, n) for n in range(1, 4)])
    import_file(path)
    changed = [
        row(
            author,
            org_a,
            n,
            authors=f"{author.email}; {colleague.email}",
            tags="Irrigation",
            steps=json.dumps([{"title": "Creuser le canal"}]),
            lessons="Le goutte-à-goutte économise l'eau.",
        )
        for n in range(1, 4)
    ]
    write_csv(path, [*changed, row(author, org_a, 4)])

    call_command(
        "import-practices", str(path), "--by", colleague.email, verbosity=0, stdout=io.StringIO()
    )

    assert Practice.objects.count() == 4
    for practice in Practice.objects.exclude(external_id="lot-4"):
        assert sorted(u.email for u in practice.authors.all()) == sorted(
            [author.email, colleague.email]
        )
        assert [t.name for t in practice.tags.all()] == ["Irrigation"]
        assert [s.title for s in practice.steps.all()] == ["Creuser le canal"]
        assert practice.revisions.count() == 1  # its first revision is kept
    assert Step.objects.count() == 3 + 2
    assert SearchDocument.objects.filter(kind="practice").count() == 4
    assert len(search_titles(client, "goutte")) == 3
    assert search_titles(client, "transparence") == ["Pratique numéro 4 du lot"]
    event = AuditEvent.objects.get(action="practice.imported")
    assert event.data == {"file": "lot.csv", "created": 1, "updated": 3}


def test_a_failure_half_way_leaves_nothing_written(tmp_path, author, org_a, monkeypatch):
    monkeypatch.setattr(exchange, "BATCH", 2)
    calls = []
    index = exchange.search_index

    def failing(documents):
        calls.append(len(documents))
        if len(calls) == 2:
            raise RuntimeError("disk full")
        index(documents)

    monkeypatch.setattr(exchange, "search_index", failing)
    path = tmp_path / "lot.csv"
    write_csv(path, [row(author, org_a, n, tags=f"nouveau-{n}") for n in range(1, 6)])

    with pytest.raises(RuntimeError):
        import_file(path)

    assert calls == [2, 2]
    assert not Practice.objects.exists()
    assert not Step.objects.exists() and not Revision.objects.exists()
    assert not SearchDocument.objects.exists()
    assert not Tag.objects.filter(slug__startswith="nouveau").exists()


def test_values_too_long_for_their_column_are_reported_not_written(tmp_path, author, org_a):
    path = tmp_path / "long.csv"
    write_csv(
        path,
        [
            row(author, org_a, 1),
            row(author, org_a, 2, region="R" * 101),
            row(author, org_a, 3, steps=json.dumps([{"title": "É" * 201}])),
        ],
    )

    with translation.override("en"):
        report = import_file(path)

    assert [(e.line, e.message) for e in report.errors] == [
        (3, "region must have at most 100 characters"),
        (4, "a step title must have at most 200 characters"),
    ]
    assert not report.imported and not Practice.objects.exists()
