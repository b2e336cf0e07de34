"""How the status of each indicator, goal, effort and project moved between two moments
(``dinnet diff`` of two measurements files)."""

from __future__ import annotations

import datetime as dt

import networkx as nx

from .change import Change

__all__ = ["status_changes"]


def _moment(G: nx.MultiDiGraph) -> dt.date:
    """The moment a graph's measurements stand for: the latest date of its measurement sets
    (``date:`` of a file), else today."""
    dates = [dt.date.fromisoformat(s["date"]) for s in G.graph.get("measurement_sets") or ()
             if s.get("date")]
    return max(dates, default=dt.date.today())


def status_changes(old: nx.MultiDiGraph, new: nx.MultiDiGraph, *,
                   as_of: tuple[dt.date, dt.date] | None = None) -> list[Change]:
    """How the status of each indicator, goal, effort and project moved between two moments.

    Each graph is judged on its own moment (``as_of``: by default the latest
    ``date`` of its measurements files, else today): indicators and goals by
    :func:`~dinnet.queries.indicator_status` and
    :func:`~dinnet.queries.goal_status`, efforts and projects by their latest
    reported state. A node present in both whose status differs is one
    ``changed`` change of kind ``"status"`` (field ``"status"``, or ``"state"``
    for an effort or project).
    """
    from ..queries.monitoring import goal_status, indicator_status, latest_realisation

    when_old, when_new = as_of or (_moment(old), _moment(new))
    changes = []
    a: str | None
    b: str | None
    for node, data in new.nodes(data=True):
        kind = data.get("kind")
        if node not in old or old.nodes[node].get("kind") != kind:
            continue
        if kind in ("indicator", "goal"):
            judge = indicator_status if kind == "indicator" else goal_status
            a, b = judge(old, node, when_old).status, judge(new, node, when_new).status
            field = "status"
        elif kind in ("effort", "project"):
            found = [latest_realisation(G, node, when) for G, when in
                     ((old, when_old), (new, when_new))]
            a, b = (r.state if r is not None else None for r in found)
            field = "state"
        else:
            continue
        if a != b:
            changes.append(Change("changed", "status", node, str(data.get("label", "")), field,
                                  a, b))
    return sorted(changes, key=lambda c: c.id)
