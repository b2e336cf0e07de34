"""The status overlay (``render --status``) on the fictional example data (issue 21)."""

from __future__ import annotations

import datetime as dt
import re

import networkx as nx
import pytest
from click.testing import CliRunner

import dinnet
from dinnet.cli import main
from dinnet.render import din
from dinnet.render.geometry import loose_ends, read_svg
from dinnet.render.status_overlay import STATE_STYLE, STATUS_STYLE, status_overlay

END_2024, END_2025 = dt.date(2024, 12, 31), dt.date(2025, 12, 31)


@pytest.fixture(scope="module")
def groene() -> nx.MultiDiGraph:
    return dinnet.load("examples/groene-stad.yaml", "examples/groene-stad.measurements.yaml")


def _node(source: str, node: str) -> str:
    """The DOT statement of one node."""
    found = re.search(rf'^\s*"?din-{re.escape(node.replace(":", "--", 1))}"? \[.*?\]$',
                      source, re.M | re.S)
    assert found, node
    return found.group(0)


def test_goals_take_their_status_and_efforts_their_state(groene: nx.MultiDiGraph) -> None:
    o = status_overlay(groene, "groene-stad", END_2025, lang="nl")
    goals = {n: s for n, s in o.statuses.items() if groene.nodes[n]["kind"] == "goal"}
    assert goals == {"groene-stad:SD1": "behind", "groene-stad:SD1.a": "behind",
                     "groene-stad:SD1.b": "behind", "groene-stad:SD2": "unknown"}
    assert o.states == {"groene-stad:E1": "realised", "groene-stad:E1.1": "partly",
                        "groene-stad:E2": "not_realised", "groene-stad:P1": "realised"}
    source = din(groene, "groene-stad", status=END_2025).source
    behind = _node(source, "groene-stad:SD1.a")
    assert f'color="{STATUS_STYLE["behind"].border}"' in behind and "▼ achter" in behind
    # the indicator's line says its status and why, in the status's text colour
    assert f'COLOR="{STATUS_STYLE["behind"].text}">▼ achter: 13.600 gemeten op 31-12-2025' in behind
    assert "? onbekend" in _node(source, "groene-stad:SD2")
    not_done = _node(source, "groene-stad:E2")
    assert f'color="{STATE_STYLE["not_realised"].border}"' in not_done
    assert "✘ niet gerealiseerd" in not_done
    result = _node(source, "groene-stad:R1")  # a result has no state: left as it is
    assert "penwidth=3" not in result and "gerealiseerd" not in result
    legend = _node(source, "legend-rules")
    assert "Voortgang op 31-12-2025" in legend
    assert "▼ achter (3)" in legend and "✘ niet gerealiseerd (1)" in legend


def test_a_later_report_does_not_count_earlier(groene: nx.MultiDiGraph) -> None:
    o = status_overlay(groene, "groene-stad", END_2024, lang="en")
    assert o.states == {"groene-stad:E1": "realised", "groene-stad:E1.1": "partly"}
    assert "✘ not realised" not in din(groene, "groene-stad", status=END_2024, lang="en").source


def test_without_measurements_every_goal_is_unknown() -> None:
    G = dinnet.load("examples/groene-stad.yaml")
    o = status_overlay(G, "groene-stad", END_2025)
    assert {o.statuses[n] for n in o.statuses} == {"unknown"} and o.states == {}


def test_the_text_colours_read_on_every_fill() -> None:
    """4.5:1 (WCAG AA) against the lightest and the darkest fill a node of the DIN has."""
    from tests.report.test_contrast import ratio

    fills = ["#c9daf0", "#dbe9f6", "#eef5fb", "#e3f2dc", "#f3faf0", "#fdeccf", "#ececec"]
    for mark in [*STATUS_STYLE.values(), *STATE_STYLE.values()]:
        assert min(ratio(mark.text, f) for f in fills) >= 4.5, mark


@pytest.mark.graphviz
def test_every_link_still_touches_its_ends(groene: nx.MultiDiGraph) -> None:
    for lang in ("nl", "en"):
        drawing = read_svg(din(groene, "groene-stad", status=END_2025, lang=lang).render("svg"))
        assert drawing.links and loose_ends(drawing) == []


def test_the_command_line(tmp_path) -> None:
    runner = CliRunner()
    args = ["render", "examples/groene-stad.yaml", "examples/groene-stad.measurements.yaml",
            "--format", "dot", "-o", "-"]
    out = runner.invoke(main, [*args, "--status", "--as-of", "31-12-2025", "--lang", "nl"])
    assert out.exit_code == 0, out.output
    assert "Voortgang op 31-12-2025" in out.stdout and "▼ achter" in out.stdout
    bad = runner.invoke(main, [*args, "--as-of", "2025-12-31"])
    assert bad.exit_code == 2 and "--as-of needs --status" in bad.output
    bad = runner.invoke(main, [*args, "--status", "--as-of", "2025-13-01"])
    assert bad.exit_code == 2 and "2025-13-01 is not a date" in bad.output
    year = runner.invoke(main, [*args, "--status", "--as-of", "2025", "--lang", "en"])
    assert year.exit_code == 0 and "Progress on 2025-12-31" in year.stdout  # its last day
    both = runner.invoke(main, [*args, "--status", "--highlight-gaps"])
    assert both.exit_code == 2 and "not both" in both.output


@pytest.mark.graphviz
def test_pages_and_sub_dins_carry_the_overlay(groene: nx.MultiDiGraph) -> None:
    from dinnet.render import Paper, din_books, din_diagrams

    page = din_books(groene, Paper("a4"), programme="groene-stad", status=END_2025)[0].pages[0]
    assert "Voortgang op 31-12-2025" in page.source and "✘ niet gerealiseerd" in page.source
    sd1 = din_diagrams(groene, by_strategic_goal=True, status=END_2025)[0]
    assert sd1.name == "groene-stad--SD1" and "▼ achter" in sd1.source
