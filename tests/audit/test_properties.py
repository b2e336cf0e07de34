"""Property tests on generated networks: coverage and impact follow the graph rules."""

from __future__ import annotations

from typing import Any

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from dinnet.audit import run_audit
from dinnet.contract.model import Contract
from dinnet.graph import build_graph
from dinnet.queries import goals_without_effort, impact
from dinnet.queries._common import SUPPORT_EDGES

Doc = dict[str, Any]


@st.composite
def networks(draw: st.DrawFn) -> Doc:
    """A contract with a random goal tree and random efforts and sub-efforts."""
    n_goals = draw(st.integers(1, 12))
    goals: list[Doc] = []
    flat: list[Doc] = []
    for i in range(n_goals):
        parent = draw(st.sampled_from([None, *range(len(flat))])) if flat else None
        level = "strategic" if parent is None else "operational"
        goal: Doc = {"id": f"G{i}", "level": level, "label": f"Doel {i}", "source": "t:1",
                     "goals": []}
        (goals if parent is None else flat[parent]["goals"]).append(goal)
        flat.append(goal)
    ids = [g["id"] for g in flat]
    efforts = []
    for j in range(draw(st.integers(0, 10))):
        subs = [{"id": f"E{j}.{k}", "label": "sub", "source": "t:2",
                 "contributes_to": draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))}
                for k in range(draw(st.integers(0, 2)))]
        efforts.append({"id": f"E{j}", "label": f"Inspanning {j}", "source": "t:2",
                        "contributes_to": draw(st.lists(st.sampled_from(ids), max_size=3,
                                                        unique=True)),
                        "efforts": subs})
    return {"programme": {"id": "p", "name": "P", "municipality": "M",
                          "period": {"start": 2019, "end": 2022}, "source": "t:1"},
            "vision": {"label": "V", "source": "t:1"}, "goals": goals, "efforts": efforts}


def graph(doc: Doc) -> nx.MultiDiGraph:
    return build_graph([Contract.model_validate(doc)])


def gaps(doc: Doc) -> set[str]:
    return {f.node for f in run_audit(graph(doc)) if f.rule == "goal-without-effort"}


@settings(max_examples=150, deadline=None)
@given(networks(), st.data())
def test_adding_an_effort_never_adds_a_gap(doc: Doc, data: st.DataObject) -> None:
    before = gaps(doc)
    goal = data.draw(st.sampled_from([g for g in _all_goals(doc)]))
    doc["efforts"].append({"id": "NEW", "label": "nieuw", "source": "t:3",
                           "contributes_to": [goal]})
    after = gaps(doc)
    assert f"p:{goal}" not in after
    assert after <= before


@settings(max_examples=150, deadline=None)
@given(networks(), st.data())
def test_removing_the_only_effort_of_a_goal_adds_a_gap(doc: Doc, data: st.DataObject) -> None:
    goal = data.draw(st.sampled_from(_all_goals(doc)))
    # make a leaf goal whose only effort is ONLY
    leaf = {"id": "LEAF", "level": "operational", "label": "blad", "source": "t:4", "goals": []}
    _find(doc, goal)["goals"].append(leaf)
    doc["efforts"].append({"id": "ONLY", "label": "enige", "source": "t:3",
                           "contributes_to": ["LEAF"]})
    assert "p:LEAF" not in gaps(doc)
    doc["efforts"] = [e for e in doc["efforts"] if e["id"] != "ONLY"]
    assert "p:LEAF" in gaps(doc)


@settings(max_examples=150, deadline=None)
@given(networks(), st.data())
def test_impact_is_the_goals_every_path_of_which_runs_through_the_node(
        doc: Doc, data: st.DataObject) -> None:
    G = graph(doc)
    efforts = sorted(n for n, k in G.nodes(data="kind") if k == "effort")
    if not efforts:
        return
    x = data.draw(st.sampled_from(efforts))
    result = impact(G, x)
    support = nx.subgraph_view(G, filter_edge=lambda u, v, k: k in SUPPORT_EDGES)
    reached = nx.descendants(support, x)
    expected_all, expected_some = set(), set()
    without = support.subgraph(n for n in G if n != x)
    for g in (n for n in reached if G.nodes[n]["kind"] == "goal"):
        others = [e for e in efforts if e != x and nx.has_path(without, e, g)]
        (expected_some if others else expected_all).add(g)
    assert set(result.loses_all) == expected_all
    assert set(result.loses_some) == expected_some
    # and the coverage query agrees: the goals that lose all are exactly the new gaps
    covered_before = set(goals_without_effort(G))
    G2 = G.copy()
    G2.remove_node(x)
    # sub-efforts of x are efforts of their own: they may still cover goals
    new_gaps = set(goals_without_effort(G2)) - covered_before
    assert new_gaps <= expected_all


def _all_goals(doc: Doc) -> list[str]:
    out: list[str] = []

    def walk(goals: list[Doc]) -> None:
        for g in goals:
            out.append(g["id"])
            walk(g["goals"])
    walk(doc["goals"])
    return out


def _find(doc: Doc, goal_id: str) -> Doc:
    stack = list(doc["goals"])
    while stack:
        g = stack.pop()
        if g["id"] == goal_id:
            return g
        stack.extend(g["goals"])
    raise KeyError(goal_id)
