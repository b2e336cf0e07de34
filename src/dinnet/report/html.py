"""Write the report as one HTML page: Jinja2 with autoescape, inline CSS, JS and SVG.

The template, stylesheet and script are package data (``dinnet/report/assets``),
read with :mod:`importlib.resources` and inlined, so the page makes no request
of its own. A Content-Security-Policy ``<meta>`` allows nothing remote: no
``default-src``, images only as ``data:``, and only the one inline script whose
SHA-256 hash it names.

>>> json_script({"label": "</script><b>&"})
Markup('{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}')
>>> content_security_policy("x").split("; ")[:2]
["default-src 'none'", 'img-src data:']
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

from ..audit import RULES
from ..glossary import kind_word, words
from ..queries.chains import CHAIN_UP_EDGES
from ..render.labels import format_number
from .data import BUDGET_RULES, ReportData
from .figures import Figures
from .sparks import indicator_spark

__all__ = ["PageWriter", "asset", "content_security_policy", "json_script", "pack", "render_html"]

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}


def asset(name: str) -> str:
    """The text of one of the report's asset files (``report.css``, ``report.js``, ...).

    >>> "JSON.parse" in asset("report.js")
    True
    """
    return (resources.files("dinnet.report") / "assets" / name).read_text(encoding="utf-8")


def json_script(value: Any) -> Any:
    """``value`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>``, ``&`` and the line separators U+2028/U+2029 are written as
    ``\\u`` escapes, so neither ``</script>`` nor ``<!--`` can end or change the
    element; ``JSON.parse`` reads the same value back.
    """
    from markupsafe import Markup

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escaped in _JSON_ESCAPES.items():
        text = text.replace(char, escaped)
    return Markup(text)


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(script: str) -> str:
    """A policy that allows only the inline ``script`` (by hash), inline styles and ``data:`` images.

    >>> "'sha256-" in content_security_policy("let a = 1;")
    True
    """
    return "; ".join([
        "default-src 'none'",
        "img-src data:",
        "style-src 'unsafe-inline'",
        f"script-src 'sha256-{_sha256(script)}'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


@cache
def _environment() -> Any:
    from jinja2 import Environment, FunctionLoader, StrictUndefined

    env = Environment(loader=FunctionLoader(lambda name: asset(name)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["local"] = lambda node: node.split(":", 1)[1] if node and ":" in node else node
    env.filters["programme"] = lambda node: node.split(":", 1)[0]
    return env


#: Words of the side panel and the script (the rest of the page is written by the template).
_CLIENT_WORDS = ("details_empty", "why", "how", "indicators", "stakeholders", "budget", "source",
                 "findings", "links", "baseline", "targets", "unit", "data_source", "planning",
                 "role", "track", "text", "note", "search_none", "shown", "programme", "close",
                 "error", "warning", "info", "show_in_din", "open_elsewhere", "realised",
                 "expected")


def _closure(data: ReportData, start: set[str]) -> set[str]:
    """``start`` and every node a why- or how-chain from it passes through."""
    links, down = data.link_index
    seen = set(start)
    for step in (links, down):
        todo = list(start)
        while todo:
            for other in step.get(todo.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
    return seen


def _client_data(data: ReportData, on_page: set[str] | None = None) -> dict[str, Any]:
    """What the script needs: node details (of ``on_page`` and their chains) and the panel's words."""
    w = words("report", data.lang)
    keep = None if on_page is None else _closure(data, on_page)
    return {"lang": data.lang, "words": {k: w[k] for k in _CLIENT_WORDS},
            "programmes": {p.id: p.name for p in data.programmes},
            "upKinds": sorted(CHAIN_UP_EDGES),
            "nodes": {n: v for n, v in data.nodes.items() if keep is None or n in keep},
            "via": {n: v for n, v in data.via.items() if keep is None or n in keep}}


def pack(svg: str) -> str:
    """An SVG fragment gzip-compressed and base64-encoded, for the page to unpack when shown.

    >>> import base64, gzip
    >>> gzip.decompress(base64.b64decode(pack("<svg></svg>"))).decode()
    '<svg></svg>'
    """
    return base64.b64encode(gzip.compress(svg.encode("utf-8"), mtime=0)).decode("ascii")


def render_html(data: ReportData, figures: Figures, *, sections: Sequence[str] | None = None,
                pages: Mapping[str, str] | None = None, page: str | None = None,
                lazy: bool = False, charts: bool = True,
                progress: Callable[[int, int], None] | None = None) -> str:
    """The report page for ``data`` and its ``figures``.

    Parameters
    ----------
    data : ReportData
        From :func:`dinnet.report.report_data`.
    figures : Figures
        From :func:`dinnet.report.report_figures` (already escaped SVG).
    sections : sequence of str, optional
        The programmes whose sections (with DIN) this page holds; default all.
        An empty sequence makes an index page: overview, questions, findings.
    pages : mapping, optional
        For a report split into pages: programme id to its page's file name,
        and ``""`` to the index's. Links to other pages then go there.
    page : str, optional
        The file name of this page (with ``pages``).
    lazy : bool
        Pack each programme's section (DIN and tables) and the page's data
        with :func:`pack`; the page unpacks them in the browser, so a large
        report stays a fraction of the size.
    charts : bool
        Draw a sparkline per indicator.
    progress : callable, optional
        ``progress(done, total)`` after each programme's section is written.

    Returns
    -------
    str
        A complete HTML document.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> from dinnet.report.data import report_data
    >>> page = render_html(report_data(example_graph(), []), Figures(portfolio=""))
    >>> page.startswith("<!DOCTYPE html>"), "Content-Security-Policy" in page
    (True, True)
    """
    return PageWriter(data, figures, sections=sections, pages=pages, page=page, charts=charts,
                      progress=progress).html(lazy=lazy)


class PageWriter:
    """One report page, written in two steps: sections packed early, then the page.

    :func:`render_html` in two steps, so that a report can pack each
    programme's section (:meth:`pack`) as soon as its DIN is drawn, while
    worker processes still draw the others, instead of all of them at the
    end. The arguments are those of :func:`render_html`; ``figures.din`` may
    still be filling up, as long as a programme's DIN is there when its
    section is packed. :meth:`html` packs what is left and writes the page:
    the same text as :func:`render_html`.

    >>> from dinnet.render._example import example_graph
    >>> from dinnet.report.data import report_data
    >>> data, din = report_data(example_graph(), []), {}
    >>> writer = PageWriter(data, Figures(portfolio="", din=din))
    >>> din["mini"] = "<svg></svg>"
    >>> writer.pack("mini")
    >>> writer.html(lazy=True) == render_html(data, Figures(portfolio="", din=din), lazy=True)
    True
    """

    def __init__(self, data: ReportData, figures: Figures, *,
                 sections: Sequence[str] | None = None, pages: Mapping[str, str] | None = None,
                 page: str | None = None, charts: bool = True,
                 progress: Callable[[int, int], None] | None = None) -> None:
        from markupsafe import Markup

        script = asset("report.js")
        style = asset("report.css")
        for text in (script, style):
            if "</" in text:
                raise ValueError("an asset contains '</', which would end its element early")
        lang = data.lang
        by_id = {p.id: p for p in data.programmes}
        shown = [by_id[p] for p in sections] if sections is not None else list(data.programmes)
        on_page = {n for p in shown for n in p.din_nodes}

        def num(value: Any) -> str:
            return "" if value is None else format_number(value, lang)

        def href(programme: str | None, anchor: str) -> str:
            if pages is None:
                return f"#{anchor}"
            target = pages.get(programme or "", pages[""]) if programme else pages[""]
            return f"#{anchor}" if target == page else f"{target}#{anchor}"

        def tick(i: int) -> str:
            if progress is not None:
                progress(i, len(shown))
            return ""

        programme_of = data.shared.programme_of
        self.programme_of = lambda node: programme_of.get(node, node.split(":", 1)[0])
        self.shown, self.tick = shown, tick
        self.context = dict(
            d=data, w=words("report", lang), lang=lang, sections=shown,
            single=shown[0] if sections is not None and len(shown) == 1 else None,
            split=pages is not None, index_href=href(None, "overview"), href=href,
            on_page=on_page, names={p.id: p.name for p in data.programmes},
            kind=lambda kind, level=None: kind_word(kind, level, lang),
            num=num, charts=charts, spark=lambda i: Markup(indicator_spark(i, lang=lang)),
            mark={"good": "✓", "bad": "✗"},
            budget_rules=[RULES[r] for r in BUDGET_RULES if r in RULES],
            rule_code={r.name: r.code for r in RULES.values()},
            svg=lambda text: Markup(text or ""),
            figures=figures, tick=tick, pack=lambda text: pack(str(text)),
            csp=content_security_policy(script),
            style=Markup(style), script=Markup(script),
            client=json_script(_client_data(data, on_page if pages is not None else None)),
        )
        self.packed: dict[str, str] = {}

    def _render(self, template: str, context: Mapping[str, Any], **more: Any) -> str:
        env = _environment()
        env.filters["programme_of"] = self.programme_of  # the environment is shared: set it here
        return str(env.get_template(template).render(context, **more))

    def pack(self, programme: str) -> None:
        """Write and pack the section of ``programme`` (one of the page's); its DIN must be drawn."""
        p = next(p for p in self.shown if p.id == programme)
        self.packed[p.id] = pack(self._render("section.html.j2", self.context, p=p))

    def html(self, *, lazy: bool = False) -> str:
        """The whole page; ``lazy`` packs every section (those not packed yet, here)."""
        packed: dict[str, str] = {}
        context = self.context
        if lazy:
            for i, p in enumerate(self.shown, 1):
                if p.id not in self.packed:
                    self.pack(p.id)
                packed[p.id] = self.packed[p.id]
                self.tick(i)
            context = {**context, "tick": lambda i: ""}
        return self._render("report.html.j2", context, packed=packed)
