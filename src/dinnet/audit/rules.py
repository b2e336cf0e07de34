"""The audit rules: each declared once, with its check, in :data:`RULES`.

A check is a function of an :class:`~dinnet.audit.context.AuditContext`
(the graph and what the rules share of it, built once per run) yielding
:class:`~dinnet.audit.findings.Hit` s; the :func:`rule` decorator registers
it with its code, name, severity and the words that explain it (as
import-linter ties a contract type to its check).

>>> RULES["goal-without-effort"].code
'DIN101'
>>> [r.code for r in RULES.values()][:3]
['DIN101', 'DIN102', 'DIN103']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from .. import queries as q
from ..contract.numbers import is_tbd
from ..glossary import message, phrase
from ..graph import location_key
from .context import AuditContext
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


# -- coverage --------------------------------------------------------------

@rule("DIN101", "goal-without-effort", "error")
def goal_without_effort(ctx: AuditContext) -> Iterator[Hit]:
    for g in ctx.goals_without_effort:
        data = ctx.node[g]
        if data.get("open"):
            yield Hit(g, message("audit.goal_open", level_term=data["level"],
                                 label=ctx.label(g)), severity="info")
        else:
            yield Hit(g, message("audit.goal_without_effort", level_term=data["level"],
                                 label=ctx.label(g)))


@rule("DIN102", "goal-without-indicator", "warning")
def goal_without_indicator(ctx: AuditContext) -> Iterator[Hit]:
    # as q.operational_goals_without_indicator
    node, pred = ctx.node, ctx.pred
    for g in sorted(g for g in ctx.of("goal") if node[g].get("level") == "operational"
                    and not any("measures" in keys for keys in pred[g].values())):
        yield Hit(g, message("audit.goal_without_indicator", label=ctx.label(g)))


@rule("DIN103", "strategic-goal-without-operational-goal", "warning")
def strategic_without_operational(ctx: AuditContext) -> Iterator[Hit]:
    # as q.strategic_goals_without_operational_goal
    node, pred = ctx.node, ctx.pred
    for g in sorted(g for g in ctx.of("goal") if node[g].get("level") == "strategic"
                    and not any("refines" in keys and node[m].get("level") == "operational"
                                for m, keys in pred[g].items())):
        yield Hit(g, message("audit.strategic_without_operational", label=ctx.label(g)))


def _listed(efforts: list[str]) -> Any:
    return message("audit.so_without_goal", efforts=[e.split(":", 1)[1] for e in efforts])


@rule("DIN104", "effort-without-goal", "error")
def effort_without_goal(ctx: AuditContext) -> Iterator[Hit]:
    grouped = {e for efforts in ctx.one_cause.values() for e in efforts}
    for e in ctx.efforts_without_goal:
        if e not in grouped:  # reported once with its root cause (DIN501, DIN502)
            yield Hit(e, message("audit.effort_without_goal", label=ctx.label(e)))


@rule("DIN105", "project-without-effort", "warning")
def project_without_effort(ctx: AuditContext) -> Iterator[Hit]:
    # as q.projects_without_effort
    succ = ctx.succ
    for p in sorted(p for p in ctx.of("project")
                    if not any("implements" in keys for keys in succ[p].values())):
        yield Hit(p, message("audit.project_without_effort", label=ctx.label(p)))


#: The kinds of link the format lets a contract mark ``inferred`` (``dinnet.graph``).
_INFERABLE = frozenset({"implements", "contributes_to", "measures", "refines"})


@rule("DIN106", "inferred-link", "info")
def inferred_link(ctx: AuditContext) -> Iterator[Hit]:
    for u, links in ctx.succ.items():
        for v, kinds in links.items():
            for kind, data in kinds.items():
                if kind in _INFERABLE and data.get("inferred"):
                    note = f": {' '.join(str(data['note']).split())}" if data.get("note") else ""
                    yield Hit(u, message("audit.inferred_link", kind_term=kind,
                                         label=ctx.label(u), target=v, note=note),
                              source=data["source"])


# -- indicators ------------------------------------------------------------

#: What a number is to the indicator rules (as ``int | float``, made once: ``isinstance``
#: with ``int | float`` written out builds the union at every call).
_NUMBER = (int, float)


def _numeric(targets: dict[int, Any]) -> dict[int, float]:
    return {y: v for y, v in targets.items() if isinstance(v, _NUMBER)}


@rule("DIN201", "indicator-without-baseline", "warning")
def indicator_without_baseline(ctx: AuditContext) -> Iterator[Hit]:
    for i, data, _ in ctx.targets:
        if data.get("baseline_value") is None and not data.get("realised"):
            yield Hit(i, message("audit.indicator_without_baseline", label=ctx.label(i)))


@rule("DIN202", "indicator-without-target", "warning")
def indicator_without_target(ctx: AuditContext) -> Iterator[Hit]:
    for i, _, targets in ctx.targets:
        if not targets:
            yield Hit(i, message("audit.indicator_without_target", label=ctx.label(i)))


@rule("DIN203", "target-outside-period", "warning")
def target_outside_period(ctx: AuditContext) -> Iterator[Hit]:
    for i, data, targets in ctx.targets:
        start, end = ctx.node[data["programme"]]["period"]
        outside = [y for y in targets if not start <= y <= end]
        if outside:
            outside.sort()
            key = "audit.target_years_outside" if len(outside) > 1 else "audit.target_year_outside"
            yield Hit(i, message(key, years=outside, start=start, end=end))


@rule("DIN204", "target-against-goal-direction", "warning")
def target_against_goal_direction(ctx: AuditContext) -> Iterator[Hit]:
    for i, data, targets in ctx.targets:
        baseline = data.get("baseline_value")
        if not targets or not isinstance(baseline, _NUMBER):
            continue
        numeric = _numeric(targets)
        if not numeric:
            continue
        direction, said = _direction(ctx, i)
        final_year = max(numeric)
        final = numeric[final_year]
        if (direction == "decrease" and final > baseline) or (
                direction == "increase" and final < baseline):
            yield Hit(i, message("audit.against_direction", said_phrase=said,
                                 direction_phrase=f"audit.ask_{direction}", year=final_year,
                                 final_num=final, baseline_num=baseline,
                                 side_phrase="audit.above" if final > baseline else "audit.below"))


def _direction(ctx: AuditContext, i: str) -> tuple[str | None, str]:
    """The direction an indicator asks for, and what said so (``None``: undecided)."""
    data = ctx.node[i]
    if data.get("direction") is not None:
        return data["direction"], "audit.said_direction"
    goals = [v for v, keys in ctx.succ[i].items() if "measures" in keys]
    words = " ".join([str(data["label"])] + [str(ctx.node[g]["label"]) for g in goals])
    down, up = bool(_DECREASE.search(words)), bool(_INCREASE.search(words))
    if down == up:
        return None, "audit.said_wording"
    return ("decrease" if down else "increase"), "audit.said_wording"


@rule("DIN205", "target-not-numeric", "info")
def target_not_numeric(ctx: AuditContext) -> Iterator[Hit]:
    for i, _, targets in ctx.targets:
        if targets and not _numeric(targets):
            yield Hit(i, message("audit.target_not_numeric", label=ctx.label(i),
                                 targets=[repr(targets[y]) for y in sorted(targets)]))


@rule("DIN206", "target-to-be-determined", "info")
def target_to_be_determined(ctx: AuditContext) -> Iterator[Hit]:
    for i, _, targets in ctx.targets:
        # is_tbd of a number is False: only texts are asked (most targets are numbers)
        open_years = [y for y, v in targets.items() if isinstance(v, str) and is_tbd(v)]
        if open_years:
            open_years.sort()
            yield Hit(i, message("audit.target_tbd", label=ctx.label(i), years=open_years,
                                 value=targets[open_years[0]]))


# -- budgets ---------------------------------------------------------------

@rule("DIN301", "budget-mismatch", "error")
def budget_mismatch(ctx: AuditContext) -> Iterator[Hit]:
    for c in ctx.budget_checks:
        if c.state == "mismatch":  # an approximate total is DIN303
            assert c.stated is not None
            yield Hit(None, message("audit.budget_mismatch", title=c.title, table=c.table,
                                    year=c.year, stated_num=c.stated, recomputed_num=c.recomputed,
                                    unit=c.unit),
                      programme=c.programme, source=c.source,
                      at=location_key(c.programme, "table", c.table))


@rule("DIN302", "budget-tables-disagree", "warning")
def budget_tables_disagree(ctx: AuditContext) -> Iterator[Hit]:
    for p in ctx.programmes:
        tables = ctx.node[p].get("budgets", [])
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
def approximate_total(ctx: AuditContext) -> Iterator[Hit]:
    for c in ctx.budget_checks:
        if c.state == "approximate":
            yield Hit(None, message("audit.approximate_total", title=c.title, table=c.table,
                                    year=c.year, approx=c.approximate, stated_num=c.stated,
                                    recomputed_num=c.recomputed),
                      programme=c.programme, source=c.source,
                      at=location_key(c.programme, "table", c.table))


def _effective(table: dict) -> dict[int, float]:
    totals = {int(y): v for y, v in table["stated_totals"].items()} or q.table_totals(table)
    return {y: v * table["scale"] for y, v in totals.items()}


# -- relations between programmes -----------------------------------------

@rule("DIN401", "one-sided-dependency", "warning")
def one_sided_dependency(ctx: AuditContext) -> Iterator[Hit]:
    P = q.programme_graph(ctx.G, programmes=ctx.of("programme"))
    for a, b in q.one_sided_dependencies(ctx.G, P):
        topics = ", ".join(P.edges[a, b]["topics"]) or message("audit.no_topics")
        yield Hit(None, message("audit.one_sided", a=a, b=b, topics=topics),
                  programme=a, source=P.edges[a, b]["sources"][0],
                  at=location_key(a, "relation", b))


@rule("DIN402", "unresolved-reference", "info")
def unresolved_reference(ctx: AuditContext) -> Iterator[Hit]:
    for ref in ctx.G.graph.get("unresolved", []):
        yield Hit(ref["from"], message("audit.unresolved", kind_term=ref["kind"], to=ref["to"]),
                  source=ref["source"])


@rule("DIN403", "double-claiming", "warning")
def double_claiming(ctx: AuditContext) -> Iterator[Hit]:
    for n, programmes in q.double_claims(
            ctx.G, efforts=ctx.of("effort"), indicators=ctx.of("indicator")).items():
        kind = ctx.node[n]["kind"]
        yield Hit(n, message("audit.double_claiming", kind_term=kind, label=ctx.label(n),
                             programmes=list(programmes)))


@rule("DIN404", "possible-duplicate-effort", "info")
def possible_duplicate_effort(ctx: AuditContext) -> Iterator[Hit]:
    for pair in q.possible_duplicates(ctx.G, efforts=ctx.of("effort")):
        yield Hit(pair.a, message("audit.possible_duplicate", label=ctx.label(pair.a),
                                  other=pair.b, other_label=ctx.label(pair.b),
                                  score_num=pair.score))


# -- missing content -------------------------------------------------------

@rule("DIN501", "missing-din-content", "warning")
def missing_din_content(ctx: AuditContext) -> Iterator[Hit]:
    grouped = ctx.one_cause
    no_goals = set(ctx.programmes_without_goals)
    first: dict[str, int] = {}  # programme -> the entry that lists the efforts it leaves unlinked
    for p in grouped:
        goals = ctx.explained(p, "goals") if p in no_goals else None
        found = goals if goals is not None else ctx.explained(p, "links")
        if found is not None:
            first[p] = found
    for p in ctx.programmes:
        for n, item in enumerate(ctx.node[p].get("not_in_text", [])):
            said = (message("audit.missing_in_section", what=item["what"],
                            section=item["section"], reason_phrase=f"audit.reason_{item['reason']}")
                    if item.get("section") else
                    message("audit.missing", what=item["what"],
                            reason_phrase=f"audit.reason_{item['reason']}"))
            affected = grouped.get(p, []) if n == first.get(p) else []
            if affected:
                said = message("audit.and", a=said, b=_listed(affected))
            yield Hit(None, said, programme=p,
                      severity="info" if item["reason"] == "not_stated" else None,
                      source=item["source"], at=location_key(p, "not_in_text", n))


@rule("DIN502", "programme-without-goals", "warning")
def programme_without_goals(ctx: AuditContext) -> Iterator[Hit]:
    grouped = ctx.one_cause
    for p in ctx.programmes_without_goals:
        if ctx.explained(p, "goals") is None:  # else reported once under that entry (DIN501)
            said = message("audit.programme_without_goals", label=ctx.node[p]["label"])
            if grouped.get(p):
                said = message("audit.and", a=said, b=_listed(grouped[p]))
            yield Hit(p, said)
