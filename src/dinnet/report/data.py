"""What the report shows, assembled from the graph and the findings (pure: no I/O, no SVG).

Everything here is plain data: the template formats it and the browser
script reads the node details as JSON. A node's details hold its outgoing
links only; the script inverts them and walks them for the why- and
how-chains (along :data:`dinnet.queries.chains.CHAIN_UP_EDGES`, as
:func:`dinnet.queries.why` and :func:`~dinnet.queries.how` do), so the page
does not carry every chain of every node.

>>> from dinnet.render._example import example_graph
>>> data = report_data(example_graph(), [])
>>> [p.id for p in data.programmes]
['mini']
>>> data.nodes["mini:E1"]["links"]
[['contributes_to', 'mini:SD1.a', 'mini.txt:1'], ['part_of', 'mini:S1', 'mini.txt:1']]
>>> data.programmes[0].coverage.cells[("mini:SD1", "mini:E1")]
'indirect'
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx

from ..audit import RULES, SEVERITIES, Finding
from ..glossary import kind_word, words
from ..queries import (
    SUPPORT_EDGES,
    budget_checks,
    double_claims,
    goals_served,
    goals_without_effort,
    reach,
    shared_efforts,
    shared_stakeholders,
)
from ..queries.budget import BudgetCheck
from ..queries.chains import CHAIN_UP_EDGES
from ..render.labels import natural_key
from .monitoring import ProgressSection, progress_section

__all__ = [
    "BUDGET_RULES",
    "DIN_KINDS",
    "BudgetRow",
    "Coverage",
    "ProgrammeSection",
    "ReportData",
    "RuleCount",
    "Shared",
    "coverage_matrix",
    "findings_by_node",
    "node_details",
    "report_data",
]

#: Kinds of node drawn in a DIN (and so clickable in the report).
DIN_KINDS = ("vision", "goal", "effort", "result", "project")

_LEVEL_ORDER = {"main": 0, "strategic": 1, "operational": 2}
_SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}
#: The audit rules about budget tables (the budget view filters by them).
BUDGET_RULES = ("budget-mismatch", "budget-tables-disagree")


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
class BudgetRow:
    """One year of one budget table, with its state and the budget rules that concern it.

    ``state`` is the check's: ``"ok"`` (the printed total equals the sum of the
    lines), ``"mismatch"``, ``"approximate"`` (the total or a line is printed as
    'ruim', 'circa': not compared) or ``"no_total"`` (the table prints no total for
    the year, so there is nothing to check). ``rules`` names the budget rules whose
    findings concern the row: ``budget-mismatch`` for its own total,
    ``budget-tables-disagree`` when its programme's tables disagree.
    """

    check: BudgetCheck
    state: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Shared:
    """What programmes share: efforts serving several goals, stakeholders, double claims.

    ``efforts`` maps an effort to the goals it contributes to directly (two
    or more); ``claims`` maps an effort or indicator to the programmes whose
    goals it is credited to (two or more); ``stakeholders`` maps a normalised
    name to the stakeholder nodes of several programmes that carry it.
    """

    efforts: Mapping[str, tuple[str, ...]]
    claims: Mapping[str, tuple[str, ...]]
    stakeholders: Mapping[str, tuple[str, ...]]
    #: A double-claimed effort or indicator -> the goals it is credited to.
    claimed_goals: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Labels (and programmes) of every node named above.
    labels: Mapping[str, str] = field(default_factory=dict)
    programme_of: Mapping[str, str] = field(default_factory=dict)


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
    budget: tuple[BudgetRow, ...]
    not_in_text: tuple[Mapping[str, Any], ...]
    din_nodes: tuple[str, ...]
    #: Goals no effort reaches (open goals included), in reading order.
    goals_without_effort: tuple[str, ...] = ()
    budget_text: tuple[str, ...] = ()  # budget lines given only in words
    progress: ProgressSection | None = None  # Voortgang: only when something was measured

    @property
    def budget_state(self) -> str:
        """``"mismatch"``, ``"ok"``, ``"approximate"``, ``"no_total"`` (tables without printed
        totals) or ``"none"``."""
        states = {row.state for row in self.budget}
        for state in ("mismatch", "ok", "approximate", "no_total"):
            if state in states:
                return state
        return "none"


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
    #: Nodes not drawn that a chain passes through (tracks) -> their links up.
    via: Mapping[str, list[list[str]]] = field(default_factory=dict)
    shared: Shared = field(default_factory=lambda: Shared({}, {}, {}))

    @property
    def severity_counts(self) -> dict[str, int]:
        """Findings per severity over all programmes."""
        return {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES}

    @cached_property
    def link_index(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Every node's links up (node ids) and, inverted, down; for the pages of a split report."""
        up = {n: [link[1] for link in d.get("links", ())] for n, d in self.nodes.items()}
        up.update({n: [link[1] for link in v] for n, v in self.via.items()})
        down: dict[str, list[str]] = {}
        for n, ups in up.items():
            for u in ups:
                down.setdefault(u, []).append(n)
        return up, down

    @property
    def budget_rows(self) -> tuple[BudgetRow, ...]:
        """The budget rows of every programme."""
        return tuple(row for p in self.programmes for row in p.budget)

    def worst_findings(self, n: int = 10) -> list[Finding]:
        """The ``n`` most serious findings (errors first, then by programme and rule code)."""
        return sorted(self.findings, key=lambda f: (_SEVERITY_ORDER[f.severity], f.programme,
                                                    f.code, natural_key(f.node or "")))[:n]


def _sorted_nodes(nodes: Iterable[str]) -> list[str]:
    return sorted(nodes, key=natural_key)


def _by_programme(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Every node id grouped by its programme, in one pass over the graph."""
    out: dict[str, list[str]] = defaultdict(list)
    for n, p in G.nodes(data="programme"):
        if p is not None:
            out[p].append(n)
    return out


def _of_kind(G: nx.MultiDiGraph, nodes: Iterable[str], *kinds: str) -> list[str]:
    return _sorted_nodes(n for n in nodes if G.nodes[n].get("kind") in kinds)


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
    return _into(G, goal, "measures")


def _into(G: nx.MultiDiGraph, node: str, kind: str) -> list[str]:
    """The nodes with a ``kind`` link into ``node``, sorted."""
    found = [u for u, keys in G._pred[node].items() if kind in keys]
    return _sorted_nodes(found) if len(found) > 1 else found


def _links(G: nx.MultiDiGraph, node: str) -> list[list[Any]]:
    """``[kind, other, source]`` (and the strength, if stated) of every link up from ``node``."""
    out = []
    for v, edges in G._succ[node].items():
        for kind, attrs in edges.items():
            if kind in CHAIN_UP_EDGES:
                link = [kind, v, attrs.get("source") or ""]
                if attrs.get("strength") or attrs.get("inferred"):
                    link.append(attrs.get("strength") or "")
                if attrs.get("inferred"):
                    link.append("inferred")
                out.append(link)
    return sorted(out, key=lambda link: (link[0], natural_key(link[1])))


def _compact(details: dict[str, Any]) -> dict[str, Any]:
    """``details`` without the keys whose value is empty, ``None`` or ``False`` (not ``0``)."""
    return {k: v for k, v in details.items()
            if not (v is None or v is False or (v.__class__ in (str, list, tuple) and not v))}


def node_details(G: nx.MultiDiGraph, node: str, findings: Sequence[Finding] = (),
                 lang: str = "nl") -> dict[str, Any]:
    """What the side panel shows about ``node``, as compact JSON-ready data.

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
        Kind, label, source and, where they have a value: text, note, role,
        planning, track, budget, indicators, stakeholders, findings
        (``[severity, code, rule, message, source]``) and the links up from
        the node (``[kind, other, source]``). Keys without a value are left
        out to keep the page small.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> d = node_details(example_graph(), "mini:SD1.a", lang="en")
    >>> d["kindLabel"], [i["label"] for i in d["indicators"]], d["links"][0][:2]
    ('operational goal', ['Fijnstof'], ['refines', 'mini:SD1'])
    """
    d = G._node[node]
    kind = d["kind"]
    track = d.get("track")
    label = d.get("label", "")
    return _compact({
        "kind": kind,
        "level": d.get("level"),
        "kindLabel": kind_word(kind, d.get("level"), lang),
        "label": label,
        "text": d.get("text") if d.get("text") != label else None,
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
        "stakeholders": [G.nodes[u].get("label", "") for u in _into(G, node, "involved_in")],
        "links": _links(G, node),
        "findings": [[f.severity, f.code, f.rule, f.text(lang), f.source or ""] for f in findings],
    })


def coverage_matrix(G: nx.MultiDiGraph, programme: str, members: Iterable[str] | None = None
                    ) -> Coverage:
    """The goals x efforts matrix of ``programme`` (see :class:`Coverage`).

    ``members`` (the programme's node ids) saves a pass over the graph when given.

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
    if members is None:
        members = [n for n, p in G.nodes(data="programme") if p == programme]
    members = list(members)
    goals = sorted(_of_kind(G, members, "goal"),
                   key=lambda g: (_LEVEL_ORDER.get(G.nodes[g].get("level"), 1), natural_key(g)))
    efforts = [e for e in _of_kind(G, members, "effort")
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


def _counts(G: nx.MultiDiGraph, members: Iterable[str]) -> dict[str, int]:
    kinds = Counter(G.nodes[n].get("kind") for n in members)
    return {k: kinds.get(k, 0) for k in ("goal", "indicator", "effort", "result", "project",
                                        "stakeholder")}


def _budget_rows(checks: Sequence[BudgetCheck], findings: Sequence[Finding]) -> tuple[BudgetRow, ...]:
    disagree = any(f.rule == "budget-tables-disagree" for f in findings)
    rows = []
    for c in checks:
        state = c.state
        rules = (("budget-mismatch",) if state == "mismatch" else ()) + (
            ("budget-tables-disagree",) if disagree else ())
        rows.append(BudgetRow(c, state, rules))
    return tuple(rows)


def _section(G: nx.MultiDiGraph, programme: str, members: list[str], findings: Sequence[Finding],
             checks: Sequence[BudgetCheck], gaps: set[str], as_of: dt.date,
             lang: str) -> ProgrammeSection:
    d = G.nodes[programme]
    attrs = {k: d.get(k) for k in ("municipality", "period", "date", "version", "kenmerk", "note",
                                   "roles", "roles_source", "source")}
    coverage = coverage_matrix(G, programme, members)
    return ProgrammeSection(
        id=programme,
        name=d.get("label", programme),
        attrs=attrs,
        counts=_counts(G, members),
        findings=tuple(findings),
        severity_counts={s: sum(f.severity == s for f in findings) for s in SEVERITIES},
        coverage=coverage,
        indicators=tuple(_indicator(G, i) for i in _of_kind(G, members, "indicator")),
        budget=_budget_rows([c for c in checks if c.group == "budgets"], findings),
        not_in_text=tuple(d.get("not_in_text") or ()),
        din_nodes=tuple(_of_kind(G, members, *DIN_KINDS)),
        goals_without_effort=tuple(g for g in coverage.goals if g in gaps),
        budget_text=tuple(f"{line['label']}: {line['text']}" for t in d.get("budgets") or ()
                          for line in t["lines"] if line.get("text") and not line.get("amounts")),
        progress=progress_section(G, programme, as_of, lang=lang, members=members),
    )


def _shared(G: nx.MultiDiGraph) -> Shared:
    efforts = shared_efforts(G)
    claims = double_claims(G)
    stakeholders = shared_stakeholders(G)
    claimed = {n: tuple(_sorted_nodes(v for v, keys in G._succ[n].items()
                                      if not {"contributes_to", "measures"}.isdisjoint(keys)))
               for n in claims}
    named = {n for group in (efforts, claimed) for key, values in group.items()
             for n in (key, *values)}
    named |= {n for ids in stakeholders.values() for n in ids}
    return Shared(efforts, claims, stakeholders, claimed,
                  labels={n: str(G.nodes[n].get("label", n)) for n in sorted(named)},
                  programme_of={n: str(G.nodes[n].get("programme", n)) for n in sorted(named)})


def report_data(G: nx.MultiDiGraph, findings: Sequence[Finding] | None = None, *,
                lang: str = "nl", as_of: dt.date | None = None) -> ReportData:
    """Assemble everything the report shows.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph from :func:`dinnet.load`.
    findings : sequence of Finding, optional
        The audit's findings; ``None`` runs :func:`dinnet.audit.run_audit`.
    lang : {"nl", "en"}
        Language of the fixed words in the data (kind names).
    as_of : datetime.date, optional
        The date of the *Voortgang* of programmes with measurements
        (:mod:`dinnet.report.monitoring`); default: today.

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
    checks: dict[str, list[BudgetCheck]] = defaultdict(list)
    for c in budget_checks(G):
        checks[c.programme].append(c)
    mine: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        mine[f.programme].append(f)
    members = _by_programme(G)
    gaps = set(goals_without_effort(G))
    programmes = sorted(n for n, k in G.nodes(data="kind") if k == "programme")
    day = as_of or dt.date.today()
    sections = tuple(_section(G, p, members[p], mine[p], checks[p], gaps, day, lang)
                     for p in programmes)
    nodes = {n: node_details(G, n, by_node.get(n, ()), lang)
             for s in sections for n in s.din_nodes}
    via = {n: links for p in programmes for n in members[p]
           if n not in nodes and G.nodes[n].get("kind") not in ("programme", "indicator", "stakeholder")
           and (links := [link[:2] for link in _links(G, n)])}
    counts = Counter(f.rule for f in findings)
    rules = tuple(RuleCount(r.name, r.code, r.severity, r.text("summary", lang), counts[r.name])
                  for r in sorted(RULES.values(), key=lambda r: r.code) if counts[r.name])
    municipalities = sorted({str(s.attrs.get("municipality")) for s in sections
                             if s.attrs.get("municipality")})
    shown_on = {f.node: goals[0] for f in findings if f.node is not None and f.node not in nodes
                and (goals := _sorted_nodes(g for g in _measures(G, f.node) if g in nodes))}
    named = ", ".join(municipalities[:3]) + (f" +{len(municipalities) - 3}"
                                             if len(municipalities) > 3 else "")
    return ReportData(lang=lang, municipality=named, programmes=sections,
                      findings=findings, rules=rules, nodes=dict(sorted(nodes.items())),
                      shown_on=shown_on, via=dict(sorted(via.items())), shared=_shared(G))
