"""Coverage gaps: goals without efforts, efforts without goals, goals that cannot be measured.

The rule for "a goal has an effort behind it": some effort reaches the goal
along means-to-ends edges, that is it contributes to the goal itself or to
one of its sub-goals at any depth (sub-efforts count through their parent
effort, results through the efforts that deliver them). An effort that serves
only a *parent* goal does not cover its sub-goals.

>>> import dinnet
>>> G = dinnet.load("tests/assets/minimal.yaml")
>>> goals_with_effort(G)
['mini:SD1', 'mini:SD1.a', 'mini:SD2']
>>> coverage_gaps(G).goals_without_effort
()
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..graph import nodes_of
from ._common import SUPPORT_EDGES, reach

__all__ = [
    "CoverageGaps",
    "coverage_gaps",
    "efforts_without_goal",
    "goals_with_effort",
    "goals_without_effort",
    "indicators_without_baseline",
    "indicators_without_target",
    "operational_goals_without_indicator",
    "projects_without_effort",
    "strategic_goals_without_operational_goal",
]


def goals_with_effort(G: nx.MultiDiGraph) -> list[str]:
    """Goals that some effort reaches (directly or through sub-goals), sorted.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.

    Returns
    -------
    list of str
        Goal ids, sorted (a list, like the other coverage queries).

    Examples
    --------
    >>> import dinnet
    >>> goals_with_effort(dinnet.load("tests/assets/minimal.yaml"))
    ['mini:SD1', 'mini:SD1.a', 'mini:SD2']
    """
    reached = reach(G, nodes_of(G, "effort"), SUPPORT_EDGES)
    return sorted(n for n in nodes_of(G, "goal") if n in reached)


def goals_without_effort(G: nx.MultiDiGraph) -> list[str]:
    """Goals no effort reaches, sorted; open goals ("lege kolommen") included.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.

    Returns
    -------
    list of str
        Goal ids, sorted.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> G.remove_node("mini:E2")  # the only effort behind SD2
    >>> goals_without_effort(G)
    ['mini:SD2']
    """
    covered = set(goals_with_effort(G))
    return sorted(n for n in nodes_of(G, "goal") if n not in covered)


def efforts_without_goal(G: nx.MultiDiGraph) -> list[str]:
    """Efforts from which no goal can be reached (a sub-effort inherits its parent's goals).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.

    Returns
    -------
    list of str
        Effort ids, sorted.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> G.remove_node("mini:SD2")  # the only goal E2 serves
    >>> efforts_without_goal(G)
    ['mini:E2']
    """
    serving = reach(G, nodes_of(G, "goal"), SUPPORT_EDGES, forward=False)
    return sorted(n for n in nodes_of(G, "effort") if n not in serving)


def operational_goals_without_indicator(G: nx.MultiDiGraph) -> list[str]:
    """Operational goals that no indicator measures.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.

    Returns
    -------
    list of str
        Goal ids, sorted.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> operational_goals_without_indicator(G)
    []
    >>> G.remove_node("mini:SD1.a.i1")
    >>> operational_goals_without_indicator(G)
    ['mini:SD1.a']
    """
    return sorted(
        n for n in nodes_of(G, "goal")
        if G.nodes[n].get("level") == "operational"
        and not any("measures" in keys for keys in G.pred[n].values())
    )


def indicators_without_baseline(G: nx.MultiDiGraph) -> list[str]:
    """Indicators with no baseline value.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.

    Returns
    -------
    list of str
        Indicator ids, sorted.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> G.nodes["mini:SD1.a.i1"]["baseline_value"]
    30.0
    >>> G.nodes["mini:SD1.a.i1"]["baseline_value"] = None
    >>> indicators_without_baseline(G)
    ['mini:SD1.a.i1']
    """
    return sorted(n for n in nodes_of(G, "indicator") if G.nodes[n].get("baseline_value") is None)


def indicators_without_target(G: nx.MultiDiGraph) -> list[str]:
    """Indicators with no target for any year.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.

    Returns
    -------
    list of str
        Indicator ids, sorted.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> G.nodes["mini:SD1.a.i1"]["targets"]
    {2022: 25.0}
    >>> G.nodes["mini:SD1.a.i1"]["targets"] = {}
    >>> indicators_without_target(G)
    ['mini:SD1.a.i1']
    """
    return sorted(n for n in nodes_of(G, "indicator") if not G.nodes[n].get("targets"))


def projects_without_effort(G: nx.MultiDiGraph) -> list[str]:
    """Projects that implement no effort.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.

    Returns
    -------
    list of str
        Project ids, sorted.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> G.remove_node("mini:E1")  # the effort P1 implements
    >>> projects_without_effort(G)
    ['mini:P1']
    """
    return sorted(
        n for n in nodes_of(G, "project")
        if not any("implements" in keys for keys in G.succ[n].values())
    )


def strategic_goals_without_operational_goal(G: nx.MultiDiGraph) -> list[str]:
    """Strategic goals with no operational goal beneath them.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.

    Returns
    -------
    list of str
        Goal ids, sorted.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> strategic_goals_without_operational_goal(G)
    ['mini:SD2']
    """
    out = []
    for n in nodes_of(G, "goal"):
        if G.nodes[n].get("level") != "strategic":
            continue
        subs = [m for m, keys in G.pred[n].items() if "refines" in keys]
        if not any(G.nodes[m].get("level") == "operational" for m in subs):
            out.append(n)
    return sorted(out)


@dataclass(frozen=True)
class CoverageGaps:
    """All coverage gaps of a graph, each a sorted tuple of node ids."""

    goals_without_effort: tuple[str, ...]
    operational_goals_without_indicator: tuple[str, ...]
    indicators_without_baseline: tuple[str, ...]
    indicators_without_target: tuple[str, ...]
    efforts_without_goal: tuple[str, ...]
    projects_without_effort: tuple[str, ...]
    strategic_goals_without_operational_goal: tuple[str, ...]


def coverage_gaps(G: nx.MultiDiGraph) -> CoverageGaps:
    """Every coverage gap at once.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.

    Returns
    -------
    CoverageGaps
        One sorted tuple of node ids per kind of gap.

    Examples
    --------
    >>> import dinnet
    >>> gaps = coverage_gaps(dinnet.load("tests/assets/minimal.yaml"))
    >>> gaps.strategic_goals_without_operational_goal
    ('mini:SD2',)
    >>> gaps.goals_without_effort
    ()
    """
    return CoverageGaps(
        goals_without_effort=tuple(goals_without_effort(G)),
        operational_goals_without_indicator=tuple(operational_goals_without_indicator(G)),
        indicators_without_baseline=tuple(indicators_without_baseline(G)),
        indicators_without_target=tuple(indicators_without_target(G)),
        efforts_without_goal=tuple(efforts_without_goal(G)),
        projects_without_effort=tuple(projects_without_effort(G)),
        strategic_goals_without_operational_goal=tuple(strategic_goals_without_operational_goal(G)),
    )
