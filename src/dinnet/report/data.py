"""What the report shows, assembled from the graph and the findings (pure: no I/O, no SVG).

Everything here is plain data: the template formats it and the browser
script reads the node details (with their precomputed why- and how-chains)
as JSON.

>>> from dinnet.render._example import example_graph
>>> data = report_data(example_graph(), [])
>>> [p.id for p in data.programmes]
['mini']
>>> data.nodes["mini:E1"]["why"]
['mini:SD1.a', 'mini:SD1', 'mini:visie']
>>> data.programmes[0].coverage.cells[("mini:SD1", "mini:E1")]
'indirect'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..audit import RULES, SEVERITIES, Finding
from ..glossary import kind_word, words
from ..queries import SUPPORT_EDGES, budget_checks, goals_served, how, reach, why
from ..queries.budget import BudgetCheck
from ..render.labels import natural_key

__all__ = [
    "DIN_KINDS",
    "Coverage",
    "ProgrammeSection",
    "ReportData",
    "RuleCount",
    "coverage_matrix",
    "findings_by_node",
    "node_details",
    "report_data",
]

#: Kinds of node drawn in a DIN (and so clickable in the report).
DIN_KINDS = ("vision", "goal", "effort", "result", "project")

_LEVEL_ORDER = {"main": 0, "strategic": 1, "operational": 2}


@dataclass(frozen=True)
class Coverage:
    """The goals x efforts matrix of one programme.

    ``goals`` and ``efforts`` are node ids in reading order (goals by level,
    top-level efforts only: a sub-effort counts for its parent); ``cells``
    maps ``(goal, effort)`` to ``"direct"`` (the effort names the goal, or its
    track does: the text states it for the track as a whole) or
    ``"indirect"`` (through a sub-goal, sub-effort or result);
    ``indicators`` maps a goal to the indicators that measure it.
    """

    goals: tuple[str, ...]
    efforts: tuple[str, ...]
    cells: Mapping[tuple[str, str], str]
    indicators: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class RuleCount:
    """How often one audit rule fired."""

    name: str
    code: str
    severity: str
    summary: str
    count: int


@dataclass(frozen=True)
class ProgrammeSection:
    """Everything the report shows about one programme (except its pictures)."""

    id: str
    name: str
    attrs: Mapping[str, Any]
    counts: Mapping[str, int]
    findings: tuple[Finding, ...]
    severity_counts: Mapping[str, int]
    coverage: Coverage
    indicators: tuple[Mapping[str, Any], ...]
    budget: tuple[BudgetCheck, ...]
    not_in_text: tuple[Mapping[str, Any], ...]
    din_nodes: tuple[str, ...]
    budget_text: tuple[str, ...] = ()  # budget lines given only in words


@dataclass(frozen=True)
class ReportData:
    """The whole report: programmes, findings, rule counts and node details."""

    lang: str
    municipality: str
    programmes: tuple[ProgrammeSection, ...]
    findings: tuple[Finding, ...]
    rules: tuple[RuleCount, ...]
    nodes: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: A finding's node that the DIN does not draw (an indicator) -> the node it is shown on.
    shown_on: Mapping[str, str] = field(default_factory=dict)

    @property
    def severity_counts(self) -> dict[str, int]:
        """Findings per severity over all programmes."""
        return {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES}


def _sorted_nodes(nodes: Iterable[str]) -> list[str]:
    return sorted(nodes, key=natural_key)


def _programmes(G: nx.MultiDiGraph) -> list[str]:
    return sorted(n for n, k in G.nodes(data="kind") if k == "programme")


def _members(G: nx.MultiDiGraph, programme: str, *kinds: str) -> list[str]:
    return _sorted_nodes(n for n, d in G.nodes(data=True)
                         if d.get("programme") == programme and d.get("kind") in kinds)


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _pairs(mapping: Mapping[Any, Any] | None) -> list[list[Any]]:
    return [[int(y), _number(v)] for y, v in sorted((mapping or {}).items(), key=lambda kv: int(kv[0]))]


def _marked(d: Mapping[str, Any], series: str) -> list[list[Any]]:
    """``[year, value, word]`` per year: word is 'ruim', 'circa'... or '' (exact)."""
    words = {int(y): w for y, w in ((d.get("approximate") or {}).get(series) or {}).items()}
    return [[y, v, words.get(y, "")] for y, v in _pairs(d.get(series))]


def _indicator(G: nx.MultiDiGraph, ind: str) -> dict[str, Any]:
    d = G.nodes[ind]
    return {"id": ind, "label": d.get("label", ""), "unit": d.get("unit"),
            "baseline": _number(d.get("baseline_value")), "baselineYear": d.get("baseline_year"),
            "baselineApprox": d.get("baseline_approximate") or "",
            "targets": _marked(d, "targets"), "expected": _marked(d, "expected"),
            "realised": _marked(d, "realised"), "dataSource": d.get("data_source"),
            "direction": d.get("direction"), "source": d.get("source"),
            "goals": _sorted_nodes(v for _, v, k in G.out_edges(ind, keys=True) if k == "measures")}


def _measured_by(G: nx.MultiDiGraph, goal: str) -> list[str]:
    return _sorted_nodes(u for u, _, k in G.in_edges(goal, keys=True) if k == "measures")


def _links(G: nx.MultiDiGraph, node: str) -> list[dict[str, Any]]:
    out = []
    for direction, edges in (("out", G.out_edges(node, keys=True, data=True)),
                             ("in", G.in_edges(node, keys=True, data=True))):
        for u, v, kind, attrs in edges:
            if kind in SUPPORT_EDGES | {"serves"}:
                out.append({"dir": direction, "kind": kind, "other": v if direction == "out" else u,
                            "strength": attrs.get("strength"), "level": attrs.get("level"),
                            "inferred": bool(attrs.get("inferred")), "note": attrs.get("note"),
                            "source": attrs.get("source")})
    return sorted(out, key=lambda link: (link["dir"] != "out", link["kind"],
                                         natural_key(link["other"])))


def node_details(G: nx.MultiDiGraph, node: str, findings: Sequence[Finding] = (),
                 lang: str = "nl") -> dict[str, Any]:
    """What the side panel shows about ``node``, as JSON-ready data.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph from :func:`dinnet.load`.
    node : str
        A node id drawn in a DIN (vision, goal, effort, result or project).
    findings : sequence of Finding
        The audit findings about this node.
    lang : {"nl", "en"}
        Language of the kind name.

    Returns
    -------
    dict
        Label, kind, source, indicators, stakeholders, budget, links,
        findings and the ``why`` and ``how`` chains (node ids).

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> d = node_details(example_graph(), "mini:SD1.a", lang="en")
    >>> d["kindLabel"], [i["label"] for i in d["indicators"]], d["how"]
    ('operational goal', ['Fijnstof'], ['mini:E1', 'mini:P1'])
    """
    d = G.nodes[node]
    kind = d["kind"]
    track = d.get("track")
    return {
        "id": node,
        "local": node.split(":", 1)[1] if ":" in node else node,
        "programme": d.get("programme"),
        "kind": kind,
        "level": d.get("level"),
        "kindLabel": kind_word(kind, d.get("level"), lang),
        "label": d.get("label", ""),
        "text": d.get("text"),
        "note": d.get("note"),
        "source": d.get("source"),
        "open": bool(d.get("open")),
        "role": d.get("role"),
        "lijnproject": bool(d.get("lijnproject")),
        "planning": d.get("planning"),
        "track": G.nodes[track].get("label") if track and track in G else None,
        "budget": [[y, v, (d.get("budget_approximate") or {}).get(y, "")]
                   for y, v in _pairs(d.get("budget"))],
        "budgetText": d.get("budget_text"),
        "indicators": [_indicator(G, i) for i in _measured_by(G, node)] if kind == "goal" else [],
        "stakeholders": [{"id": u, "label": G.nodes[u].get("label", "")}
                         for u in _sorted_nodes(u for u, _, k in G.in_edges(node, keys=True)
                                                if k == "involved_in")],
        "links": _links(G, node),
        "findings": [{"rule": f.rule, "code": f.code, "severity": f.severity,
                      "message": f.text(lang), "source": f.source} for f in findings],
        "why": why(G, node),
        # a track in the chain (its goals are served through it) is drawn as a frame, not a
        # node: the chain shows its efforts, and the track link stays in "links"
        "how": [n for n in how(G, node) if G.nodes[n]["kind"] != "track"],
    }


def coverage_matrix(G: nx.MultiDiGraph, programme: str) -> Coverage:
    """The goals x efforts matrix of ``programme`` (see :class:`Coverage`).

    >>> from dinnet.render._example import example_graph
    >>> cov = coverage_matrix(example_graph(), "mini")
    >>> cov.goals, cov.efforts
    (('mini:SD1', 'mini:SD2', 'mini:SD1.a'), ('mini:E1', 'mini:E2'))
    >>> for cell in sorted(cov.cells.items()):
    ...     print(cell)
    (('mini:SD1', 'mini:E1'), 'indirect')
    (('mini:SD1.a', 'mini:E1'), 'direct')
    (('mini:SD2', 'mini:E2'), 'direct')
    """
    goals = sorted(_members(G, programme, "goal"),
                   key=lambda g: (_LEVEL_ORDER.get(G.nodes[g].get("level"), 1), natural_key(g)))
    efforts = [e for e in _members(G, programme, "effort")
               if not any(k == "part_of" and G.nodes[v].get("kind") == "effort"
                          for _, v, k in G.out_edges(e, keys=True))]
    goal_set = set(goals)
    cells: dict[tuple[str, str], str] = {}
    for e in efforts:
        # the effort itself, its sub-efforts and their results, and what they reach
        means = [n for n in reach(G, [e], SUPPORT_EDGES, forward=False)
                 if n == e or G.nodes[n].get("kind") in ("effort", "result")]
        direct = set(goals_served(G, e))
        reached = reach(G, means, SUPPORT_EDGES) & goal_set
        for g in reached:
            cells[(g, e)] = "direct" if g in direct else "indirect"
    return Coverage(tuple(goals), tuple(efforts), cells,
                    {g: tuple(_measured_by(G, g)) for g in goals})


def findings_by_node(G: nx.MultiDiGraph, findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings per DIN node; an indicator's findings count for the goals it measures.

    >>> from dinnet.render._example import example_graph
    >>> f = Finding("mini", "DIN201", "mini:SD1.a.i1", "indicator-without-baseline", "warning",
    ...             "no baseline", "mini.txt:6")
    >>> list(findings_by_node(example_graph(), [f]))
    ['mini:SD1.a']
    """
    out: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.node is None or f.node not in G:
            continue
        if G.nodes[f.node].get("kind") == "indicator":
            for goal in _measures(G, f.node):
                out[goal].append(f)
        else:
            out[f.node].append(f)
    return dict(out)


def _measures(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The goals an indicator measures (none for other nodes or unknown ids)."""
    if node not in G or G.nodes[node].get("kind") != "indicator":
        return []
    return [goal for _, goal, k in G.out_edges(node, keys=True) if k == "measures"]


def _counts(G: nx.MultiDiGraph, programme: str) -> dict[str, int]:
    kinds = Counter(d.get("kind") for _, d in G.nodes(data=True) if d.get("programme") == programme)
    return {k: kinds.get(k, 0) for k in ("goal", "indicator", "effort", "result", "project",
                                        "stakeholder")}


def _section(G: nx.MultiDiGraph, programme: str, findings: Sequence[Finding],
             checks: Sequence[BudgetCheck]) -> ProgrammeSection:
    d = G.nodes[programme]
    mine = tuple(f for f in findings if f.programme == programme)
    attrs = {k: d.get(k) for k in ("municipality", "period", "date", "version", "kenmerk", "note",
                                   "roles", "roles_source", "source")}
    return ProgrammeSection(
        id=programme,
        name=d.get("label", programme),
        attrs=attrs,
        counts=_counts(G, programme),
        findings=mine,
        severity_counts={s: sum(f.severity == s for f in mine) for s in SEVERITIES},
        coverage=coverage_matrix(G, programme),
        indicators=tuple(_indicator(G, i) for i in _members(G, programme, "indicator")),
        budget=tuple(c for c in checks if c.programme == programme and c.group == "budgets"),
        not_in_text=tuple(d.get("not_in_text") or ()),
        din_nodes=tuple(_members(G, programme, *DIN_KINDS)),
        budget_text=tuple(f"{line['label']}: {line['text']}" for t in d.get("budgets") or ()
                          for line in t["lines"] if line.get("text") and not line.get("amounts")),
    )


def report_data(G: nx.MultiDiGraph, findings: Sequence[Finding] | None = None, *,
                lang: str = "nl") -> ReportData:
    """Assemble everything the report shows.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph from :func:`dinnet.load`.
    findings : sequence of Finding, optional
        The audit's findings; ``None`` runs :func:`dinnet.audit.run_audit`.
    lang : {"nl", "en"}
        Language of the fixed words in the data (kind names).

    Returns
    -------
    ReportData

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> data = report_data(example_graph())
    >>> data.programmes[0].counts["effort"], sorted(data.nodes)[:2]
    (2, ['mini:E1', 'mini:E2'])
    """
    words("report", lang)  # checks lang
    if findings is None:
        from ..audit import run_audit

        findings = run_audit(G)
    findings = tuple(findings)
    by_node = findings_by_node(G, findings)
    checks = budget_checks(G)
    sections = tuple(_section(G, p, findings, checks) for p in _programmes(G))
    nodes = {n: node_details(G, n, by_node.get(n, ()), lang)
             for s in sections for n in s.din_nodes}
    counts = Counter(f.rule for f in findings)
    rules = tuple(RuleCount(r.name, r.code, r.severity, r.text("summary", lang), counts[r.name])
                  for r in sorted(RULES.values(), key=lambda r: r.code) if counts[r.name])
    municipalities = sorted({str(s.attrs.get("municipality")) for s in sections
                             if s.attrs.get("municipality")})
    shown_on = {f.node: goals[0] for f in findings if f.node is not None and f.node not in nodes
                and (goals := _sorted_nodes(g for g in _measures(G, f.node) if g in nodes))}
    return ReportData(lang=lang, municipality=", ".join(municipalities), programmes=sections,
                      findings=findings, rules=rules, nodes=dict(sorted(nodes.items())),
                      shown_on=shown_on)
