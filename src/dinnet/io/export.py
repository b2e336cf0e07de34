"""Graph exports: node-link JSON, GraphML (yEd, Gephi), GEXF (Gephi) and CSV tables.

:func:`export_format` picks the format from the output's suffix. CSV is
written for Dutch Excel unless asked otherwise (:data:`CSV_DIALECTS`): a
UTF-8 byte order mark, ``;`` between cells and a decimal comma, so a
double-click opens it with accents and columns right.

Every export is sorted, so the same graph gives the same bytes. JSON and
GraphML read back into an equal graph (:func:`from_json`, :func:`from_graphml`).

GraphML and GEXF allow only text, numbers and booleans as attribute values,
and no empty ones. An attribute whose values are all text, all whole numbers,
all decimal numbers or all booleans keeps that type, and ``None`` is left
out; any other attribute (a mapping, a list, or mixed values such as a
baseline that is a number here and text there) is written as JSON text in
every element that has it. The graph attribute ``dinnet_json`` records both
choices so :func:`from_graphml` restores the graph exactly.

>>> from dinnet import load
>>> G = load()
>>> H = from_json(to_json(G))
>>> sorted(H.nodes(data=True)) == sorted(G.nodes(data=True))
True
>>> H = from_graphml(to_graphml(G))
>>> sorted(H.edges(keys=True, data=True)) == sorted(G.edges(keys=True, data=True))
True
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import OutputError
from ..glossary import message
from .measurements import restore_attribute, to_jsonable
from .output import write_output

__all__ = [
    "CSV_DIALECTS",
    "EXPORT_FORMATS",
    "NODE_LINK_KEYS",
    "export_format",
    "from_graphml",
    "from_json",
    "to_csv_table",
    "to_csv_tables",
    "to_csv_zip",
    "to_gexf",
    "to_graphml",
    "to_json",
    "to_node_link",
    "write_export",
]

#: Edges have a ``source`` attribute (provenance), so the endpoints are
#: written ``from`` and ``to``. Pass these to :func:`networkx.node_link_graph`.
NODE_LINK_KEYS: dict[str, str] = {"edges": "edges", "source": "from", "target": "to"}
#: The formats of ``dinnet export``.
EXPORT_FORMATS = ("json", "graphml", "gexf", "csv")
#: CSV dialects: ``excel-nl`` (UTF-8 with BOM, ``;``, decimal comma) and ``plain`` (UTF-8, ``,``, ``.``).
CSV_DIALECTS = ("excel-nl", "plain")
#: The format each output suffix means.
SUFFIXES = {".json": "json", ".graphml": "graphml", ".gexf": "gexf", ".csv": "csv", ".zip": "csv"}

_SCALARS = (str, int, float, bool)
_YEAR_KEY = re.compile(r"^[0-9]{4}$")


def export_format(output: str | Path, fmt: str | None = None) -> str:
    """The export format for ``output``: its suffix, a folder (csv), else ``fmt`` or json.

    A ``fmt`` that contradicts the suffix is refused, and so is an unknown
    suffix without ``fmt``: a file called ``x.graphml`` never holds JSON.

    >>> export_format("din.graphml"), export_format("tabellen/"), export_format("-")
    ('graphml', 'csv', 'json')
    >>> export_format("din.txt", "json")
    'json'
    >>> export_format("din.csv", "json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    dinnet.errors.OutputError: din.csv: the suffix .csv means csv, not --format json; drop --format...
    """
    text = str(output)
    suffix = Path(text).suffix.lower() if text != "-" else ""
    implied = SUFFIXES.get(suffix)
    if implied is None and fmt is None and text != "-" and (
            text.endswith(("/", "\\")) or Path(text).is_dir()):
        return "csv"  # a folder holds the two csv tables (other formats refuse a folder when written)
    if implied is not None:
        if fmt is not None and fmt != implied:
            raise OutputError.of(message("error.export_suffix", path=text, suffix=suffix,
                                         implied=implied, fmt=fmt))
        return implied
    if fmt is None and suffix:
        raise OutputError.of(message("error.export_unknown_suffix", path=text, suffix=suffix))
    return fmt or "json"


def _graph_attrs(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The graph's attributes by name, the mappings among them by key (``files`` and
    ``locations`` are filled in the order the files were read)."""
    return {k: dict(sorted(v.items())) if isinstance(v, Mapping) else v
            for k, v in sorted(G.graph.items())}


def to_node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Node-link data (``nodes``, ``edges``), sorted so it is stable.

    Nodes and edges are sorted, and so are the attributes of each.
    """
    data = nx.node_link_data(G, **NODE_LINK_KEYS)
    data["graph"] = _graph_attrs(G)
    data["nodes"] = sorted((dict(sorted(n.items())) for n in data["nodes"]),
                           key=lambda n: n["id"])
    data["edges"] = sorted((dict(sorted(e.items())) for e in data["edges"]),
                           key=lambda e: (e["from"], e["to"], str(e["key"])))
    return data


def to_json(G: nx.MultiDiGraph) -> str:
    """Node-link JSON text (UTF-8, indented, keys in a stable order)."""
    return json.dumps(to_node_link(G), ensure_ascii=False, indent=1, default=to_jsonable) + "\n"


def _years(value: Any) -> Any:
    """Per-year mappings back to whole-number keys (JSON keys are text)."""
    if isinstance(value, dict):
        keys = list(value)
        if keys and all(isinstance(k, str) and _YEAR_KEY.match(k) for k in keys):
            return {int(k): _years(v) for k, v in value.items()}
        return {k: _years(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_years(v) for v in value]
    return value


def _restore(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    for _, data in G.nodes(data=True):
        data.update({k: restore_attribute(k, _years(v)) for k, v in data.items()})
    for *_, data in G.edges(keys=True, data=True):
        data.update({k: _years(v) for k, v in data.items()})
    return G


def from_json(text: str | bytes) -> nx.MultiDiGraph:
    """The graph of a node-link JSON export (:func:`to_json`), per-year keys as numbers.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p:I1", kind="indicator", targets={2022: 25.0})
    >>> from_json(to_json(G)).nodes["p:I1"]["targets"]
    {2022: 25.0}
    """
    G = nx.node_link_graph(json.loads(text), **NODE_LINK_KEYS)
    return _restore(G)


# -- GraphML and GEXF ----------------------------------------------------------------------


def _plan(items: list[Mapping[str, Any]]) -> tuple[list[str], dict[str, list[str]]]:
    """Which attributes become JSON text, and which absent ones mean ``None``, per kind.

    An attribute keeps its plain type when all its values other than ``None``
    share one of text, whole number, decimal number or boolean, and every
    element of a kind where it is ``None`` has it: then ``None`` is written as
    an absent value and restored from the kind.
    """
    types: dict[str, set[type]] = {}
    none_in: dict[str, set[Any]] = {}
    everywhere: dict[Any, set[str]] = {}
    for data in items:
        kind = data.get("kind")
        keys = set(data)
        everywhere[kind] = everywhere[kind] & keys if kind in everywhere else keys
        for key, value in data.items():
            if value is None:
                none_in.setdefault(key, set()).add(kind)
            else:
                types.setdefault(key, set()).add(type(value))
    names = set(types) | set(none_in)
    as_json = sorted(
        k for k in names
        if len(types.get(k, ())) > 1 or any(t not in _SCALARS for t in types.get(k, ()))
        or any(k not in everywhere[kind] for kind in none_in.get(k, ()))
    )
    fill = {str(kind): sorted(k for k in keys if k not in as_json and k in none_in)
            for kind, keys in everywhere.items() if kind is not None}
    return as_json, {kind: keys for kind, keys in sorted(fill.items()) if keys}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False, default=to_jsonable)


def _plain(data: Mapping[str, Any], as_json: list[str]) -> dict[str, Any]:
    return {k: _dumps(v) if k in as_json else v for k, v in sorted(data.items())
            if v is not None or k in as_json}


def _encoded(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A sorted copy whose attribute values are all text, numbers or booleans."""
    node_json, node_fill = _plan([d for _, d in G.nodes(data=True)])
    edge_json, edge_fill = _plan([{"kind": k, **d} for *_, k, d in G.edges(keys=True, data=True)])
    graph_json = sorted(k for k, v in G.graph.items() if type(v) not in _SCALARS)
    H = nx.MultiDiGraph()
    for key, value in _graph_attrs(G).items():
        H.graph[key] = _dumps(value) if key in graph_json else value
    H.graph["dinnet_json"] = _dumps({"graph": graph_json, "node": node_json, "edge": edge_json,
                                     "node_none": node_fill, "edge_none": edge_fill})
    for node in sorted(G.nodes):
        H.add_node(node, **_plain(G.nodes[node], node_json))
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    for i, (u, v, key, data) in enumerate(edges):
        attrs = _plain(data, edge_json)
        attrs.setdefault("kind", key)
        H.add_edge(u, v, key=f"e{i}", **attrs)
    return H


def to_graphml(G: nx.MultiDiGraph) -> bytes:
    """GraphML (UTF-8 bytes) for yEd, Gephi and Cytoscape; see the module notes.

    Edge ids are ``e0``, ``e1``... (GraphML wants them unique); the edge's
    kind is its ``kind`` attribute.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("p:E1", "p:SD1", key="contributes_to", kind="contributes_to", strength=None)
    'contributes_to'
    >>> G.add_edge("p:E2", "p:SD1", key="contributes_to", kind="contributes_to", strength="weak")
    'contributes_to'
    >>> b'attr.name="strength" attr.type="string"' in to_graphml(G)
    True
    >>> from_graphml(to_graphml(G)).edges["p:E1", "p:SD1", "contributes_to"]["strength"] is None
    True
    """
    buffer = io.BytesIO()
    nx.write_graphml(_encoded(G), buffer, encoding="utf-8", prettyprint=True)
    return _with_yed_labels(buffer.getvalue(), G)


_GRAPHML = "http://graphml.graphdrawing.org/xmlns"
_YED = "http://www.yworks.com/xml/graphml"
_YED_KEY = "dinnet_yed"


def _with_yed_labels(data: bytes, G: nx.MultiDiGraph) -> bytes:
    """GraphML with a yEd ``nodegraphics`` key: each node a box with its label.

    yEd shows only its own node graphics, not plain ``label`` data; other
    tools ignore the extra key (GraphML allows foreign elements in ``data``).
    The label is wrapped at 30 characters and the box sized to it.
    """
    ET.register_namespace("", _GRAPHML)
    ET.register_namespace("y", _YED)
    ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
    root = ET.fromstring(data)
    keys = root.findall(f"{{{_GRAPHML}}}key")
    key = ET.Element(f"{{{_GRAPHML}}}key", {"for": "node", "id": _YED_KEY,
                                            "yfiles.type": "nodegraphics"})
    root.insert(len(keys), key)
    for node in root.iter(f"{{{_GRAPHML}}}node"):
        label = str(G.nodes[node.get("id")].get("label") or node.get("id"))
        lines = textwrap.wrap(" ".join(label.split()), 30) or [""]
        data_el = ET.Element(f"{{{_GRAPHML}}}data", {"key": _YED_KEY})
        shape = ET.SubElement(data_el, f"{{{_YED}}}ShapeNode")
        ET.SubElement(shape, f"{{{_YED}}}Geometry", {
            "height": f"{18 * len(lines) + 12:.1f}",
            "width": f"{7 * max(len(line) for line in lines) + 20:.1f}"})
        ET.SubElement(shape, f"{{{_YED}}}Fill", {"color": "#F2F2F2", "transparent": "false"})
        ET.SubElement(shape, f"{{{_YED}}}NodeLabel").text = "\n".join(lines)
        ET.SubElement(shape, f"{{{_YED}}}Shape", {"type": "roundrectangle"})
        node.insert(0, data_el)  # first: a reader that maps NodeLabel to `label` then sees ours
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _without_yed(data: bytes) -> bytes:
    """The GraphML without its yEd node graphics (they only repeat the label)."""
    if _YED_KEY.encode() not in data:
        return data
    root = ET.fromstring(data)
    for parent in root.iter():
        for child in list(parent):
            if child.get("key") == _YED_KEY or child.get("id") == _YED_KEY:
                parent.remove(child)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _decoded(H: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H.graph.pop("node_default", None)
    H.graph.pop("edge_default", None)
    plan = json.loads(H.graph.pop("dinnet_json", "{}"))
    G = nx.MultiDiGraph()
    for key, value in H.graph.items():
        G.graph[key] = json.loads(value) if key in plan.get("graph", ()) else value
    node_json, edge_json = set(plan.get("node", ())), set(plan.get("edge", ()))
    node_none, edge_none = plan.get("node_none", {}), plan.get("edge_none", {})
    for node, data in H.nodes(data=True):
        attrs = dict.fromkeys(node_none.get(data.get("kind"), ()))
        attrs.update({k: restore_attribute(k, _years(json.loads(v))) if k in node_json else v
                      for k, v in data.items()})
        G.add_node(node, **dict(sorted(attrs.items())))
    for u, v, data in H.edges(data=True):
        attrs = dict.fromkeys(edge_none.get(data.get("kind"), ()))
        attrs.update({k: _years(json.loads(val)) if k in edge_json else val
                      for k, val in data.items() if k not in ("id", "networkx_key")})
        G.add_edge(u, v, key=attrs["kind"], **attrs)
    return G


def from_graphml(data: str | bytes) -> nx.MultiDiGraph:
    """The graph of a :func:`to_graphml` export, with its mappings and lists decoded."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    H = nx.read_graphml(io.BytesIO(_without_yed(raw)), force_multigraph=True)
    return _decoded(H)


def to_gexf(G: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 (UTF-8 bytes) for Gephi; values encoded as for GraphML.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", kind="programme", label="P")
    >>> to_gexf(G).startswith(b"<?xml")
    True
    """
    buffer = io.BytesIO()
    nx.write_gexf(_encoded(G), buffer, encoding="utf-8", prettyprint=True)
    # no date stamp, so the same graph gives the same bytes
    return re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue(), count=1)


# -- CSV -----------------------------------------------------------------------------------


#: Text starting with one of these is a formula to Excel and LibreOffice.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a ``'`` in front (OWASP).

    >>> _cell("=1+1"), _cell("-5"), _cell(-5)
    ("'=1+1", "'-5", '-5')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    if isinstance(value, int | float):
        return repr(value)
    return _dumps(value)


def _dialect(dialect: str) -> tuple[str, str, str]:
    """(byte order mark, delimiter, decimal mark) of a CSV dialect."""
    if dialect not in CSV_DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r}; choose from {', '.join(CSV_DIALECTS)}")
    return ("\ufeff", ";", ",") if dialect == "excel-nl" else ("", ",", ".")


def _table(first: list[str], rows: list[tuple[list[Any], Mapping[str, Any]]],
           dialect: str = "plain") -> str:
    bom, delimiter, decimal = _dialect(dialect)
    front = [c for c in ("kind", "programme", "label") if any(c in d for _, d in rows)]
    rest = sorted({k for _, d in rows for k in d} - set(front) - set(first))

    def cell(value: Any) -> str:
        text = _cell(value)
        return text.replace(".", decimal) if type(value) is float else text

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(first + front + rest)
    for head, data in rows:
        writer.writerow([cell(v) for v in head] + [cell(data.get(c)) for c in front + rest])
    return bom + buffer.getvalue()


def _sorted_edges(G: nx.MultiDiGraph) -> list[tuple[Any, Any, Any, dict[str, Any]]]:
    return sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))


def to_csv_tables(G: nx.MultiDiGraph, dialect: str = "plain") -> dict[str, str]:
    """``{"nodes.csv": ..., "edges.csv": ...}``: one row per node and per edge.

    References into programmes that are not loaded (``G.graph["unresolved"]``)
    add ``unresolved.csv``, one row each.

    Columns are ``id`` (nodes) or ``from, to, key`` (edges), then ``kind``,
    ``programme``, ``label`` and every other attribute in name order. Empty
    cells are absent values; mappings and lists are JSON text. ``dialect``
    is one of :data:`CSV_DIALECTS`.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p:SD1", kind="goal", programme="p", label="Schoon", open=False, weight=0.5)
    >>> print(to_csv_tables(G)["nodes.csv"], end="")
    id,kind,programme,label,open,weight
    p:SD1,goal,p,Schoon,false,0.5
    >>> to_csv_tables(G, "excel-nl")["nodes.csv"].splitlines()[1]
    'p:SD1;goal;p;Schoon;false;0,5'
    """
    nodes = [([n], G.nodes[n]) for n in sorted(G.nodes)]
    tables = {
        "nodes.csv": _table(["id"], nodes, dialect),
        "edges.csv": _table(["from", "to", "key"],
                            [([u, v, k], d) for u, v, k, d in _sorted_edges(G)], dialect),
    }
    unresolved = G.graph.get("unresolved") or []
    if unresolved:  # references into programmes not loaded, with all they say
        tables["unresolved.csv"] = _table(["from", "to", "kind"], [
            ([r["from"], r["to"], r["kind"]], {k: v for k, v in r.items()
                                                if k not in ("from", "to", "kind")})
            for r in sorted(unresolved, key=lambda r: (r["from"], r["to"], r["kind"]))], dialect)
    return tables


def to_csv_table(G: nx.MultiDiGraph, dialect: str = "plain") -> str:
    """Nodes and edges in one CSV table (``dinnet export -o FILE.csv``): one file to open.

    Node rows have an ``id``; edge rows have ``from``, ``to`` and ``key``.
    The other columns are those of :func:`to_csv_tables`.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("p:E1", "p:SD1", key="contributes_to", kind="contributes_to")
    'contributes_to'
    >>> print(to_csv_table(G), end="")
    id,from,to,key,kind
    p:E1,,,,
    p:SD1,,,,
    ,p:E1,p:SD1,contributes_to,contributes_to
    """
    rows = [([n, "", "", ""], G.nodes[n]) for n in sorted(G.nodes)]
    rows += [(["", u, v, k], d) for u, v, k, d in _sorted_edges(G)]
    return _table(["id", "from", "to", "key"], rows, dialect)


def to_csv_zip(G: nx.MultiDiGraph, dialect: str = "plain") -> bytes:
    """``nodes.csv`` and ``edges.csv`` in one zip file (fixed time stamps, so stable bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in to_csv_tables(G, dialect).items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


# -- writing -------------------------------------------------------------------------------


def write_export(G: nx.MultiDiGraph, output: str | Path, fmt: str | None = None, *,
                 csv_dialect: str = "excel-nl", protect: Iterable[str | Path] = ()) -> str:
    """Write ``G`` to ``output`` in ``fmt`` (default: from the suffix, :func:`export_format`).

    CSV goes to one table (``FILE.csv``), two tables in a folder or a
    ``.zip`` (``nodes.csv``, ``edges.csv``), never to standard output.
    Returns the format written.
    """
    fmt = export_format(output, fmt)
    text = str(output)
    if fmt != "csv":
        writers: dict[str, Callable[[nx.MultiDiGraph], str | bytes]] = {
            "json": to_json, "graphml": to_graphml, "gexf": to_gexf}
        write_output(text, writers[fmt](G), protect=protect)
    elif text == "-":
        raise OutputError.of(message("error.csv_two_files"))
    elif text.lower().endswith(".zip"):
        write_output(text, to_csv_zip(G, csv_dialect), protect=protect)
    elif text.lower().endswith(".csv"):
        write_output(text, to_csv_table(G, csv_dialect), protect=protect)
    else:
        for name, table in to_csv_tables(G, csv_dialect).items():
            write_output(Path(text) / name, table, protect=protect)
    return fmt
