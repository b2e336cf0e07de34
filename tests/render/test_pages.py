"""DINs on paper (``--page a4|a3``): every page fits with readable text, split as needed."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import dinnet
from dinnet.cli import main
from dinnet.errors import DinnetError
from dinnet.render import Paper, din_books, din_pages, render
from dinnet.render.dot import svg_id
from dinnet.render.geometry import font_sizes, loose_ends, read_svg, wrong_arrows
from dinnet.render.pages import MARGIN_MM, fits, print_scale
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


@pytest.mark.parametrize("size", ["a3", "a4"])
def test_every_page_of_every_programme_fits_with_readable_text(
        almelo: nx.MultiDiGraph, size: str) -> None:
    """... and together the pages draw every element of the whole DIN: goals beside the
    strategic ones (Omgevingswet's OD1-OD8 serve the vision), main goals (Zorg's HO1/HO2),
    unlinked projects and tracks without efforts included."""
    paper = Paper(size)
    counts = {}
    for programme in PROGRAMMES:
        pages = din_pages(almelo, programme, paper)
        counts[programme] = len(pages)
        drawn: set[str] = set()
        for page in pages:
            svg = render(page.text(), "svg")
            _check_page(svg, paper)
            drawn |= set(read_svg(svg).boxes)
        whole = select_din(almelo, programme)
        missing = [n for n in (*whole.nodes, *whole.tracks) if svg_id(n) not in drawn]
        assert not missing, (programme, missing)
    assert counts["veiligheid"] == 1
    assert counts["zorg"] > 1  # too big for one sheet: split


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
