"""Progress along the DIN: the status of indicators, goals and efforts on a date.

An indicator's status comes from :func:`dinnet.queries.status.assess` (the
formula, ``docs/monitoring.md``) on its baseline and targets in the contract
and its measurements: ``G.nodes[indicator]["measurements"]`` (a measurement
set) and the contract's own *realisatie* and *verwacht* per year. A goal's
status rolls up the statuses of its indicators and sub-goals: the worst
known one (:func:`dinnet.queries.status.roll_up`). Efforts and projects carry
what was reported about them in ``G.nodes[node]["realisations"]``.

>>> import dinnet
>>> from datetime import date
>>> from dinnet.queries import Reading
>>> G = dinnet.load("tests/assets/minimal.yaml")
>>> G.nodes["mini:SD1.a.i1"]["measurements"] = (Reading(date(2020, 12, 31), 28.0),)
>>> st = goal_status(G, "mini:SD1", date(2021, 6, 30))
>>> st.status, st.behind
('behind', ('mini:SD1.a.i1',))
>>> [r.node for r in remedies(G, "mini:SD1")]
['mini:E1', 'mini:P1']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..contract.measurements import contract_measurements
from ..errors import DinnetError
from ..glossary import Message, message
from ..graph import nodes_of
from ._common import SUPPORT_EDGES, goals_served, reach, require
from .status import TOLERANCE, IndicatorStatus, assess, roll_up, target_path

__all__ = [
    "EffortOutlook",
    "GoalStatus",
    "Remedy",
    "behind",
    "effort_outlook",
    "goal_status",
    "indicator_status",
    "latest_realisation",
    "measurements_of",
    "progress",
    "remedies",
]


@dataclass(frozen=True)
class GoalStatus:
    """The status of a goal on ``as_of``, rolled up from its indicators and sub-goals.

    Attributes
    ----------
    goal : str
        The goal's node id.
    as_of : datetime.date
    status : str
        The worst known status of ``indicators`` and ``sub_goals``
        (``unknown`` when none is known).
    reason : Message
        How many indicators beneath the goal have a status.
    indicators : tuple of IndicatorStatus
        The indicators that measure the goal itself, by id.
    sub_goals : tuple of str
        The goals that refine it, by id (their statuses: :func:`goal_status`
        or :func:`progress`).
    counts : dict of str to int
        Per status, the number of indicators beneath the goal (its own and
        its sub-goals' at any depth, each once).
    behind : tuple of str
        The indicators beneath the goal that are behind, by id.
    """

    goal: str
    as_of: dt.date
    status: str
    reason: Message
    indicators: tuple[IndicatorStatus, ...] = ()
    sub_goals: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    behind: tuple[str, ...] = ()


@dataclass(frozen=True)
class Remedy:
    """An effort or project that serves a goal (or one of its sub-goals).

    Attributes
    ----------
    node : str
        The effort or project.
    kind : str
        ``"effort"`` or ``"project"``.
    serves : tuple of str
        The nearest goals under the goal asked about that it serves, by id.
    track : str or None
        The effort's track (through whose link it may serve the goal).
    realisation : object or None
        The latest report on it (``.date``, ``.state``, ``.explanation``, ``.source``).
    """

    node: str
    kind: str
    serves: tuple[str, ...]
    track: str | None = None
    realisation: Any = None


@dataclass(frozen=True)
class EffortOutlook:
    """An effort or project, what was reported on it, and how the goals it serves are doing.

    Attributes
    ----------
    node : str
    as_of : datetime.date
    realisation : object or None
        The latest report on or before ``as_of``.
    goals : tuple of GoalStatus
        The goals it serves itself (own links, its track's, its results'; a
        sub-effort without any: its parent's; a project: its efforts'), by id.
    """

    node: str
    as_of: dt.date
    realisation: Any
    goals: tuple[GoalStatus, ...]


def measurements_of(G: nx.MultiDiGraph, indicator: str) -> tuple[Any, ...]:
    """The measurements of ``indicator``, by date: the measurement set's and the contract's.

    The contract's own *realisatie* and *verwacht* per year count as
    measurements on the last day of the year, citing the indicator's source
    (:func:`dinnet.contract.measurements.contract_measurements`), unless a
    measurements file has a value of the same kind on that date.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    indicator : str
        An indicator of ``G``.

    Returns
    -------
    tuple
        Measurements (``.date``, ``.value``, ``.kind``, ``.approximate``, ``.source``),
        sorted by date.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("examples/zonnedal")
    >>> for m in measurements_of(G, "duurzaam-zonnedal:BBV2"):
    ...     print(m.date.year, m.value, m.kind, m.source)
    2022 3150.0 realised begroting-2024.txt:33-34
    2023 3400.0 expected begroting-2024.txt:33-34
    2024 3720.0 realised Jaarverslag 2024 (fictief), blz. 13
    2025 4050.0 realised Jaarverslag 2025 (fictief), blz. 12
    """
    _indicator(G, indicator)
    measured = list(G.nodes[indicator].get("measurements") or ())
    have = {(m.date, m.kind) for m in measured}
    measured += [m for m in _contract_values(G, indicator) if (m.date, m.kind) not in have]
    return tuple(sorted(measured, key=lambda m: (m.date, m.kind == "realised")))


def _contract_values(G: nx.MultiDiGraph, indicator: str) -> list[Any]:
    """The contract's own realised and expected values of ``indicator``, as measurements."""
    data = G.nodes[indicator]
    return list(contract_measurements(indicator, data.get("realised") or {},
                                      data.get("expected") or {},
                                      data.get("approximate") or {}, data.get("source") or ""))


def _indicator(G: nx.MultiDiGraph, node: str) -> None:
    _kind(G, node, "indicator")


def _kind(G: nx.MultiDiGraph, node: str, *kinds: str) -> None:
    require(G, node)
    kind = G.nodes[node]["kind"]
    if kind not in kinds:
        raise DinnetError.of(message("error.status_kind", node=repr(node), kind_term=kind,
                                     wanted_terms=list(kinds)))


def indicator_status(G: nx.MultiDiGraph, indicator: str, as_of: dt.date, *,
                     tolerance: float = TOLERANCE) -> IndicatorStatus:
    """The status of ``indicator`` on ``as_of`` (``docs/monitoring.md``).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph, with ``measurements`` on its indicators where there are any.
    indicator : str
        An indicator of ``G``.
    as_of : datetime.date
        The date asked about: later measurements do not count.
    tolerance : float, default 0.05
        The band around the path (:func:`dinnet.queries.status.assess`).

    Returns
    -------
    IndicatorStatus

    Examples
    --------
    >>> import dinnet
    >>> from datetime import date
    >>> from dinnet.queries import Reading
    >>> G = dinnet.load("tests/assets/minimal.yaml")   # fijnstof: 30 in 2018 to 25 in 2022
    >>> G.nodes["mini:SD1.a.i1"]["measurements"] = (Reading(date(2020, 12, 31), 27.0),)
    >>> st = indicator_status(G, "mini:SD1.a.i1", date(2021, 3, 1))
    >>> st.status, round(st.compared_with, 2), st.target.year
    ('ahead', 27.5, 2022)
    >>> indicator_status(G, "mini:SD1.a.i1", date(2020, 3, 1)).status
    'unknown'
    """
    _indicator(G, indicator)
    data = G.nodes[indicator]
    measured = measurements_of(G, indicator)
    marks = data.get("approximate") or {}
    path = target_path((data.get("baseline_year"), data.get("baseline_value")),
                       data.get("targets") or {},
                       baseline_approximate=data.get("baseline_approximate"),
                       targets_approximate=marks.get("targets"),
                       history=_contract_values(G, indicator))
    return assess(path, measured, as_of, direction=data.get("direction"), indicator=indicator,
                  tolerance=tolerance)


_BENEATH = frozenset({"refines", "measures"})


class _Roll:
    """Statuses of one graph on one date, each indicator computed once."""

    def __init__(self, G: nx.MultiDiGraph, as_of: dt.date, tolerance: float) -> None:
        self.G, self.as_of, self.tolerance = G, as_of, tolerance
        self.indicators: dict[str, IndicatorStatus] = {}

    def indicator(self, node: str) -> IndicatorStatus:
        found = self.indicators.get(node)
        if found is None:
            found = self.indicators[node] = indicator_status(self.G, node, self.as_of,
                                                             tolerance=self.tolerance)
        return found

    def _below(self, goal: str, edge: str, kind: str) -> list[str]:
        G = self.G
        return sorted(u for u, keys in G.pred[goal].items()
                      if edge in keys and G.nodes[u]["kind"] == kind and u != goal)

    def goal(self, goal: str) -> GoalStatus:
        """The roll-up: the worst known status of every indicator beneath ``goal``.

        For goals without cycles this is the worst of its own indicators and
        its sub-goals' statuses; walking down once also gives each indicator
        once and ends on a cycle of ``refines`` links.
        """
        G = self.G
        beneath = sorted(n for n in reach(G, [goal], _BENEATH, forward=False)
                         if G.nodes[n]["kind"] == "indicator")
        statuses = [self.indicator(i).status for i in beneath]
        counts = {s: statuses.count(s) for s in dict.fromkeys(statuses)}
        known = len(statuses) - counts.get("unknown", 0)
        if not statuses:
            reason = message("status.goal_none")
        elif not known:
            reason = message("status.goal_unknown", total=len(statuses))
        else:
            reason = message("status.goal_worst", known=known, total=len(statuses))
        own = tuple(self.indicator(i) for i in self._below(goal, "measures", "indicator"))
        return GoalStatus(goal, self.as_of, roll_up(statuses), reason, own,
                          tuple(self._below(goal, "refines", "goal")), counts,
                          tuple(i for i, s in zip(beneath, statuses, strict=True)
                                if s == "behind"))


def goal_status(G: nx.MultiDiGraph, goal: str, as_of: dt.date, *,
                tolerance: float = TOLERANCE) -> GoalStatus:
    """The status of ``goal`` on ``as_of``: the worst known status of what lies beneath.

    The goal's own indicators (``measures``) and its sub-goals (``refines``,
    nested or listed under ``refines``), each rolled up the same way; an
    ``unknown`` part is left out, and a goal with no known part is ``unknown``
    (:func:`dinnet.queries.status.roll_up`). So a goal is ``behind`` as soon
    as one indicator beneath it, at any depth, is behind.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    goal : str
        A goal of ``G``.
    as_of : datetime.date
        The date asked about.
    tolerance : float, default 0.05
        The band around each indicator's path.

    Returns
    -------
    GoalStatus

    Examples
    --------
    >>> import dinnet
    >>> from datetime import date
    >>> from dinnet.queries import Reading
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> G.nodes["mini:SD1.a.i1"]["measurements"] = (Reading(date(2022, 12, 31), 24.0),)
    >>> st = goal_status(G, "mini:SD1", date(2023, 1, 1))
    >>> st.status, st.counts, st.sub_goals
    ('reached', {'reached': 1}, ('mini:SD1.a',))
    >>> goal_status(G, "mini:SD2", date(2023, 1, 1)).reason.text("en")
    'no indicator measures this goal or a sub-goal'
    """
    _kind(G, goal, "goal")
    return _Roll(G, as_of, tolerance).goal(goal)


def progress(G: nx.MultiDiGraph, as_of: dt.date, programme: str | None = None, *,
             tolerance: float = TOLERANCE) -> dict[str, IndicatorStatus | GoalStatus]:
    """The status of every indicator and goal on ``as_of`` (of one programme, if given).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    as_of : datetime.date
        The date asked about.
    programme : str, optional
        A programme id: only its indicators and goals.
    tolerance : float, default 0.05
        The band around each indicator's path.

    Returns
    -------
    dict
        Node id to :class:`IndicatorStatus` or :class:`GoalStatus`, sorted by id.

    Examples
    --------
    >>> import dinnet
    >>> from datetime import date
    >>> from dinnet.queries import Reading
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> {n: s.status for n, s in progress(G, date(2021, 1, 1)).items()}  # nothing measured
    ... # doctest: +NORMALIZE_WHITESPACE
    {'mini:SD1': 'unknown', 'mini:SD1.a': 'unknown', 'mini:SD1.a.i1': 'unknown',
     'mini:SD2': 'unknown'}
    """
    if programme is not None:
        _kind(G, programme, "programme")
    roll = _Roll(G, as_of, tolerance)
    found: dict[str, IndicatorStatus | GoalStatus] = {}
    for kind, get in (("indicator", roll.indicator), ("goal", roll.goal)):
        for node in nodes_of(G, kind):
            if programme is None or G.nodes[node]["programme"] == programme:
                found[node] = get(node)
    return dict(sorted(found.items()))


def behind(G: nx.MultiDiGraph, as_of: dt.date, programme: str | None = None, *,
           tolerance: float = TOLERANCE, indicators: Iterable[str] | None = None
           ) -> list[GoalStatus]:
    """The goals behind schedule on ``as_of`` (of one programme, if given), by id.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    as_of : datetime.date
        The date asked about.
    programme : str, optional
        A programme id.
    tolerance : float, default 0.05
        The band around each indicator's path.
    indicators : iterable of str, optional
        The indicator ids of ``G``, when the caller has them at hand (the audit's
        :class:`~dinnet.audit.context.AuditContext`: finding them is a pass over every
        node); default: found here.

    Returns
    -------
    list of GoalStatus

    Examples
    --------
    >>> import dinnet
    >>> from datetime import date
    >>> from dinnet.queries import Reading
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> G.nodes["mini:SD1.a.i1"]["measurements"] = (Reading(date(2022, 12, 31), 26.0),)
    >>> [s.goal for s in behind(G, date(2023, 1, 1))]
    ['mini:SD1', 'mini:SD1.a']
    """
    if programme is not None:
        _kind(G, programme, "programme")
    # A goal is behind when an indicator beneath it is (roll_up), and an indicator can be
    # behind only with a value to judge: only the goals above such indicators are rolled up.
    roll = _Roll(G, as_of, tolerance)
    late = [i for i in (nodes_of(G, "indicator") if indicators is None else indicators)
            if _measured(G.nodes[i]) and roll.indicator(i).status == "behind"]
    above = reach(G, late, _BENEATH) if late else set()
    goals = sorted(g for g in above if G.nodes[g]["kind"] == "goal"
                   and (programme is None or G.nodes[g]["programme"] == programme))
    return [s for s in map(roll.goal, goals) if s.status == "behind"]


def _measured(data: dict[str, Any]) -> bool:
    """Whether an indicator has a value to judge (a measurement, or a realised or expected
    value in the contract); without one its status is ``unknown``."""
    return bool(data.get("measurements") or data.get("realised") or data.get("expected"))


def latest_realisation(G: nx.MultiDiGraph, node: str, as_of: dt.date | None = None) -> Any:
    """The latest report on an effort or project (on or before ``as_of``, if given), or None.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph, with ``realisations`` on efforts and projects where reported.
    node : str
        A node of ``G``.
    as_of : datetime.date, optional
        Reports after this date do not count.

    Returns
    -------
    object or None
        A realisation (``.date``, ``.state`` ``"realised"``, ``"partly"`` or
        ``"not_realised"``, ``.explanation``, ``.source``).

    Examples
    --------
    >>> import dinnet
    >>> from datetime import date
    >>> from dinnet.queries import Reading
    >>> from types import SimpleNamespace as Report
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> G.nodes["mini:E1"]["realisations"] = (Report(date=date(2020, 12, 31), state="partly"),
    ...                                       Report(date=date(2021, 12, 31), state="realised"))
    >>> latest_realisation(G, "mini:E1", date(2021, 6, 1)).state
    'partly'
    >>> latest_realisation(G, "mini:E2") is None
    True
    """
    require(G, node)
    reports = [r for r in G.nodes[node].get("realisations") or ()
               if as_of is None or r.date <= as_of]
    return max(reports, key=lambda r: r.date, default=None)


def _served(G: nx.MultiDiGraph, node: str, seen: frozenset[str] = frozenset()) -> set[str]:
    """The goals ``node`` serves itself (see :class:`EffortOutlook`)."""
    kind = G.nodes[node]["kind"]
    seen = seen | {node}
    if kind == "project":
        return set().union(*(_served(G, e, seen) for e, keys in G.succ[node].items()
                             if "implements" in keys and e not in seen))
    goals = set(goals_served(G, node))
    for v, keys in G.succ[node].items():
        if "delivers" in keys:
            goals.update(goals_served(G, v))
    if not goals and kind == "effort":
        for v, keys in G.succ[node].items():
            if "part_of" in keys and G.nodes[v]["kind"] == "effort" and v not in seen:
                goals |= _served(G, v, seen)
    return goals


def _nearest(G: nx.MultiDiGraph, goals: Iterable[str]) -> set[str]:
    """``goals`` without those that another of them refines into."""
    goals = set(goals)
    above: set[str] = set()
    for g in goals:
        above |= reach(G, [g], frozenset({"refines"})) - {g}
    return goals - above


def remedies(G: nx.MultiDiGraph, goal: str, as_of: dt.date | None = None) -> list[Remedy]:
    """The efforts and projects that serve ``goal`` or a sub-goal: what is done about it.

    Everything that reaches the goal along means-to-ends links (as
    :func:`dinnet.queries.how`): efforts with a link of their own, efforts of
    a track whose link says the track as a whole serves it, their
    sub-efforts, the efforts delivering a result that serves it, and the
    projects implementing any of these; with the latest report on each.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    goal : str
        A goal of ``G``.
    as_of : datetime.date, optional
        Reports after this date do not count.

    Returns
    -------
    list of Remedy
        Efforts first, then projects, each by id.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> [(r.node, r.serves, r.track) for r in remedies(G, "mini:SD1")]
    [('mini:E1', ('mini:SD1.a',), 'mini:S1'), ('mini:P1', ('mini:SD1.a',), None)]
    """
    _kind(G, goal, "goal")
    under = reach(G, [goal], frozenset({"refines"}), forward=False)
    means = reach(G, [goal], SUPPORT_EDGES, forward=False)
    found = []
    for kind in ("effort", "project"):
        for node in sorted(n for n in means if G.nodes[n]["kind"] == kind):
            serves = _served(G, node) & under or _nearest(
                G, reach(G, [node], SUPPORT_EDGES) & under)
            found.append(Remedy(node, kind, tuple(sorted(_nearest(G, serves))),
                                G.nodes[node].get("track"), latest_realisation(G, node, as_of)))
    return found


def effort_outlook(G: nx.MultiDiGraph, effort: str, as_of: dt.date, *,
                   tolerance: float = TOLERANCE) -> EffortOutlook:
    """An effort (or project): its latest report and how the goals it serves are doing.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    effort : str
        An effort or project of ``G``.
    as_of : datetime.date
        The date asked about.
    tolerance : float, default 0.05
        The band around each indicator's path.

    Returns
    -------
    EffortOutlook

    Examples
    --------
    >>> import dinnet
    >>> from datetime import date
    >>> from dinnet.queries import Reading
    >>> G = dinnet.load("tests/assets/minimal.yaml")
    >>> G.nodes["mini:SD1.a.i1"]["measurements"] = (Reading(date(2022, 12, 31), 26.0),)
    >>> out = effort_outlook(G, "mini:P1", date(2023, 1, 1))
    >>> [(g.goal, g.status) for g in out.goals], out.realisation
    ([('mini:SD1.a', 'behind')], None)
    """
    _kind(G, effort, "effort", "project")
    roll = _Roll(G, as_of, tolerance)
    goals = tuple(roll.goal(g) for g in sorted(_served(G, effort)))
    return EffortOutlook(effort, as_of, latest_realisation(G, effort, as_of), goals)
