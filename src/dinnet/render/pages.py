"""A DIN laid out for paper: pages of A4 or A3 that print with readable text.

Every page fits the printable area (the sheet less :data:`MARGIN_MM` on each
side) at a scale where body text is at least :data:`MIN_BODY_PT` and ids,
tags and indicator lines at least :data:`MIN_SMALL_PT` at print size. A DIN
that does not fit on one page is split: per strategic goal (and a part for
what reaches none), then into a page of the goal's goals (halved by
operational goals when too tall) and pages per track, then a track in runs
of efforts. A page whose goals are also served by
efforts on another page of the same goal shows a stub "vervolg op blad N"
linked from those goals. A stub to elements on other pages names the first
page that draws each ("→ HO1, HO2 (blad 25) · SD2 (blad 6)"), and every page
on paper has a key of the conventions it uses (``DinPart.key``). Each
candidate page is drawn by ``dot`` and measured from its SVG
(:mod:`dinnet.render.geometry`), so the split follows the real drawing, not an
estimate.

>>> a4 = Paper("a4")
>>> round(a4.width), round(a4.height), a4.size_inches()
(785, 539, '10.9,7.48')
>>> Paper("a3", portrait=True).name
'a3-portrait'

The same split serves a screen: a :class:`Screen` is an area in CSS pixels
(the report's DIN box) with its own smallest text sizes and label widths.

>>> Screen(1080).size_inches(), Screen(1080).min_body
('15,278', 9.0)
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

import networkx as nx

from .._optional import extra
from ..errors import DinnetError
from ..glossary import Message, message
from .dot import Paint, iter_din_dot
from .drawings import Drawings
from .geometry import Drawing, read_svg
from .labels import COLUMNS, natural_key
from .order import contract_key
from .run import render
from .select import DinPart, DinSelection, check_din, column_of, select_din

__all__ = ["MARGIN_MM", "MIN_BODY_PT", "MIN_SMALL_PT", "PAPERS", "Page", "Paper", "Screen",
           "Sheet", "din_pages", "merge_pdf", "print_scale"]

#: Sheet sizes in pt (1/72 inch), landscape: width, height.
PAPERS: dict[str, tuple[float, float]] = {"a4": (841.89, 595.28), "a3": (1190.55, 841.89)}
#: The white border of every page, on each side.
MARGIN_MM = 10.0
#: The smallest body text at print size (labels of goals, efforts, projects).
MIN_BODY_PT = 7.0
#: The smallest ids, tags and indicator lines at print size.
MIN_SMALL_PT = 6.0
#: Text drawn at this size or larger counts as body text; smaller text as ids and tags.
BODY_FROM_PT = 9.0

_MM = 72 / 25.4


@dataclass(frozen=True)
class Paper:
    """A sheet (``a4`` or ``a3``), landscape unless ``portrait``; sizes in pt."""

    size: str
    portrait: bool = False

    def __post_init__(self) -> None:
        if self.size not in PAPERS:
            raise DinnetError.of(message("error.unknown_paper", size=self.size, sizes=list(PAPERS)))

    @property
    def sheet(self) -> tuple[float, float]:
        """The whole sheet: width and height."""
        w, h = PAPERS[self.size]
        return (h, w) if self.portrait else (w, h)

    @property
    def width(self) -> float:
        """The printable width."""
        return self.sheet[0] - 2 * MARGIN_MM * _MM

    @property
    def height(self) -> float:
        """The printable height."""
        return self.sheet[1] - 2 * MARGIN_MM * _MM

    @property
    def aspect(self) -> float:
        """The printable width over the printable height."""
        return self.width / self.height

    @property
    def name(self) -> str:
        return self.size + ("-portrait" if self.portrait else "")

    def size_inches(self) -> str:
        """The printable area as Graphviz ``size`` (inches)."""
        return f"{self.width / 72:.3g},{self.height / 72:.3g}"

    @property
    def min_body(self) -> float:
        """The smallest body text at print size."""
        return MIN_BODY_PT

    @property
    def min_small(self) -> float:
        """The smallest ids, tags and indicator lines at print size."""
        return MIN_SMALL_PT

    @property
    def wraps(self) -> tuple[float, ...]:
        """Label widths to try, narrow first."""
        return WRAPS

    def describe(self) -> Message:
        """What this paper asks of a page, for the message that a page does not fit."""
        return message("error.fits_paper", size=self.size, pt=f"{MIN_BODY_PT:g}",
                       orientation_phrase="error.portrait" if self.portrait else "error.landscape")


@dataclass(frozen=True)
class Screen:
    """An area of a screen in CSS pixels (one SVG unit a pixel at full size).

    ``min_body`` and ``min_small`` are the smallest text in pixels; ``wraps``
    the label widths to try. The height may be generous: a screen scrolls.
    """

    width: float
    height: float = 20000.0
    min_body: float = 9.0
    min_small: float = 8.0
    wraps: tuple[float, ...] = (0.45,)

    @property
    def name(self) -> str:
        return f"screen-{self.width:g}"

    @property
    def aspect(self) -> float:
        """The width over the height: a screen that scrolls is tall."""
        return self.width / self.height

    def size_inches(self) -> str:
        """The area as Graphviz ``size`` (inches of 72 units)."""
        return f"{self.width / 72:.3g},{self.height / 72:.3g}"

    def describe(self) -> Message:
        """What this screen area asks of a part, for the message that a part does not fit."""
        return message("error.fits_screen", width=f"{self.width:g}", px=f"{self.min_body:g}")


#: What a DIN is laid out for: a sheet of paper or an area of a screen.
Sheet = Paper | Screen


def print_scale(drawing: Drawing, paper: Sheet) -> float:
    """The scale at which ``drawing`` fills the printable area of ``paper`` (at most 1)."""
    w, h = drawing.size
    return min(1.0, paper.width / w, paper.height / h) if w and h else 1.0


def _needed_scale(drawing: Drawing, paper: Sheet) -> float:
    """The smallest scale at which all text of ``drawing`` stays readable on ``paper``."""
    need = 0.0
    for size, _ in drawing.fonts:
        floor = paper.min_body if size >= BODY_FROM_PT else paper.min_small
        need = max(need, floor / size)
    return need


def fits(drawing: Drawing, paper: Sheet) -> bool:
    """Whether ``drawing`` fits ``paper`` with readable text."""
    return drawing.scale * print_scale(drawing, paper) >= _needed_scale(drawing, paper) - 1e-9


@dataclass(frozen=True)
class Page:
    """One page: what it draws (a strategic goal's part, some efforts), its number and DOT.

    ``svg`` gives the page drawn as SVG: :func:`din_pages` drew it to measure
    it, so it costs no second ``dot`` run.
    """

    name: str
    strategic_goal: str | None
    part: DinPart
    text: Callable[[], Iterable[str]]
    svg: Callable[[], bytes] | None = None


#: Label widths tried for each page, narrow first (:attr:`DinPart.wrap`).
WRAPS = (0.75, 1.0, 1.2, 1.4, 1.7, 2.0)


@dataclass(frozen=True)
class _Piece:
    goal: str | None
    efforts: frozenset[str] | None
    family: int  # pieces of one split share a family: they continue on each other
    wrap: float = WRAPS[0]
    reached: bool = False  # only the goals its efforts reach
    goals: frozenset[str] | None = None  # only these operational goals
    extra: frozenset[str] = frozenset()  # goals, projects, tracks no other page shows


def din_pages(G: nx.MultiDiGraph, programme: str, paper: Sheet, *, lang: str = "nl",
              highlight: Mapping[str, Sequence[str]] | None = None,
              severity: Mapping[str, str] | None = None, timeout: float = 60,
              paint: Paint | None = None, cache: Drawings | None = None) -> list[Page]:
    """The pages of ``programme``'s DIN on ``paper``, split where it does not fit.

    Every page is drawn and measured; a page that does not fit once its
    continuation stubs and the pages its stubs name are known gets another
    label width or is split further. On :class:`Paper` every page gets a key
    of the conventions it uses; a :class:`Screen` part gets none. ``cache``
    keeps the drawings (:mod:`dinnet.render.drawings`): the same DIN split
    again costs no ``dot`` run.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> [p.name for p in din_pages(example_graph(), "mini", Paper("a3"))]
    ['mini-p1']
    """
    check_din(G, programme, lang=lang)

    def draw(piece: _Piece, part: DinPart) -> Iterator[str]:
        yield from _sized(iter_din_dot(G, programme, lang=lang, highlight=highlight,
                                       strategic_goal=piece.goal, severity=severity,
                                       part=part, paint=paint), paper)

    drawn: dict[str, bytes] = {}  # DOT text to SVG: a page measured twice is drawn once

    def svg(piece: _Piece, part: DinPart) -> bytes:
        text = "".join(draw(piece, part))
        if text not in drawn:
            drawn[text] = render(text, "svg", timeout=timeout, cache=cache)
        return drawn[text]

    def measure(piece: _Piece, part: DinPart) -> Drawing:
        return read_svg(svg(piece, part))

    key = isinstance(paper, Paper)  # a page for print explains its conventions

    def parts(pieces: Sequence[_Piece]) -> list[DinPart]:
        sheets = _sheets(G, programme, pieces)  # where each element stands: for the stubs
        return [DinPart(efforts=piece.efforts, number=number, total=len(pieces),
                        continued=_continued(G, pieces, number), wrap=piece.wrap,
                        reached=piece.reached, goals=piece.goals, aspect=paper.aspect,
                        extra=piece.extra, sheets=sheets, key=key)
                for number, piece in enumerate(pieces, 1)]

    pieces = _split(G, programme, paper, measure)
    for _ in range(3):  # the stubs are known now: check each page as it will be drawn
        again: list[_Piece] = []
        for piece, part in zip(pieces, parts(pieces), strict=True):
            again += _refit(G, programme, piece, part, paper, measure)
        if again == pieces:
            break
        pieces = again
    pages = [Page(f"{programme}-p{part.number}", piece.goal, part,
                  functools.partial(draw, piece, part), functools.partial(svg, piece, part))
             for piece, part in zip(pieces, parts(pieces), strict=True)]
    for page, piece in zip(pages, pieces, strict=True):
        if not fits(measure(piece, page.part), paper):
            raise DinnetError.of(message("error.page_does_not_fit", programme=programme,
                                         page=page.part.number, where=paper.describe()))
    return pages


def _refit(G: nx.MultiDiGraph, programme: str, piece: _Piece, part: DinPart, paper: Sheet,
           measure: Callable[[_Piece, DinPart], Drawing]) -> list[_Piece]:
    """``piece`` as it is when its page fits, with another label width, or split in two."""
    for wrap in (piece.wrap, *(w for w in paper.wraps if w != piece.wrap)):
        if fits(measure(piece, replace(part, wrap=wrap)), paper):
            return [replace(piece, wrap=wrap)]
    if piece.extra:  # what no other page shows: in halves, column by column
        order = {c: i for i, c in enumerate(COLUMNS)}
        items = sorted(piece.extra, key=lambda n: (order[column_of(G, n) or "effort"],
                                                    natural_key(n)))
        if len(items) <= 1:
            return [piece]
        half = len(items) // 2
        return [replace(piece, extra=frozenset(items[:half])),
                replace(piece, extra=frozenset(items[half:]))]
    if piece.efforts is not None and not piece.efforts:  # a page of goals: halve them
        goals = sorted(piece.goals if piece.goals is not None else select_din(
            G, programme, strategic_goal=piece.goal).columns["operational"], key=natural_key)
        if len(goals) > 1:
            half = len(goals) // 2
            return [replace(piece, goals=frozenset(goals[:half])),
                    replace(piece, goals=frozenset(goals[half:]))]
        return [piece]
    members = sorted(piece.efforts if piece.efforts is not None
                     else [m for g in _track_groups(G, programme, piece.goal) for m in g],
                     key=natural_key)
    if len(members) <= 1 or (not piece.reached and piece.efforts is not None):
        return [piece]  # as small as it gets: the check of the pages reports it
    half = len(members) // 2
    family = piece.family or -len(members)
    return [_Piece(piece.goal, frozenset(members[:half]), family, piece.wrap, True),
            _Piece(piece.goal, frozenset(members[half:]), family, piece.wrap, True)]


def _sized(pieces: Iterable[str], paper: Sheet) -> Iterator[str]:
    """DOT text with ``size``: dot scales the drawing down to the printable area."""
    it = iter(pieces)
    head = next(it)
    yield head
    yield f'\tsize="{paper.size_inches()}"\n'
    yield from it


def _selection(G: nx.MultiDiGraph, programme: str, piece: _Piece) -> DinSelection:
    """What the page of ``piece`` draws."""
    return select_din(G, programme, strategic_goal=piece.goal, efforts=piece.efforts,
                      reached=piece.reached, goals=piece.goals, extra=piece.extra)


def _sheets(G: nx.MultiDiGraph, programme: str, pieces: Sequence[_Piece]) -> dict[str, int]:
    """The first page that draws each element of the DIN (not as a stub)."""
    out: dict[str, int] = {}
    for number, piece in enumerate(pieces, 1):
        for n in _selection(G, programme, piece).nodes:
            out.setdefault(n, number)
    return out


def _split(G: nx.MultiDiGraph, programme: str, paper: Sheet,
           measure: Callable[[_Piece, DinPart], Drawing]) -> list[_Piece]:
    """The pieces of the DIN, each fitting ``paper`` (with room for its stubs)."""
    families = iter(range(1, 1 << 30))
    whole = _Piece(None, None, 0)
    key = isinstance(paper, Paper)
    guess: dict[str, int] = {}  # the pages of the stubs' ends, guessed: see below

    def fitted(piece: _Piece) -> _Piece | None:
        """``piece`` with the first label width that fits, measured with a stub to every
        page it may continue on; ``None`` when none fits."""
        for wrap in paper.wraps:
            # the whole DIN on one page has no page number: measured as it will be drawn
            total = 1 if piece == whole else 99
            part = DinPart(efforts=piece.efforts, number=1, total=total,
                           continued=_room(G, programme, piece), wrap=wrap,
                           reached=piece.reached, goals=piece.goals, aspect=paper.aspect,
                           extra=piece.extra, sheets=guess, key=key)
            if fits(measure(piece, part), paper):
                return replace(piece, wrap=wrap)
        return None

    if (done := fitted(whole)) is not None:
        return [done]
    goals = sorted((n for n, d in G.nodes(data=True) if d.get("programme") == programme
                    and d.get("kind") == "goal" and d.get("level") == "strategic"),
                   key=lambda n: contract_key(n, G.nodes[n].get("source")))
    todo = [_Piece(g, None, 0) for g in goals] or [whole]
    if goals:  # what no strategic goal's pages show gets pages of its own
        whole_sel = select_din(G, programme)
        shown = [select_din(G, programme, strategic_goal=g) for g in goals]
        covered = {n for sel in shown for n in (*sel.nodes, *sel.tracks)}
        rest = [n for n in whole_sel.columns["effort"] if n not in covered]
        if rest:  # efforts that reach no strategic goal, with the goals they do reach
            todo.append(_Piece(None, frozenset(rest), 0, reached=True))
            sel = select_din(G, programme, efforts=rest, reached=True)
            covered |= {*sel.nodes, *sel.tracks}
        # then goals beside the strategic ones, unlinked projects, tracks without efforts
        leftover = frozenset(n for c in ("main", "operational", "project")
                             for n in whole_sel.columns[c] if n not in covered)
        leftover |= frozenset(t for t in whole_sel.tracks if t not in covered)
        if leftover:
            todo.append(_Piece(None, frozenset(), 0, reached=True, extra=leftover))
    # the pages are not known yet: each part's elements on a page of their own, two
    # digits, so that the stubs are measured about as long as they will be
    for i, piece in enumerate(todo):
        guess |= {n: 10 + i for n in _selection(G, programme, piece).nodes if n not in guess}
    out: list[_Piece] = []
    for piece in todo:
        if (done := fitted(piece)) is not None:
            out.append(done)
            continue
        family = next(families)
        if not piece.reached:  # the goals first, on pages of their own
            sub = select_din(G, programme, strategic_goal=piece.goal).columns["operational"]
            out += _goal_runs(_Piece(piece.goal, frozenset(), family), list(sub), fitted,
                              paper.wraps[-1])
        if piece.extra:  # what no other page shows: halved until it fits (_refit)
            out.append(replace(piece, family=family))
            continue
        for group in _track_groups(G, programme, piece.goal):
            if piece.efforts is not None:
                group = [m for m in group if m in piece.efforts]
            if group:
                out += _runs(_Piece(piece.goal, frozenset(group), family, reached=True),
                             group, fitted, paper.wraps[-1])
    return out


def _track_groups(G: nx.MultiDiGraph, programme: str, goal: str | None) -> list[list[str]]:
    """The effort column of a (sub-)DIN by track, in drawing order: members of each track,
    then the efforts and results outside tracks."""
    sel = select_din(G, programme, strategic_goal=goal)
    groups = [list(members) for members in sel.tracks.values() if members]
    tracked = {m for g in groups for m in g}
    loose = [n for n in sel.columns["effort"] if n not in tracked and n not in sel.stubs]
    return groups + ([loose] if loose else [])


def _runs(piece: _Piece, members: list[str],
          fitted: Callable[[_Piece], _Piece | None], widest: float) -> list[_Piece]:
    """``piece`` if it fits, else its efforts in halves (each half split again as needed).

    A single effort that does not fit keeps its page (the check of the
    pages reports it).
    """
    if (done := fitted(piece)) is not None:
        return [done]
    if len(members) <= 1:
        return [replace(piece, wrap=widest)]
    half = len(members) // 2
    ordered = sorted(members, key=natural_key)
    first, second = ordered[:half], ordered[half:]
    return (_runs(replace(piece, efforts=frozenset(first)), first, fitted, widest)
            + _runs(replace(piece, efforts=frozenset(second)), second, fitted, widest))


def _goal_runs(piece: _Piece, goals: list[str],
               fitted: Callable[[_Piece], _Piece | None], widest: float) -> list[_Piece]:
    """A page of goals if it fits, else its operational goals in halves."""
    if (done := fitted(piece)) is not None:
        return [done]
    if len(goals) <= 1:
        return [replace(piece, wrap=widest)]
    half = len(goals) // 2
    return (_goal_runs(replace(piece, goals=frozenset(goals[:half])), goals[:half], fitted, widest)
            + _goal_runs(replace(piece, goals=frozenset(goals[half:])), goals[half:], fitted,
                         widest))


def _served(G: nx.MultiDiGraph, efforts: Iterable[str]) -> set[str]:
    """The goals the given efforts (or their tracks) link to directly."""
    out = set()
    for e in efforts:
        for v, keys in G.succ[e].items():
            if "contributes_to" in keys:
                out.add(v)
        track = G.nodes[e].get("track")
        if track in G:
            out |= {v for v, keys in G.succ[track].items() if "contributes_to" in keys}
    return out


def _room(G: nx.MultiDiGraph, programme: str, piece: _Piece) -> dict[int, tuple[str, ...]]:
    """Stubs as many as a page of this piece may get: one per other track, to its goal."""
    if piece.efforts is None:
        return {}
    goals = tuple(sorted(_served(G, piece.efforts), key=natural_key))
    if not piece.efforts and piece.goal is not None:  # a page of goals: stubs to the efforts
        goals = (piece.goal,)
    others = len(_track_groups(G, programme, piece.goal)) + 2  # runs of a long track
    return {90 + i: goals for i in range(others)}


def _continued(G: nx.MultiDiGraph, pieces: Sequence[_Piece],
               number: int) -> dict[int, tuple[str, ...]]:
    """For page ``number``: the other pages of its split and the goals their efforts serve."""
    piece = pieces[number - 1]
    if piece.efforts is None:
        return {}
    out = {}
    for other, sibling in enumerate(pieces, 1):
        if other != number and sibling.family == piece.family and sibling.efforts is not None:
            goals = _served(G, sibling.efforts)
            if goals:
                out[other] = tuple(sorted(goals, key=natural_key))
    return out


def merge_pdf(pdfs: Iterable[bytes], paper: Paper) -> bytes:
    """One PDF of ``paper`` sheets, each drawing centred in the printable area."""
    pypdf = extra("pdf")
    writer = pypdf.PdfWriter()
    sheet_w, sheet_h = paper.sheet
    for data in pdfs:
        src = pypdf.PdfReader(io.BytesIO(data)).pages[0]
        w, h = float(src.mediabox.width), float(src.mediabox.height)
        scale = min(1.0, paper.width / w, paper.height / h)
        page = writer.add_blank_page(width=sheet_w, height=sheet_h)
        tx = (sheet_w - w * scale) / 2
        ty = (sheet_h - h * scale) / 2
        page.merge_transformed_page(src, pypdf.Transformation().scale(scale).translate(tx, ty))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
