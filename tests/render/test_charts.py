"""matplotlib charts: data behind them, axes passed in, reproducible files."""

from __future__ import annotations

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
