"""The command line, through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from dinnet.cli import main
from dinnet.graph import EDGE_KINDS, NODE_KINDS
from dinnet.io.export import NODE_LINK_KEYS

ROOT = Path(__file__).parents[1]
ASSETS = Path(__file__).parent / "assets"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_bundled_data() -> None:
    code, out, err = run("validate")
    assert code == 0, err
    assert out.startswith("ok: 7 programmes, ")
    assert err == ""


def test_validate_example() -> None:
    code, out, err = run("validate", str(ROOT / "examples"))
    assert code == 0, err
    assert out.startswith("ok: 3 programmes, ")  # groene-stad and zonnedal (two)
    assert "warning: relations[0]" not in err  # relations name programmes, not nodes


def test_validate_reports_each_problem_on_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text((ASSETS / "minimal.yaml").read_text(encoding="utf-8")
                   .replace("contributes_to: [SD1.a]", "contributes_to: [SD9]")
                   .replace("label: Fietsersbond", "lable: Fietsersbond"), encoding="utf-8")
    code, _out, err = run("validate", str(bad))
    assert code == 1
    lines = err.strip().splitlines()
    assert lines == [f"{bad}:40:22: error: efforts[0].contributes_to[0]: unknown goal 'SD9' "
                     "(known: SD1, SD1.a, SD2); did you mean 'SD2'?",
                     f"{bad}:58:5: error: stakeholders[0].lable: unknown field 'lable'; "
                     "did you mean 'label'?",
                     "2 errors"]
    assert "Traceback" not in err


def test_validate_missing_path() -> None:
    code, _, err = run("validate", "no/such/file.yaml")
    assert code == 1
    assert err.strip() == "error: no/such/file.yaml: no such file or folder"


def test_export_json_round_trips() -> None:
    code, out, err = run("export", "--format", "json", "-o", "-")
    assert code == 0, err
    data = json.loads(out)
    G = nx.node_link_graph(data, **NODE_LINK_KEYS)
    assert isinstance(G, nx.MultiDiGraph)
    for n, attrs in G.nodes(data=True):
        assert attrs["kind"] in NODE_KINDS
        assert {"programme", "label", "source"} <= set(attrs)
        assert n == attrs["programme"] if attrs["kind"] == "programme" else \
            n.startswith(attrs["programme"] + ":")
        if attrs["kind"] == "goal":
            assert attrs["level"] in ("main", "strategic", "operational")
    for _u, _v, key, attrs in G.edges(keys=True, data=True):
        assert key == attrs["kind"] and key in EDGE_KINDS
        assert attrs["source"]
    kinds = {(G.nodes[u]["kind"], G.nodes[v]["kind"], k) for u, v, k in G.edges(keys=True)}
    assert ("project", "effort", "implements") in kinds
    assert ("effort", "goal", "contributes_to") in kinds
    assert ("goal", "goal", "refines") in kinds
    assert ("indicator", "goal", "measures") in kinds
    assert ("effort", "track", "part_of") in kinds
    assert ("stakeholder", "effort", "involved_in") in kinds
    assert ("programme", "programme", "depends_on") in kinds


def test_export_refuses_to_overwrite_input(tmp_path: Path) -> None:
    contract = tmp_path / "c.yaml"
    contract.write_bytes((ASSETS / "minimal.yaml").read_bytes())
    before = contract.read_bytes()
    code, _, err = run("export", str(contract), "--format", "json", "-o", str(contract))
    assert code == 1
    assert "refusing to overwrite" in err
    assert contract.read_bytes() == before
    code, _, err = run("export", str(contract), "-o", str(contract))  # .yaml is no export format
    assert code == 1 and "unknown suffix .yaml" in err
    assert contract.read_bytes() == before


def test_audit_fail_on() -> None:
    code, out, _ = run("audit", "--format", "json")
    assert code == 1  # the Almelo data has errors
    data = json.loads(out)
    assert set(data) == {"lang", "findings", "summary"}
    assert data["summary"]["severity"]["error"] > 0
    code, _, _ = run("audit", "--fail-on", "never")
    assert code == 0
    code, out, _ = run("audit", str(ASSETS / "minimal.yaml"), "--fail-on", "error")
    assert code == 0, out


def test_audit_markdown() -> None:
    code, out, _ = run("audit", "--format", "markdown", "--fail-on", "never")
    assert code == 0
    assert "## binnenstad" in out and "| error | DIN301 budget-mismatch: Budget does not add up |" in out


def test_query_why_how_impact() -> None:
    code, out, _ = run("query", "why", "mini:E1", str(ASSETS / "minimal.yaml"))
    assert code == 0
    assert out.splitlines()[1:] == ["  mini:SD1.a  operational goal  Minder fijnstof",
                                    "  mini:SD1  strategic goal  Schonere lucht",
                                    "  mini:visie  vision  Een betere stad"]
    code, out, _ = run("query", "impact", "zorg:E20", "--format", "json")
    assert code == 0
    assert json.loads(out) == {"question": "impact", "node": "zorg:E20", "loses_all": [],
                               "loses_some": ["zorg:HO1", "zorg:HO2", "zorg:SD2", "zorg:SD3",
                                              "zorg:SD4"]}


def test_query_unknown_node() -> None:
    code, _, err = run("query", "how", "zorg:SD9")
    assert code == 1
    assert err.startswith("error: node 'zorg:SD9' is not in the graph")


def test_query_gaps_and_deps() -> None:
    code, out, _ = run("query", "gaps", "--format", "json")
    assert code == 0
    gaps = json.loads(out)["goals_without_effort"]
    assert "zorg:SD1.a" in gaps and "zorg:HO1" not in gaps  # HO1: through the lines (r. 227)
    code, out, _ = run("query", "deps", "--format", "json")
    assert ["zorg", "binnenstad"] in json.loads(out)["one_sided"]


@pytest.mark.parametrize("args", [
    ["charts", "tests/assets/minimal.yaml", "-o", "-"],
    ["import-xlsx", "WORKBOOK", "-o", "-"],
    ["report", "tests/assets/minimal.yaml", "--split", "-"],
], ids=lambda a: a[0])
def test_dash_is_refused_where_a_folder_is_needed(
        args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``-`` means standard output; a command that writes several files needs a folder and
    refuses it, instead of making a folder called ``-``."""
    from dinnet.io.loading import load_contracts
    from dinnet.io.xlsx import export_xlsx

    root = Path(__file__).resolve().parents[1]
    loaded, indexes, _ = load_contracts(root / "tests" / "assets" / "minimal.yaml")
    (tmp_path / "din.xlsx").write_bytes(export_xlsx([i.contract for i in loaded], indexes))
    args = [str(root / a) if a.startswith("tests/") else a for a in args]
    args = [str(tmp_path / "din.xlsx") if a == "WORKBOOK" else a for a in args]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "-: a folder is needed" in result.output, result.output
    assert not (tmp_path / "-").exists()
