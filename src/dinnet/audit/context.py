"""What the audit rules read, gathered once per run: :class:`AuditContext`.

The rules used to walk the graph about eighteen times (each coverage query,
each pass over the indicators, every link twice for the programme graph).
A context walks it once for what the node-local rules need (the nodes by
kind, every node's attributes and links), and answers the reachability the
path rules share once (:func:`_reaching`); every field is computed on first use
(:func:`functools.cached_property`) and kept for the run, so a rule that
needs nothing pays for nothing.

>>> import dinnet
>>> ctx = AuditContext(dinnet.load("tests/assets/minimal.yaml"))
>>> ctx.of("goal")
['mini:SD1', 'mini:SD1.a', 'mini:SD2']
>>> ctx.goals_without_effort, ctx.efforts_without_goal
([], [])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Any

import networkx as nx

from .. import queries as q

__all__ = ["AuditContext", "Links"]

#: A node's links: other node -> link kind -> the link's attributes (networkx's own dicts).
Links = Mapping[str, Mapping[str, dict[str, Any]]]


def _reaching(links: Mapping[str, Links], nodes: Iterable[str], targets: set[str],
              kinds: frozenset[str]) -> set[str]:
    """Those of ``nodes`` from which a node of ``targets`` is reached, in one step or
    more along ``links`` of ``kinds``.

    What a walk back from every target (:func:`dinnet.queries.reach`) says of
    ``nodes``, for less: that walk visits everything behind a goal (projects,
    stakeholders' links, indicators), while most goals are served by an effort
    directly and most efforts contribute to a goal directly. So each node is first
    asked for such a link of its own; only the others are walked, forward from all
    of them at once (each node once, and not past a node that answered yes), then
    back from the nodes that stepped onto a target or a yes, along the steps the walk
    took. Linear time, like the walk it replaces (about half as much at 3,400
    contracts: ``docs/performance.md``).

    >>> links = {"a": {"t": {"k": {}}}, "b": {"a": {"k": {}}}, "c": {"b": {"other": {}}},
    ...          "d": {"d": {"k": {}}}, "t": {}}
    >>> sorted(_reaching(links, "abcd", {"t"}, frozenset({"k"})))
    ['a', 'b']
    """
    found: set[str] = set()
    rest = []
    for n in nodes:
        for other, edges in links[n].items():
            if other in targets and not kinds.isdisjoint(edges):
                found.add(n)
                break
        else:
            rest.append(n)
    if not rest:
        return found
    seen = set(rest)
    stack = list(rest)
    steps: dict[str, list[str]] = {}  # node -> the nodes the walk reached it from
    onto: list[str] = []  # nodes with a link onto a target or a node already found
    while stack:
        u = stack.pop()
        for other, edges in links[u].items():
            if kinds.isdisjoint(edges):
                continue
            if other in targets or other in found:
                onto.append(u)
            else:
                steps.setdefault(other, []).append(u)
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
    reaching = set(onto)
    while onto:
        for u in steps.get(onto.pop(), ()):
            if u not in reaching:
                reaching.add(u)
                onto.append(u)
    return found | reaching.intersection(rest)


class AuditContext:
    """One audit run's view of a graph: indexes and shared results, each built once.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph (:func:`dinnet.load`, :func:`dinnet.build_graph`); read, never changed.
        Change the graph and the context is stale: make a new one.
    as_of : datetime.date, optional
        The audit date of the monitoring rules (default: today).

    Examples
    --------
    >>> import dinnet
    >>> ctx = AuditContext(dinnet.load())  # the bundled Almelo data
    >>> ctx.programmes[:2]
    ['binnenstad', 'duurzaamheid']
    >>> ctx.node["zorg:E1"]["kind"], sorted(ctx.succ["zorg:E1"])[:1]
    ('effort', ['zorg:PL1'])
    """

    def __init__(self, G: nx.MultiDiGraph, as_of: dt.date | None = None) -> None:
        self.G = G
        #: The audit date of the monitoring rules: a year has passed when its 31 December
        #: lies before it (default: today).
        self.as_of = as_of or dt.date.today()

    # -- the walk over nodes and links -------------------------------------------------

    # The graph's own dicts, read as they are (what ``G.nodes``, ``G.succ`` and ``G.pred``
    # wrap in views): no view object per node or link, and no copy, which at 700k nodes
    # costs more per node than at 70k (new memory for three large tables).

    @cached_property
    def node(self) -> dict[str, dict[str, Any]]:
        """Every node's attributes by id, in graph order."""
        return self.G._node

    @cached_property
    def succ(self) -> dict[str, Links]:
        """Every node's links out (from means to ends): other node -> kind -> attributes."""
        return self.G._succ

    @cached_property
    def pred(self) -> dict[str, Links]:
        """Every node's links in: other node -> kind -> attributes."""
        return self.G._pred

    @cached_property
    def by_kind(self) -> dict[str, list[str]]:
        """Node ids by kind, each list in graph order (one pass over the nodes)."""
        out: dict[str, list[str]] = {}
        for n, data in self.node.items():
            out.setdefault(data["kind"], []).append(n)
        return out

    def of(self, kind: str) -> list[str]:
        """The ids of the nodes of ``kind``, in graph order (as :func:`dinnet.graph.nodes_of`)."""
        return self.by_kind.get(kind, [])

    @cached_property
    def programmes(self) -> list[str]:
        """Programme ids, sorted."""
        return sorted(self.of("programme"))

    def label(self, node: str, width: int = 60) -> str:
        """``node``'s label on one line, cut to ``width`` characters with an ellipsis."""
        label = " ".join(str(self.node[node]["label"]).split())
        return label if len(label) <= width else label[: width - 1] + "…"

    # -- coverage: one reachability each way, shared by the path rules -----------------

    @cached_property
    def goals_without_effort(self) -> list[str]:
        """As :func:`dinnet.queries.goals_without_effort`: goals no effort reaches, sorted."""
        reached = _reaching(self.pred, self.of("goal"), set(self.of("effort")), q.SUPPORT_EDGES)
        return sorted(g for g in self.of("goal") if g not in reached)

    @cached_property
    def efforts_without_goal(self) -> list[str]:
        """As :func:`dinnet.queries.efforts_without_goal`: efforts that reach no goal, sorted."""
        serving = _reaching(self.succ, self.of("effort"), set(self.of("goal")), q.SUPPORT_EDGES)
        return sorted(e for e in self.of("effort") if e not in serving)

    @cached_property
    def programmes_without_goals(self) -> list[str]:
        """Programmes that state no goal, sorted."""
        with_goals = {self.node[g]["programme"] for g in self.of("goal")}
        return [p for p in self.programmes if p not in with_goals]

    def explained(self, programme: str, what: str) -> int | None:
        """The index of ``programme``'s first ``not_in_text`` entry that ``affects`` ``what``."""
        for n, item in enumerate(self.node[programme].get("not_in_text", [])):
            if what in (item.get("affects") or ()):
                return n
        return None

    @cached_property
    def one_cause(self) -> dict[str, list[str]]:
        """Efforts without goal by the programme whose one root cause they share: it states
        no goals, or an entry under ``not_in_text`` says the links are missing."""
        grouped: dict[str, list[str]] = {}
        no_goals = set(self.programmes_without_goals)
        for e in self.efforts_without_goal:
            p = self.node[e]["programme"]
            if p in no_goals or self.explained(p, "links") is not None:
                grouped.setdefault(p, []).append(e)
        return grouped

    # -- indicators and budgets --------------------------------------------------------

    @cached_property
    def targets(self) -> list[tuple[str, dict[str, Any], dict[int, Any]]]:
        """Every indicator with its attributes and its targets by year (as ints)."""
        node = self.node
        return [(i, node[i], {int(y): v for y, v in (node[i].get("targets") or {}).items()})
                for i in self.of("indicator")]

    @cached_property
    def budget_checks(self) -> list[q.BudgetCheck]:
        """:func:`dinnet.queries.budget_checks` of the graph."""
        return q.budget_checks(self.G, programmes=self.programmes)
