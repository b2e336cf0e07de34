"""DINs on paper (``--page a4|a3``): every page fits with readable text, split as needed."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import dinnet
from dinnet.cli import main
from dinnet.errors import DinnetError
from dinnet.glossary import phrase, term
from dinnet.render import Paper, din_books, din_pages, render
from dinnet.render.dot import svg_id
from dinnet.render.geometry import Box, font_sizes, loose_ends, read_svg, wrong_arrows
from dinnet.render.pages import MARGIN_MM, Page, fits, print_scale
from dinnet.render.select import select_din

pytestmark = pytest.mark.graphviz

PROGRAMMES = ["binnenstad", "duurzaamheid", "economie-en-participatie", "nieuwstraatkwartier",
              "omgevingswet", "veiligheid", "zorg"]


@pytest.fixture(scope="module")
def almelo() -> nx.MultiDiGraph:
    return dinnet.load()


def _check_page(svg: bytes, paper: Paper) -> tuple[float, float]:
    """Assert the page fits ``paper`` with readable text; its smallest body and small text."""
    d = read_svg(svg)
    scale = print_scale(d, paper)
    w, h = d.size
    assert w * scale <= paper.width + 0.5 and h * scale <= paper.height + 0.5
    shown = font_sizes(d, scale)
    body = [pt for pt, _ in shown if pt / (d.scale * scale) >= 9]
    small = [pt for pt, _ in shown]
    assert min(body) >= 7.0 and min(small) >= 6.0, (min(body), min(small))
    assert loose_ends(d) == []
    assert wrong_arrows(d) == []
    assert fits(d, paper)
    return min(body), min(small)


@pytest.fixture(scope="module")
def books(almelo: nx.MultiDiGraph) -> Callable[[str], dict[str, list[tuple[Page, bytes]]]]:
    """Every Almelo programme on A3 or A4: its pages, each with its SVG (laid out once)."""
    cache: dict[str, dict[str, list[tuple[Page, bytes]]]] = {}

    def pages_of(size: str) -> dict[str, list[tuple[Page, bytes]]]:
        if size not in cache:
            cache[size] = {p: [(page, render(page.text(), "svg"))
                               for page in din_pages(almelo, p, Paper(size))]
                           for p in PROGRAMMES}
        return cache[size]

    return pages_of


@pytest.mark.parametrize("size", ["a3", "a4"])
def test_every_page_of_every_programme_fits_with_readable_text(
        almelo: nx.MultiDiGraph, books: Callable[[str], dict[str, list[tuple[Page, bytes]]]],
        size: str) -> None:
    """... and together the pages draw every element of the whole DIN: goals beside the
    strategic ones (Omgevingswet's OD1-OD8 serve the vision), main goals (Zorg's HO1/HO2),
    unlinked projects and tracks without efforts included."""
    paper = Paper(size)
    counts = {}
    for programme, pages in books(size).items():
        counts[programme] = len(pages)
        drawn: set[str] = set()
        for _, svg in pages:
            _check_page(svg, paper)
            drawn |= set(read_svg(svg).boxes)
        whole = select_din(almelo, programme)
        missing = [n for n in (*whole.nodes, *whole.tracks) if svg_id(n) not in drawn]
        assert not missing, (programme, missing)
    assert counts["veiligheid"] == 1
    assert counts["zorg"] > 1  # too big for one sheet: split


_SVG = "{http://www.w3.org/2000/svg}"
#: The kinds of element whose colour the key shows, and the roles of a project it shows.
_KINDS = ("goal", "effort", "result", "project")
_ROLES = ("regie", "afstemming", "faciliterend")
_LINK = re.compile(r"--(serves|refines|contributes_to|delivers|part_of|implements)--")


def _texts(g: ET.Element) -> list[tuple[str, float, float, float]]:
    """The texts under ``g``: words, font size, x and y."""
    return [(t.text.strip(), float(t.get("font-size", "0")), float(t.get("x", "0")),
             float(t.get("y", "0"))) for t in g.iter(f"{_SVG}text") if (t.text or "").strip()]


def _nodes(svg: bytes) -> dict[str, tuple[list[str], list[tuple[str, float, float, float]]]]:
    """Every node of a drawn page by element id: its classes after ``node`` and its texts."""
    out = {}
    for g in ET.fromstring(svg).iter(f"{_SVG}g"):
        classes = (g.get("class") or "").split()
        if classes[:1] == ["node"]:
            out[g.get("id", "")] = (classes[1:], _texts(g))
    return out


def _graph_id(element: str) -> str:
    """``din-zorg--SD1`` -> ``zorg:SD1``."""
    return element.removeprefix("din-").replace("--", ":", 1)


def _stub_targets(element: str) -> set[str]:
    """The graph ids a stub is named after: ``stub-zorg--HO1--zorg--SD2`` -> HO1, SD2."""
    parts = element.removeprefix("stub-").removesuffix("--in").split("--")
    return {f"{a}:{b}" for a, b in zip(parts[::2], parts[1::2], strict=True)}


Books = Callable[[str], dict[str, list[tuple[Page, bytes]]]]


@pytest.mark.parametrize("size", ["a3", "a4"])
def test_every_stub_names_the_first_page_that_draws_what_it_points_to(
        books: Books, size: str) -> None:
    """Zorg's "→ HO1, HO2 (blad 25) · SD2 (blad 6) · ..." in the row of main goals: each
    element a stub points to is named with the page a reader turns to, the first that
    draws it (not as a stub), and the stub names every element it points to; its text
    prints at 7 pt or more."""
    paper = Paper(size)
    named = 0
    for programme, pages in books(size).items():
        drawn = [set(read_svg(svg).boxes) for _, svg in pages]
        for number, (_, svg) in enumerate(pages, 1):
            d = read_svg(svg)
            scale = d.scale * print_scale(d, paper)
            for element, (classes, texts) in _nodes(svg).items():
                if "din-stub" not in classes:
                    continue
                assert min(size * scale for _, size, _, _ in texts) >= 7.0, (programme, number)
                if "din-continued" in classes:
                    continue
                text = " ".join(t for t, _, _, _ in texts)
                assert text.startswith("→ "), (programme, number, text)
                seen = set()
                for item in text.removeprefix("→ ").split(" · "):
                    m = re.fullmatch(r"(.+) \(blad (\d+)\)", item)
                    assert m, (programme, number, text)
                    sheet = int(m.group(2))
                    for local in m.group(1).split(", "):
                        node = f"{programme}:{local}"
                        seen.add(node)
                        where = [i for i, boxes in enumerate(drawn, 1) if svg_id(node) in boxes]
                        assert where[:1] == [sheet] and sheet != number, (
                            programme, number, text, local, where)
                        named += 1
                assert seen == _stub_targets(element), (programme, number, text)
    assert named > (60 if size == "a4" else 30)


def _used(G: nx.MultiDiGraph, svg: bytes) -> tuple[list[str], set[str]]:
    """What a drawn page uses, read from the drawing: the kinds of element, and the other
    conventions of the key (dashed links, track links, stubs, project borders)."""
    nodes = _nodes(svg)
    classes = {c for cs, _ in nodes.values() for c in cs}
    kinds = [k for k in _KINDS if f"din-{k}" in classes]
    used = set()
    for g in ET.fromstring(svg).iter(f"{_SVG}g"):
        if g.get("class") != "edge" or "--stub--" in g.get("id", ""):
            continue
        kind = _LINK.search(g.get("id", ""))
        dashed = any(p.get("stroke-dasharray") for p in g.iter(f"{_SVG}path"))
        if kind and kind.group(1) == "delivers":
            used.add("delivers")
        elif kind and kind.group(1) != "part_of" and dashed:
            used.add("inferred")
    for link in read_svg(svg).links:
        if "--stub--" not in link.id and G.nodes[_graph_id(link.ends[0])].get("kind") == "track":
            used.add("track")
    for element, (cs, texts) in nodes.items():
        if "din-continued" in cs:
            used.add("continued")
        elif "din-stub" in cs:
            used.add("stub" if "(blad " in " ".join(t for t, _, _, _ in texts) else "outside")
        elif "din-project" in cs:
            data = G.nodes[_graph_id(element)]
            used |= {data.get("role")} & set(_ROLES)
            if data.get("lijnproject"):
                used.add("lijnproject")
    return kinds, used


@pytest.mark.parametrize("size", ["a3", "a4"])
def test_every_page_has_a_key_of_exactly_the_conventions_it_uses(
        almelo: nx.MultiDiGraph, books: Books, size: str) -> None:
    """The key lists the colours of the kinds drawn and explains the dashed links, track
    links, stubs, continuations and project borders the page shows, and nothing else."""
    meaning = {c: phrase(f"din.key_{c}") for c in ("inferred", "delivers", "track", "stub",
                                                    "outside", "continued")}
    meaning |= {r: f"project: {r}" for r in _ROLES} | {"lijnproject": "lijnproject"}
    samples = {"▸", "→ X (blad N)", "→ X", "… vervolg op blad N"}
    everywhere: set[str] = set()
    for programme, pages in books(size).items():
        for number, (_, svg) in enumerate(pages, 1):
            kinds, used = _used(almelo, svg)
            everywhere |= used
            words = [t for t, _, _, _ in _nodes(svg)["din-key"][1]]
            assert words[0] == "Legenda", words
            coloured = [words[i + 1] for i, w in enumerate(words) if w == "■"]
            assert coloured == [term(k) for k in kinds], (programme, number, coloured)
            listed = {c for c, text in meaning.items() if text in words}
            assert listed == used, (programme, number, listed, used)
            assert set(words) <= {"Legenda", "■", *coloured, *samples, *meaning.values()}
    # the key is tested on every convention it knows but the stub out of the DIN (another
    # programme's element: the Almelo DINs link none) and projects the programme facilitates
    assert everywhere >= {"inferred", "delivers", "track", "stub", "continued", "regie",
                          "afstemming", "lijnproject"}, everywhere


def _overlap(a: Box, b: Box) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


@pytest.mark.parametrize("size", ["a3", "a4"])
def test_the_key_stands_clear_of_the_drawing(books: Books, size: str) -> None:
    """No node, frame, link or text of the page (its title included) touches the key, and
    the key's words print at 7 pt or more."""
    paper = Paper(size)
    for programme, pages in books(size).items():
        for number, (_, svg) in enumerate(pages, 1):
            d = read_svg(svg)
            key = d.boxes["din-key"]
            where = (programme, number)
            assert [e for e, box in d.boxes.items() if e != "din-key" and _overlap(key, box)] \
                == [], where
            assert [link.id for link in d.links
                    if any(key.distance(p) == 0 for p in link.line)] == [], where
            root = ET.fromstring(svg)
            inside = {id(t) for g in root.iter(f"{_SVG}g") if g.get("id") == "din-key"
                      for t in g.iter(f"{_SVG}text")}
            others = [t for t in root.iter(f"{_SVG}text") if id(t) not in inside
                      and key.distance((float(t.get("x", "0")), float(t.get("y", "0")))) == 0]
            assert others == [], where
            texts = _nodes(svg)["din-key"][1]
            assert all(key.distance((x, y)) == 0 for _, _, x, y in texts), where
            scale = d.scale * print_scale(d, paper)
            assert min(size * scale for _, size, _, _ in texts) >= 7.0, where


def test_a_page_in_english_names_pages_and_its_key_in_english(almelo: nx.MultiDiGraph) -> None:
    pages = din_pages(almelo, "zorg", Paper("a3"), lang="en")
    svgs = [render(p.text(), "svg") for p in pages]
    words = [t for svg in svgs for _, (_, texts) in _nodes(svg).items() for t, _, _, _ in texts]
    assert any(re.search(r"\(page \d+\)", w) for w in words)
    assert "Key" in words and "the whole track contributes" in words
    assert not any("blad" in w or w == "Legenda" for w in words)


def test_a_split_page_names_where_it_continues(almelo: nx.MultiDiGraph) -> None:
    pages = din_pages(almelo, "zorg", Paper("a4"))
    continued = [p for p in pages if p.part.continued]
    assert continued
    page = continued[0]
    svg = render(page.text(), "svg").decode()
    other = min(page.part.continued)
    assert f"vervolg op blad {other}" in svg
    assert f"blad {page.part.number} van {len(pages)}" in svg
    # every element of the full DIN stands on some page
    drawn: set[str] = set()
    for p in pages:
        drawn |= {k for k in read_svg(render(p.text(), "svg")).boxes if k.startswith("din-zorg--")}
    full = read_svg(render(dinnet.render.din(almelo, "zorg").text(), "svg")).boxes
    full_efforts = {k for k in full if k.startswith("din-zorg--E")}
    assert full_efforts and full_efforts <= drawn


def test_portrait_turns_the_sheet(almelo: nx.MultiDiGraph) -> None:
    paper = Paper("a3", portrait=True)
    assert paper.width < paper.height
    for page in din_pages(almelo, "binnenstad", paper):
        _check_page(render(page.text(), "svg"), paper)


def test_a_page_too_narrow_for_readable_text_is_refused(almelo: nx.MultiDiGraph) -> None:
    """Six columns do not fit the width of A4 portrait at 7 pt: a clear error, no tiny text."""
    with pytest.raises(DinnetError, match="does not fit a4 portrait with text of 7 pt"):
        din_pages(almelo, "binnenstad", Paper("a4", portrait=True))


def test_pdf_has_one_sheet_per_page(almelo: nx.MultiDiGraph, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    book = din_books(almelo, Paper("a4"), programme="omgevingswet")[0]
    reader = pypdf.PdfReader(io.BytesIO(book.pdf()))
    assert len(reader.pages) == len(book.pages) > 1
    margin = MARGIN_MM / 25.4 * 72  # points
    for sheet in reader.pages:
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == (842, 595)
        # the drawing is placed by its first `cm` and clipped to its first `re`: it lies
        # inside the printable area, at least MARGIN_MM from every edge, and centred
        ops = pypdf.generic.ContentStream(sheet.get_contents(), reader).operations
        a, _, _, d, e, f = (float(v) for v in next(o for o, op in ops if op == b"cm"))
        x, y, w, h = (float(v) for v in next(o for o, op in ops if op == b"re"))
        left, bottom = e + a * x, f + d * y
        right, top = left + a * w, bottom + d * h
        assert left >= margin - 0.01 and bottom >= margin - 0.01, (left, bottom)
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert right <= width - margin + 0.01 and top <= height - margin + 0.01, (right, top)
        assert abs(left - (width - right)) < 0.01 and abs(bottom - (height - top)) < 0.01


def test_cli_page_writes_a_pdf_or_one_file_per_page(tmp_path: Path) -> None:
    runner = CliRunner()
    pdf = tmp_path / "omgevingswet.pdf"
    result = runner.invoke(main, ["render", "--programme", "omgevingswet", "--page", "a3",
                                  "-o", str(pdf)])
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF")
    folder = tmp_path / "pages"
    result = runner.invoke(main, ["render", "--programme", "omgevingswet", "--page", "a3",
                                  "--format", "svg", "-o", str(folder)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in folder.iterdir())
    assert names[0] == "omgevingswet-p1.svg" and len(names) > 1
    result = runner.invoke(main, ["render", "--portrait", "-o", str(tmp_path / "x.svg")])
    assert result.exit_code != 0 and "--portrait needs --page" in result.output


def test_a_screen_has_its_own_floors_and_label_widths() -> None:
    """The report's DIN box: text at least 9 px (8 px small) at one SVG unit a pixel."""
    from dinnet.render.geometry import Drawing
    from dinnet.render.pages import Screen

    drawing = Drawing((1000.0, 700.0), {}, (), ((9.0, "label"), (8.0, "SD1")))
    assert fits(drawing, Paper("a3"))  # 7 pt on paper: scaled down to the sheet, still readable
    assert not fits(drawing, Screen(900))  # 9 px on screen: it would shrink below
    assert fits(drawing, Screen(1000)) and not fits(drawing, Screen(1000, min_small=8.5))
    assert Screen(900, wraps=(0.45,)).wraps == (0.45,) and Paper("a4").wraps[0] == 0.75


def test_a_screen_splits_a_din_per_strategic_goal(almelo: nx.MultiDiGraph) -> None:
    from dinnet.render.pages import Screen

    screen = Screen(800, wraps=(0.45,))
    pages = din_pages(almelo, "omgevingswet", screen)
    assert [p.strategic_goal for p in pages][:4] == [f"omgevingswet:SD{i}" for i in range(1, 5)]
    for page in pages:
        assert fits(read_svg(render(page.text(), "svg")), screen)
    with pytest.raises(DinnetError, match="does not fit 300 px with text of 9 px or more"):
        din_pages(almelo, "binnenstad", Screen(300, wraps=(0.45,)))
