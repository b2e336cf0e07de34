"""Formatting findings as text, JSON or Markdown, in Dutch or English (the audit returns data).

Text lines start with the YAML location, as compilers and CI parse them:
``file:line:col: severity: CODE rule [node] message (source text)``. The
severity and the rule's code and name are stable English tokens in either
language; the message and the counts follow ``lang``.

>>> from dinnet.audit import Finding
>>> f = Finding("zorg", "DIN104", "zorg:E1", "effort-without-goal", "error",
...             "effort 'X' serves no goal", "z.txt:3", ("zorg.yaml", 12, 5))
>>> print(format_text([f], "en"))
zorg.yaml:12:5: error: DIN104 effort-without-goal [zorg:E1] effort 'X' serves no goal (source: z.txt:3)
1 finding: 1 error, 0 warnings, 0 info
>>> print(format_text([f]).splitlines()[-1])
1 bevinding: 1 fout, 0 waarschuwingen, 0 info
"""

from __future__ import annotations

import json
from pathlib import Path

from ..glossary import term, words
from . import RULES, SEVERITIES, Finding, summary

__all__ = ["FORMATS", "display_path", "format_findings", "format_json", "format_markdown",
           "format_text", "tally", "where"]

def display_path(file: str) -> str:
    """``file`` relative to the working directory when it lies below it, with ``/``.

    >>> display_path(str(Path.cwd() / "data" / "zorg.yaml"))
    'data/zorg.yaml'
    """
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_posix()
    return path.as_posix()


def where(f: Finding) -> str:
    """The finding's YAML location (``file:line:col``), else its source text, else its programme."""
    if f.location is not None:
        file, line, column = f.location
        return f"{display_path(file)}:{line}:{column}"
    return f.source or f.programme


def tally(findings: list[Finding], lang: str = "nl") -> str:
    """``3 findings: 1 error, 2 warnings, 0 info`` in ``lang``.

    >>> tally([], "nl")
    '0 bevindingen: 0 fouten, 0 waarschuwingen, 0 info'
    """
    counts = summary(findings)["severity"]
    return (f"{term('finding', lang, n=len(findings))}: "
            + ", ".join(term(s, lang, n=counts[s]) for s in SEVERITIES))


def format_text(findings: list[Finding], lang: str = "nl") -> str:
    """One line per finding, like a compiler: ``file:line:col: severity: CODE rule [node] message``."""
    lines = []
    label = words("report", lang)["source"].lower()
    for f in findings:
        node = f" [{f.node}]" if f.node else f" [{f.programme}]"
        source = f" ({label}: {f.source})" if f.source and f.location is not None else ""
        lines.append(f"{where(f)}: {f.severity}: {f.code} {f.rule}{node} {f.text(lang)}{source}")
    lines.append(tally(findings, lang))
    return "\n".join(lines)


def format_json(findings: list[Finding], lang: str = "nl") -> str:
    """``{"findings": [...], "summary": {...}}``; messages in ``lang``, YAML paths as shown."""
    rows = []
    for f in findings:
        row = f.as_dict() | {"message": f.text(lang), "title": RULES[f.rule].text("title", lang)}
        if row["file"] is not None:
            row["file"] = display_path(row["file"])
        rows.append(row)
    data = {"lang": lang, "findings": rows, "summary": summary(findings)}
    return json.dumps(data, ensure_ascii=False, indent=1)


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def format_markdown(findings: list[Finding], lang: str = "nl") -> str:
    """A Markdown table per programme, most severe first."""
    w = words("report", lang)
    out = ["# Audit", "", tally(findings, lang), ""]
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    head = [w["severity"], w["rule"], w["node"], w["message"], "YAML", w["source"]]
    for programme in sorted({f.programme for f in findings}):
        rows = sorted((f for f in findings if f.programme == programme),
                      key=lambda f: (rank[f.severity], f.code, f.node or "", f.message))
        out += [f"## {programme}", "", "| " + " | ".join(h.lower() for h in head) + " |",
                "| --- | --- | --- | --- | --- | --- |"]
        out += [f"| {term(f.severity, lang)} | {f.code} {f.rule}: "
                f"{_cell(RULES[f.rule].text('title', lang))} | {_cell(f.node)} "
                f"| {_cell(f.text(lang))} | {_cell(where(f) if f.location else '')} "
                f"| {_cell(f.source)} |" for f in rows]
        out.append("")
    return "\n".join(out)


#: The output formats of ``dinnet audit``: these three, and for CI those of :mod:`.ci`.
FORMATS: tuple[str, ...] = ("text", "json", "markdown", "sarif", "junit", "github", "gitlab")


def format_findings(findings: list[Finding], fmt: str, lang: str = "nl") -> str:
    """Format with one of :data:`FORMATS` in ``lang`` (``nl`` or ``en``)."""
    from . import ci

    formatters = {"text": format_text, "json": format_json, "markdown": format_markdown,
                  "sarif": ci.format_sarif, "junit": ci.format_junit,
                  "github": ci.format_github, "gitlab": ci.format_gitlab}
    if fmt not in formatters:
        raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return formatters[fmt](findings, lang)
