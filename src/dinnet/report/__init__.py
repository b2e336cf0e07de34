"""The self-contained HTML report: one file with the DINs, the audit and the charts.

The report is built in three steps, each its own module: :mod:`.data`
assembles what to show from the graph and the findings (pure),
:mod:`.figures` draws the pictures with :mod:`dinnet.render`, and
:mod:`.html` writes the page with Jinja2 (autoescape on), inlining the CSS,
the script and the SVG. The page makes no network request at all.

>>> from dinnet.render._example import example_graph
>>> page = build_report(example_graph(), charts=False)
>>> "<script>alert" in page, 'data-node="mini:SD1"' in page
(False, True)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence

import networkx as nx

from ..audit import Finding, run_audit
from ..render.drawings import Drawings
from .data import ReportData, coverage_matrix, node_details, report_data
from .figures import Drawing, Figures, din_svg, draw_dins, portfolio_svg, report_figures
from .html import PageWriter, content_security_policy, json_script, render_html
from .svg import inline_svg

__all__ = [
    "LAZY_BYTES",
    "Figures",
    "ReportData",
    "build_pages",
    "build_report",
    "content_security_policy",
    "coverage_matrix",
    "din_svg",
    "draw_dins",
    "inline_svg",
    "iter_pages",
    "json_script",
    "node_details",
    "page_names",
    "render_html",
    "report_data",
    "report_figures",
]

#: ``progress(step, done, total)``: ``step`` is ``"drawing"`` or ``"writing"``.
StepProgress = Callable[[str, int, int], None]

#: Above this many bytes of DIN drawings a page packs its programme sections (gzip,
#: base64) and the browser unpacks them: a region's report then stays a fraction of the size.
LAZY_BYTES = 4_000_000


def _step(progress: StepProgress | None, step: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(step, done, total)


def _lazy(figures: Figures, lazy: bool | None) -> bool:
    if lazy is None:
        return sum(len(svg) for svg in figures.din.values()) > LAZY_BYTES
    return lazy


def _prepare(G: nx.MultiDiGraph, findings: Sequence[Finding] | None, lang: str,
             jobs: int | None, progress: StepProgress | None,
             as_of: dt.date | None = None,
             cache: Drawings | None = None) -> tuple[ReportData, Figures]:
    """The report's data and pictures; the data is assembled while worker processes draw."""
    findings = run_audit(G) if findings is None else findings
    programmes = sorted(n for n, k in G.nodes(data="kind") if k == "programme")
    with Drawing(G, programmes, lang=lang, findings=findings, jobs=jobs, cache=cache) as drawing:
        data = report_data(G, findings, lang=lang, as_of=as_of)
        portfolio = portfolio_svg(G, lang=lang, cache=cache)
        din = drawing.results(_step(progress, "drawing"))
    return data, Figures(portfolio=portfolio, din=din)


def _one_page(G: nx.MultiDiGraph, findings: Sequence[Finding] | None, lang: str, charts: bool,
              lazy: bool | None, jobs: int | None, progress: StepProgress | None,
              as_of: dt.date | None, cache: Drawings | None = None) -> str:
    """:func:`build_report`: each section is packed as soon as its DIN is drawn.

    While worker processes draw, this process assembles the data, draws the
    portfolio and then packs the section of every DIN that comes back (once
    the page is known to be packed: ``lazy``, or the DINs so far are larger
    than :data:`LAZY_BYTES`), so that little is left to do after the last DIN.
    """
    findings = run_audit(G) if findings is None else findings
    programmes = sorted(n for n, k in G.nodes(data="kind") if k == "programme")
    din: dict[str, str] = {}
    with Drawing(G, programmes, lang=lang, findings=findings, jobs=jobs, cache=cache) as drawing:
        data = report_data(G, findings, lang=lang, as_of=as_of)
        figures = Figures(portfolio=portfolio_svg(G, lang=lang, cache=cache), din=din)
        writer = PageWriter(data, figures, charts=charts, progress=_step(progress, "writing"))
        size, waiting = 0, []
        for p, svg in drawing.each(_step(progress, "drawing")):
            din[p] = svg
            size += len(svg)
            waiting.append(p)
            if lazy or (lazy is None and size > LAZY_BYTES):
                for q in waiting:
                    writer.pack(q)
                waiting.clear()
    return writer.html(lazy=_lazy(figures, lazy))


def build_report(G: nx.MultiDiGraph, findings: Sequence[Finding] | None = None, *,
                 lang: str = "nl", charts: bool = True, lazy: bool | None = None,
                 jobs: int | None = None, progress: StepProgress | None = None,
                 as_of: dt.date | None = None, cache: Drawings | None = None) -> str:
    """The whole report for ``G`` as one HTML document.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph from :func:`dinnet.load`.
    findings : sequence of Finding, optional
        The audit's findings; ``None`` runs :func:`dinnet.audit.run_audit`.
    lang : {"nl", "en"}
        Language of headings and fixed words (data stays as written).
    charts : bool
        Draw a sparkline per indicator.
    lazy : bool, optional
        Pack each programme's section and the page's data (gzip, base64) for
        the browser to unpack; default: when the DINs are larger than
        :data:`LAZY_BYTES` together.
    jobs : int, optional
        Processes that draw the DINs (see :func:`draw_dins`).
    progress : callable, optional
        ``progress(step, done, total)`` during the long steps.
    as_of : datetime.date, optional
        The date of the *Voortgang* of each programme with measurements
        (:mod:`dinnet.report.monitoring`); default: today.
    cache : Drawings, optional
        Keep ``dot``'s drawings here and take those drawn before from here
        (:mod:`dinnet.render.drawings`; ``dinnet report`` uses the cache
        folder): the same page, fewer ``dot`` runs.

    Returns
    -------
    str
        HTML with inline CSS, script and SVG; write it with
        :func:`dinnet.io.output.write_output`.
    """
    return _one_page(G, findings, lang, charts, lazy, jobs, progress, as_of, cache)


def page_names(programmes: Iterable[str]) -> dict[str, str]:
    """The file name of each programme's page in a split report, beside ``index.html``.

    A programme's page is ``<id>.html``; a name that would be taken twice, even
    only on a file system that ignores case (``index``, ``Zorg`` beside ``zorg``),
    gets the first free ``-2``, ``-3``, ... in the order of the ids.

    >>> page_names(["zorg", "index"])
    {'index': 'index-2.html', 'zorg': 'zorg.html'}
    """
    ids = sorted(set(programmes), key=lambda i: (i.casefold(), i != i.casefold(), i))
    taken = {"index"}
    wanted = {i.casefold() for i in ids}
    names: dict[str, str] = {}
    for i in ids:
        stem, n = i, 1
        while stem.casefold() in taken or (n > 1 and stem.casefold() in wanted):
            n += 1
            stem = f"{i}-{n}"
        taken.add(stem.casefold())
        names[i] = f"{stem}.html"
    return names


def build_pages(G: nx.MultiDiGraph, findings: Sequence[Finding] | None = None, *,
                lang: str = "nl", charts: bool = True, lazy: bool | None = False,
                jobs: int | None = None, progress: StepProgress | None = None,
                as_of: dt.date | None = None, cache: Drawings | None = None) -> dict[str, str]:
    """The report split into pages: ``index.html`` and one page per programme.

    The index holds the overview, the auditor's questions and all findings;
    each programme's page its DIN, findings, coverage, indicators and budget.
    The pages link to each other by relative file names, so the folder works
    offline and can be moved as a whole. Parameters as :func:`build_report`.

    Returns
    -------
    dict
        File name to HTML text.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> sorted(build_pages(example_graph()))
    ['index.html', 'mini.html']
    """
    return dict(iter_pages(G, findings, lang=lang, charts=charts, lazy=lazy, jobs=jobs,
                           progress=progress, as_of=as_of, cache=cache))


def iter_pages(G: nx.MultiDiGraph, findings: Sequence[Finding] | None = None, *,
               lang: str = "nl", charts: bool = True, lazy: bool | None = False,
               jobs: int | None = None, progress: StepProgress | None = None,
               as_of: dt.date | None = None,
               cache: Drawings | None = None) -> Iterator[tuple[str, str]]:
    """The pages of :func:`build_pages` one by one, ``(file name, HTML)``, to write as they come."""
    data, figures = _prepare(G, findings, lang, jobs, progress, as_of, cache)
    packed = _lazy(figures, lazy)
    pages = page_names(p.id for p in data.programmes) | {"": "index.html"}
    total = len(data.programmes) + 1
    yield "index.html", render_html(data, figures, sections=(), pages=pages, page="index.html",
                                    charts=charts)
    if progress:
        progress("writing", 1, total)
    for i, p in enumerate(data.programmes, 2):
        yield pages[p.id], render_html(data, figures, sections=(p.id,), pages=pages,
                                       page=pages[p.id], lazy=packed, charts=charts)
        if progress:
            progress("writing", i, total)
