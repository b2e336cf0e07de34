"""Graph exports: node-link JSON, GraphML (yEd, Gephi), GEXF (Gephi) and CSV tables.

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
import zipfile
from collections.abc import Mapping
from typing import Any

import networkx as nx

__all__ = [
    "EXPORT_FORMATS",
    "NODE_LINK_KEYS",
    "from_graphml",
    "from_json",
    "to_csv_tables",
    "to_csv_zip",
    "to_gexf",
    "to_graphml",
    "to_json",
    "to_node_link",
]

#: Edges have a ``source`` attribute (provenance), so the endpoints are
#: written ``from`` and ``to``. Pass these to :func:`networkx.node_link_graph`.
NODE_LINK_KEYS: dict[str, str] = {"edges": "edges", "source": "from", "target": "to"}
#: The formats of ``dinnet export``.
EXPORT_FORMATS = ("json", "graphml", "gexf", "csv")

_SCALARS = (str, int, float, bool)
_YEAR_KEY = re.compile(r"^[0-9]{4}$")


def to_node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Node-link data (``nodes``, ``edges``), sorted so it is stable.

    Nodes and edges are sorted, and so are the attributes of each.
    """
    data = nx.node_link_data(G, **NODE_LINK_KEYS)
    data["nodes"] = sorted((dict(sorted(n.items())) for n in data["nodes"]),
                           key=lambda n: n["id"])
    data["edges"] = sorted((dict(sorted(e.items())) for e in data["edges"]),
                           key=lambda e: (e["from"], e["to"], str(e["key"])))
    return data


def to_json(G: nx.MultiDiGraph) -> str:
    """Node-link JSON text (UTF-8, indented, keys in a stable order)."""
    return json.dumps(to_node_link(G), ensure_ascii=False, indent=1, default=str) + "\n"


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
        data.update({k: _years(v) for k, v in data.items()})
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
    return json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)


def _plain(data: Mapping[str, Any], as_json: list[str]) -> dict[str, Any]:
    return {k: _dumps(v) if k in as_json else v for k, v in sorted(data.items())
            if v is not None or k in as_json}


def _encoded(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A sorted copy whose attribute values are all text, numbers or booleans."""
    node_json, node_fill = _plan([d for _, d in G.nodes(data=True)])
    edge_json, edge_fill = _plan([{"kind": k, **d} for *_, k, d in G.edges(keys=True, data=True)])
    graph_json = sorted(k for k, v in G.graph.items() if type(v) not in _SCALARS)
    H = nx.MultiDiGraph()
    for key in sorted(G.graph):
        value = G.graph[key]
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
    return buffer.getvalue()


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
        attrs.update({k: _years(json.loads(v)) if k in node_json else v for k, v in data.items()})
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
    H = nx.read_graphml(io.BytesIO(raw), force_multigraph=True)
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


def _table(first: list[str], rows: list[tuple[list[Any], Mapping[str, Any]]]) -> str:
    front = [c for c in ("kind", "programme", "label") if any(c in d for _, d in rows)]
    rest = sorted({k for _, d in rows for k in d} - set(front) - set(first))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(first + front + rest)
    for head, data in rows:
        writer.writerow([_cell(v) for v in head] + [_cell(data.get(c)) for c in front + rest])
    return buffer.getvalue()


def to_csv_tables(G: nx.MultiDiGraph) -> dict[str, str]:
    """``{"nodes.csv": ..., "edges.csv": ...}``: one row per node and per edge.

    References into programmes that are not loaded (``G.graph["unresolved"]``)
    add ``unresolved.csv``, one row each.

    Columns are ``id`` (nodes) or ``from, to, key`` (edges), then ``kind``,
    ``programme``, ``label`` and every other attribute in name order. Empty
    cells are absent values; mappings and lists are JSON text.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p:SD1", kind="goal", programme="p", label="Schoon", open=False)
    >>> print(to_csv_tables(G)["nodes.csv"], end="")
    id,kind,programme,label,open
    p:SD1,goal,p,Schoon,false
    """
    nodes = [([n], G.nodes[n]) for n in sorted(G.nodes)]
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    tables = {
        "nodes.csv": _table(["id"], nodes),
        "edges.csv": _table(["from", "to", "key"], [([u, v, k], d) for u, v, k, d in edges]),
    }
    unresolved = G.graph.get("unresolved") or []
    if unresolved:  # references into programmes not loaded, with all they say
        tables["unresolved.csv"] = _table(["from", "to", "kind"], [
            ([r["from"], r["to"], r["kind"]], {k: v for k, v in r.items()
                                                if k not in ("from", "to", "kind")})
            for r in sorted(unresolved, key=lambda r: (r["from"], r["to"], r["kind"]))])
    return tables


def to_csv_zip(G: nx.MultiDiGraph) -> bytes:
    """``nodes.csv`` and ``edges.csv`` in one zip file (fixed time stamps, so stable bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in to_csv_tables(G).items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
