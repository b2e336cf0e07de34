"""matplotlib charts: data behind them, axes passed in, reproducible files."""

from __future__ import annotations

import pytest

import dinnet
from dinnet.render import budget_chart, budget_figure, figure_bytes, indicator_chart
from dinnet.render.charts import budget_rows, indicator_figure, numeric_indicators

from .conftest import ASSETS


def test_budget_rows_compare_lines_with_printed_totals() -> None:
    G = dinnet.load(ASSETS / "minimal.yaml")
    G.nodes["mini"]["budgets"] = [{
        "id": "B2", "title": "t", "unit": "x 1.000 euro", "scale": 1000.0,
        "lines": [{"label": "a", "amounts": {2022: 150.0}},
                  {"label": "b", "amounts": {2021: 300.0, 2022: 150.0}}],
        "stated_totals": {2021: 300.0, 2022: 600.0}, "source": "t:1"}]
    assert budget_rows(G, "mini") == [("B2", 2021, 300000.0, 300000.0),
                                      ("B2", 2022, 300000.0, 600000.0)]
    ax = budget_chart(G, "mini")
    reds = [line for line in ax.get_lines() if line.get_color() == "#d7301f"
            and len(line.get_xdata())]
    assert len(reds) == 1  # only 2022 disagrees


def test_charts_draw_on_a_given_axes() -> None:
    from matplotlib.figure import Figure

    G = dinnet.load(ASSETS / "minimal.yaml")
    ax = Figure().subplots()
    assert indicator_chart(G, "mini:SD1.a.i1", ax=ax, lang="en") is ax
    assert ax.get_lines()[0].get_label() == "baseline"
    assert numeric_indicators(G, "mini") == ["mini:SD1.a.i1"]


def test_chart_files_are_reproducible() -> None:
    G = dinnet.load(ASSETS / "minimal.yaml")
    first = figure_bytes(indicator_figure(G, "mini"), "svg")
    assert first == figure_bytes(indicator_figure(G, "mini"), "svg")
    assert b"<svg" in first and b"Date" not in first
    assert figure_bytes(budget_figure(G), "png").startswith(b"\x89PNG")


def _line(ax, label: str) -> list[tuple[float, float]]:
    lines = [line for line in ax.get_lines() if line.get_label() == label]
    assert len(lines) <= 1
    return [(float(x), float(y)) for x, y in zip(*lines[0].get_data(), strict=True)] if lines else []


def test_charts_draw_the_measurements_at_their_dates_and_the_status() -> None:
    """Groene Stad's fictional reports: realised values per year and one mid-year count."""
    import datetime as dt

    from dinnet.render.status_overlay import STATUS_STYLE

    G = dinnet.load("examples/groene-stad.yaml", "examples/groene-stad.measurements.yaml")
    ax = indicator_chart(G, "groene-stad:SD1.a.i1", lang="en", as_of=dt.date(2025, 12, 31))
    assert _line(ax, "realised") == [(2024.0, 12900.0), (2025.0, 13600.0)]
    assert _line(ax, "expected") == [(2026.0, 15500.0)]  # a forecast is drawn before its date
    # the approximate 2025 value says so, as printed; the status is written over the chart
    assert [t.get_text() for t in ax.texts] == ["ca.", "▼ behind on 2025-12-31"]
    assert ax.texts[-1].get_color() == STATUS_STYLE["behind"].text
    earlier = indicator_chart(G, "groene-stad:SD1.a.i1", as_of=dt.date(2024, 12, 31))
    assert _line(earlier, "realisatie") == [(2024.0, 12900.0)]  # 2025 was not known yet
    trees = indicator_chart(G, "groene-stad:SD1.b.i1", lang="en")
    assert _line(trees, "realised") == [(2024.0, 5480.0),  # 30 June 2025: half a year before
                                        (pytest.approx(2024.5, abs=0.01), 5530.0)]
    assert not [t for t in trees.texts if "behind" in t.get_text()]  # no date: no status
