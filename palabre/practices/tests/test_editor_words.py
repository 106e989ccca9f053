"""The editor in plain words: checkboxes for partners and authors (no Ctrl on a phone), no
"---------", and a section that has some text says what it still misses."""

import re

from palabre.practices.models import Practice


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _nav(page: str) -> str:
    start = page.index('<nav class="card sections-nav"')
    return _text(page[start : page.index("</nav>", start)])


def _identity(practice, author, **changes):
    data = {
        "version": practice.version,
        "title": practice.title,
        "kind": "good_practice",
        "language": "fr",
        "summary": practice.summary,
        "lead_organisation": practice.lead_organisation_id,
        "authors": [author.pk],
        "contact": "",
        "themes": [t.pk for t in practice.themes.all()],
        "country": "CM",
        "visibility": "network",
    }
    data.update(changes)
    return data


def test_partners_and_authors_are_checkboxes_and_are_saved(
    client_for, make_practice, author, colleague, org_b
):
    practice = make_practice(author, status="draft")
    client = client_for(author)
    page = client.get(f"/practices/{practice.pk}/edit/identity/").content.decode()
    assert '<select name="partners"' not in page and '<select name="authors"' not in page
    assert re.search(rf'<input type="checkbox" name="partners" value="{org_b.pk}"', page)
    assert re.search(rf'<input type="checkbox" name="authors" value="{colleague.pk}"', page)
    assert "<legend>Organisations partenaires" in page and "<legend>Auteurs" in page
    assert "Ctrl" not in page
    assert "---------" not in page
    assert "Personne en particulier" in page

    response = client.post(
        f"/practices/{practice.pk}/edit/identity/",
        _identity(practice, author, partners=[org_b.pk], authors=[author.pk, colleague.pk]),
    )
    assert response.status_code == 302
    practice = Practice.objects.get(pk=practice.pk)
    assert list(practice.partners.all()) == [org_b]
    assert set(practice.authors.all()) == {author, colleague}
    page = client.get(f"/practices/{practice.pk}/edit/identity/").content.decode()
    assert re.search(rf'name="partners" value="{org_b.pk}"[^>]* checked', page)
    assert re.search(rf'name="authors" value="{colleague.pk}"[^>]* checked', page)


def test_a_new_practice_asks_to_choose_the_organisation_in_plain_words(client_for, author):
    page = client_for(author).get("/practices/new/").content.decode()
    assert "---------" not in page


def test_a_section_with_some_text_says_what_it_misses(client_for, make_practice, author):
    practice = make_practice(
        author,
        status="draft",
        results="",
        success_factors="Le groupe se connaissait.",
        replication="",
    )
    page = client_for(author).get(f"/practices/{practice.pk}/edit/results/").content.decode()
    nav = _nav(page)
    assert "Résultats — il manque : les résultats" in nav
    assert "Reproduction — encore vide" in nav
    assert "Résultats — encore vide" not in nav
    assert "Il manque encore, avant de pouvoir soumettre la pratique : les résultats." in _text(
        page
    )


def test_what_is_missing_is_said_in_english_too(client_for, make_practice, author):
    practice = make_practice(author, status="draft", title="Warrantage", summary="", context="")
    author.language = "en"
    author.save(update_fields=["language"])
    page = client_for(author).get(f"/practices/{practice.pk}/edit/identity/").content.decode()
    nav = _nav(page)
    assert "The practice in brief — missing: the summary" in nav
    assert "Context — missing: the context" in nav
