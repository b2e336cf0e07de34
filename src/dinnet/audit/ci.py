"""Findings for CI and code review: SARIF 2.1.0, JUnit XML, GitHub and GitLab annotations.

Every format points at the YAML location of each finding (file, line,
column), so a code-scanning view, a test report or a merge request can show
it beside the line to change. Messages follow ``lang``; codes stay stable.

>>> from dinnet.audit import Finding
>>> f = Finding("zorg", "DIN104", "zorg:E1", "effort-without-goal", "error",
...             "no goal", "z.txt:3", ("zorg.yaml", 12, 5))
>>> print(format_github([f], "en"))
::error file=zorg.yaml,line=12,col=5,title=DIN104 effort-without-goal::no goal (source: z.txt:3)
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import quote
from xml.etree import ElementTree as ET

from ..glossary import term, words
from . import RULES, SEVERITIES, Finding
from .format import display_path, tally, where

__all__ = ["format_github", "format_gitlab", "format_junit", "format_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _version() -> str:
    try:
        return version("dinnet")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


def _message(f: Finding, lang: str) -> str:
    """The message with its source-text reference."""
    if f.source:
        return f"{f.text(lang)} ({words('report', lang)['source'].lower()}: {f.source})"
    return f.text(lang)


def format_sarif(findings: list[Finding], lang: str = "nl") -> str:
    """A SARIF 2.1.0 log: one run of dinnet, every rule, one result per finding."""
    rules = list(RULES.values())
    index = {r.name: i for i, r in enumerate(rules)}
    results = []
    for f in findings:
        result: dict = {
            "ruleId": f.code,
            "ruleIndex": index[f.rule],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": _message(f, lang)},
            "properties": {"programme": f.programme, "rule": f.rule,
                           "source": f.source, "node": f.node},
        }
        if f.location is not None:
            file, line, column = f.location
            location: dict = {"physicalLocation": {
                "artifactLocation": {"uri": quote(display_path(file))},  # a URI reference
                "region": {"startLine": line, "startColumn": column}}}
            if f.node:
                location["logicalLocations"] = [{"fullyQualifiedName": f.node}]
            result["locations"] = [location]
        results.append(result)
    driver = {
        "name": "dinnet",
        "version": _version(),
        "informationUri": "https://github.com/dinnet/dinnet/blob/main/docs/rules.md",
        "rules": [{
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": f"{r.text('title', lang)}: {r.text('summary', lang)}"},
            "fullDescription": {"text": " ".join(filter(None, (r.text("summary", lang),
                                                               r.text("detail", lang))))},
            "help": {"text": f"{r.text('why', lang)} {r.text('fix', lang)}"},
            "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
        } for r in rules],
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0",
           "runs": [{"tool": {"driver": driver}, "language": lang, "results": results}]}
    return json.dumps(log, ensure_ascii=False, indent=1)


def format_junit(findings: list[Finding], lang: str = "nl") -> str:
    """JUnit XML: one test case per rule, failing when it has errors or warnings.

    Findings of severity info are listed in the case's ``system-out`` and do not fail it.
    """
    suite = ET.Element("testsuite", name="dinnet audit", tests=str(len(RULES)))
    failures = 0
    for r in RULES.values():
        mine = [f for f in findings if f.rule == r.name]
        case = ET.SubElement(suite, "testcase", classname="dinnet.audit",
                             name=f"{r.code} {r.name}: {r.text('title', lang)}")
        lines = [f"{where(f)}: {f.severity}: {_message(f, lang)}" for f in mine]
        serious = [f for f in mine if f.severity != "info"]
        if serious:
            failures += 1
            worst = min((f.severity for f in serious), key=SEVERITIES.index)
            failure = ET.SubElement(case, "failure", type=worst,
                                    message=term("finding", lang, n=len(mine)))
            failure.text = "\n".join(lines)
        elif mine:
            ET.SubElement(case, "system-out").text = "\n".join(lines)
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    root = ET.Element("testsuites", name="dinnet audit", tests=str(len(RULES)),
                      failures=str(failures))
    root.append(suite)
    ET.SubElement(suite, "system-out").text = tally(findings, lang)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: list[Finding], lang: str = "nl") -> str:
    """GitHub Actions workflow commands: ``::error file=F,line=L,col=C,title=T::message``."""
    lines = []
    for f in findings:
        props = []
        if f.location is not None:
            file, line, column = f.location
            props += [f"file={_escape_property(display_path(file))}", f"line={line}",
                      f"col={column}"]
        props.append(f"title={_escape_property(f'{f.code} {f.rule}')}")
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::"
                     f"{_escape_data(_message(f, lang))}")
    return "\n".join(lines)


def format_gitlab(findings: list[Finding], lang: str = "nl") -> str:
    """A GitLab code quality report (a JSON list of issues with path, line and fingerprint).

    GitLab shows every issue in a file, so a finding without a YAML location (from a
    graph built in memory rather than loaded from files) is not in this report; the
    other formats list it.
    """
    issues = []
    for f in findings:
        if f.location is None:
            continue
        file, line = display_path(f.location[0]), f.location[1]
        key = "\0".join((f.code, f.programme, f.node or "", f.message, f.source or ""))
        issues.append({
            "description": f"{f.code} {f.rule}: {_message(f, lang)}",
            "check_name": f.code,
            "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
            "severity": _GITLAB_SEVERITY[f.severity],
            "location": {"path": file, "lines": {"begin": line}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=1)


