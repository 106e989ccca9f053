"""A practice and its translation are one practice: lists show one entry, in the reader's
language, with a link to the other version; counts agree with what is shown."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from palabre.practices.models import Practice


def translate(practice, *, title, language="en", status="published", **fields):
    """The translation of ``practice``, as `practices:translate` then review would leave it."""
    fields.setdefault("visibility", practice.visibility)
    translation = Practice.objects.create(
        lead_organisation=practice.lead_organisation,
        status=status,
        created_by=practice.created_by,
        contact=practice.contact,
        language=language,
        translation_of=practice,
        title=title,
        summary=f"Summary of {title}",
        last_published_at=timezone.now() if status == "published" else None,
        published_at=timezone.now() if status == "published" else None,
        **fields,
    )
    translation.authors.set(practice.authors.all())
    translation.themes.set(practice.themes.all())
    return translation


def in_language(client, language, user=None):
    """The client reading in ``language`` (a person's own setting wins over the cookie)."""
    user = user or getattr(client, "user", None)
    if user is not None:
        type(user).objects.filter(pk=user.pk).update(language=language)
    client.cookies["palabre_language"] = language
    return client


def entries(html):
    """The cards of a list, each as its text without tags (one per <li class="practice-card">)."""
    cards = re.findall(r'<li class="practice-card">(.*?)</li>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", card).split()) for card in cards]


@pytest.fixture
def pair(make_practice, author):
    original = make_practice(author, title="Le warrantage à Ngaoundéré")
    return original, translate(original, title="Warehouse receipts in Ngaoundéré")


def test_the_practice_list_shows_one_entry_in_the_readers_language(client_for, colleague, pair):
    original, translation = pair
    client = client_for(colleague)
    client.user = colleague

    french = in_language(client, "fr").get("/practices/")
    cards = entries(french.content.decode())
    assert len(cards) == 1 and cards[0].startswith("Le warrantage à Ngaoundéré")
    assert "Read in English" in cards[0]
    assert f'href="/practices/{translation.pk}/" lang="en" hreflang="en"' in french.content.decode()
    assert french.context["page"].paginator.count == 1
    assert "1 pratique" in french.content.decode()

    english = in_language(client, "en").get("/practices/")
    cards = entries(english.content.decode())
    assert len(cards) == 1 and cards[0].startswith("Warehouse receipts in Ngaoundéré")
    assert "Lire en français" in cards[0]
    assert f'href="/practices/{original.pk}/" lang="fr" hreflang="fr"' in english.content.decode()
    assert "1 practice" in english.content.decode()


def test_a_version_the_reader_may_not_open_is_neither_shown_nor_linked(
    client, client_for, colleague, make_practice, author
):
    original = make_practice(author, title="Le warrantage à Ngaoundéré")
    draft = translate(original, title="Warehouse receipts (draft)", status="draft")
    public = make_practice(author, title="Les greniers communautaires", visibility="public")
    network_only = translate(
        public, title="Community granaries", visibility="network"
    )  # network: members only

    english = (
        in_language(client_for(colleague), "en", colleague).get("/practices/").content.decode()
    )
    cards = entries(english)
    # The English draft is nobody's reading yet: the French original stands in for it.
    assert [card.split(" good practice")[0] for card in cards] == [
        "Community granaries",
        "Le warrantage à Ngaoundéré",
    ]
    assert f"/practices/{draft.pk}/" not in english

    anonymous = in_language(client, "en").get("/practices/").content.decode()
    assert entries(anonymous)[0].startswith("Les greniers communautaires")
    assert f"/practices/{network_only.pk}/" not in anonymous
    assert "Read in English" not in anonymous and "Lire en français" not in anonymous


def test_the_home_page_theme_and_profile_panels_list_the_pair_once(
    client_for, colleague, author, pair
):
    original, _translation = pair
    client = in_language(client_for(colleague), "en", colleague)
    home = client.get("/").content.decode()
    latest = home.split('id="latest-title"')[1].split("</section>")[0]
    cards = entries(latest)
    assert len(cards) == 1 and cards[0].startswith("Warehouse receipts in Ngaoundéré")
    assert "Lire en français (Le warrantage à Ngaoundéré)" in cards[0]

    theme = original.themes.get()
    theme_page = client.get(theme.get_absolute_url()).content.decode()
    assert len(entries(theme_page)) == 1 and "(1)" in theme_page

    profile = client.get(author.get_absolute_url()).content.decode()
    assert len(entries(profile)) == 1 and "(1)" in profile


def test_my_practices_and_the_home_count_show_a_draft_and_its_translation_once(
    client_for, author, make_practice
):
    draft = make_practice(author, title="Le warrantage (brouillon)", status="draft")
    translate(draft, title="Warehouse receipts (draft)", status="draft")
    client = in_language(client_for(author), "fr", author)

    mine = client.get("/practices/mine/").content.decode()
    in_progress = mine.split('id="wip"')[1].split('id="saved"')[0]
    cards = entries(in_progress)
    assert len(cards) == 1 and cards[0].startswith("Le warrantage (brouillon)")
    assert "Read in English" in cards[0]
    assert "1 pratique en cours" in client.get("/").content.decode()

    english = in_language(client_for(author), "en", author)
    assert entries(english.get("/practices/mine/").content.decode())[0].startswith(
        "Warehouse receipts (draft)"
    )
    assert "1 practice in progress" in english.get("/").content.decode()


def test_the_lists_take_the_same_queries_for_two_or_twelve_translated_practices(
    client_for, colleague, author, make_practice, django_assert_max_num_queries
):
    def add_pairs(count):
        for number in range(count):
            original = make_practice(author, title=f"Pratique {number}")
            translate(original, title=f"Practice {number}")

    client = in_language(client_for(colleague), "en", colleague)
    add_pairs(2)
    for url in ("/practices/", "/"):
        client.get(url)  # sessions, caches: the first visit is no measure
    few = {}
    for url in ("/practices/", "/"):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        few[url] = len(queries.captured_queries)
    add_pairs(10)
    with django_assert_max_num_queries(few["/practices/"]):
        listing = client.get("/practices/").content.decode()
    with django_assert_max_num_queries(few["/"]):
        client.get("/")
    assert len(entries(listing)) == 12
    assert listing.count("Lire en français") == 12
    assert "12 practices" in listing


def test_the_review_queue_keeps_each_submission_date_inside_its_own_item(
    client_for, facilitator, author, make_practice
):
    for title in ("Premier", "Second"):
        make_practice(author, title=title, status="submitted", submitted_at=timezone.now())
    for language, words in (("fr", "soumise il y a"), ("en", "submitted")):
        page = in_language(client_for(facilitator), language, facilitator).get("/practices/review/")
        html = page.content.decode()
        body = re.search(r'<ul class="list-plain card">(.*?)</ul>', html, re.S).group(1)
        # Only <li> children: nothing between one item's end and the next one's start.
        assert re.sub(r"<li.*?</li>", "", body, flags=re.S).strip() == ""
        cards = entries(html)
        assert len(cards) == 2 and all(words in card for card in cards), cards
