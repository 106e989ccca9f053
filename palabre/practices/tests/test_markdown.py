"""Whatever is typed or imported, no script survives the Markdown rendering."""

import pytest

from palabre.lib.text import markdown_to_html

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[clic](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<p style="background:url(javascript:alert(1))" onclick="x()">t</p>',
    "<iframe src='https://evil.example'></iframe>",
    "<svg onload=alert(1)>",
    "[x](JaVaScRiPt:alert(1))",
    "<details open ontoggle=alert(1)>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_script_event_handler_or_javascript_link_survives(text):
    html = markdown_to_html(text).lower()
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onerror" not in html and "onclick" not in html and "onload" not in html
    assert "ontoggle" not in html and "<iframe" not in html and "style=" not in html


def test_ordinary_markdown_is_kept():
    html = markdown_to_html("**Gras** et *italique*\n\n- un\n- deux\n\n[site](https://example.org)")
    assert "<strong>Gras</strong>" in html and "<li>un</li>" in html
    assert 'href="https://example.org"' in html and 'rel="nofollow noopener noreferrer"' in html


def test_hostile_text_in_a_practice_page_is_neutralised(
    client_for, colleague, make_practice, author
):
    practice = make_practice(author, lessons='<script>alert("x")</script>[a](javascript:alert(1))')
    body = client_for(colleague).get(practice.get_absolute_url()).content.decode()
    assert '<script>alert("x")' not in body and "javascript:alert" not in body
