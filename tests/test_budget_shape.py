"""The budget shape (issue 16): the fictional BBV data set in examples/zonnedal, the five cases
of "values as printed", and one finding per root cause."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import dinnet
from dinnet.audit import run_audit
from dinnet.cli import main
from dinnet.render.charts import budget_chart, budget_texts, indicator_chart
from dinnet.report import report_data
from dinnet.report.figures import Figures
from dinnet.report.html import render_html

ROOT = Path(__file__).resolve().parents[1]
ZONNEDAL = ROOT / "examples" / "zonnedal"


@pytest.fixture(scope="module")
def G() -> object:
    return dinnet.load(ZONNEDAL)


@pytest.fixture(scope="module")
def findings(G: object) -> list:
    return run_audit(G)


def test_the_example_loads_with_its_index_and_matches_its_text() -> None:
    result = CliRunner().invoke(main, ["validate", "--lang", "en", "--sources", str(ZONNEDAL),
                                       str(ZONNEDAL)])
    assert result.exit_code == 0, result.output
    assert "ok: 2 programmes" in result.output and "0 warnings" in result.output


def test_an_indicator_may_measure_the_programme_as_a_whole(G) -> None:  # type: ignore[no-untyped-def]
    edges = [(v, k) for _, v, k in G.out_edges("duurzaam-zonnedal:BBV1", keys=True)]
    assert edges == [("duurzaam-zonnedal", "measures")]
    assert not [n for n in G if G.nodes[n].get("label") == "placeholder"]


def test_an_indicator_may_measure_the_vision(tmp_path: Path) -> None:
    path = tmp_path / "v.yaml"
    path.write_text(textwrap.dedent("""\
        programme: {id: v, name: V, municipality: M, period: {start: 2024, end: 2027}, source: t:1}
        vision: {label: Energieneutraal, source: t:2}
        indicators:
          - {id: I1, label: CO2, measures: [visie], targets: {2027: 0}, source: t:3}
        """), encoding="utf-8")
    H = dinnet.load(path)
    assert list(H.successors("v:I1")) == ["v:visie"]


def test_values_as_printed_reach_the_graph(G) -> None:  # type: ignore[no-untyped-def]
    bbv1, bbv2 = G.nodes["duurzaam-zonnedal:BBV1"], G.nodes["duurzaam-zonnedal:BBV2"]
    assert bbv1["realised"] == {2021: 14.0, 2022: 16.0} and bbv1["expected"] == {2023: 18.0}
    assert bbv1["targets"] == {2025: 25.0, 2027: "n.t.b."}
    assert bbv2["realised"] == {2022: 3150.0}  # "3.150" read the Dutch way
    assert bbv2["expected"] == {2023: 3400.0} and bbv2["approximate"] == {"expected": {2023: "circa"}}
    loket = G.nodes["duurzaam-zonnedal:A3"]
    assert loket["budget"][2024] == 200_000.0 and loket["budget_approximate"][2024] == "ruim"
    assert G.nodes["duurzaam-zonnedal:A2"]["planning"] == "Doel: n.t.b."
    assert G.nodes["duurzaam-zonnedal"]["version"] == "versie 2.1"


def test_one_finding_per_root_cause(findings: list) -> None:
    mine = [f for f in findings if f.programme == "werk-en-inkomen"]
    assert not [f for f in mine if f.rule in ("effort-without-goal", "programme-without-goals")]
    (goals,) = [f for f in mine if f.rule == "missing-din-content" and "doelen van" in f.message]
    assert goals.message.endswith("so without a goal: W1, W2, W3") or "W1, W2, W3" in goals.message
    assert [f.rule for f in findings if f.rule == "target-to-be-determined"] == [
        "target-to-be-determined"]


HEAD = """\
programme: {id: b, name: B, municipality: M, period: {start: 2024, end: 2027}, source: t:1}
efforts:
  - {id: W1, label: Een, source: t:2}
  - {id: W2, label: Twee, source: t:3}
"""


def audit_of(tmp_path: Path, body: str) -> list:
    path = tmp_path / "b.yaml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return run_audit(dinnet.load(path))


def test_a_programme_without_goals_is_one_finding_listing_its_efforts(tmp_path: Path) -> None:
    found = audit_of(tmp_path, "")
    assert [f.rule for f in found] == ["programme-without-goals"]
    assert "W1, W2" in found[0].message


def test_the_documented_fix_for_no_goals_works(tmp_path: Path) -> None:
    found = audit_of(tmp_path, """\
        not_in_text:
          - {what: de doelen, reason: not_stated, affects: [goals], source: t:4}
        """)
    assert [(f.rule, f.severity) for f in found] == [("missing-din-content", "info")]
    assert "W1, W2" in found[0].message


def test_links_only_in_a_missing_picture_are_one_finding(tmp_path: Path) -> None:
    body = """\
        goals: [{id: SD1, level: strategic, label: Doel, source: t:5}]
        not_in_text:
          - {what: de koppelingen, reason: in_image, AFFECTS source: t:4}
        """
    without = audit_of(tmp_path, body.replace("AFFECTS ", ""))
    assert [f.rule for f in without].count("effort-without-goal") == 2
    fixed = audit_of(tmp_path, body.replace("AFFECTS ", "affects: [links], "))
    assert "effort-without-goal" not in [f.rule for f in fixed]
    (entry,) = [f for f in fixed if f.rule == "missing-din-content"]
    assert "W1, W2" in entry.message


def test_an_approximate_total_is_reported_not_a_mismatch(tmp_path: Path) -> None:
    found = audit_of(tmp_path, """\
        goals: [{id: SD1, level: strategic, label: Doel, source: t:5}]
        budgets:
          - id: K1
            title: Kosten
            unit: EUR
            lines: [{label: a, amounts: {2024: 5200}}]
            stated_totals: {2024: ruim 5.000}
            source: t:6
        """)
    rules = [f.rule for f in found]
    assert "approximate-total" in rules and "budget-mismatch" not in rules


def test_an_approximate_capacity_total_is_reported_not_a_mismatch(tmp_path: Path) -> None:
    found = audit_of(tmp_path, """\
        goals: [{id: SD1, level: strategic, label: Doel, source: t:5}]
        capacity:
          - id: C1
            title: Inzet
            unit: uren per week
            lines: [{label: a, amounts: {2020: 36}}]
            stated_totals: {2020: circa 40}
            source: t:6
        """)
    rules = [f.rule for f in found]
    assert "approximate-total" in rules and "budget-mismatch" not in rules


@pytest.mark.parametrize(("printed", "state"), [
    ("ruim 5.000", "approximate"),  # approximate: never shown as a mismatch
    ("5.200", "ok"),
    ("5200,3", "mismatch"),  # off by 0.3: a mismatch for the audit, so for everyone
])
def test_audit_report_query_and_chart_agree_on_a_total(tmp_path: Path, printed: str,
                                                      state: str) -> None:
    """One BudgetCheck, one tolerance: the four places that judge a printed total agree."""
    found = audit_of(tmp_path, f"""\
        goals: [{{id: SD1, level: strategic, label: Doel, source: t:5}}]
        budgets:
          - id: K1
            title: Kosten
            unit: EUR
            lines: [{{label: a, amounts: {{2024: 5200}}}}]
            stated_totals: {{2024: "{printed}"}}
            source: t:6
        """)
    G = dinnet.load(tmp_path / "b.yaml")
    rules = {f.rule for f in found}
    assert ("budget-mismatch" in rules) is (state == "mismatch"), rules
    assert ("approximate-total" in rules) is (state == "approximate"), rules
    (row,) = report_data(G, found, lang="en").budget_rows
    assert row.state == state
    assert row.rules == (("budget-mismatch",) if state == "mismatch" else ())
    text = CliRunner().invoke(main, ["query", "budget", str(tmp_path / "b.yaml")]).output
    (line,) = [t for t in text.splitlines() if t.strip().startswith("2024:")]
    assert line.endswith({"ok": "  ok", "mismatch": "  DIFFERS",
                          "approximate": "  approximate (ruim)"}[state]), line
    ax = budget_chart(G, "b", lang="en")
    reds = [ln for ln in ax.get_lines() if ln.get_color() == "#d7301f" and len(ln.get_xdata())]
    assert len(reds) == (state == "mismatch")


def test_charts_show_realised_expected_approximate_and_open_values(G) -> None:  # type: ignore[no-untyped-def]
    ax = indicator_chart(G, "duurzaam-zonnedal:BBV1", lang="nl")
    assert {line.get_label() for line in ax.get_lines()} >= {"realisatie", "verwacht",
                                                            "streefwaarde"}
    assert "n.t.b." in [t.get_text() for t in ax.texts]
    ax = indicator_chart(G, "duurzaam-zonnedal:BBV2", lang="nl")
    assert "circa" in [t.get_text() for t in ax.texts]


def test_a_budget_in_words_is_shown_as_text_not_an_empty_chart(G) -> None:  # type: ignore[no-untyped-def]
    assert budget_texts(G, "werk-en-inkomen") == ["Lasten: circa € 4,2 miljoen per jaar"]
    ax = budget_chart(G, "werk-en-inkomen", lang="nl")
    assert not ax.patches and not ax.axison
    assert any("circa € 4,2 miljoen per jaar" in t.get_text() for t in ax.texts)


def test_the_report_shows_them(G, findings: list) -> None:  # type: ignore[no-untyped-def]
    html = render_html(report_data(G, findings, lang="nl"), Figures(portfolio="<svg></svg>"))
    for shown in ("Realisatie", "18", "circa 3.400", "2027: n.t.b.", "versie 2.1",
                  "Begroting alleen in woorden", "Lasten: circa € 4,2 miljoen per jaar"):
        assert shown in html, shown
    assert "<tr><td>Programma " in html  # an indicator of the programme as a whole


@pytest.mark.graphviz
def test_the_example_is_drawn(tmp_path: Path) -> None:
    out = tmp_path / "din"
    result = CliRunner().invoke(main, ["render", str(ZONNEDAL), "-o", str(out) + "/"])
    assert result.exit_code == 0, result.output
    svg = (out / "duurzaam-zonnedal.svg").read_text(encoding="utf-8")
    assert "Energieloket voor inwoners" in svg and "Voor subdoel 1.2" in svg
    assert (out / "werk-en-inkomen.svg").is_file()
