"""The audit in few passes (issue 22): one context per run, the same findings as before.

The rules read one :class:`AuditContext` (nodes by kind, plain adjacency, one
reachability each way) instead of walking the graph once per query. These
tests pin that nothing changed: the findings of a generated set against a
digest taken before the change (the Almelo findings are pinned in full by
``test_almelo_audit.py``), the node-local rules against the queries they
stand for, and a context shared by every rule against a fresh one per rule.

Regenerate the digest after a deliberate change of rules or generator with
``DINNET_UPDATE_SNAPSHOTS=1 pytest tests/audit/test_context.py`` and review
the counts per rule in the diff.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import dinnet
from dinnet import queries as q
from dinnet.audit import RULES, AuditContext, run_audit
from dinnet.audit.context import _reaching

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "tests" / "snapshots" / "generated-audit.json"


@pytest.fixture(scope="module", params=["almelo", "generated"])
def graph(request: pytest.FixtureRequest, generated_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    return dinnet.load() if request.param == "almelo" else generated_graph


def _digest(findings: list) -> dict:
    """Counts per rule and a hash of every finding, in both languages, with its file's name."""
    rows = [f.as_dict() | {"file": f.location and Path(f.location[0]).name, "nl": f.text("nl")}
            for f in findings]
    text = json.dumps(rows, ensure_ascii=False)
    rules: dict[str, int] = {}
    for f in findings:
        rules[f.code] = rules.get(f.code, 0) + 1
    return {"findings": len(findings), "per_rule": dict(sorted(rules.items())),
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def test_generated_findings_unchanged(generated_graph: nx.MultiDiGraph) -> None:
    got = _digest(run_audit(generated_graph))
    if os.environ.get("DINNET_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(got, indent=2) + "\n", encoding="utf-8")
    assert got == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_node_rules_find_what_the_queries_find(graph: nx.MultiDiGraph) -> None:
    ctx = AuditContext(graph)
    assert ctx.goals_without_effort == q.goals_without_effort(graph)
    assert ctx.efforts_without_goal == q.efforts_without_goal(graph)
    assert ctx.budget_checks == q.budget_checks(graph)
    P = q.programme_graph(graph, programmes=ctx.of("programme"))
    assert list(P.edges(data=True)) == list(q.programme_graph(graph).edges(data=True))
    as_of = dt.date(2026, 12, 3)
    assert q.behind(graph, as_of, indicators=ctx.of("indicator")) == q.behind(graph, as_of)
    assert ctx.of("goal") == list(dinnet.graph.nodes_of(graph, "goal"))
    nodes = {name: [h.node for h in r.check(ctx)] for name, r in RULES.items()}
    assert nodes["goal-without-indicator"] == q.operational_goals_without_indicator(graph)
    assert nodes["strategic-goal-without-operational-goal"] == (
        q.strategic_goals_without_operational_goal(graph))
    assert nodes["project-without-effort"] == q.projects_without_effort(graph)
    assert nodes["double-claiming"] == list(q.double_claims(graph))
    assert nodes["inferred-link"] == [u for u, _, inferred in graph.edges(data="inferred")
                                      if inferred]


def test_one_context_for_all_rules_changes_nothing(graph: nx.MultiDiGraph) -> None:
    before = (dict(graph.nodes(data=True)), list(graph.edges(keys=True, data=True)))
    shared = run_audit(graph)
    one_by_one = sorted((f for r in RULES.values() for f in r.run(graph)),
                        key=lambda f: (f.programme, f.code, f.node or "", f.message))
    assert shared == one_by_one
    assert [f.said for f in shared] == [f.said for f in one_by_one]
    assert (dict(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))) == before


def test_the_generated_set_exercises_the_rules(generated_graph: nx.MultiDiGraph) -> None:
    # what the Almelo data does not trigger: the direction of targets, double claims, duplicates
    fired = {f.code for f in run_audit(generated_graph)}
    assert {"DIN204", "DIN403", "DIN404"} <= fired


@st.composite
def _walks(draw: st.DrawFn) -> tuple[nx.MultiDiGraph, list[str], set[str]]:
    """Any small multigraph (cycles, self-loops, links of other kinds), the nodes asked
    about, and the targets (the nodes neither names stand for tracks and results)."""
    names = [f"n{i}" for i in range(draw(st.integers(1, 12)))]
    G = nx.MultiDiGraph()
    G.add_nodes_from(names)
    for u, v, kind in draw(st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names),
                                              st.sampled_from(["refines", "part_of", "serves"])),
                                    max_size=30)):
        G.add_edge(u, v, key=kind)
    targets = set(draw(st.lists(st.sampled_from(names), max_size=4)))
    asked = [n for n in names if n not in targets and draw(st.booleans())]
    return G, asked, targets


def _two_ways_in() -> nx.MultiDiGraph:
    """a and b (asked) both step onto c (not asked), which steps onto the target t."""
    G = nx.MultiDiGraph()
    G.add_edges_from([("a", "c", "part_of"), ("b", "c", "part_of"), ("c", "t", "refines")])
    return G


@settings(max_examples=300, deadline=None)
@given(_walks(), st.booleans())
@example((_two_ways_in(), ["a", "b"], {"t"}), True)
def test_reaching_is_a_walk_back_from_the_targets(
        walk: tuple[nx.MultiDiGraph, list[str], set[str]], forward: bool) -> None:
    # the coverage fields are asked only of the nodes that do not answer with a link of
    # their own (efforts, goals), walking the rest: each must come out as a whole walk
    # back from the targets would have it
    G, nodes, targets = walk
    links = G._succ if forward else G._pred
    behind = q.reach(G, targets, q.SUPPORT_EDGES, forward=not forward)
    assert _reaching(links, nodes, targets, q.SUPPORT_EDGES) == {n for n in nodes if n in behind}
