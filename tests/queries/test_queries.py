"""Query functions on small graphs and on the Almelo data."""

from __future__ import annotations

import itertools
from pathlib import Path

import networkx as nx
import pytest

import dinnet
from dinnet.errors import DinnetError, NodeNotFoundError
from dinnet.queries import (
    budget_per_goal,
    coverage_gaps,
    efforts_without_goal,
    goals_without_effort,
    how,
    impact,
    path_between,
    possible_duplicates,
    role_shares,
    shared_stakeholders,
    why,
    why_paths,
)
from dinnet.queries.chains import _UP

ASSETS = Path(__file__).parents[1] / "assets"


@pytest.fixture(scope="module")
def mini():
    return dinnet.load(ASSETS / "minimal.yaml")


@pytest.fixture(scope="module")
def almelo():
    return dinnet.load()


def test_goal_covered_through_sub_goal_only(mini) -> None:
    # E1 serves SD1.a only; SD1 counts as covered through its sub-goal
    assert "mini:SD1" not in goals_without_effort(mini)


def test_effort_on_parent_does_not_cover_sub_goal(tmp_path: Path) -> None:
    text = (ASSETS / "minimal.yaml").read_text(encoding="utf-8") \
        .replace("contributes_to: [SD1.a]", "contributes_to: [SD1]")
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    G = dinnet.load(tmp_path / "c.yaml")
    assert goals_without_effort(G) == ["mini:SD1.a"]


def test_sub_effort_inherits_parent_goals(almelo) -> None:
    assert "economie-en-participatie:E10.4" not in efforts_without_goal(almelo)


def test_coverage_gaps_on_almelo(almelo) -> None:
    gaps = coverage_gaps(almelo)
    assert "zorg:SD3" in gaps.strategic_goals_without_operational_goal
    assert "zorg:SD1.c" not in gaps.operational_goals_without_indicator
    assert all(e.startswith("binnenstad:") for e in gaps.efforts_without_goal)


def test_why_and_how(mini) -> None:
    assert why(mini, "mini:P1") == ["mini:E1", "mini:SD1.a", "mini:SD1", "mini:visie"]
    assert how(mini, "mini:visie") == ["mini:SD1", "mini:SD2", "mini:SD1.a", "mini:E1", "mini:E2",
                                       "mini:P1"]
    assert why_paths(mini, "mini:E1") == [["mini:E1", "mini:SD1.a", "mini:SD1", "mini:visie"]]


def _why_paths_by_networkx(G: nx.MultiDiGraph, node: str) -> list[list[str]]:
    up = nx.subgraph_view(G, filter_edge=lambda u, v, k: k in _UP)

    def top(n: str) -> bool:
        kind = G.nodes[n]["kind"]
        return kind == "vision" or (kind == "goal" and up.out_degree(n) == 0)

    tops = sorted(t for t in nx.descendants(up, node) if top(t))
    want = {tuple(p) for t in tops for p in nx.all_simple_paths(up, node, t)}
    want |= {(node,)} if top(node) else set()
    return sorted(map(list, want))


def test_why_paths_are_every_simple_path_up_to_a_top(almelo) -> None:
    """Checked against networkx's path enumeration: on every Almelo node of the chain,
    and on a graph with a cycle, a diamond and a goal with nothing above it."""
    G = nx.MultiDiGraph()
    G.add_nodes_from(["v"], kind="vision")
    G.add_nodes_from(["g1", "g2", "g3", "top"], kind="goal")
    G.add_nodes_from(["e1", "e2"], kind="effort")
    G.add_edges_from([("g1", "v", "serves"), ("g2", "g1", "refines"), ("g3", "g1", "refines"),
                      ("e1", "g2", "contributes_to"), ("e1", "g3", "contributes_to"),
                      ("e1", "top", "contributes_to"), ("e2", "e1", "part_of"),
                      ("e1", "e2", "part_of"), ("g3", "e2", "measures")])
    assert why_paths(G, "e2") == _why_paths_by_networkx(G, "e2") == [
        ["e2", "e1", "g2", "g1", "v"], ["e2", "e1", "g3", "g1", "v"], ["e2", "e1", "top"]]
    assert why_paths(G, "top") == [["top"]]
    checked = 0
    for node, kind in almelo.nodes(data="kind"):
        if kind in ("effort", "project", "result", "goal"):
            want = _why_paths_by_networkx(almelo, node)
            assert why_paths(almelo, node) == want, node
            checked += len(want)
    assert checked > 300


def test_unknown_node(mini) -> None:
    with pytest.raises(NodeNotFoundError, match="did you mean 'mini:E2', 'mini:E1'"):
        why(mini, "mini:E9")


def test_impact_needs_effort_project_or_track(mini) -> None:
    with pytest.raises(DinnetError, match="needs an effort, a project or a track"):
        impact(mini, "mini:SD1")


def test_impact_of_project(mini) -> None:
    assert impact(mini, "mini:P1").loses_all == ("mini:SD1", "mini:SD1.a")


def test_path_between(mini) -> None:
    assert path_between(mini, "mini:P1", "mini:visie") == ["mini:P1", "mini:E1", "mini:SD1.a",
                                                           "mini:SD1", "mini:visie"]
    # against the arrows: through the shared vision
    assert path_between(mini, "mini:E2", "mini:E1")[0] == "mini:E2"


def test_path_against_the_arrows_is_a_shortest_one(almelo) -> None:
    """Where no path follows the arrows, the path found is as short as networkx's."""
    U = almelo.to_undirected(as_view=True)
    nodes = sorted(almelo)
    checked = 0
    for source, target in zip(nodes[::7], nodes[3::11], strict=False):
        path = path_between(almelo, source, target)
        if nx.has_path(almelo, source, target):
            continue
        if not nx.has_path(U, source, target):
            assert path is None
            continue
        assert path is not None and path[0] == source and path[-1] == target
        assert all(U.has_edge(a, b) for a, b in itertools.pairwise(path))
        assert len(path) == nx.shortest_path_length(U, source, target) + 1
        checked += 1
    assert checked > 20
    isolated = nx.MultiDiGraph([("a", "b", "k")])
    isolated.add_node("c")
    assert path_between(isolated, "b", "a") == ["b", "a"]
    assert path_between(isolated, "a", "c") is None


def test_budget_per_goal_splits_and_rolls_up(tmp_path: Path) -> None:
    text = (ASSETS / "minimal.yaml").read_text(encoding="utf-8").replace(
        "    stakeholders: [fietsersbond]\n",
        "    stakeholders: [fietsersbond]\n    budget: {amounts: {2019: 100}}\n").replace(
        "contributes_to: [SD1.a]", "contributes_to: [SD1.a, SD2]")
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    per_goal = budget_per_goal(dinnet.load(tmp_path / "c.yaml"))
    assert per_goal == {"mini:SD1": {2019: 50.0}, "mini:SD1.a": {2019: 50.0},
                        "mini:SD2": {2019: 50.0}}


def test_budget_per_goal_counts_a_goal_reached_twice_once(tmp_path: Path) -> None:
    """X sits under A and refines B; A and B sit under M: M holds the effort's 100 once."""
    (tmp_path / "dia.yaml").write_text("""\
programme: {id: dia, name: Dia, municipality: X, period: {start: 2019, end: 2022}, source: a:1}
vision: {label: V, source: a:1}
goals:
  - id: M
    level: main
    label: Hoofddoel
    source: a:2
    goals:
      - id: A
        level: strategic
        label: Doel A
        source: a:3
        goals:
          - {id: X, level: operational, label: Doel X, refines: [B], source: a:4}
      - {id: B, level: strategic, label: Doel B, source: a:5}
efforts:
  - {id: E, label: Inspanning, contributes_to: [X], budget: {amounts: {2020: 100}}, source: a:6}
""", encoding="utf-8")
    per_goal = budget_per_goal(dinnet.load(tmp_path / "dia.yaml"))
    assert per_goal == {g: {2020: 100.0} for g in ("dia:A", "dia:B", "dia:M", "dia:X")}


def test_role_shares(almelo) -> None:
    shares = role_shares(almelo)
    assert shares["duurzaamheid"].get("regie", 0) >= 1


def test_shared_stakeholders_across_programmes(almelo) -> None:
    shared = shared_stakeholders(almelo)
    programmes = {tuple(sorted({n.split(":")[0] for n in ids})) for ids in shared.values()}
    assert all(len(p) >= 2 for p in programmes)
    assert shared  # e.g. the police or the housing corporations appear in several contracts


def test_possible_duplicates_are_cross_programme(almelo) -> None:
    for pair in possible_duplicates(almelo, threshold=70):
        assert pair.a.split(":")[0] != pair.b.split(":")[0]
