"""pandas views of nodes, edges, findings and changes."""

from __future__ import annotations

from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

import dinnet  # noqa: E402
from dinnet.audit import run_audit  # noqa: E402
from dinnet.diff import diff_graphs  # noqa: E402
from dinnet.io.frames import changes_frame, edges_frame, findings_frame, nodes_frame  # noqa: E402

ASSETS = Path(__file__).parent / "assets"


def test_nodes_frame() -> None:
    G = dinnet.load(ASSETS / "minimal.yaml")
    df = nodes_frame(G)
    assert len(df) == G.number_of_nodes()
    assert list(df.columns[:5]) == ["kind", "programme", "label", "level", "source"]
    goals = nodes_frame(G, kind="goal")
    assert sorted(goals.index) == ["mini:SD1", "mini:SD1.a", "mini:SD2"]
    kinds = nodes_frame(G, kind=["effort", "project"])["kind"].value_counts()
    assert kinds[kinds > 0].to_dict() == {"effort": 2, "project": 1}  # a category counts all kinds
    assert nodes_frame(G, kind="nothing").empty


def test_edges_frame() -> None:
    G = dinnet.load(ASSETS / "minimal.yaml")
    df = edges_frame(G)
    assert len(df) == G.number_of_edges()
    assert list(df.columns[:4]) == ["from", "to", "kind", "source"]
    assert edges_frame(G, kind="nothing").empty


def test_findings_frame() -> None:
    findings = run_audit(dinnet.load())
    df = findings_frame(findings)
    assert len(df) == len(findings)
    assert df.sort_values("severity")["severity"].iloc[0] == "error"
    assert findings_frame([]).empty


def test_changes_frame() -> None:
    old, new = dinnet.load(ASSETS / "diff" / "v1.yaml"), dinnet.load(ASSETS / "diff" / "v2.yaml")
    df = changes_frame(diff_graphs(old, new))
    assert df["action"].tolist() == ["removed", "renamed", "changed"]


def test_frames_have_proper_dtypes() -> None:
    from dinnet.graph import NODE_KINDS

    G = dinnet.load()
    nodes = nodes_frame(G)
    assert str(nodes["baseline_year"].dtype) == "Int64"  # a year, not 2016.0
    years = {n: d["baseline_year"] for n, d in G.nodes(data=True) if d.get("baseline_year") is not None}
    assert years and all(nodes.loc[n, "baseline_year"] == y for n, y in years.items())
    assert nodes["baseline_year"].notna().sum() == len(years)
    for column in ("open", "lijnproject"):
        assert str(nodes[column].dtype) == "boolean"
        assert nodes[column].notna().sum() == sum(d.get(column) is not None for _, d in G.nodes(data=True))
    assert int(nodes["lijnproject"].sum()) == sum(d.get("lijnproject") is True for _, d in G.nodes(data=True))
    assert list(nodes["kind"].cat.categories) == list(NODE_KINDS)
    assert nodes["level"].cat.ordered and list(nodes["level"].cat.categories) == [
        "main", "strategic", "operational"]
    assert nodes.sort_values("level")["level"].dropna().iloc[0] == "main"
    assert str(nodes["role"].dtype) == "category"
    edges = edges_frame(G)
    assert str(edges["kind"].dtype) == "category" and edges["strength"].cat.ordered
