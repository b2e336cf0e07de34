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
import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

from ..glossary import kind_word, words
from ..render.labels import format_number
from .data import ReportData
from .figures import Figures

__all__ = ["asset", "content_security_policy", "json_script", "render_html"]

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}


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
    return Markup(text.translate(_JSON_ESCAPES))


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
    return env


def _client_data(data: ReportData) -> dict[str, Any]:
    """What the script needs: node details and the words of the side panel."""
    w = words("report", data.lang)
    keys = ("details_empty", "why", "how", "indicators", "stakeholders", "budget", "source",
            "findings", "links", "baseline", "targets", "unit", "data_source", "planning",
            "role", "track", "text", "note", "search_none", "shown", "programme", "close",
            "error", "warning", "info", "show_in_din", "realised", "expected")
    return {"lang": data.lang, "words": {k: w[k] for k in keys},
            "programmes": {p.id: p.name for p in data.programmes},
            "nodes": data.nodes}


def render_html(data: ReportData, figures: Figures) -> str:
    """The report page for ``data`` and its ``figures``.

    Parameters
    ----------
    data : ReportData
        From :func:`dinnet.report.report_data`.
    figures : Figures
        From :func:`dinnet.report.report_figures` (already escaped SVG).

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
    from markupsafe import Markup

    script = asset("report.js")
    style = asset("report.css")
    for text in (script, style):
        if "</" in text:
            raise ValueError("an asset contains '</', which would end its element early")
    lang = data.lang

    def num(value: Any) -> str:
        return "" if value is None else format_number(value, lang)

    template = _environment().get_template("report.html.j2")
    return str(template.render(
        d=data, w=words("report", lang), lang=lang,
        kind=lambda kind, level=None: kind_word(kind, level, lang),
        num=num,
        svg=lambda text: Markup(text or ""),
        figures=figures,
        csp=content_security_policy(script),
        style=Markup(style), script=Markup(script),
        client=json_script(_client_data(data)),
    ))
