"""The demo content lives in data files a non-programmer can edit: each one reaches the demo."""

from django.core.management import call_command

from palabre.accounts.models import User
from palabre.discussions.demo import demo_threads
from palabre.discussions.models import Answer, Thread
from palabre.organisations.models import Membership, Organisation
from palabre.practices.demo import TEXT_FIELDS, demo_practices
from palabre.practices.models import Attachment, Practice, Step
from palabre.practices.sections import missing_sections

# What a practice file may contain besides the fiche's text fields.
PRACTICE_KEYS = set(TEXT_FIELDS) | {
    "key", "translation_of", "women", "men", "cost_amount", "cost_currency", "period_start",
    "period_end", "lead_organisation", "partners", "authors", "contact", "themes", "tags",
    "steps", "attachments",
}  # fmt: skip


def test_practice_files_use_only_known_names():
    practices = demo_practices()
    assert len(practices) >= 30
    for item in practices:
        # A misspelt section or header name would silently be left out of the fiche.
        assert set(item) <= PRACTICE_KEYS, item["key"]
        assert item["steps"] and all(step["what_made_it_work"] for step in item["steps"])


def _counts():
    models = (Organisation, Membership, User, Practice, Step, Attachment, Thread, Answer)
    return {model.__name__: model.objects.count() for model in models}


def test_every_demo_file_reaches_the_demo_once(db):
    call_command("demo", verbosity=0)
    first = _counts()
    call_command("demo", verbosity=0)
    assert _counts() == first

    practices = demo_practices()
    loaded = Practice.objects.filter(external_id__startswith="demo:")
    assert loaded.count() == len(practices)
    for practice in loaded:
        assert missing_sections(practice) == [], practice.external_id
    warrantage = Practice.objects.get(external_id="demo:warrantage-ropa")
    assert warrantage.lead_organisation.acronym == "ROPA"
    assert warrantage.steps.first().title == "Choisir et préparer le magasin"
    assert Practice.objects.get(external_id="demo:warrantage-ropa-en").translation_of == warrantage

    # A thread whose space or author is unknown would be skipped without a word.
    threads = demo_threads()
    assert Thread.objects.filter(submission_key__startswith="demo:").count() == len(threads)
    assert Answer.objects.filter(submission_key__startswith="demo:").count() == sum(
        len(thread["answers"]) for thread in threads
    )
    awa = User.objects.get(email="awa.bello@fal.example")
    assert awa.display_name == "Awa Bello"
    assert set(awa.memberships.values_list("organisation__slug", flat=True)) == {"fal", "cofetrab"}
