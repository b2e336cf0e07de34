"""The audit rules: each a function of the graph yielding findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx

from .. import queries as q
from ..queries._common import nodes_of
from .findings import RULES, Finding, Severity

__all__ = ["CHECKS"]

Check = Callable[[nx.MultiDiGraph], Iterator[Finding]]

_DECREASE = re.compile(r"\b(afname|afnemen|daling|dalen|minder|verminder\w*|terugdring\w*|"
                       r"reduc\w*|verlag\w*|lager|kleiner|omlaag|maximaal)\b", re.I)
_INCREASE = re.compile(r"\b(toename|toenemen|stijging|stijgen|meer|groei\w*|verhog\w*|"
                       r"vergrot\w*|hoger|groter|omhoog|minimaal)\b", re.I)


def _finding(G: nx.MultiDiGraph, rule: str, node: str | None, message: str, *,
             programme: str | None = None, severity: Severity | None = None,
             source: str | None = None) -> Finding:
    meta = RULES[rule]
    data = G.nodes[node] if node is not None else {}
    return Finding(
        programme=programme or data["programme"],
        code=meta.code,
        node=node,
        rule=rule,
        severity=severity or meta.severity,
        message=message,
        source=source or data.get("source"),
    )


def _label(G: nx.MultiDiGraph, node: str, width: int = 60) -> str:
    label = " ".join(str(G.nodes[node]["label"]).split())
    return label if len(label) <= width else label[: width - 1] + "…"


def goal_without_effort(G: nx.MultiDiGraph) -> Iterator[Finding]:
    for g in q.goals_without_effort(G):
        data = G.nodes[g]
        if data.get("open"):
            yield _finding(G, "goal-without-effort", g,
                           f"{data['level']} goal '{_label(G, g)}' is deliberately left open "
                           "(lege kolom): no effort yet", severity="info")
        else:
            yield _finding(G, "goal-without-effort", g,
                           f"no effort contributes to {data['level']} goal '{_label(G, g)}' "
                           "or to any of its sub-goals")


def goal_without_indicator(G: nx.MultiDiGraph) -> Iterator[Finding]:
    for g in q.operational_goals_without_indicator(G):
        yield _finding(G, "goal-without-indicator", g,
                       f"operational goal '{_label(G, g)}' has no indicator, so it cannot be measured")


def strategic_without_operational(G: nx.MultiDiGraph) -> Iterator[Finding]:
    for g in q.strategic_goals_without_operational_goal(G):
        yield _finding(G, "strategic-goal-without-operational-goal", g,
                       f"strategic goal '{_label(G, g)}' has no operational goal")


def effort_without_goal(G: nx.MultiDiGraph) -> Iterator[Finding]:
    for e in q.efforts_without_goal(G):
        yield _finding(G, "effort-without-goal", e,
                       f"effort '{_label(G, e)}' contributes to no goal")


def project_without_effort(G: nx.MultiDiGraph) -> Iterator[Finding]:
    for p in q.projects_without_effort(G):
        yield _finding(G, "project-without-effort", p,
                       f"project '{_label(G, p)}' implements no effort")


def indicator_values(G: nx.MultiDiGraph) -> Iterator[Finding]:
    for i in nodes_of(G, "indicator"):
        data = G.nodes[i]
        programme = G.nodes[data["programme"]]
        start, end = programme["period"]
        targets: dict[int, Any] = {int(y): v for y, v in (data.get("targets") or {}).items()}
        if data.get("baseline_value") is None:
            yield _finding(G, "indicator-without-baseline", i,
                           f"indicator '{_label(G, i)}' has no baseline")
        if not targets:
            yield _finding(G, "indicator-without-target", i,
                           f"indicator '{_label(G, i)}' has no target")
            continue
        outside = sorted(y for y in targets if not start <= y <= end)
        if outside:
            yield _finding(G, "target-outside-period", i,
                           f"target year{'s' if len(outside) > 1 else ''} "
                           f"{', '.join(map(str, outside))} outside the period {start}-{end}")
        numeric = {y: v for y, v in targets.items() if isinstance(v, int | float)}
        if not numeric:
            yield _finding(G, "target-not-numeric", i,
                           f"indicator '{_label(G, i)}' has only text targets "
                           f"({', '.join(repr(targets[y]) for y in sorted(targets))})")
            continue
        yield from _direction(G, i, numeric)


def _direction(G: nx.MultiDiGraph, i: str, numeric: dict[int, float]) -> Iterator[Finding]:
    data = G.nodes[i]
    baseline = data.get("baseline_value")
    if not isinstance(baseline, int | float):
        return
    direction = data.get("direction")
    said = "its direction"
    if direction is None:
        goals = [v for v, keys in G.succ[i].items() if "measures" in keys]
        words = " ".join([str(data["label"])] + [str(G.nodes[g]["label"]) for g in goals])
        down, up = bool(_DECREASE.search(words)), bool(_INCREASE.search(words))
        if down == up:
            return
        direction = "decrease" if down else "increase"
        said = "the goal's wording"
    final_year = max(numeric)
    final = numeric[final_year]
    if (direction == "decrease" and final > baseline) or (direction == "increase" and final < baseline):
        yield _finding(G, "target-against-goal-direction", i,
                       f"{said} asks for a{'n' if direction == 'increase' else ''} {direction}, "
                       f"but the {final_year} target {final:g} is "
                       f"{'above' if final > baseline else 'below'} the baseline {baseline:g}")


def budgets(G: nx.MultiDiGraph) -> Iterator[Finding]:
    for c in q.budget_checks(G):
        if not c.matches:
            assert c.stated is not None
            yield _finding(G, "budget-mismatch", None,
                           f"{c.title} ({c.table}) {c.year}: printed total {c.stated:g} but the "
                           f"lines add up to {c.recomputed:g} ({c.unit})",
                           programme=c.programme, source=c.source)
    for p in sorted(nodes_of(G, "programme")):
        tables = G.nodes[p].get("budgets", [])
        for i, a in enumerate(tables):
            for b in tables[i + 1:]:
                yield from _disagree(G, p, a, b)


def _effective(table: dict) -> dict[int, float]:
    totals = {int(y): v for y, v in table["stated_totals"].items()} or q.table_totals(table)
    return {y: v * table["scale"] for y, v in totals.items()}


def _disagree(G: nx.MultiDiGraph, p: str, a: dict, b: dict) -> Iterator[Finding]:
    ta, tb = _effective(a), _effective(b)
    years = sorted(y for y in set(ta) & set(tb) if abs(ta[y] - tb[y]) >= 0.5)
    if years:
        detail = ", ".join(f"{y}: {ta[y]:,.0f} vs {tb[y]:,.0f}" for y in years)
        yield _finding(G, "budget-tables-disagree", None,
                       f"'{a['title']}' ({a['id']}) and '{b['title']}' ({b['id']}) give different "
                       f"totals: {detail}", programme=p, source=a["source"])


def dependencies(G: nx.MultiDiGraph) -> Iterator[Finding]:
    P = q.programme_graph(G)
    for a, b in q.one_sided_dependencies(G):
        topics = ", ".join(P.edges[a, b]["topics"]) or "no topics named"
        yield _finding(G, "one-sided-dependency", None,
                       f"{a} names {b} as related ({topics}), but {b} does not name {a}",
                       programme=a, source=P.edges[a, b]["sources"][0])
    for ref in G.graph.get("unresolved", []):
        yield _finding(G, "unresolved-reference", ref["from"],
                       f"{ref['kind']} reference to '{ref['to']}', which is not loaded",
                       source=ref["source"])


def sharing(G: nx.MultiDiGraph) -> Iterator[Finding]:
    for n, programmes in q.double_claims(G).items():
        kind = G.nodes[n]["kind"]
        yield _finding(G, "double-claiming", n,
                       f"{kind} '{_label(G, n)}' is credited to goals of {', '.join(programmes)}")
    for pair in q.possible_duplicates(G):
        yield _finding(G, "possible-duplicate-effort", pair.a,
                       f"effort '{_label(G, pair.a)}' looks like {pair.b} "
                       f"'{_label(G, pair.b)}' (similarity {pair.score:g})")


def missing_content(G: nx.MultiDiGraph) -> Iterator[Finding]:
    with_goals = {G.nodes[g]["programme"] for g in nodes_of(G, "goal")}
    for p in sorted(nodes_of(G, "programme")):
        data = G.nodes[p]
        for item in data.get("not_in_text", []):
            section = f" (section '{item['section']}')" if item.get("section") else ""
            reason = {"section_empty": "the section is empty",
                      "in_image": "it was only in a figure",
                      "not_stated": "the text does not state it"}[item["reason"]]
            yield _finding(G, "missing-din-content", None,
                           f"{item['what']}{section}: {reason}", programme=p,
                           severity="info" if item["reason"] == "not_stated" else "warning",
                           source=item["source"])
        if p not in with_goals:
            yield _finding(G, "programme-without-goals", p,
                           f"programme '{data['label']}' has no goals in its data")


CHECKS: tuple[Check, ...] = (
    goal_without_effort, goal_without_indicator, strategic_without_operational,
    effort_without_goal, project_without_effort, indicator_values, budgets, dependencies,
    sharing, missing_content,
)
