"""Shared helpers for the rendering tests: bundled programmes, SVG parsing."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import dinnet
from dinnet.io.loading import bundled_data_path

ASSETS = Path(__file__).parent.parent / "assets"
SVG = "{http://www.w3.org/2000/svg}"


def bundled_files() -> list[Path]:
    """The bundled contract files present now (helpers may still be adding some)."""
    root = bundled_data_path()
    return sorted(p for p in root.rglob("*.yaml") if p.name not in ("index.yaml", "index.yml"))


def load_single(path: Path) -> nx.MultiDiGraph:
    """One contract on its own."""
    return dinnet.load(path)


def programme_of(G: nx.MultiDiGraph) -> str:
    return next(n for n, k in G.nodes(data="kind") if k == "programme")


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def svg_groups(svg: bytes) -> dict[str, ET.Element]:
    """Every ``<g>`` with an id, by id."""
    root = ET.fromstring(svg)
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g") if g.get("id")}


def title_of(g: ET.Element) -> str:
    el = g.find(f"{SVG}title")
    return norm(el.text if el is not None else "")


def text_of(g: ET.Element) -> str:
    return norm(" ".join(t.text or "" for t in g.iter(f"{SVG}text")))


def centre_y(g: ET.Element) -> float:
    """The vertical middle of a node's shape (or of its text for plain nodes)."""
    ys: list[float] = []
    for el in g.iter():
        if el.tag in (f"{SVG}polygon", f"{SVG}path"):
            data = el.get("points") or el.get("d") or ""
            ys += [float(y) for _, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", data)]
    if not ys:
        ys = [float(t.get("y", "0")) for t in g.iter(f"{SVG}text")]
    return (min(ys) + max(ys)) / 2


#: Runs Graphviz; fails with an install hint when it is missing (see tests/conftest.py).
needs_dot = pytest.mark.graphviz
