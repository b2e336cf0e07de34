"""Rendered SVG: every label present, columns left to right, literal text (runs Graphviz)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dinnet
from dinnet.render import accessible_svg, din, din_dot, gap_highlights, render
from dinnet.render.dot import svg_id
from dinnet.render.labels import COLUMNS
from dinnet.render.select import column_of
from dinnet.render.svg import iter_accessible_svg

from .conftest import (
    ASSETS,
    SVG,
    bundled_files,
    centre_x,
    load_single,
    needs_dot,
    norm,
    programme_of,
    svg_groups,
    text_of,
    title_of,
)

pytestmark = [pytest.mark.graphviz, needs_dot]


def _check_din(G, programme: str, svg: bytes, *, strategic_goal: str | None = None) -> None:
    groups = svg_groups(svg)
    drawn = [n for n, d in G.nodes(data=True) if d.get("programme") == programme
             and d.get("kind") in ("vision", "goal", "effort", "result", "project")]
    if strategic_goal is None:
        assert drawn, "nothing drawn"
    headers = {c: groups[f"din-col-{c}"] for c in COLUMNS if f"din-col-{c}" in groups}
    xs = [centre_x(g) for g in headers.values()]
    assert xs == sorted(xs) and len(set(xs)) == len(xs), f"columns out of order: {xs}"
    tops = [float(t.get("y", "0")) for g in headers.values() for t in g.iter(f"{SVG}text")]
    for n in drawn:
        g = groups.get(svg_id(n))
        if g is None:
            assert strategic_goal is not None, f"{n} missing"
            continue
        label = norm(G.nodes[n]["label"])
        assert title_of(g) == label, n
        # the wrapped lines joined again (a long word may be split without a space)
        assert label.replace(" ", "") in text_of(g).replace(" ", ""), n
        desc = g.find(f"{SVG}desc")
        assert desc is not None and G.nodes[n]["source"] in (desc.text or "")
        col = column_of(G, n)
        assert abs(centre_x(g) - centre_x(headers[col])) < 1.5, f"{n} not under its heading"
        node_top = min(float(t.get("y", "0")) for t in g.iter(f"{SVG}text"))
        assert node_top > max(tops), f"{n} above the headings"


@pytest.mark.parametrize("path", bundled_files(), ids=lambda p: p.stem)
def test_every_bundled_programme_renders_with_all_labels(path: Path) -> None:
    G = load_single(path)
    programme = programme_of(G)
    _check_din(G, programme, render(din_dot(G, programme), "svg"))


@pytest.mark.parametrize("path", bundled_files(), ids=lambda p: p.stem)
def test_every_strategic_goal_diagram_renders(path: Path) -> None:
    G = load_single(path)
    programme = programme_of(G)
    goals = sorted(n for n, d in G.nodes(data=True) if d.get("level") == "strategic")
    for goal in goals:
        svg = din(G, programme, strategic_goal=goal, highlight_gaps=True).render("svg")
        _check_din(G, programme, svg, strategic_goal=goal)
        assert svg_id(goal) in svg_groups(svg)


def test_labels_come_out_literally_in_svg() -> None:
    G = dinnet.load(ASSETS / "escaping.yaml")
    svg = render(din_dot(G, "esc"), "svg")
    root = ET.fromstring(svg)  # well-formed
    assert not [el.tag for el in root.iter() if el.tag.split("}")[-1] in ("script", "b", "i")]
    _check_din(G, "esc", svg)
    groups = svg_groups(svg)
    assert title_of(groups["din-esc--SD1.a"]) == "Minder </text><script>alert(1)</script> fijnstof"
    assert title_of(groups["din-esc--visie"]) == 'Een \\N stad met "quotes" en \\l backslash \\'
    assert title_of(groups["din-esc--P1"]) == 'Back\\\\slash "quote" <i>schuin</i> &amp; \\"'
    assert 'Fijnstof <µg/m3> & "meer"' in text_of(groups["din-esc--SD1.a"])
    assert "</text><script>" in text_of(groups["din-esc--SD1.a"])
    assert title_of(groups["din-esc--S1"]) == '<b>Spoor</b> "1" \\l'  # the track's cluster


def test_highlight_overlay_renders_a_legend() -> None:
    G = dinnet.load(ASSETS / "minimal.yaml")
    G.remove_edge("mini:E2", "mini:SD2", "contributes_to")
    svg = din(G, "mini", highlight_gaps=True).render("svg")
    groups = svg_groups(svg)
    assert "goal-without-effort" in text_of(groups["din-legend-rules"])
    shape = next(el for el in groups["din-mini--SD2"].iter() if el.tag == f"{SVG}path")
    assert shape.get("stroke") == "#d7301f"


@pytest.mark.parametrize("fmt,magic", [("png", b"\x89PNG"), ("pdf", b"%PDF"),
                                       ("svg", b"<?xml")])
def test_formats(fmt: str, magic: bytes) -> None:
    G = dinnet.load(ASSETS / "minimal.yaml")
    assert render(din_dot(G, "mini"), fmt).startswith(magic)


def test_notebook_view_shows_svg() -> None:
    d = din(dinnet.load(ASSETS / "minimal.yaml"), "mini")
    assert d._repr_svg_().lstrip().startswith("<?xml")


def _top(g: ET.Element) -> float:
    return min(float(t.get("y", "0")) for t in g.iter(f"{SVG}text"))


def test_unlinked_projects_stand_under_the_linked_ones_in_order() -> None:
    G = dinnet.load(*bundled_files())
    groups = svg_groups(render(din_dot(G, "duurzaamheid"), "svg"))
    implemented = {u for u, _, k in G.edges(keys=True) if k == "implements"}
    linked = ["duurzaamheid:P3", "duurzaamheid:P7"]
    unlinked = [f"duurzaamheid:P{i}" for i in (1, 2, 4, 5, 6, 8, 9, 10, 11)]
    assert set(linked) <= implemented and not implemented & set(unlinked)
    lowest_linked = max(_top(groups[svg_id(p)]) for p in linked)
    tops = [_top(groups[svg_id(p)]) for p in unlinked]
    assert tops == sorted(tops) and tops[0] > lowest_linked


def test_unlinked_items_stand_under_linked_ones_also_next_to_clusters() -> None:
    """Nieuwstraatkwartier: an effort with sub-efforts (a cluster), unlinked results,
    tracks without efforts (clusters); dot ignores flat links that touch clusters."""
    G = dinnet.load(*bundled_files())
    groups = svg_groups(render(din_dot(G, "nieuwstraatkwartier"), "svg"))
    efforts = ["E1", "E2", "E2.1", "E2.2", "E2.3"]
    results = [f"R{i}" for i in range(1, 14)]
    assert {u for u, _, k in G.edges(keys=True) if k == "contributes_to"
            and u.startswith("nieuwstraatkwartier:")} == {"nieuwstraatkwartier:E1",
                                                          "nieuwstraatkwartier:E2"}
    tops = [_top(groups[svg_id(f"nieuwstraatkwartier:{n}")]) for n in efforts + results]
    tops += [_top(groups[f"din-empty-din-nieuwstraatkwartier--T{i}"]) for i in range(1, 5)]
    assert tops == sorted(tops)


@pytest.fixture(scope="module")
def zorg_raw_svg() -> bytes:
    """Zorg's DIN as dot writes it, before :func:`accessible_svg`."""
    G = dinnet.load(*bundled_files())
    return _raw_svg(din_dot(G, "zorg", highlight=gap_highlights(G, "zorg").nodes).source)


def _raw_svg(source: str) -> bytes:
    return subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True,
                          check=True).stdout


@given(cuts=st.lists(st.integers(min_value=1, max_value=20_000), max_size=60),
       size=st.sampled_from([1, 500, 4096, 1 << 16]))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_svg_in_chunks_is_made_accessible_as_the_whole(zorg_raw_svg: bytes, cuts: list[int],
                                                       size: int) -> None:
    raw, chunks, at = zorg_raw_svg, [], 0
    for cut in cuts:
        chunks.append(raw[at:at + cut])
        at += cut
    chunks.append(raw[at:])
    parts = list(iter_accessible_svg(chunks, size=size))
    assert b"".join(parts) == accessible_svg(raw)
    if size == 1 and len(chunks) > 2:
        assert len(parts) > 1  # really done part by part
