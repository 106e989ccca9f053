"""What a French and an English reader see on the dashboards: counts agree with their word
(French says "0 terminée", "1 terminée", "2 terminées"), and each chart's table waits behind
a disclosure instead of repeating the chart on a phone."""

import re

from django.template.loader import render_to_string
from django.utils import translation

from conftest import make_person


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _figures(html: str) -> str:
    return _text(html[html.index('<ul class="figures"') : html.index("</ul>")])


def test_network_figures_agree_in_number_in_french_and_english(
    client_for, practice, org_b, org_c, adopt, facilitator, org_a
):
    client = client_for(facilitator)
    adopt(practice, org_b, status="completed")
    figures = _figures(client.get("/adoptions/network/").content.decode())
    assert "1 terminée · 0 abandonnée" in figures

    adopt(practice, org_c, status="completed")
    adopt(practice, org_c, status="abandoned")
    adopt(practice, org_b, status="abandoned")
    figures = _figures(client.get("/adoptions/network/").content.decode())
    assert "2 terminées · 2 abandonnées" in figures
    assert "2 terminée " not in figures

    reader = make_person("grace@adb.example", "Grace", organisation=org_a, language="en")
    reader.network_role = facilitator.network_role
    reader.save(update_fields=["network_role"])
    figures = _figures(client_for(reader).get("/adoptions/network/").content.decode())
    assert "2 completed · 2 abandoned" in figures


def test_the_organisation_dashboard_says_0_pratique_adoptee(client_for, outsider, org_b):
    figures = _figures(client_for(outsider).get("/adoptions/organisation/ate/").content.decode())
    assert "0 pratique adoptée" in figures
    assert "0 retour attendu" in figures
    assert "pratiques adoptées" not in figures


def test_two_practices_adopted_are_plural(
    client_for, practice, outsider, org_b, adopt, make_practice, author
):
    other = make_practice(author, visibility="network", title="Les fours de fumage")
    adopt(practice, org_b)
    adopt(other, org_b)
    figures = _figures(client_for(outsider).get("/adoptions/organisation/ate/").content.decode())
    assert "2 pratiques adoptées" in figures


def test_each_chart_table_is_behind_a_disclosure(client_for, practice, org_b, adopt, facilitator):
    adopt(practice, org_b, status="completed")
    html = client_for(facilitator).get("/adoptions/network/").content.decode()
    tables = html.count('<table class="data">')
    assert tables >= 3
    assert (
        html.count('<details class="chart-table"><summary>Les chiffres, en tableau</summary>')
        == tables
    )
    assert re.search(r"</table></div></details>", html)


def test_maturity_evidence_has_no_organisation_s():
    evidence = {"adoptions": 1, "organisations": 1, "countries": 1, "ladder": []}
    with translation.override("fr"):
        one = _text(render_to_string("adoptions/_maturity.html", {"evidence": evidence}))
        two = _text(
            render_to_string(
                "adoptions/_maturity.html",
                {"evidence": {**evidence, "adoptions": 3, "organisations": 2, "countries": 2}},
            )
        )
    with translation.override("en"):
        english = _text(
            render_to_string(
                "adoptions/_maturity.html",
                {"evidence": {**evidence, "adoptions": 3, "organisations": 2, "countries": 1}},
            )
        )
    assert "(s)" not in one + two + english
    assert "1 adoption terminée" in one and "dans 1 organisation et 1 pays." in one
    assert "3 adoptions terminées" in two and "dans 2 organisations et 2 pays." in two
    assert "in 2 organisations and 1 country." in english
