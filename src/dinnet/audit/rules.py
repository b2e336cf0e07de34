"""The audit rules: each declared once, with its check, in :data:`RULES`.

A check is a function of the graph yielding :class:`~dinnet.audit.findings.Hit` s;
the :func:`rule` decorator registers it with its code, name, severity and
the words that explain it (as import-linter ties a contract type to its check).

>>> RULES["goal-without-effort"].code
'DIN101'
>>> [r.code for r in RULES.values()][:3]
['DIN101', 'DIN102', 'DIN103']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx

from .. import queries as q
from ..contract.numbers import is_tbd
from ..glossary import message, phrase
from ..graph import location_key, nodes_of
from .findings import Check, Hit, Rule, Severity

__all__ = ["RULES", "rule"]

#: Every audit rule by name, in the order of their codes.
RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity) -> Callable[[Check], Check]:
    """Register the decorated check as the rule ``name`` in :data:`RULES`.

    Parameters
    ----------
    code, name : str
        The stable finding code (``DIN101``) and rule name (``goal-without-effort``).
    severity : {"error", "warning", "info"}
        The rule's usual severity (a hit may override it).

    What the rule finds, why it matters and how to fix it stand in the
    glossary, in Dutch and English, as ``rule.CODE.title``, ``.summary``,
    ``.detail`` (optional), ``.why`` and ``.fix``.

    Returns
    -------
    Callable
        A decorator that registers the check and returns it unchanged.

    Examples
    --------
    >>> r = RULES["budget-mismatch"]
    >>> r.code, r.severity, r.check.__name__
    ('DIN301', 'error', 'budget_mismatch')
    """
    def register(check: Check) -> Check:
        if name in RULES or code in {r.code for r in RULES.values()}:
            raise ValueError(f"audit rule {code} {name} is declared twice")
        RULES[name] = Rule(name, code, severity, phrase(f"rule.{code}.summary", "en"),
                           phrase(f"rule.{code}.why", "en"), phrase(f"rule.{code}.fix", "en"),
                           check)
        return check
    return register


_DECREASE = re.compile(r"\b(afname|afnemen|daling|dalen|minder|verminder\w*|terugdring\w*|"
                       r"reduc\w*|verlag\w*|lager|kleiner|omlaag|maximaal)\b", re.I)
_INCREASE = re.compile(r"\b(toename|toenemen|stijging|stijgen|meer|groei\w*|verhog\w*|"
                       r"vergrot\w*|hoger|groter|omhoog|minimaal)\b", re.I)


def _label(G: nx.MultiDiGraph, node: str, width: int = 60) -> str:
    label = " ".join(str(G.nodes[node]["label"]).split())
    return label if len(label) <= width else label[: width - 1] + "…"


# -- coverage --------------------------------------------------------------

@rule("DIN101", "goal-without-effort", "error")
def goal_without_effort(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for g in q.goals_without_effort(G):
        data = G.nodes[g]
        if data.get("open"):
            yield Hit(g, message("audit.goal_open", level_term=data["level"],
                                 label=_label(G, g)), severity="info")
        else:
            yield Hit(g, message("audit.goal_without_effort", level_term=data["level"],
                                 label=_label(G, g)))


@rule("DIN102", "goal-without-indicator", "warning")
def goal_without_indicator(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for g in q.operational_goals_without_indicator(G):
        yield Hit(g, message("audit.goal_without_indicator", label=_label(G, g)))


@rule("DIN103", "strategic-goal-without-operational-goal", "warning")
def strategic_without_operational(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for g in q.strategic_goals_without_operational_goal(G):
        yield Hit(g, message("audit.strategic_without_operational", label=_label(G, g)))


def _explained(G: nx.MultiDiGraph, p: str, what: str) -> int | None:
    """The index of ``p``'s first ``not_in_text`` entry that ``affects`` ``what``."""
    for n, item in enumerate(G.nodes[p].get("not_in_text", [])):
        if what in (item.get("affects") or ()):
            return n
    return None


def _programmes_without_goals(G: nx.MultiDiGraph) -> list[str]:
    with_goals = {G.nodes[g]["programme"] for g in nodes_of(G, "goal")}
    return sorted(p for p in nodes_of(G, "programme") if p not in with_goals)


def _one_cause(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Efforts without goal by the programme whose one root cause they share: it states no
    goals, or an entry under ``not_in_text`` says the links are missing."""
    grouped: dict[str, list[str]] = {}
    no_goals = set(_programmes_without_goals(G))
    for e in q.efforts_without_goal(G):
        p = G.nodes[e]["programme"]
        if p in no_goals or _explained(G, p, "links") is not None:
            grouped.setdefault(p, []).append(e)
    return grouped


def _listed(G: nx.MultiDiGraph, efforts: list[str]) -> Any:
    return message("audit.so_without_goal", efforts=[e.split(":", 1)[1] for e in efforts])


@rule("DIN104", "effort-without-goal", "error")
def effort_without_goal(G: nx.MultiDiGraph) -> Iterator[Hit]:
    grouped = {e for efforts in _one_cause(G).values() for e in efforts}
    for e in q.efforts_without_goal(G):
        if e not in grouped:  # reported once with its root cause (DIN501, DIN502)
            yield Hit(e, message("audit.effort_without_goal", label=_label(G, e)))


@rule("DIN105", "project-without-effort", "warning")
def project_without_effort(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for p in q.projects_without_effort(G):
        yield Hit(p, message("audit.project_without_effort", label=_label(G, p)))


@rule("DIN106", "inferred-link", "info")
def inferred_link(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for u, v, kind, data in G.edges(keys=True, data=True):
        if data.get("inferred"):
            note = f": {' '.join(str(data['note']).split())}" if data.get("note") else ""
            yield Hit(u, message("audit.inferred_link", kind_term=kind, label=_label(G, u),
                                 target=v, note=note), source=data["source"])


# -- indicators ------------------------------------------------------------

def _targets(G: nx.MultiDiGraph) -> Iterator[tuple[str, dict[str, Any], dict[int, Any]]]:
    """Every indicator with its data and its targets by year (as ints)."""
    for i in nodes_of(G, "indicator"):
        data = G.nodes[i]
        yield i, data, {int(y): v for y, v in (data.get("targets") or {}).items()}


def _numeric(targets: dict[int, Any]) -> dict[int, float]:
    return {y: v for y, v in targets.items() if isinstance(v, int | float)}


@rule("DIN201", "indicator-without-baseline", "warning")
def indicator_without_baseline(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for i, data, _ in _targets(G):
        if data.get("baseline_value") is None and not data.get("realised"):
            yield Hit(i, message("audit.indicator_without_baseline", label=_label(G, i)))


@rule("DIN202", "indicator-without-target", "warning")
def indicator_without_target(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for i, _, targets in _targets(G):
        if not targets:
            yield Hit(i, message("audit.indicator_without_target", label=_label(G, i)))


@rule("DIN203", "target-outside-period", "warning")
def target_outside_period(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for i, data, targets in _targets(G):
        start, end = G.nodes[data["programme"]]["period"]
        outside = sorted(y for y in targets if not start <= y <= end)
        if outside:
            key = "audit.target_years_outside" if len(outside) > 1 else "audit.target_year_outside"
            yield Hit(i, message(key, years=outside, start=start, end=end))


@rule("DIN204", "target-against-goal-direction", "warning")
def target_against_goal_direction(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for i, data, targets in _targets(G):
        numeric = _numeric(targets)
        baseline = data.get("baseline_value")
        if not numeric or not isinstance(baseline, int | float):
            continue
        direction, said = _direction(G, i)
        final_year = max(numeric)
        final = numeric[final_year]
        if (direction == "decrease" and final > baseline) or (
                direction == "increase" and final < baseline):
            yield Hit(i, message("audit.against_direction", said_phrase=said,
                                 direction_phrase=f"audit.ask_{direction}", year=final_year,
                                 final_num=final, baseline_num=baseline,
                                 side_phrase="audit.above" if final > baseline else "audit.below"))


def _direction(G: nx.MultiDiGraph, i: str) -> tuple[str | None, str]:
    """The direction an indicator asks for, and what said so (``None``: undecided)."""
    data = G.nodes[i]
    if data.get("direction") is not None:
        return data["direction"], "audit.said_direction"
    goals = [v for v, keys in G.succ[i].items() if "measures" in keys]
    words = " ".join([str(data["label"])] + [str(G.nodes[g]["label"]) for g in goals])
    down, up = bool(_DECREASE.search(words)), bool(_INCREASE.search(words))
    if down == up:
        return None, "audit.said_wording"
    return ("decrease" if down else "increase"), "audit.said_wording"


@rule("DIN205", "target-not-numeric", "info")
def target_not_numeric(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for i, _, targets in _targets(G):
        if targets and not _numeric(targets):
            yield Hit(i, message("audit.target_not_numeric", label=_label(G, i),
                                 targets=[repr(targets[y]) for y in sorted(targets)]))


@rule("DIN206", "target-to-be-determined", "info")
def target_to_be_determined(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for i, _, targets in _targets(G):
        open_years = sorted(y for y, v in targets.items() if is_tbd(v))
        if open_years:
            yield Hit(i, message("audit.target_tbd", label=_label(G, i), years=open_years,
                                 value=targets[open_years[0]]))


# -- budgets ---------------------------------------------------------------

def _approximate_years(G: nx.MultiDiGraph, programme: str, table: str) -> dict[int, str]:
    """The years of a budget table whose total or a line is approximate, with the word."""
    for t in G.nodes[programme].get("budgets", []):
        if t["id"] == table:
            marks = {int(y): w for y, w in (t.get("approximate_totals") or {}).items()}
            for line in t["lines"]:
                for y, w in (line.get("approximate") or {}).items():
                    marks.setdefault(int(y), w)
            return marks
    return {}


@rule("DIN301", "budget-mismatch", "error")
def budget_mismatch(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for c in q.budget_checks(G):
        if c.year in _approximate_years(G, c.programme, c.table):
            continue  # approximate: DIN303
        if not c.matches:
            assert c.stated is not None
            yield Hit(None, message("audit.budget_mismatch", title=c.title, table=c.table,
                                    year=c.year, stated_num=c.stated, recomputed_num=c.recomputed,
                                    unit=c.unit),
                      programme=c.programme, source=c.source,
                      at=location_key(c.programme, "table", c.table))


@rule("DIN302", "budget-tables-disagree", "warning")
def budget_tables_disagree(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for p in sorted(nodes_of(G, "programme")):
        tables = G.nodes[p].get("budgets", [])
        for n, a in enumerate(tables):
            for b in tables[n + 1:]:
                ta, tb = _effective(a), _effective(b)
                years = sorted(y for y in set(ta) & set(tb) if abs(ta[y] - tb[y]) >= 0.5)
                if years:
                    detail = [message("audit.totals_of_year", year=y, a_amount=ta[y],
                                      b_amount=tb[y]) for y in years]
                    yield Hit(None, message("audit.tables_disagree", a=a["title"], a_id=a["id"],
                                            b=b["title"], b_id=b["id"], detail=detail),
                              programme=p, source=a["source"],
                              at=location_key(p, "table", a["id"]))


@rule("DIN303", "approximate-total", "info")
def approximate_total(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for c in q.budget_checks(G):
        word = _approximate_years(G, c.programme, c.table).get(c.year)
        if word is not None and c.stated is not None:
            yield Hit(None, message("audit.approximate_total", title=c.title, table=c.table,
                                    year=c.year, approx=word, stated_num=c.stated,
                                    recomputed_num=c.recomputed),
                      programme=c.programme, source=c.source,
                      at=location_key(c.programme, "table", c.table))


def _effective(table: dict) -> dict[int, float]:
    totals = {int(y): v for y, v in table["stated_totals"].items()} or q.table_totals(table)
    return {y: v * table["scale"] for y, v in totals.items()}


# -- relations between programmes -----------------------------------------

@rule("DIN401", "one-sided-dependency", "warning")
def one_sided_dependency(G: nx.MultiDiGraph) -> Iterator[Hit]:
    P = q.programme_graph(G)
    for a, b in q.one_sided_dependencies(G):
        topics = ", ".join(P.edges[a, b]["topics"]) or message("audit.no_topics")
        yield Hit(None, message("audit.one_sided", a=a, b=b, topics=topics),
                  programme=a, source=P.edges[a, b]["sources"][0],
                  at=location_key(a, "relation", b))


@rule("DIN402", "unresolved-reference", "info")
def unresolved_reference(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for ref in G.graph.get("unresolved", []):
        yield Hit(ref["from"], message("audit.unresolved", kind_term=ref["kind"], to=ref["to"]),
                  source=ref["source"])


@rule("DIN403", "double-claiming", "warning")
def double_claiming(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for n, programmes in q.double_claims(G).items():
        kind = G.nodes[n]["kind"]
        yield Hit(n, message("audit.double_claiming", kind_term=kind, label=_label(G, n),
                             programmes=list(programmes)))


@rule("DIN404", "possible-duplicate-effort", "info")
def possible_duplicate_effort(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for pair in q.possible_duplicates(G):
        yield Hit(pair.a, message("audit.possible_duplicate", label=_label(G, pair.a),
                                  other=pair.b, other_label=_label(G, pair.b),
                                  score_num=pair.score))


# -- missing content -------------------------------------------------------

@rule("DIN501", "missing-din-content", "warning")
def missing_din_content(G: nx.MultiDiGraph) -> Iterator[Hit]:
    grouped = _one_cause(G)
    first: dict[str, int] = {}  # programme -> the entry that lists the efforts it leaves unlinked
    for p in grouped:
        goals = _explained(G, p, "goals") if p in _programmes_without_goals(G) else None
        found = goals if goals is not None else _explained(G, p, "links")
        if found is not None:
            first[p] = found
    for p in sorted(nodes_of(G, "programme")):
        for n, item in enumerate(G.nodes[p].get("not_in_text", [])):
            said = (message("audit.missing_in_section", what=item["what"],
                            section=item["section"], reason_phrase=f"audit.reason_{item['reason']}")
                    if item.get("section") else
                    message("audit.missing", what=item["what"],
                            reason_phrase=f"audit.reason_{item['reason']}"))
            affected = grouped.get(p, []) if n == first.get(p) else []
            if affected:
                said = message("audit.and", a=said, b=_listed(G, affected))
            yield Hit(None, said, programme=p,
                      severity="info" if item["reason"] == "not_stated" else None,
                      source=item["source"], at=location_key(p, "not_in_text", n))


@rule("DIN502", "programme-without-goals", "warning")
def programme_without_goals(G: nx.MultiDiGraph) -> Iterator[Hit]:
    grouped = _one_cause(G)
    for p in _programmes_without_goals(G):
        if _explained(G, p, "goals") is None:  # else reported once under that entry (DIN501)
            said = message("audit.programme_without_goals", label=G.nodes[p]["label"])
            if grouped.get(p):
                said = message("audit.and", a=said, b=_listed(G, grouped[p]))
            yield Hit(p, said)
