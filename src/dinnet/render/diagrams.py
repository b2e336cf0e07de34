"""Diagrams as objects: pick what to draw, show it in Jupyter, write it to files.

A :class:`Diagram` is a name and a way to make its DOT text. It shows itself
in a notebook (``_repr_svg_``) and saves itself atomically in any format.

>>> from dinnet.render._example import example_graph
>>> G = example_graph()
>>> [d.name for d in din_diagrams(G, by_strategic_goal=True)]
['mini--SD1', 'mini--SD2']
>>> din(G, "mini").source.startswith('digraph "din-mini"')
True
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import graphviz
import networkx as nx

from ..audit import Finding, run_audit
from ..errors import OutputError
from ..glossary import Message, message
from ..io.output import check_folder, check_output, write_output
from .dot import iter_din_dot
from .labels import natural_key
from .overlay import gap_highlights
from .pages import Paper, din_pages, merge_pdf
from .portfolio_map import portfolio_dot
from .run import FORMATS, render
from .select import check_din
from .status_overlay import status_overlay

__all__ = [
    "Book",
    "Diagram",
    "check_books_output",
    "din",
    "din_books",
    "din_diagrams",
    "portfolio",
    "write_books",
    "write_charts",
    "write_diagrams",
]


_DIN_HINT = message("error.din_too_large")
_PORTFOLIO_HINT = message("error.map_too_large")


@dataclass(frozen=True)
class Diagram:
    """A named Graphviz diagram that draws itself (SVG in Jupyter) and saves itself.

    ``text`` makes the DOT text, in pieces; it runs each time the diagram is
    drawn, and the pieces go to ``dot`` while the rest is being built
    (:func:`~dinnet.render.run.render`).
    """

    name: str
    text: Callable[[], Iterable[str]] = field(repr=False)
    #: What to do when Graphviz takes too long (options of the command that draws it).
    hint: Message | str = field(default=_DIN_HINT, repr=False)

    @property
    def source(self) -> str:
        """The DOT text."""
        return "".join(self.text())

    @property
    def dot(self) -> graphviz.Source:
        """The diagram for the :mod:`graphviz` package's own API (``pipe``, ``render``)."""
        return graphviz.Source(self.source)

    def render(self, format: str = "svg", *, timeout: float = 60) -> bytes:
        """The diagram as ``svg``, ``png``, ``pdf`` or ``dot`` bytes (runs Graphviz)."""
        return render(self.text(), format, timeout=timeout, hint=self.hint)

    def _repr_svg_(self) -> str:
        return self.render("svg").decode("utf-8")

    def save(self, path: str | Path, format: str | None = None) -> None:
        """Write the diagram to ``path`` atomically (format from the suffix unless given)."""
        fmt = format or Path(path).suffix.lstrip(".") or "svg"
        write_output(path, self.render(fmt))


def _programmes(G: nx.MultiDiGraph) -> list[str]:
    return sorted((n for n, k in G.nodes(data="kind") if k == "programme"), key=natural_key)


def _overlay(G: nx.MultiDiGraph, programme: str, lang: str, highlight_gaps: bool,
             findings: Iterable[Finding] | None, status: dt.date | None) -> dict[str, Any]:
    """The ``highlight``, ``severity`` and ``paint`` of the audit's or the status overlay."""
    if highlight_gaps and status is not None:
        raise ValueError("draw the audit's findings or the status, not both")
    if status is not None:
        o = status_overlay(G, programme, status, lang=lang)
        return {"highlight": o.highlight, "severity": o.severity, "paint": o.paint}
    if highlight_gaps:
        marks = gap_highlights(G, programme, findings=findings)
        return {"highlight": marks.nodes, "severity": marks.severity}
    return {}


def din(G: nx.MultiDiGraph, programme: str, *, lang: str = "nl", highlight_gaps: bool = False,
        strategic_goal: str | None = None, findings: Iterable[Finding] | None = None,
        status: dt.date | None = None) -> Diagram:
    """The DIN of one programme as a :class:`Diagram` (shows itself in Jupyter).

    With ``highlight_gaps`` the audit's ``findings`` (run when not given) mark
    the nodes; with ``status`` (a date) the progress on that date does
    (:func:`~dinnet.render.status_overlay.status_overlay`).

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> d = din(example_graph(), "mini", strategic_goal="SD2")
    >>> d.name, 'id="din-mini--E2"' in d.source, 'id="din-mini--E1"' in d.source
    ('mini--SD2', True, False)
    >>> import datetime as dt
    >>> "Voortgang op 31-12-2025" in din(example_graph(), "mini", status=dt.date(2025, 12, 31)).source
    True
    """
    check_din(G, programme, strategic_goal=strategic_goal, lang=lang)
    text = functools.partial(iter_din_dot, G, programme, lang=lang, strategic_goal=strategic_goal,
                             **_overlay(G, programme, lang, highlight_gaps, findings, status))
    name = programme
    if strategic_goal is not None:  # no '--' in a programme id: names never collide
        name += "--" + strategic_goal.split(":", 1)[-1]
    return Diagram(name, text)


def din_diagrams(G: nx.MultiDiGraph, *, programme: str | None = None,
                 by_strategic_goal: bool = False, highlight_gaps: bool = False,
                 lang: str = "nl", status: dt.date | None = None) -> list[Diagram]:
    """The DIN diagrams asked for: one programme or all, whole or one per strategic goal.

    A programme without strategic goals gets its whole DIN when split. The
    overlays are those of :func:`din`.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> [d.name for d in din_diagrams(example_graph(), highlight_gaps=True)]
    ['mini']
    """
    programmes = [programme] if programme is not None else _programmes(G)
    findings = run_audit(G) if highlight_gaps else None  # once for every diagram
    found = []
    for p in programmes:
        goals = []
        if by_strategic_goal:
            goals = sorted((n for n, d in G.nodes(data=True) if d.get("programme") == p
                            and d.get("kind") == "goal" and d.get("level") == "strategic"),
                           key=natural_key)
        for goal in goals or [None]:
            found.append(din(G, p, lang=lang, highlight_gaps=highlight_gaps, strategic_goal=goal,
                             findings=findings, status=status))
    return found


@dataclass(frozen=True)
class Book:
    """A DIN laid out on pages of one paper size (:func:`din_books`)."""

    name: str
    paper: Paper
    pages: tuple[Diagram, ...]

    def pdf(self, *, timeout: float = 60) -> bytes:
        """All pages as one PDF, each on a sheet of :attr:`paper`."""
        return merge_pdf((p.render("pdf", timeout=timeout) for p in self.pages), self.paper)


def din_books(G: nx.MultiDiGraph, paper: Paper, *, programme: str | None = None,
              highlight_gaps: bool = False, lang: str = "nl",
              status: dt.date | None = None) -> list[Book]:
    """Each programme's DIN (or one programme's) on pages of ``paper``, overlays as :func:`din`.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> [(b.name, [p.name for p in b.pages]) for b in din_books(example_graph(), Paper("a4"))]
    [('mini', ['mini-p1'])]
    """
    programmes = [programme] if programme is not None else _programmes(G)
    findings = run_audit(G) if highlight_gaps else None
    books = []
    for p in programmes:
        check_din(G, p, lang=lang)
        pages = din_pages(G, p, paper, lang=lang,
                          **_overlay(G, p, lang, highlight_gaps, findings, status))
        books.append(Book(p, paper, tuple(Diagram(page.name, page.text) for page in pages)))
    return books


def write_books(books: Sequence[Book], output: str | Path, format: str = "pdf", *,
                protect: Iterable[str | Path] = (), timeout: float = 60) -> list[str | Path]:
    """Write paged DINs: ``pdf`` one file per book (all its pages), else one file per page.

    Examples
    --------
    >>> import tempfile
    >>> from dinnet.render._example import example_graph
    >>> out = tempfile.mkdtemp()
    >>> [p.name for p in write_books(din_books(example_graph(), Paper("a3")), out, "svg")]
    ['mini-p1.svg']
    """
    if format != "pdf":
        return write_diagrams([p for b in books for p in b.pages], output, format,
                              protect=protect, timeout=timeout)
    if not books:
        raise OutputError.of(message("error.nothing_to_draw"))
    protect = list(protect)
    targets = _targets([b.name for b in books], output, format)
    for book, target in zip(books, targets, strict=True):
        write_output(target, book.pdf(timeout=timeout), protect=protect)
    return targets


def check_books_output(G: nx.MultiDiGraph, output: str | Path, format: str = "pdf", *,
                       programme: str | None = None,
                       protect: Iterable[str | Path] = ()) -> None:
    """Refuse ``output`` for the books of :func:`din_books` before any page is laid out.

    A PDF is one file per programme, so several programmes need a folder; other
    formats are a file per page, at least one per programme.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> check_books_output(example_graph(), "din.pdf")  # one programme: one file
    """
    names = [programme] if programme is not None else _programmes(G)
    if format != "pdf" and len(names) < 2:
        return  # the number of pages is known only once they are laid out
    for target in _targets(names, output, format):
        if str(target) != "-":
            check_output(target, protect=protect)


def portfolio(G: nx.MultiDiGraph, *, lang: str = "nl") -> Diagram:
    """The portfolio map of all programmes as a :class:`Diagram`.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> portfolio(example_graph()).name
    'portfolio'
    """
    source = portfolio_dot(G, lang=lang).source
    return Diagram("portfolio", lambda: [source], hint=_PORTFOLIO_HINT)


def _targets(names: Sequence[str], output: str | Path, format: str) -> list[str | Path]:
    if str(output) == "-":
        if len(names) != 1:
            raise OutputError.of(message("error.stdout_several", n=len(names)))
        return ["-"]
    out = Path(output)
    if len(names) == 1 and not out.is_dir() and not str(output).endswith(("/", "\\")):
        return [out]
    if out.suffix.lstrip(".") in FORMATS and not out.is_dir():
        raise OutputError.of(message("error.folder_needed", path=out, n=len(names)))
    return [out / f"{name}.{format}" for name in names]


def write_diagrams(diagrams: Sequence[Diagram], output: str | Path, format: str = "svg", *,
                   protect: Iterable[str | Path] = (), timeout: float = 60) -> list[str | Path]:
    """Write each diagram; ``output`` is a file (one diagram), a folder, or ``-`` (stdout).

    Returns the paths written. Files are written atomically and never over an
    input file (``protect``).

    Examples
    --------
    >>> import tempfile
    >>> from dinnet.render._example import example_graph
    >>> out = tempfile.mkdtemp()
    >>> paths = write_diagrams(din_diagrams(example_graph(), by_strategic_goal=True), out, "dot")
    >>> [p.name for p in paths]
    ['mini--SD1.dot', 'mini--SD2.dot']
    """
    if not diagrams:
        raise OutputError.of(message("error.nothing_to_draw"))
    protect = list(protect)
    targets = _targets([d.name for d in diagrams], output, format)
    for diagram, target in zip(diagrams, targets, strict=True):
        write_output(target, diagram.render(format, timeout=timeout), protect=protect)
    return targets


def write_charts(G: nx.MultiDiGraph, folder: str | Path, format: str = "svg", *,
                 lang: str = "nl", protect: Iterable[str | Path] = (),
                 as_of: dt.date | None = None) -> list[Path]:
    """Write ``budget.<format>`` and ``indicators-<programme>.<format>`` into ``folder``.

    With ``as_of`` the indicator charts show each indicator's status on that
    date (:func:`~dinnet.render.charts.indicator_chart`).

    Examples
    --------
    >>> import tempfile
    >>> from dinnet.render._example import example_graph
    >>> [p.name for p in write_charts(example_graph(), tempfile.mkdtemp())]
    ['budget.svg', 'indicators-mini.svg']
    """
    from .charts import budget_figure, figure_bytes, indicator_figure, numeric_indicators

    out = check_folder(folder)
    if out.suffix.lstrip(".") in ("svg", "png", "pdf") and not out.is_dir():
        raise OutputError.of(message("error.charts_folder", path=out))
    protect = list(protect)
    figures: list[tuple[str, Any]] = [("budget", budget_figure(G, lang=lang))]
    figures += [(f"indicators-{p}", indicator_figure(G, p, lang=lang, as_of=as_of))
                for p in _programmes(G) if numeric_indicators(G, p)]
    written = []
    for name, fig in figures:
        target = out / f"{name}.{format}"
        write_output(target, figure_bytes(fig, format), protect=protect)
        written.append(target)
    return written
