"""Charts are small inline SVG, hidden from screen readers, with every label escaped."""

from datetime import date
from decimal import Decimal

from palabre.adoptions import charts


def test_bar_chart_scales_bars_and_escapes_labels():
    svg = charts.bar_chart([("<script>alert(1)</script>", 10), ("Deux", 5)], suffix=" %")
    assert svg.startswith('<svg class="chart bars"') and 'aria-hidden="true"' in svg
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count('class="bar"') == 2
    assert 'width="254.0"' in svg and 'width="127.0"' in svg  # 10 fills the track, 5 half of it
    assert "10 %" in svg and "5 %" in svg


def test_empty_chart_is_nothing():
    assert charts.bar_chart([]) == "" and charts.column_chart([]) == ""


def test_line_chart_draws_baseline_target_and_points():
    svg = charts.line_chart(
        [(date(2025, 6, 1), Decimal("50")), (date(2025, 12, 1), Decimal("62"))],
        baseline=(date(2025, 1, 1), Decimal("35")),
        target=(date(2027, 1, 1), Decimal("80")),
    )
    assert svg.count('class="point"') == 2
    assert 'class="baseline"' in svg and 'class="target"' in svg and "<polyline" in svg


def test_progress_bar_marks_the_target_and_caps_the_overshoot():
    half = charts.progress_bar(50)
    beyond = charts.progress_bar(300)
    assert 'width="126.4"' in half  # half of the way to the mark at 80 % of 316
    assert 'class="bar good"' in beyond and 'width="316.0"' in beyond
    assert 'class="bar bad"' in charts.progress_bar(-20)
    assert 'class="bar' not in charts.progress_bar(None)
