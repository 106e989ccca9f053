"""The facilitation toolbox: seeded techniques in both languages, searchable, growing."""

from palabre.workshops import services
from palabre.workshops.models import FacilitationTool
from palabre.workshops.tests.helpers import text

EXPECTED = {
    "world-cafe", "arbre-a-problemes", "swot", "aquarium", "photolangage", "brainstorming",
    "1-2-4-tous", "galerie", "jeu-de-role", "forum-ouvert", "codeveloppement", "recit-de-pratique",
}  # fmt: skip


def test_a_fresh_install_has_at_least_twelve_techniques_in_both_languages(db):
    tools = {t.slug: t for t in FacilitationTool.objects.all()}
    assert len(tools) >= 12 and set(tools) >= EXPECTED
    for tool in tools.values():
        for field in ("name", "purpose", "when", "steps", "materials"):
            assert getattr(tool, f"{field}_fr").strip(), (tool.slug, field)
            assert getattr(tool, f"{field}_en").strip(), (tool.slug, field)
        assert tool.steps_fr.count("\n") >= 3, tool.slug  # written out step by step
        assert 0 < tool.duration_min <= tool.duration_max
        assert 0 < tool.group_min <= tool.group_max
        assert tool.builtin


def test_a_tool_reads_in_the_reader_language(client_for, author):
    client = client_for(author)
    page = text(client.get("/workshops/toolbox/arbre-a-problemes/"))
    assert "Arbre à problèmes" in page and "Pas à pas" in page and "racines" in page
    author.language = "en"
    author.save()
    page = text(client_for(author).get("/workshops/toolbox/arbre-a-problemes/"))
    assert "Problem tree" in page and "Step by step" in page and "roots" in page


def test_search_ignores_accents_and_case_and_filters_by_group_and_time(client_for, author):
    client = client_for(author)
    page = text(client.get("/workshops/toolbox/?q=cafe"))
    assert "World café" in page and "Arbre à problèmes" not in page
    assert "Codéveloppement" in text(client.get("/workshops/toolbox/?q=CODEVELOPPEMENT"))
    big = text(client.get("/workshops/toolbox/?people=150"))
    assert "1-2-4-tous" in big and "Codéveloppement" not in big
    short = text(client.get("/workshops/toolbox/?minutes=15"))
    assert "1-2-4-tous" in short and "Forum ouvert" not in short
    fragment = client.get("/workshops/toolbox/?q=photo", HTTP_HX_REQUEST="true")
    assert "<html" not in text(fragment) and "Photolangage" in text(fragment)


def test_toolbox_is_for_members(client):
    assert client.get("/workshops/toolbox/").status_code == 302
    assert client.get("/api/v1/facilitation-tools").status_code == 401


def test_facilitators_add_their_own_tool_in_one_language(client_for, facilitator, author):
    assert client_for(author).get("/workshops/toolbox/new/").status_code == 404
    response = client_for(facilitator).post(
        "/workshops/toolbox/new/",
        {
            "name_fr": "Le marché des idées",
            "purpose_fr": "Échanger des idées comme au marché.",
            "when_fr": "En fin de journée.",
            "steps_fr": "1. Installer les étals\n2. Circuler\n3. Acheter les idées",
            "duration_min": 20,
            "duration_max": 40,
            "group_min": 8,
            "group_max": 40,
        },
    )
    assert response.status_code == 302
    tool = FacilitationTool.objects.get(slug="le-marche-des-idees")
    assert tool.created_by == facilitator and not tool.builtin
    assert tool.name_en == "Le marché des idées"  # until someone translates it
    assert "Le marché des idées" in text(client_for(author).get("/workshops/toolbox/?q=marche"))


def test_inconsistent_durations_are_refused(client_for, facilitator):
    response = client_for(facilitator).post(
        "/workshops/toolbox/new/",
        {"name_fr": "Outil", "purpose_fr": "x", "when_fr": "x", "steps_fr": "1. x",
         "duration_min": 60, "duration_max": 30, "group_min": 2, "group_max": 10},
    )  # fmt: skip
    assert response.status_code == 400
    assert "La durée la plus courte dépasse la plus longue" in text(response)


def test_facilitators_improve_a_tool(facilitator):
    tool = FacilitationTool.objects.get(slug="swot")
    services.tool_update(tool=tool, by=facilitator, fields={"tips_fr": "Commencer seul."})
    tool.refresh_from_db()
    assert tool.tips_fr == "Commencer seul."


def test_a_session_links_to_its_tool(client_for, author, workshop, add_session):
    tool = FacilitationTool.objects.get(slug="world-cafe")
    session = add_session(workshop, tool=tool)
    page = text(client_for(author).get(session.get_absolute_url()))
    assert tool.get_absolute_url() in page
    assert workshop.title in text(client_for(author).get(tool.get_absolute_url()))
