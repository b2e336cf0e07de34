"""Graph exports: JSON and GraphML read back into the same graph; GEXF and CSV for other tools."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import dinnet
from dinnet.cli import main
from dinnet.io.export import from_graphml, from_json, to_csv_tables, to_gexf, to_graphml, to_json

ROOT = Path(__file__).resolve().parents[1]
SOURCES: dict[str, tuple[Path, ...]] = {
    "almelo": (),
    "example": (ROOT / "examples" / "groene-stad.yaml",),
    "hostile labels": (ROOT / "tests" / "assets" / "hostile-labels.yaml",),
    "escaping": (ROOT / "tests" / "assets" / "escaping.yaml",),
}


def same_graph(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> None:
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    key = lambda e: e[:3]  # noqa: E731
    assert sorted(G.edges(keys=True, data=True), key=key) == sorted(
        H.edges(keys=True, data=True), key=key)


def shuffled(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph, built in another order."""
    rng = random.Random(7)
    nodes = list(G.nodes(data=True))
    edges = list(G.edges(keys=True, data=True))
    rng.shuffle(nodes)
    rng.shuffle(edges)
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from((n, dict(reversed(list(d.items())))) for n, d in nodes)
    H.add_edges_from(edges)
    return H


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_json_round_trip(name: str) -> None:
    G = dinnet.load(*SOURCES[name])
    H = from_json(to_json(G))
    same_graph(G, H)
    assert H.graph["index"] == G.graph["index"]


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_graphml_round_trip(name: str) -> None:
    G = dinnet.load(*SOURCES[name])
    H = from_graphml(to_graphml(G))
    same_graph(G, H)
    assert H.graph == G.graph


def test_graphml_keeps_plain_types_for_other_tools() -> None:
    G = dinnet.load()
    plain = nx.read_graphml(io.BytesIO(to_graphml(G)))  # as yEd or Gephi sees it
    assert plain.nodes["zorg:SD3"]["label"] == G.nodes["zorg:SD3"]["label"]
    assert plain.nodes["zorg:SD3"]["level"] == "strategic"
    assert isinstance(plain.nodes["binnenstad"]["period"], str)  # a list, as JSON text
    assert json.loads(plain.nodes["binnenstad"]["period"]) == [2019, 2022]
    assert "text" not in plain.nodes["zorg:SD3"] or plain.nodes["zorg:SD3"]["text"]


@pytest.mark.parametrize("write", [to_json, to_graphml, to_gexf], ids=lambda f: f.__name__)
def test_exports_are_byte_stable(write: object) -> None:
    G = dinnet.load(*SOURCES["example"])
    assert callable(write)
    assert write(G) == write(shuffled(G))


def test_gexf_opens_in_networkx() -> None:
    G = dinnet.load()
    H = nx.read_gexf(io.BytesIO(to_gexf(G)))
    assert set(H.nodes) == set(G.nodes)
    assert H.number_of_edges() == G.number_of_edges()


def test_csv_tables() -> None:
    G = dinnet.load(*SOURCES["example"])
    tables = to_csv_tables(G)
    nodes = list(csv.DictReader(io.StringIO(tables["nodes.csv"])))
    edges = list(csv.DictReader(io.StringIO(tables["edges.csv"])))
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    row = next(r for r in nodes if r["id"] == "groene-stad:SD1.a.i1")
    assert json.loads(row["targets"]) == {"2025": 14000.0, "2027": 18000.0}
    assert list(nodes[0])[:4] == ["id", "kind", "programme", "label"]
    assert list(edges[0])[:4] == ["from", "to", "key", "kind"]


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf"])
def test_cli_export_formats(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"din.{fmt}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        same_graph(dinnet.load(), from_json(out.read_bytes()))
    elif fmt == "graphml":
        same_graph(dinnet.load(), from_graphml(out.read_bytes()))
    else:
        assert nx.read_gexf(out).number_of_nodes() == dinnet.load().number_of_nodes()


def test_cli_csv_to_a_folder_or_a_zip(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--format", "csv", "-o", str(tmp_path / "tables")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["edges.csv", "nodes.csv"]
    result = runner.invoke(main, ["export", "--format", "csv", "-o", str(tmp_path / "din.zip")])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "din.zip") as archive:
        assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
        assert archive.read("nodes.csv").decode() == (tmp_path / "tables" / "nodes.csv").read_text(
            encoding="utf-8")
    result = runner.invoke(main, ["export", "--format", "csv"])
    assert result.exit_code == 1
    assert "-o FOLDER or -o FILE.zip" in result.output


# -- the format from the suffix (issue 20) ---------------------------------------------------


@pytest.mark.parametrize("suffix", ["graphml", "gexf", "csv", "json"])
def test_export_picks_the_format_from_the_suffix(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"x.{suffix}"
    result = CliRunner().invoke(main, ["export", "-o", str(out)])
    assert result.exit_code == 0, result.output
    G = dinnet.load()
    data = out.read_bytes()
    if suffix == "json":
        same_graph(G, from_json(data))
    elif suffix == "graphml":
        assert data.startswith(b"<?xml") and b"<graphml" in data[:300]
        same_graph(G, from_graphml(data))
    elif suffix == "gexf":
        assert b"<gexf" in data[:300]
        assert nx.read_gexf(out).number_of_nodes() == G.number_of_nodes()
    else:
        assert data.startswith("\ufeff".encode())  # Dutch Excel: a BOM, then ';'
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
        assert rows[0][:4] == ["id", "from", "to", "key"]
        assert len(rows) == 1 + G.number_of_nodes() + G.number_of_edges()


@pytest.mark.parametrize(("output", "fmt"), [("x.graphml", "json"), ("x.json", "csv"),
                                             ("x.csv", "gexf"), ("x.zip", "json")])
def test_export_refuses_a_format_the_suffix_contradicts(tmp_path: Path, output: str, fmt: str) -> None:
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(tmp_path / output)])
    assert result.exit_code == 1
    assert f"not --format {fmt}" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / output).exists()


def test_export_refuses_an_unknown_suffix_without_format(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "-o", str(tmp_path / "x.txt")])
    assert result.exit_code == 1 and "unknown suffix .txt" in result.stderr
    result = CliRunner().invoke(main, ["export", "--format", "graphml", "-o", str(tmp_path / "x.txt")])
    assert result.exit_code == 0
    assert from_graphml((tmp_path / "x.txt").read_bytes()).number_of_nodes() > 0


def test_csv_for_dutch_excel_and_plain() -> None:
    G = dinnet.load(*SOURCES["example"])
    nl = to_csv_tables(G, "excel-nl")["nodes.csv"]
    plain = to_csv_tables(G, "plain")["nodes.csv"]
    assert nl.startswith("\ufeffid;kind;programme;label") and not plain.startswith("\ufeff")
    nl_rows = list(csv.DictReader(io.StringIO(nl.removeprefix("\ufeff")), delimiter=";"))
    plain_rows = list(csv.DictReader(io.StringIO(plain)))
    assert [r["label"] for r in nl_rows] == [r["label"] for r in plain_rows]  # accents and all
    decimals = [(a, b) for r, s in zip(nl_rows, plain_rows, strict=True) for a, b in
                zip(r.values(), s.values(), strict=True) if re.fullmatch(r"-?\d+\.\d+", b or "")]
    assert decimals and all(a == b.replace(".", ",") for a, b in decimals)


def test_cli_csv_dialect_plain(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    result = CliRunner().invoke(main, ["export", "--csv-dialect", "plain", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("id,from,to,key,")


def test_graphml_has_labels_yed_shows() -> None:
    G = dinnet.load()
    root = ET.fromstring(to_graphml(G))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns", "y": "http://www.yworks.com/xml/graphml"}
    key = root.find("g:key[@yfiles.type='nodegraphics']", ns)
    assert key is not None and key.get("for") == "node"
    assert list(root).index(key) < list(root).index(root.find("g:graph", ns))  # keys come first
    labels = {}
    for node in root.iter(f"{{{ns['g']}}}node"):
        label = node.find(f"g:data[@key='{key.get('id')}']/y:ShapeNode/y:NodeLabel", ns)
        assert label is not None, node.get("id")
        labels[node.get("id")] = " ".join(label.text.split())
    assert len(labels) == G.number_of_nodes()
    assert labels["zorg:SD3"] == " ".join(G.nodes["zorg:SD3"]["label"].split())


@pytest.mark.parametrize("write", [to_json, to_graphml, to_gexf], ids=lambda f: f.__name__)
def test_exports_do_not_depend_on_the_order_of_the_input_files(write: object) -> None:
    """The same files named in another order give the same bytes (the graph's ``files``,
    ``locations`` and warnings were kept in load order)."""
    files = sorted((ROOT / "data" / "contracts" / "almelo-2019").glob("*.yaml"))
    assert callable(write) and len(files) > 2
    assert write(dinnet.load(*files)) == write(dinnet.load(*reversed(files)))


def test_warnings_do_not_depend_on_the_order_of_the_input_files(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "assets" / "minimal.yaml").read_text(encoding="utf-8")
    for pid, other in (("a", "x:G1"), ("b", "y:G2")):  # each refers to a programme not loaded
        (tmp_path / f"{pid}.yaml").write_text(text.replace("id: mini", f"id: {pid}").replace(
            "contributes_to: [SD1.a]", f"contributes_to: [SD1.a, {other}]"), encoding="utf-8")
    G, H = (dinnet.load(*(tmp_path / f"{p}.yaml" for p in order)) for order in ("ab", "ba"))
    assert len(G.graph["warnings"]) == 2 and G.graph["warnings"] == H.graph["warnings"]
    assert to_json(G) == to_json(H) and to_graphml(G) == to_graphml(H)
