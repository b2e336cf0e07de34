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
from ..graph import nodes_of
from .findings import Check, Hit, Rule, Severity

__all__ = ["RULES", "rule"]

#: Every audit rule by name, in the order of their codes.
RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, summary: str, *, why: str, fix: str
         ) -> Callable[[Check], Check]:
    """Register the decorated check as the rule ``name`` in :data:`RULES`.

    Parameters
    ----------
    code, name : str
        The stable finding code (``DIN101``) and rule name (``goal-without-effort``).
    severity : {"error", "warning", "info"}
        The rule's usual severity (a hit may override it).
    summary, why, fix : str
        What the rule finds, why it matters, how to fix it (one sentence each).

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
        RULES[name] = Rule(name, code, severity, summary, why, fix, check)
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

@rule("DIN101", "goal-without-effort", "error",
      "No effort contributes to the goal or to any of its sub-goals.",
      why="A goal nobody works on will not be reached; the council should know.",
      fix="Link an effort with `contributes_to`, or mark the goal `open: true` with a `note` "
          "when it is deliberately left open (the DIN's \"lege kolommen\").")
def goal_without_effort(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for g in q.goals_without_effort(G):
        data = G.nodes[g]
        if data.get("open"):
            yield Hit(g, f"{data['level']} goal '{_label(G, g)}' is deliberately left open "
                         "(lege kolom): no effort yet", severity="info")
        else:
            yield Hit(g, f"no effort contributes to {data['level']} goal '{_label(G, g)}' "
                         "or to any of its sub-goals")


@rule("DIN102", "goal-without-indicator", "warning",
      "An operational goal that no indicator measures.",
      why="Operational goals are the measurable ones; without an indicator progress cannot "
          "be reported.",
      fix="Add an indicator, or record under `not_in_text` that the contract gives none.")
def goal_without_indicator(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for g in q.operational_goals_without_indicator(G):
        yield Hit(g, f"operational goal '{_label(G, g)}' has no indicator, so it cannot be measured")


@rule("DIN103", "strategic-goal-without-operational-goal", "warning",
      "A strategic goal with no operational goal beneath it.",
      why="The DIN method makes strategic goals concrete through operational goals.",
      fix="Add operational sub-goals (`goals:` under the strategic goal).")
def strategic_without_operational(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for g in q.strategic_goals_without_operational_goal(G):
        yield Hit(g, f"strategic goal '{_label(G, g)}' has no operational goal")


@rule("DIN104", "effort-without-goal", "error",
      "An effort (or its parent effort) that contributes to no goal.",
      why="Work without a purpose in the network: either a missing link or an effort to question.",
      fix="Add `contributes_to`. When the contract states no link, leave it: the finding is "
          "the honest report.")
def effort_without_goal(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for e in q.efforts_without_goal(G):
        yield Hit(e, f"effort '{_label(G, e)}' contributes to no goal")


@rule("DIN105", "project-without-effort", "warning",
      "A project that implements no effort.",
      why="Projects sit in the network through the efforts they carry out.",
      fix="Add `implements: [E..]` where the text says which effort the project serves.")
def project_without_effort(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for p in q.projects_without_effort(G):
        yield Hit(p, f"project '{_label(G, p)}' implements no effort")


# -- indicators ------------------------------------------------------------

def _targets(G: nx.MultiDiGraph) -> Iterator[tuple[str, dict[str, Any], dict[int, Any]]]:
    """Every indicator with its data and its targets by year (as ints)."""
    for i in nodes_of(G, "indicator"):
        data = G.nodes[i]
        yield i, data, {int(y): v for y, v in (data.get("targets") or {}).items()}


def _numeric(targets: dict[int, Any]) -> dict[int, float]:
    return {y: v for y, v in targets.items() if isinstance(v, int | float)}


@rule("DIN201", "indicator-without-baseline", "warning",
      "An indicator without a baseline (peilwaarde).",
      why="Without a starting point a target says little.",
      fix="Add `baseline: {value, year}`.")
def indicator_without_baseline(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for i, data, _ in _targets(G):
        if data.get("baseline_value") is None:
            yield Hit(i, f"indicator '{_label(G, i)}' has no baseline")


@rule("DIN202", "indicator-without-target", "warning",
      "An indicator without any target (streefwaarde).",
      why="Nothing to measure progress against.",
      fix="Add `targets: {2022: ...}`.")
def indicator_without_target(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for i, _, targets in _targets(G):
        if not targets:
            yield Hit(i, f"indicator '{_label(G, i)}' has no target")


@rule("DIN203", "target-outside-period", "warning",
      "A target for a year outside the programme's period.",
      why="Usually a typo in the year, or a target the contract cannot be held to.",
      fix="Correct the year or the period.")
def target_outside_period(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for i, data, targets in _targets(G):
        start, end = G.nodes[data["programme"]]["period"]
        outside = sorted(y for y in targets if not start <= y <= end)
        if outside:
            yield Hit(i, f"target year{'s' if len(outside) > 1 else ''} "
                         f"{', '.join(map(str, outside))} outside the period {start}-{end}")


@rule("DIN204", "target-against-goal-direction", "warning",
      "The final target moves away from the baseline in the direction the goal wants to avoid.",
      why="A target that contradicts its goal is a typo or a muddled goal.",
      fix="Correct the target, the baseline or `direction`.")
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
            yield Hit(i, f"{said} asks for a{'n' if direction == 'increase' else ''} {direction}, "
                         f"but the {final_year} target {final:g} is "
                         f"{'above' if final > baseline else 'below'} the baseline {baseline:g}")


def _direction(G: nx.MultiDiGraph, i: str) -> tuple[str | None, str]:
    """The direction an indicator asks for, and what said so (``None``: undecided)."""
    data = G.nodes[i]
    if data.get("direction") is not None:
        return data["direction"], "its direction"
    goals = [v for v, keys in G.succ[i].items() if "measures" in keys]
    words = " ".join([str(data["label"])] + [str(G.nodes[g]["label"]) for g in goals])
    down, up = bool(_DECREASE.search(words)), bool(_INCREASE.search(words))
    if down == up:
        return None, "the goal's wording"
    return ("decrease" if down else "increase"), "the goal's wording"


@rule("DIN205", "target-not-numeric", "info",
      "An indicator whose targets are all text ('n.t.b.', 'pm'), so progress cannot be measured.",
      why="Progress cannot be computed.",
      fix="Fill in numbers once the contract states them.")
def target_not_numeric(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for i, _, targets in _targets(G):
        if targets and not _numeric(targets):
            yield Hit(i, f"indicator '{_label(G, i)}' has only text targets "
                         f"({', '.join(repr(targets[y]) for y in sorted(targets))})")


# -- budgets ---------------------------------------------------------------

@rule("DIN301", "budget-mismatch", "error",
      "A table's total as printed differs from the sum of its lines.",
      why="The council decides on totals; they must add up.",
      fix="Correct the contract (the data keeps what was printed).")
def budget_mismatch(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for c in q.budget_checks(G):
        if not c.matches:
            assert c.stated is not None
            yield Hit(None, f"{c.title} ({c.table}) {c.year}: printed total {c.stated:g} but the "
                            f"lines add up to {c.recomputed:g} ({c.unit})",
                      programme=c.programme, source=c.source)


@rule("DIN302", "budget-tables-disagree", "warning",
      "Two budget tables of one programme give different totals for the same year.",
      why="Two tables in one contract should not tell two stories about the money.",
      fix="Reconcile the tables in the contract, or explain the difference in the table `note`.")
def budget_tables_disagree(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for p in sorted(nodes_of(G, "programme")):
        tables = G.nodes[p].get("budgets", [])
        for n, a in enumerate(tables):
            for b in tables[n + 1:]:
                ta, tb = _effective(a), _effective(b)
                years = sorted(y for y in set(ta) & set(tb) if abs(ta[y] - tb[y]) >= 0.5)
                if years:
                    detail = ", ".join(f"{y}: {ta[y]:,.0f} vs {tb[y]:,.0f}" for y in years)
                    yield Hit(None, f"'{a['title']}' ({a['id']}) and '{b['title']}' ({b['id']}) "
                                    f"give different totals: {detail}",
                              programme=p, source=a["source"])


def _effective(table: dict) -> dict[int, float]:
    totals = {int(y): v for y, v in table["stated_totals"].items()} or q.table_totals(table)
    return {y: v * table["scale"] for y, v in totals.items()}


# -- relations between programmes -----------------------------------------

@rule("DIN401", "one-sided-dependency", "warning",
      "Programme A names B as related, but B's contract is silent about A.",
      why="Dependencies need both sides to agree on who does what.",
      fix="Add the relation to B's contract when B's text states it.")
def one_sided_dependency(G: nx.MultiDiGraph) -> Iterator[Hit]:
    P = q.programme_graph(G)
    for a, b in q.one_sided_dependencies(G):
        topics = ", ".join(P.edges[a, b]["topics"]) or "no topics named"
        yield Hit(None, f"{a} names {b} as related ({topics}), but {b} does not name {a}",
                  programme=a, source=P.edges[a, b]["sources"][0])


@rule("DIN402", "unresolved-reference", "info",
      "A reference into a programme that is not loaded.",
      why="The link cannot be checked.",
      fix="Load the other contract too.")
def unresolved_reference(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for ref in G.graph.get("unresolved", []):
        yield Hit(ref["from"], f"{ref['kind']} reference to '{ref['to']}', which is not loaded",
                  source=ref["source"])


@rule("DIN403", "double-claiming", "warning",
      "An effort or indicator credited to goals of more than one programme.",
      why="The same work or result may be counted twice in the reports to the council.",
      fix="Decide which programme owns it; let the other refer to it in `relations`.")
def double_claiming(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for n, programmes in q.double_claims(G).items():
        kind = G.nodes[n]["kind"]
        yield Hit(n, f"{kind} '{_label(G, n)}' is credited to goals of {', '.join(programmes)}")


@rule("DIN404", "possible-duplicate-effort", "info",
      "Efforts of different programmes with very similar labels (a suggestion).",
      why="Possibly one effort in two places: a suggestion, not a verdict.",
      fix="Merge, or make the labels say what differs.")
def possible_duplicate_effort(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for pair in q.possible_duplicates(G):
        yield Hit(pair.a, f"effort '{_label(G, pair.a)}' looks like {pair.b} "
                          f"'{_label(G, pair.b)}' (similarity {pair.score:g})")


# -- missing content -------------------------------------------------------

_REASONS = {"section_empty": "the section is empty",
            "in_image": "it was only in a figure",
            "not_stated": "the text does not state it"}


@rule("DIN501", "missing-din-content", "warning",
      "Something the contract refers to but its text does not contain.",
      why="The audit must show what the source did not give instead of the transcription "
          "guessing it.",
      fix="Find the missing content (the DIN figure, an appendix) and add it with its source.")
def missing_din_content(G: nx.MultiDiGraph) -> Iterator[Hit]:
    for p in sorted(nodes_of(G, "programme")):
        for item in G.nodes[p].get("not_in_text", []):
            section = f" (section '{item['section']}')" if item.get("section") else ""
            yield Hit(None, f"{item['what']}{section}: {_REASONS[item['reason']]}", programme=p,
                      severity="info" if item["reason"] == "not_stated" else None,
                      source=item["source"])


@rule("DIN502", "programme-without-goals", "warning",
      "A programme whose data holds no goals at all.",
      why="Without goals there is no network to check.",
      fix="Add the goals, or explain their absence under `not_in_text`.")
def programme_without_goals(G: nx.MultiDiGraph) -> Iterator[Hit]:
    with_goals = {G.nodes[g]["programme"] for g in nodes_of(G, "goal")}
    for p in sorted(nodes_of(G, "programme")):
        if p not in with_goals:
            yield Hit(p, f"programme '{G.nodes[p]['label']}' has no goals in its data")
