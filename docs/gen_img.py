"""Regenerate the pictures in docs/img/ from the bundled data (needs Graphviz).

Run from anywhere:  .venv/bin/python docs/gen_img.py
(``docs/gen_img.py progress``: only the progress pictures of the fictional examples;
``docs/gen_img.py pages``: only the DINs on paper.)

Every picture is written as SVG and as PNG (the PNG reduced to 256 colours,
which keeps it small and sharp for a diagram).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

from PIL import Image

import dinnet
from dinnet.io.output import write_output
from dinnet.render import Diagram, Paper, din, din_books, din_diagrams, figure_bytes, portfolio
from dinnet.render.charts import budget_figure, indicator_figure, numeric_indicators

IMG = Path(__file__).resolve().parent / "img"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def small_png(data: bytes) -> bytes:
    image = Image.open(io.BytesIO(data)).convert("RGB").quantize(256)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def diagram(d: Diagram, folder: Path, name: str | None = None) -> None:
    stem = folder / (name or d.name)
    write_output(stem.with_suffix(".svg"), d.render("svg"))
    write_output(stem.with_suffix(".png"), small_png(d.render("png")))
    print(f"wrote {stem}.svg/.png")


def main() -> None:
    G = dinnet.load()
    for d in din_diagrams(G):
        diagram(d, IMG / "din")
    diagram(din(G, "binnenstad", highlight_gaps=True), IMG / "din", "binnenstad-gaps")
    for d in din_diagrams(G, programme="zorg", by_strategic_goal=True):
        diagram(d, IMG / "din")
    diagram(din(G, "zorg", strategic_goal="SD1", lang="en"), IMG / "din", "zorg-SD1-en")
    pages(G)
    diagram(portfolio(G), IMG, "portfolio")
    figures = [("budget", budget_figure(G))]
    figures += [(f"indicators-{p}", indicator_figure(G, p))
                for p in sorted(n for n, k in G.nodes(data="kind") if k == "programme")
                if numeric_indicators(G, p)]
    charts(figures)
    progress()


def pages(G: Any) -> None:
    """DINs on paper (``--page``): the PDF, and some pages as pictures: the first two, and one
    of efforts with stubs and a fuller key (Zorg page 3, Omgevingswet page 5)."""
    for programme, size, shown in (("zorg", "a4", (1, 2, 3)), ("omgevingswet", "a3", (1, 2, 5))):
        book = din_books(G, Paper(size), programme=programme)[0]
        write_output(IMG / "pages" / f"{programme}-{size}.pdf", book.pdf())
        print(f"wrote {IMG / 'pages' / programme}-{size}.pdf ({len(book.pages)} pages)")
        for number in shown:
            page = book.pages[number - 1]
            diagram(page, IMG / "pages", f"{programme}-{size}-{page.name.rsplit('-', 1)[1]}")


def charts(figures: list[tuple[str, Any]]) -> None:
    for name, fig in figures:
        write_output(IMG / "charts" / f"{name}.svg", figure_bytes(fig, "svg"))
        write_output(IMG / "charts" / f"{name}.png", small_png(figure_bytes(fig, "png")))
        print(f"wrote {IMG / 'charts' / name}.svg/.png")


def progress() -> None:
    """The fictional examples with their measurements on 31 December 2025 (issue 21)."""
    as_of = dt.date(2025, 12, 31)
    groene = dinnet.load(EXAMPLES / "groene-stad.yaml", EXAMPLES / "groene-stad.measurements.yaml")
    zonnedal = dinnet.load(EXAMPLES / "zonnedal")
    diagram(din(groene, "groene-stad", status=as_of), IMG / "din", "groene-stad-status")
    diagram(din(zonnedal, "duurzaam-zonnedal", status=as_of), IMG / "din",
            "duurzaam-zonnedal-status")
    charts([("indicators-groene-stad-status", indicator_figure(groene, "groene-stad", as_of=as_of)),
            ("indicators-duurzaam-zonnedal-status",
             indicator_figure(zonnedal, "duurzaam-zonnedal", as_of=as_of))])


if __name__ == "__main__":
    # `gen_img.py progress`: only the pictures of the measurements; `pages`: only the paper
    if sys.argv[1:] == ["progress"]:
        progress()
    elif sys.argv[1:] == ["pages"]:
        pages(dinnet.load())
    else:
        main()
