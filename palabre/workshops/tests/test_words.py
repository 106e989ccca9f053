"""What a French and an English reader see on workshop pages: roles in their language,
a time zone named like a place, "1er" for the first day of a month in French."""

import re
from datetime import date

from django.template import engines
from django.utils import translation

from palabre.lib.dates import day
from palabre.workshops.zones import time_zone_label


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_roles_are_in_the_readers_language(
    client_for, workshop, register, author, colleague, facilitator
):
    register(workshop, author, role="presenter")
    register(workshop, colleague, role="rapporteur")
    register(workshop, facilitator, role="facilitator")
    client = client_for(facilitator)
    page = _text(client.get(f"/workshops/{workshop.pk}/participants/").content.decode())
    assert "Awa Author intervenant·e" in page
    assert "Colin Colleague rapporteur·rice" in page
    assert "animateur·rice" in page
    assert "presenter" not in page
    facilitator.language = "en"
    facilitator.save(update_fields=["language"])
    page = _text(client.get(f"/workshops/{workshop.pk}/participants/").content.decode())
    assert "Awa Author presenter" in page and "Colin Colleague rapporteur" in page
    assert "intervenant" not in page


def test_a_time_zone_is_named_like_a_place_with_its_offset():
    winter, summer = date(2026, 1, 15), date(2026, 7, 15)
    with translation.override("fr"):
        assert time_zone_label("Africa/Douala", on=winter) == "heure de Douala (UTC+1)"
        assert time_zone_label("Africa/Abidjan", on=winter) == "heure d’Abidjan (UTC)"
        assert time_zone_label("Africa/Ndjamena", on=winter) == "heure de N’Djamena (UTC+1)"
        assert time_zone_label("Europe/Paris", on=summer) == "heure de Paris (UTC+2)"
        assert time_zone_label("UTC") == "UTC"
        assert time_zone_label("Nowhere/Atlantis") == "Nowhere/Atlantis"
    with translation.override("en"):
        assert time_zone_label("Africa/Douala", on=winter) == "Douala time (UTC+1)"
        assert time_zone_label("Africa/Nairobi", on=winter) == "Nairobi time (UTC+3)"


def test_the_agenda_names_the_time_zone_not_its_code(client_for, workshop, facilitator):
    page = client_for(facilitator).get(f"/workshops/{workshop.pk}/agenda/").content.decode()
    assert "heure de Douala (UTC+1)" in page
    assert "Africa/Douala" not in _text(page)


def test_the_form_offers_time_zones_by_their_place(client_for, workshop, facilitator):
    page = client_for(facilitator).get(f"/workshops/{workshop.pk}/edit/").content.decode()
    assert (
        '<option value="Africa/Douala" selected>heure de Douala (UTC+1) — Africa/Douala</option>'
        in page
    )


def test_the_first_of_the_month_is_1er_in_french_only():
    first, second = date(2026, 10, 1), date(2026, 10, 2)
    template = engines["django"].from_string(
        '{{ d|date:"DATE_FORMAT" }}|{{ d|date:"l j F" }}|{{ d|date:"SHORT_DATE_FORMAT" }}|'
        '{{ d|date:"j/n" }}|{{ d|date }}'
    )
    with translation.override("fr"):
        assert (
            template.render({"d": first})
            == "1er octobre 2026|jeudi 1er octobre|01/10/2026|1/10|1er octobre 2026"
        )
        assert template.render({"d": second}).startswith("2 octobre 2026|vendredi 2 octobre|")
        assert day(first) == "1er octobre 2026"
    with translation.override("en"):
        assert template.render({"d": first}).startswith("Oct. 1, 2026|Thursday 1 October|")
        assert "er" not in day(first).replace("October", "")


def test_a_workshop_starting_on_the_first_says_1er(client_for, make_workshop, facilitator):
    from datetime import timedelta

    from django.utils import timezone
    from django.utils.formats import date_format

    today = timezone.localdate()
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    make_workshop(start_in=(first - today).days, days=1, title="Atelier du premier")
    page = _text(client_for(facilitator).get("/workshops/").content.decode())
    with translation.override("fr"):
        month = date_format(first, "F Y")
    assert "Atelier du premier" in page
    assert f"1er {month}" in page and f" 1 {month}" not in page


def test_workshop_forms_say_nothing_chosen_in_plain_words(client_for, workshop, facilitator):
    client = client_for(facilitator)
    for path in (f"/workshops/{workshop.pk}/sessions/new/", f"/workshops/{workshop.pk}/register/"):
        page = client.get(path).content.decode()
        assert client.get(path).status_code == 200, path
        assert "---------" not in page, path
    page = client.get(f"/workshops/{workshop.pk}/sessions/new/").content.decode()
    assert '<option value="" selected>Personne</option>' in page
