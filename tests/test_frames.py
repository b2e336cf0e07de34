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
    assert nodes_frame(G, kind=["effort", "project"])["kind"].value_counts().to_dict() == {
        "effort": 2, "project": 1}
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
