"""The report's pictures, drawn by :mod:`dinnet.render` and made fit to inline.

This is the only module of the report that runs Graphviz. Each DIN carries
the audit overlay; its nodes become focusable buttons (see
:func:`dinnet.report.svg.inline_svg`). Many DINs are drawn by several
processes at once (:func:`draw_dins`).

A DIN is drawn for :data:`SCREEN`, the report's DIN box in a window 1366 px
wide: fitted to that width its text must stay at least 9 px (ids, tags and
indicator lines 8 px). A DIN too wide for that is shown in parts, split as
``dinnet render --page`` splits for paper (:func:`dinnet.render.din_pages`):
per strategic goal, then per track. A DIN that fits on one such part is drawn
as that one part: the whole DIN, laid out narrower and taller for the box.

>>> from dinnet.render._example import example_graph
>>> figs = report_figures(example_graph())
>>> 'data-node="mini:SD1"' in figs.din["mini"], figs.portfolio.startswith("<svg")
(True, True)
"""

from __future__ import annotations

import html
import multiprocessing
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..audit import Finding, run_audit
from ..errors import DinnetError
from ..glossary import phrase
from ..render.dot import iter_din_dot, svg_id
from ..render.drawings import Drawings
from ..render.geometry import read_svg
from ..render.labels import natural_key
from ..render.overlay import gap_highlights
from ..render.pages import Page, Screen, din_pages, fits
from ..render.portfolio_map import portfolio_dot
from ..render.run import render
from ..render.select import DinPart, column_of, effort_track, select_din
from .svg import inline_svg

__all__ = ["REPORT_WRAP", "SCREEN", "Drawing", "Figures", "Progress", "din_svg", "draw_dins",
           "neighbourhoods", "portfolio_svg", "report_figures"]

#: Label width of the report's DINs, as a share of the full-size DIN's (:class:`DinPart`);
#: a DIN too wide with it is tried with narrower labels (:data:`SCREEN`) before it is split.
REPORT_WRAP = 0.45

#: The report's DIN box at a window 1366 px wide (report.css: the contents, then the report;
#: the details slide in over it): 1133 px, or about 1100 px with classic scroll bars (17 px,
#: of the page and of the box): a DIN or part of a DIN this wide or narrower shows its body
#: text at 9 px or more, ids and tags at 8 px or more.
SCREEN = Screen(1100, min_body=9.0, min_small=8.0, wraps=(REPORT_WRAP, 0.38))


#: ``progress(done, total)``, called after each step of a long task.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Figures:
    """Inline SVG fragments: the portfolio map and the DIN of each programme."""

    portfolio: str
    din: Mapping[str, str] = field(default_factory=dict)


def _node_map(G: nx.MultiDiGraph) -> dict[str, tuple[str, str]]:
    """Element id to (node id, label) for every node a DIN can draw, and its stub."""
    out: dict[str, tuple[str, str]] = {}
    first: dict[str, str] = {}  # a track: its first effort, the end its frame's links stand for
    for n, d in G.nodes(data=True):
        if d.get("kind") != "programme" and column_of(G, n) is not None:
            label = str(d.get("label", ""))
            out[svg_id(n)] = (n, label)
            out[svg_id(n, stub=True)] = (n, label)
        if d.get("kind") == "effort" and (track := effort_track(G, n)) is not None:
            first[track] = min(first.get(track, n), n, key=natural_key)
    for track, effort in first.items():
        out.setdefault(svg_id(track), (effort, str(G.nodes[track].get("label", ""))))
    return out


#: A DIN with more elements than this is shown whole, fitted to the box, not in
#: parts: finding parts that fit takes 50-300 ``dot`` runs for such a DIN
#: (docs/performance.md); the largest Almelo DIN has 69.
PARTS_MOST = 80


def din_svg(G: nx.MultiDiGraph, programme: str, *, lang: str = "nl",
            nodes: Mapping[str, tuple[str, str]] | None = None,
            findings: Sequence[Finding] | None = None,
            around: tuple[Mapping[str, Sequence[str]], Mapping[str, int]] | None = None,
            screen: Screen | None = None, cache: Drawings | None = None) -> str:
    """The DIN of ``programme`` with the audit overlay, as an SVG fragment for the report.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph from :func:`dinnet.load`.
    programme : str
        A programme id.
    lang : {"nl", "en"}
        Language of the diagram's headings.
    nodes : mapping, optional
        Element id to ``(node id, label)``; computed from ``G`` when omitted.
    findings : sequence of Finding, optional
        The audit's findings for the overlay; ``None`` runs the audit.
    around : tuple, optional
        ``(members, position)`` from :func:`neighbourhoods`: draw from the
        part of ``G`` around the programme, which is quicker in a large graph.
    screen : Screen, optional
        The box the DIN is shown in (default :data:`SCREEN`), laid out for
        its shape (tall: a screen scrolls). A DIN that cannot fit it with
        readable text is drawn in parts, unless it has more than
        :data:`PARTS_MOST` elements.
    cache : Drawings, optional
        Where ``dot``'s drawings are kept (:mod:`dinnet.render.drawings`):
        a DIN drawn before for the same text costs no ``dot`` run.

    Returns
    -------
    str
        An ``<svg>`` element whose nodes have ``data-node``, ``tabindex`` and
        ``role="button"``; ids of this programme's nodes are kept
        (``din-zorg--SD3``), all others are prefixed with ``fig-<programme>--``.
        A DIN in parts: one ``<div class="din-part">`` per part, each with
        an ``aria-label`` ("blad 2 van 5 · SD2 ...") and its ``<svg>``
        (scope ``fig-<programme>-p<n>``); a node drawn on several parts keeps
        its id on the first.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> svg = din_svg(example_graph(), "mini")
    >>> 'id="din-mini--E1"' in svg and 'role="button"' in svg
    True
    """
    nodes = _node_map(G) if nodes is None else nodes
    highlights = gap_highlights(G, programme, findings=findings)
    part = G if around is None else _around(G, programme, *around)
    own = _Own(G, programme, nodes)
    screen = SCREEN if screen is None else screen
    pieces = iter_din_dot(part, programme, lang=lang, highlight=highlights.nodes,
                          severity=highlights.severity,
                          part=DinPart(wrap=screen.wraps[0], aspect=screen.aspect))
    whole = ET.fromstring(render(pieces, "svg", cache=cache))  # parsed once, read twice
    if (fits(read_svg(whole, shapes=False), screen)  # most DINs: one dot run
            or len(select_din(part, programme).nodes) > PARTS_MOST):
        return inline_svg(whole, scope=f"fig-{programme}", nodes=nodes, keep=own)
    try:  # narrower labels, else in parts
        pages = din_pages(part, programme, screen, lang=lang, highlight=highlights.nodes,
                          severity=highlights.severity, cache=cache)
    except DinnetError:  # a part that cannot fit either: the whole DIN, fitted to the box
        return inline_svg(whole, scope=f"fig-{programme}", nodes=nodes, keep=own)
    if len(pages) == 1:
        return inline_svg(_drawn(pages[0], cache), scope=f"fig-{programme}", nodes=nodes, keep=own)
    used: set[str] = set()
    out = []
    for page in pages:
        where = phrase("din.page", lang, page=page.part.number, pages=page.part.total)
        if page.strategic_goal is not None:
            goal = page.strategic_goal
            where += f" · {goal.split(':', 1)[1]} {G.nodes[goal].get('label', '')}"
        svg = inline_svg(_drawn(page, cache), scope=f"fig-{programme}-p{page.part.number}",
                         nodes=nodes, keep=_Once(own, used))
        out.append(f'<div class="din-part" role="group" aria-label="{html.escape(where)}">'
                   f"{svg}</div>")
    return "".join(out)


def _around(G: nx.MultiDiGraph, programme: str, members: Mapping[str, Sequence[str]],
            position: Mapping[str, int]) -> nx.MultiDiGraph:
    """The part of ``G`` a programme's DIN can touch: its nodes and all within two links.

    The DIN's selection looks over every node of the graph for the
    programme's members; on this part it looks over a few hundred instead of
    a region's tens of thousands, and draws the same picture
    (``tests/report/test_parts.py`` compares them). Nodes and links keep
    the graph's order (``position``: node to its place in ``G``).
    """
    near = set(members.get(programme, ())) | {programme}
    for _ in range(2):
        near |= {m for n in list(near) for adj in (G._succ[n], G._pred[n]) for m in adj}
    near |= {G._node[n].get("programme") for n in list(near)} - {None}
    ordered = sorted(near, key=position.__getitem__)
    H = nx.MultiDiGraph()
    H.graph = G.graph
    H.add_nodes_from((n, G._node[n]) for n in ordered)
    H.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(ordered, keys=True, data=True)
                     if v in near)
    return H


def _drawn(page: Page, cache: Drawings | None = None) -> bytes:
    return page.svg() if page.svg is not None else render(page.text(), "svg", cache=cache)


class _Once(Container[str]):
    """The ids of ``own`` not kept before: a node on several parts keeps its id on the first."""

    def __init__(self, own: Container[str], used: set[str]) -> None:
        self.own, self.used = own, used

    def __contains__(self, key: object) -> bool:
        if key in self.used or key not in self.own:
            return False
        self.used.add(str(key))
        return True


class _Own(Container[str]):
    """The element ids of ``programme``'s own nodes (not stubs): they keep their ids."""

    def __init__(self, G: nx.MultiDiGraph, programme: str,
                 nodes: Mapping[str, tuple[str, str]]) -> None:
        self.G, self.programme, self.nodes = G, programme, nodes

    def __contains__(self, key: object) -> bool:
        entry = self.nodes.get(key) if isinstance(key, str) else None
        node = entry[0] if entry is not None else None
        return (node is not None and key == svg_id(node)
                and self.G.nodes[node].get("programme") == self.programme)


_WORK: dict[str, Any] = {}


def _draw_one(programme: str) -> tuple[str, str]:
    """Draw one DIN in a worker process (the graph came with the fork)."""
    w = _WORK
    return _draw(w["G"], programme, w["lang"], w["nodes"], w["findings"], w["around"],
                 w["cache"])


def _workers(jobs: int | None, count: int) -> int:
    if jobs is None:
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    # a pool costs a fork and the pickling of each picture: worth it from eight DINs on
    return max(1, min(jobs, count // 4)) if count >= 8 else 1


class Drawing:
    """DINs being drawn, by worker processes where that helps, while this process goes on.

    Use it as a context manager: the workers start on entering (they get the
    graph with the fork, not by pickling it), :meth:`results` collects the
    pictures, and leaving the block stops the workers. With one worker (or a
    few DINs) :meth:`results` simply draws them here. ``cache`` keeps the
    drawings (:mod:`dinnet.render.drawings`); leaving the block prunes it.

    >>> from dinnet.render._example import example_graph
    >>> with Drawing(example_graph(), ["mini"]) as drawing:
    ...     svgs = drawing.results()
    >>> list(svgs)
    ['mini']
    """

    def __init__(self, G: nx.MultiDiGraph, programmes: Sequence[str], *, lang: str = "nl",
                 findings: Sequence[Finding] | None = None, jobs: int | None = None,
                 cache: Drawings | None = None) -> None:
        self.G, self.programmes, self.lang = G, list(programmes), lang
        self.cache = cache
        if cache is not None:
            cache.fingerprint  # noqa: B018 - worked out here, so the workers inherit it
        self.findings = run_audit(G) if findings is None else findings
        self.nodes = _node_map(G)
        self.around = neighbourhoods(G)
        self.workers = _workers(jobs, len(self.programmes))
        if "fork" not in multiprocessing.get_all_start_methods():
            self.workers = 1
        self.pool: Any = None
        self.pending: Any = None

    def __enter__(self) -> Drawing:
        if self.workers > 1:
            from concurrent.futures import ProcessPoolExecutor

            _WORK.update(G=self.G, lang=self.lang, nodes=self.nodes, findings=self.findings,
                         around=self.around, cache=self.cache)
            context = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
            self.pending = self.pool.map(_draw_one, self.programmes, chunksize=2)
        return self

    def results(self, progress: Progress | None = None) -> dict[str, str]:
        """Programme id to SVG fragment, in the order given; ``progress(done, total)`` per DIN."""
        return dict(self.each(progress))

    def each(self, progress: Progress | None = None) -> Iterator[tuple[str, str]]:
        """``(programme id, SVG fragment)`` in the order given, each as soon as it is drawn."""
        total = len(self.programmes)
        if self.pending is None:
            drawn = (_draw(self.G, p, self.lang, self.nodes, self.findings, self.around,
                           self.cache) for p in self.programmes)
        else:
            drawn = self.pending
        for i, (p, svg) in enumerate(drawn, 1):
            yield p, svg
            if progress:
                progress(i, total)

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None
        _WORK.clear()
        if self.cache is not None:
            self.cache.prune()


def neighbourhoods(G: nx.MultiDiGraph) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Each programme's node ids, and each node's place in ``G`` (for :func:`din_svg`)."""
    members: dict[str, list[str]] = {}
    position: dict[str, int] = {}
    for i, (n, p) in enumerate(G.nodes(data="programme")):
        position[n] = i
        if p is not None:
            members.setdefault(p, []).append(n)
    return members, position


def _draw(G: nx.MultiDiGraph, programme: str, lang: str, nodes: Mapping[str, tuple[str, str]],
          findings: Sequence[Finding], around: Any,
          cache: Drawings | None = None) -> tuple[str, str]:
    return programme, din_svg(G, programme, lang=lang, nodes=nodes, findings=findings,
                              around=around, cache=cache)


def draw_dins(G: nx.MultiDiGraph, programmes: Sequence[str], *, lang: str = "nl",
              findings: Sequence[Finding] | None = None, jobs: int | None = None,
              progress: Progress | None = None, cache: Drawings | None = None) -> dict[str, str]:
    """The DIN of each of ``programmes`` (see :func:`din_svg`), drawn in parallel where that helps.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph from :func:`dinnet.load`.
    programmes : sequence of str
        Programme ids.
    lang : {"nl", "en"}
        Language of the diagrams' headings.
    findings : sequence of Finding, optional
        The audit's findings for the overlay; ``None`` runs the audit.
    jobs : int, optional
        Processes to draw with (default: the CPUs this process may use). Each
        DIN is one ``dot`` run plus the Python that writes its DOT text and
        rewrites its SVG, so two processes on two cores draw nearly twice as
        fast; below eight DINs everything stays in this process.
    progress : callable, optional
        Called as ``progress(done, total)`` after every DIN.
    cache : Drawings, optional
        Where ``dot``'s drawings are kept (:mod:`dinnet.render.drawings`).

    Returns
    -------
    dict
        Programme id to SVG fragment, in the order of ``programmes``.
    """
    with Drawing(G, programmes, lang=lang, findings=findings, jobs=jobs, cache=cache) as drawing:
        return drawing.results(progress)


#: Up to this many programmes the portfolio is one map; more get one map per municipality
#: (a circle of a region's 140 programmes is neither legible nor quick to lay out).
PORTFOLIO_AT_ONCE = 24


def portfolio_svg(G: nx.MultiDiGraph, *, lang: str = "nl", cache: Drawings | None = None) -> str:
    """The portfolio map as SVG whose programme boxes select their programme.

    Above :data:`PORTFOLIO_AT_ONCE` programmes, one map per municipality, one
    after the other.
    """
    every = sorted(n for n, k in G.nodes(data="kind") if k == "programme")
    if len(every) <= PORTFOLIO_AT_ONCE:
        groups = {"": every}
    else:
        groups = {}
        for p in every:
            groups.setdefault(str(G.nodes[p].get("municipality") or ""), []).append(p)
    members: dict[str, list[str]] = {}
    if len(groups) > 1:
        for n, p in G.nodes(data="programme"):
            if p is not None:
                members.setdefault(p, []).append(n)
    out = []
    for i, (_, programmes) in enumerate(sorted(groups.items(), key=lambda kv: natural_key(kv[0]))):
        part = G if len(groups) == 1 else G.subgraph([n for p in programmes for n in members[p]])
        out.append(inline_svg(render(portfolio_dot(part, lang=lang), "svg", cache=cache),
                              scope="portfolio" if i == 0 else f"portfolio-{i + 1}",
                              nodes={f"prog-{p}": (p, str(G.nodes[p].get("label", p)))
                                     for p in programmes}, keep=()))
    return "".join(out)


def report_figures(G: nx.MultiDiGraph, *, lang: str = "nl",
                   findings: Sequence[Finding] | None = None, programmes: Sequence[str] | None = None,
                   jobs: int | None = None, progress: Progress | None = None,
                   cache: Drawings | None = None) -> Figures:
    """The portfolio map and the DINs of ``programmes`` (default: all); ``cache`` keeps
    ``dot``'s drawings (:mod:`dinnet.render.drawings`)."""
    every = sorted(n for n, k in G.nodes(data="kind") if k == "programme")
    din = draw_dins(G, every if programmes is None else programmes, lang=lang,
                    findings=findings, jobs=jobs, progress=progress, cache=cache)
    return Figures(portfolio=portfolio_svg(G, lang=lang, cache=cache), din=din)
