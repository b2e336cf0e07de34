"""Rendered SVG: every label present, rows top down under their headings, literal text (runs Graphviz)."""

from __future__ import annotations

import itertools
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dinnet
from dinnet.render import accessible_svg, din, din_dot, gap_highlights, render
from dinnet.render.dot import svg_id
from dinnet.render.geometry import Box, read_svg
from dinnet.render.labels import COLUMNS
from dinnet.render.select import column_of
from dinnet.render.svg import iter_accessible_svg

from .conftest import (
    ASSETS,
    SVG,
    bundled_files,
    centre_y,
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
    ys = [centre_y(g) for g in headers.values()]
    assert ys == sorted(ys) and len(set(ys)) == len(ys), f"rows out of order: {ys}"
    boxes = read_svg(svg).boxes
    heads = {c: boxes[f"din-col-{c}"] for c in headers}
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
        box = boxes[svg_id(n)]
        assert box.x0 > heads[col].x1, f"{n} left of its heading"
        if col in ("effort", "project"):  # the band and the projects: from their row down
            assert box.y1 > heads[col].y0, f"{n} above its row"
            if col == "effort" and "project" in heads:
                assert box.y1 < heads["project"].y0, f"{n} below the projects' row"
        else:  # in its heading's row, or (a wide row in zig-zag) under it, over the next row
            below = [centre_y(h) for c, h in headers.items() if centre_y(h) > centre_y(headers[col])]
            assert centre_y(headers[col]) - 1.5 < centre_y(g) < min(below, default=1e9), \
                f"{n} not in its heading's row"


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


def _in_reading_order(boxes: list[Box]) -> bool:
    """Each box stands under the one before it (in its column) or in a column to its right."""
    return all((b.y0 > a.y1 - 1 and b.x0 < a.x1 and a.x0 < b.x1) or b.x0 > a.x0 + 1
               for a, b in itertools.pairwise(boxes))


def test_unlinked_projects_stand_after_the_linked_ones_in_order() -> None:
    G = dinnet.load(*bundled_files())
    boxes = read_svg(render(din_dot(G, "duurzaamheid"), "svg")).boxes
    implemented = {u for u, _, k in G.edges(keys=True) if k == "implements"}
    linked = ["duurzaamheid:P3", "duurzaamheid:P7"]
    unlinked = [f"duurzaamheid:P{i}" for i in (1, 2, 4, 5, 6, 8, 9, 10, 11)]
    assert set(linked) <= implemented and not implemented & set(unlinked)
    # rows as wide as the picture, read like a text: left to right, then the next row
    def place(p: str) -> tuple[int, float]:
        box = boxes[svg_id(p)]
        return round((box.y0 + box.y1) / 2), box.x0

    reading = sorted(linked + unlinked, key=place)
    assert sorted(reading[:2]) == linked and reading[2:] == unlinked


def test_unlinked_items_stand_after_linked_ones_also_next_to_clusters() -> None:
    """Nieuwstraatkwartier: an effort with sub-efforts (a cluster), unlinked results,
    tracks without efforts (clusters), all in contract order down the columns of the band."""
    G = dinnet.load(*bundled_files())
    boxes = read_svg(render(din_dot(G, "nieuwstraatkwartier"), "svg")).boxes
    efforts = ["E1", "E2", "E2.1", "E2.2", "E2.3"]
    results = [f"R{i}" for i in range(1, 14)]
    assert {u for u, _, k in G.edges(keys=True) if k == "contributes_to"
            and u.startswith("nieuwstraatkwartier:")} == {"nieuwstraatkwartier:E1",
                                                          "nieuwstraatkwartier:E2"}
    names = [svg_id(f"nieuwstraatkwartier:{n}") for n in efforts + results]
    names += [f"din-nieuwstraatkwartier--T{i}" for i in range(1, 5)]
    assert _in_reading_order([boxes[n] for n in names])


def test_efforts_outside_tracks_stand_in_contract_order() -> None:
    """Duurzaamheid lists E1-E22 without tracks (01-duurzaamheid.txt:237-306): down
    each column of the band, column after column to the right."""
    G = dinnet.load(*bundled_files())
    boxes = read_svg(render(din_dot(G, "duurzaamheid"), "svg")).boxes
    efforts = [boxes[svg_id(f"duurzaamheid:E{i}")] for i in range(1, 23)]
    assert _in_reading_order(efforts)
    assert len({round(b.x0) for b in efforts}) > 1  # more than one column


@pytest.mark.parametrize("programme,tracks", [
    ("zorg", ["PL1", "PL2", "PL3", "PL4"]),
    ("veiligheid", ["T1", "T2", "T3", "T4"]),  # four tracks without efforts
    ("omgevingswet", ["T1", "T2", "T3", "T5", "T6", "T7", "S1", "S2", "S3", "T4"]),
])
def test_tracks_stand_side_by_side_in_contract_order(programme: str, tracks: list[str]) -> None:
    """Left to right as the contract lists them (tracks without efforts after the others);
    the efforts of a track down its columns, column after column."""
    G = dinnet.load(*bundled_files())
    boxes = read_svg(render(din_dot(G, programme), "svg")).boxes
    frames = [boxes[f"din-{programme}--{t}"] for t in tracks]
    assert all(b.x0 > a.x1 for a, b in itertools.pairwise(frames)), "tracks out of order"
    assert all(b.y0 < a.y1 and a.y0 < b.y1 for a, b in itertools.pairwise(frames)), "not side by side"
    if programme == "zorg":
        efforts = [boxes[svg_id(f"zorg:E{i}")] for i in range(1, 20)]
        assert _in_reading_order(efforts)
        assert len({round(b.x0) for b in efforts}) > 1  # more than one column


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
