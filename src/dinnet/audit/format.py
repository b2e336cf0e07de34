"""Formatting findings as text, JSON or Markdown (the audit itself returns data).

>>> from dinnet.audit import Finding
>>> f = Finding("zorg", "DIN101", "zorg:HO1", "goal-without-effort", "error",
...             "no effort contributes to main goal 'X'", "07-zorg.txt:150")
>>> print(format_text([f]))
07-zorg.txt:150: error: DIN101 goal-without-effort [zorg:HO1] no effort contributes to main goal 'X'
1 finding: 1 error, 0 warnings, 0 info
"""

from __future__ import annotations

import json

from . import SEVERITIES, Finding, summary

__all__ = ["FORMATS", "format_findings", "format_json", "format_markdown", "format_text"]


def _tally(findings: list[Finding]) -> str:
    counts = summary(findings)["severity"]
    n = len(findings)
    return (f"{n} finding{'s' if n != 1 else ''}: {counts['error']} error"
            f"{'s' if counts['error'] != 1 else ''}, {counts['warning']} warning"
            f"{'s' if counts['warning'] != 1 else ''}, {counts['info']} info")


def format_text(findings: list[Finding]) -> str:
    """One line per finding, like a compiler: ``source: severity: CODE rule [node] message``."""
    lines = []
    for f in findings:
        where = f.source or f.programme
        node = f" [{f.node}]" if f.node else f" [{f.programme}]"
        lines.append(f"{where}: {f.severity}: {f.code} {f.rule}{node} {f.message}")
    lines.append(_tally(findings))
    return "\n".join(lines)


def format_json(findings: list[Finding]) -> str:
    """``{"findings": [...], "summary": {...}}``."""
    data = {"findings": [f.as_dict() for f in findings], "summary": summary(findings)}
    return json.dumps(data, ensure_ascii=False, indent=1)


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def format_markdown(findings: list[Finding]) -> str:
    """A Markdown table per programme, most severe first."""
    out = ["# Audit", "", _tally(findings), ""]
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    for programme in sorted({f.programme for f in findings}):
        rows = sorted((f for f in findings if f.programme == programme),
                      key=lambda f: (rank[f.severity], f.code, f.node or "", f.message))
        out += [f"## {programme}", "", "| severity | rule | node | message | source |",
                "| --- | --- | --- | --- | --- |"]
        out += [f"| {f.severity} | {f.code} {f.rule} | {_cell(f.node)} | {_cell(f.message)} "
                f"| {_cell(f.source)} |" for f in rows]
        out.append("")
    return "\n".join(out)


FORMATS = {"text": format_text, "json": format_json, "markdown": format_markdown}


def format_findings(findings: list[Finding], fmt: str) -> str:
    """Format with one of :data:`FORMATS`."""
    return FORMATS[fmt](findings)
