"""Budgets: totals recomputed from the lines against the totals as printed,
budget rolled up per goal, and the programme's role (regie / afstemming).

>>> import dinnet
>>> G = dinnet.load()
>>> [c.year for c in budget_checks(G) if c.programme == "binnenstad" and not c.matches]
[2022]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from ..graph import nodes_of
from ._common import goals_served

__all__ = ["TOLERANCE", "BudgetCheck", "approximate_years", "budget_checks", "budget_per_goal",
           "role_shares", "table_totals"]


#: How far a printed total may lie from the sum of its lines and still match, in the
#: table's own unit: the rounding of a printed figure, half a cent (or of an hour).
TOLERANCE = 0.005


@dataclass(frozen=True)
class BudgetCheck:
    """One table's total for one year: as printed and recomputed from its lines.

    ``approximate`` is the word ('ruim', 'circa') when the printed total or a line of
    the year is approximate: such a total is not compared, so it never mismatches.

    Examples
    --------
    >>> c = BudgetCheck("p", "B1", "Budget", "budgets", 2020, 100.0, 100.3, "EUR", "t:1")
    >>> c.state, c.matches
    ('mismatch', False)
    >>> from dataclasses import replace
    >>> replace(c, approximate="ruim").state, replace(c, stated=None).state
    ('approximate', 'no_total')
    """

    programme: str
    table: str
    title: str
    group: str  # "budgets" or "capacity"
    year: int
    stated: float | None
    recomputed: float
    unit: str
    source: str
    approximate: str | None = None

    @property
    def state(self) -> str:
        """``"no_total"`` (nothing printed), ``"approximate"``, ``"ok"`` or ``"mismatch"``."""
        if self.stated is None:
            return "no_total"
        if self.approximate is not None:
            return "approximate"
        return "ok" if abs(self.stated - self.recomputed) < TOLERANCE else "mismatch"

    @property
    def matches(self) -> bool:
        """No mismatch: nothing printed, an approximate total, or equal within `TOLERANCE`."""
        return self.state != "mismatch"


def table_totals(table: dict) -> dict[int, float]:
    """The sum of a table's lines per year (blank cells count as 0).

    Parameters
    ----------
    table : dict
        A budget or capacity table as stored on a programme node.

    Returns
    -------
    dict of int to float
        Year -> total, sorted by year.

    Examples
    --------
    >>> table_totals({"lines": [{"amounts": {2019: 100.0, 2020: None}},
    ...                          {"amounts": {2019: 50.0, 2020: 25.0}}]})
    {2019: 150.0, 2020: 25.0}
    """
    totals: dict[int, float] = defaultdict(float)
    for line in table["lines"]:
        for year, amount in line["amounts"].items():
            totals[int(year)] += amount or 0.0
    return dict(sorted(totals.items()))


def budget_checks(G: nx.MultiDiGraph, *, programmes: Iterable[str] | None = None
                  ) -> list[BudgetCheck]:
    """Every year of every budget and capacity table that has lines or a stated total.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    programmes : iterable of str, optional
        The programme ids of ``G``, when the caller has them at hand (the audit's
        :class:`~dinnet.audit.context.AuditContext`: finding them is a pass over
        every node); default: found here.

    Returns
    -------
    list of BudgetCheck
        By programme, group, table and year.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load()  # the bundled Almelo data
    >>> checks = budget_checks(G)
    >>> len(checks)
    25
    >>> [(c.programme, c.table, c.year, c.stated, c.recomputed)
    ...  for c in checks if not c.matches][:1]
    [('binnenstad', 'B2', 2022, 600.0, 300.0)]
    """
    out = []
    for p in sorted(nodes_of(G, "programme") if programmes is None else programmes):
        data = G.nodes[p]
        for group in ("budgets", "capacity"):
            for table in data.get(group, []):
                recomputed = table_totals(table)
                stated = {int(y): v for y, v in table["stated_totals"].items()}
                words = approximate_years(table)
                for year in sorted(set(recomputed) | set(stated)):
                    out.append(BudgetCheck(p, table["id"], table["title"], group, year,
                                           stated.get(year), recomputed.get(year, 0.0),
                                           table["unit"], table["source"], words.get(year)))
    return out


def approximate_years(table: dict) -> dict[int, str]:
    """The years of a budget or capacity table whose printed total or a line is approximate,
    with the word as printed (the total's word first).

    Examples
    --------
    >>> approximate_years({"approximate_totals": {2020: "circa"},
    ...                    "lines": [{"approximate": {2020: "ruim", 2021: "ruim"}}]})
    {2020: 'circa', 2021: 'ruim'}
    """
    marks = {int(y): str(w) for y, w in (table.get("approximate_totals") or {}).items()}
    for line in table.get("lines", []):
        for y, w in (line.get("approximate") or {}).items():
            marks.setdefault(int(y), str(w))
    return dict(sorted(marks.items()))


def _effort_goals(G: nx.MultiDiGraph, effort: str) -> list[str]:
    goals = goals_served(G, effort)
    if goals:
        return goals
    parents = [v for v, keys in G.succ[effort].items()
               if "part_of" in keys and G.nodes[v]["kind"] == "effort"]
    return _effort_goals(G, parents[0]) if parents else []


def budget_per_goal(G: nx.MultiDiGraph) -> dict[str, dict[int, float]]:
    """Euro per goal and year, from efforts that carry amounts.

    An effort's amount is split equally over the goals it serves, by its own
    links and its track's (a sub-effort without goals of either counts for its
    parent's goals); a goal's total includes the own amounts of every goal below
    it, each counted once however many ``refines`` paths lead up.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.

    Returns
    -------
    dict of str to dict of int to float
        Goal id -> year -> euro, goals without money left out.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load()  # the bundled Almelo data
    >>> budget_per_goal(G)["economie-en-participatie:II"]
    {2019: 200000.0}
    """
    own: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for e in nodes_of(G, "effort"):
        amounts = G.nodes[e].get("budget") or {}
        goals = _effort_goals(G, e) if amounts else []
        for g in goals:
            for year, amount in amounts.items():
                own[g][int(year)] += amount / len(goals)
    rolled: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for g, amounts in own.items():
        for goal in _goal_and_parents(G, g):  # each goal once, however many paths lead up
            for year, amount in amounts.items():
                rolled[goal][year] += amount
    return {g: dict(sorted(v.items())) for g, v in sorted(rolled.items()) if v}


def _goal_and_parents(G: nx.MultiDiGraph, goal: str) -> set[str]:
    """``goal`` and every goal it refines, directly or through other goals."""
    found = {goal}
    todo = [goal]
    while todo:
        for parent, keys in G.succ[todo.pop()].items():
            if "refines" in keys and parent not in found:
                found.add(parent)
                todo.append(parent)
    return found


def role_shares(G: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Per programme, how many efforts are implemented under each project role.

    Roles are ``regie``, ``afstemming``, ``faciliterend``, ``lijnproject`` (when
    no role is stated) and ``onbekend`` (unknown); efforts without a project are
    not counted.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.

    Returns
    -------
    dict of str to dict of str to int
        Programme id -> role -> number of efforts.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load()  # the bundled Almelo data
    >>> role_shares(G)["duurzaamheid"]
    {'onbekend': 1, 'regie': 1}
    """
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for e in nodes_of(G, "effort"):
        roles = set()
        for proj, keys in G.pred[e].items():
            if "implements" in keys:
                data = G.nodes[proj]
                roles.add(data.get("role") or ("lijnproject" if data.get("lijnproject")
                                               else "onbekend"))
        for role in roles:
            out[G.nodes[e]["programme"]][role] += 1
    return {p: dict(sorted(c.items())) for p, c in sorted(out.items())}
