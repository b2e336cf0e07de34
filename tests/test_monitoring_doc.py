"""The worked example of docs/monitoring.md: every status and number in its tables, recomputed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

import dinnet
from dinnet.queries import GoalStatus, IndicatorStatus, progress, remedies

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "monitoring.md").read_text(encoding="utf-8")
EXAMPLE = DOC.split("## Worked example", 1)[1]
DATES = (date(2024, 12, 31), date(2025, 12, 31))


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return nx.compose(dinnet.load(ROOT / "examples" / "groene-stad.yaml",
                                  ROOT / "examples" / "groene-stad.measurements.yaml"),
                      dinnet.load(ROOT / "examples" / "zonnedal"))


def rows(heading: str) -> list[list[str]]:
    table = EXAMPLE.split(heading, 1)[1].split("\n\n|", 1)[1].split("\n\n", 1)[0]
    return [[c.strip() for c in line.strip("|").split("|")]
            for line in ("|" + table).splitlines()[2:]]


def test_the_example_names_every_indicator_of_both_data_sets_at_both_dates(
        G: nx.MultiDiGraph) -> None:
    named = {(r[0].strip("`"), r[1]) for r in rows("### Indicators")}
    indicators = {n for n, k in G.nodes(data="kind") if k == "indicator"}
    assert named == {(n, d.isoformat()) for n in indicators for d in DATES}


def test_every_indicator_row_is_what_dinnet_computes(G: nx.MultiDiGraph) -> None:
    for node, as_of, counts, path, band, status, _ in rows("### Indicators"):
        st = progress(G, date.fromisoformat(as_of))[node.strip("`")]
        assert isinstance(st, IndicatorStatus)
        m = st.measurement
        assert counts == f"{m.value:g} ({m.date.isoformat()})", node
        assert path == f"{st.compared_with:.2f}", node
        assert band == ("" if st.band is None else f"{st.band:g}"), node
        assert status == st.status, node


def test_every_goal_row_is_what_dinnet_computes(G: nx.MultiDiGraph) -> None:
    found = {d: progress(G, d) for d in DATES}
    for node, *statuses, _ in rows("### Goals"):
        for day, status in zip(DATES, statuses, strict=True):
            st = found[day][node.strip("`")]
            assert isinstance(st, GoalStatus)
            assert status == st.status, (node, day)


def test_the_remedies_told_are_what_dinnet_finds(G: nx.MultiDiGraph) -> None:
    day = DATES[1]
    sd1b = remedies(G, "groene-stad:SD1.b", day)
    assert [(r.node, r.realisation.state) for r in sd1b] == [("groene-stad:E2", "not_realised")]
    assert sd1b[0].realisation.explanation in " ".join(EXAMPLE.split())
    sd1a = {r.node: r.realisation.state for r in remedies(G, "groene-stad:SD1.a", day)}
    assert sd1a == {"groene-stad:E1": "realised", "groene-stad:E1.1": "partly",
                    "groene-stad:P1": "realised"}


def test_the_commands_of_the_example_run() -> None:
    from click.testing import CliRunner

    from dinnet.cli import main

    for line in re.findall(r"^dinnet (progress .*)$", EXAMPLE, flags=re.M):
        args = [a if a.startswith("-") or not a.startswith("examples") else str(ROOT / a)
                for a in line.split()]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert "SD1.a.i1" in result.output or "BBV2" in result.output
