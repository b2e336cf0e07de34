"""Which nodes and links a DIN diagram shows (pure; no Graphviz).

A DIN shows a programme's vision, goals, efforts (with sub-efforts and
results) and projects; indicators are shown on their goals, stakeholders are
left out. A diagram for one strategic goal shows that goal, the goals above it
up to the vision, its sub-goals and everything that reaches it. A link that
leaves the diagram ends in a *stub*: a small node named after the node it
points to.

>>> from dinnet.render._example import example_graph
>>> G = example_graph()
>>> sel = select_din(G, "mini", strategic_goal="SD2")
>>> sel.columns["strategic"], sel.columns["effort"]
(('mini:SD2',), ('mini:E2',))
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..errors import NodeNotFoundError
from ..glossary import message
from ..graph import node_id
from .labels import COLUMNS, natural_key, term

__all__ = ["DRAWN_EDGES", "DinPart", "DinSelection", "check_din", "column_of", "effort_track", "select_din"]

#: Edge kinds drawn in a DIN (``measures`` shows as text on the goal).
DRAWN_EDGES: tuple[str, ...] = ("serves", "refines", "contributes_to", "delivers", "part_of",
                                "implements")


def column_of(G: nx.MultiDiGraph, node: str) -> str | None:
    """The DIN column of ``node``, or ``None`` when it is not drawn.

    >>> from dinnet.render._example import example_graph
    >>> G = example_graph()
    >>> [column_of(G, n) for n in ("mini:visie", "mini:SD1.a", "mini:P1", "mini:S1")]
    ['vision', 'operational', 'project', None]
    """
    return _column(G.nodes[node])


def _column(data: Mapping[str, Any]) -> str | None:
    kind = data.get("kind")
    if kind == "vision":
        return "vision"
    if kind == "goal":
        level = data.get("level")
        return level if level in ("main", "strategic", "operational") else "strategic"
    if kind in ("effort", "result"):
        return "effort"
    if kind == "project":
        return "project"
    return None


def effort_track(G: nx.MultiDiGraph, node: str) -> str | None:
    """The track of an effort; a sub-effort without one gets its parent's.

    >>> from dinnet.render._example import example_graph
    >>> G = example_graph()
    >>> effort_track(G, "mini:E1"), effort_track(G, "mini:E2")
    ('mini:S1', None)
    """
    seen: set[str] = set()
    while node not in seen:
        seen.add(node)
        track = G.nodes[node].get("track")
        if track and track in G:
            return str(track)
        parents = [v for v, keys in G.succ[node].items()
                   if "part_of" in keys and G.nodes[v].get("kind") == "effort"]
        if not parents:
            return None
        node = min(parents, key=natural_key)
    return None


@dataclass(frozen=True)
class DinPart:
    """One page's share of a DIN (:mod:`dinnet.render.pages`).

    ``efforts``: only these efforts, results and sub-efforts (and the
    projects that implement them) are drawn; ``None`` draws all. ``number``
    and ``total`` place the page among the pages of its DIN; ``continued``
    maps another page to the goals of this page that efforts on that page
    serve (drawn as continuation stubs). ``wrap`` scales the width of the
    labels (in characters) for paper: below 1 narrower columns with more
    lines, above 1 wider columns with fewer lines; paper spacing is tighter.
    ``reached`` draws only the goals the page's efforts reach (a
    continuation page: the first page of a split shows them all). ``goals``
    keeps only these operational goals (a goal tree too tall for one page).
    ``aspect`` is the width over height of the sheet: the band of efforts is
    laid out to bring the page closest to it (:mod:`dinnet.render.band`).
    ``extra`` draws these goals, projects and tracks as well: the page of
    what no strategic goal's page shows. ``sheets`` gives the first page
    that draws each element of the DIN: a stub names the page of what it
    points to ("→ SD2 (blad 6)"). ``key`` marks a page for print: it gets a
    legend of the conventions it uses, and its stubs are written as large
    as body text (they name the page to turn to).
    """

    efforts: frozenset[str] | None = None
    number: int = 1
    total: int = 1
    continued: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    wrap: float = 0.75
    reached: bool = False
    goals: frozenset[str] | None = None
    aspect: float = math.sqrt(2)
    extra: frozenset[str] = frozenset()
    sheets: Mapping[str, int] = field(default_factory=dict)
    key: bool = False


@dataclass(frozen=True)
class DinSelection:
    """What one DIN diagram shows.

    ``columns`` maps every column to its node ids (stubs included);
    ``edges`` are ``(means, end, kind)`` triples, where the means may be a
    track (drawn from its frame); ``stubs`` are the outside nodes drawn as
    stubs; ``tracks`` maps a track to its efforts in the diagram, and the
    results only those efforts deliver (empty for a track whose efforts the
    contract does not list). ``merged`` maps a track link that stands for the
    same link of every effort of the track to those efforts (their own links
    are not in ``edges``); ``track_results`` are results every effort of
    their track delivers (those links are not drawn either). ``unlinked``
    gives, per column that a diagram of one strategic goal leaves empty and
    per kind of element, how many of the programme's elements of that kind
    are linked to no strategic goal at all, and how many there are.
    """

    programme: str
    strategic_goal: str | None
    columns: Mapping[str, tuple[str, ...]]
    edges: tuple[tuple[str, str, str], ...]
    stubs: frozenset[str] = frozenset()
    tracks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    merged: Mapping[tuple[str, str, str], tuple[str, ...]] = field(default_factory=dict)
    track_results: frozenset[str] = frozenset()
    unlinked: Mapping[str, tuple[tuple[str, int, int], ...]] = field(default_factory=dict)

    @property
    def nodes(self) -> tuple[str, ...]:
        """All drawn nodes that are not stubs, sorted."""
        return tuple(sorted((n for col in self.columns.values() for n in col
                             if n not in self.stubs), key=natural_key))


def _programme(G: nx.MultiDiGraph, programme: str) -> None:
    if programme not in G or G.nodes[programme].get("kind") != "programme":
        known = sorted(n for n, k in G.nodes(data="kind") if k == "programme")
        raise NodeNotFoundError.of(message("error.unknown_programme", programme=programme,
                                           known=known or message("error.none_known")))


def _strategic_goal(G: nx.MultiDiGraph, programme: str, goal: str) -> str:
    nid = goal if goal in G else node_id(programme, goal)
    data: dict[str, Any] = G.nodes[nid] if nid in G else {}
    if data.get("kind") != "goal" or data.get("programme") != programme:
        known = sorted((n.split(":", 1)[1] for n, d in G.nodes(data=True)
                        if d.get("programme") == programme and d.get("level") == "strategic"),
                       key=natural_key)
        raise NodeNotFoundError.of(message("error.not_a_strategic_goal", goal=goal,
                                           programme=programme,
                                           known=known or message("error.none_known")))
    return nid


def check_din(G: nx.MultiDiGraph, programme: str, *, strategic_goal: str | None = None,
              lang: str = "nl") -> str | None:
    """Raise what drawing this DIN would raise: an unknown programme, goal or language.

    Returns the graph id of ``strategic_goal`` (``None`` without one).

    >>> from dinnet.render._example import example_graph
    >>> check_din(example_graph(), "mini", strategic_goal="SD2")
    'mini:SD2'
    >>> check_din(example_graph(), "mini", strategic_goal="SD9")
    Traceback (most recent call last):
    dinnet.errors.NodeNotFoundError: 'SD9' is not a goal of programme 'mini' (strategic goals: SD1, SD2)
    """
    term("vision", lang)
    _programme(G, programme)
    return None if strategic_goal is None else _strategic_goal(G, programme, strategic_goal)


def select_din(G: nx.MultiDiGraph, programme: str, *, strategic_goal: str | None = None,
               efforts: Collection[str] | None = None, reached: bool = False,
               goals: Collection[str] | None = None,
               extra: Collection[str] = ()) -> DinSelection:
    """The nodes, links, stubs and tracks of a programme's DIN (or one strategic goal's part).

    ``strategic_goal`` is a graph id (``zorg:SD3``) or a local id (``SD3``).
    ``efforts`` keeps only those efforts, results and sub-efforts (and the
    projects that implement them) of the effort and project columns; with
    ``reached`` only the goals those efforts reach stay (with the strategic
    goal and what is above it); ``goals`` keeps only those operational goals;
    ``extra`` adds goals, projects and (empty) tracks of the programme. Raises
    :class:`~dinnet.errors.NodeNotFoundError` for an unknown programme or goal.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> sel = select_din(example_graph(), "mini")
    >>> sel.columns["project"], dict(sel.tracks)
    (('mini:P1',), {'mini:S1': ('mini:E1',)})
    """
    _programme(G, programme)
    column: dict[str, str | None] = {
        n: c for n, d in G.nodes(data=True)
        if d.get("programme") == programme and (c := _column(d)) is not None}
    goal_id = None if strategic_goal is None else _strategic_goal(G, programme, strategic_goal)
    included = _included(G, goal_id, set(column))
    if efforts is not None:
        included = _only(G, included, column, set(efforts))
        if reached:
            included = _reached(G, included, column, goal_id)
    included |= set(extra) & set(column)
    if goals is not None:
        included = {n for n in included if column[n] != "operational" or n in goals}
    tracks = _tracks(G, programme, included, whole=goal_id is None and efforts is None)
    tracks |= {t: [] for t in extra if t in G and G.nodes[t].get("kind") == "track"
               and G.nodes[t].get("programme") == programme and t not in tracks}
    own = dict(column)
    edges, stubs = _links(G, programme, included, column, tracks)
    track_efforts = _track_efforts(G, programme)
    merged = _merge_track_links(G, track_efforts, edges)
    whole_track = _whole_track_results(track_efforts, edges)
    edges -= {e for links in merged.values() for e in links}
    edges -= {e for e in edges if e[2] == "delivers" and e[1] in whole_track}
    edges |= set(merged)
    columns: dict[str, list[str]] = {c: [] for c in COLUMNS}
    for n in included | stubs:
        columns[column[n] or "effort"].append(n)
    unlinked = {} if goal_id is None else _unlinked(G, own, columns)
    return DinSelection(
        programme=programme,
        strategic_goal=goal_id,
        columns={c: tuple(sorted(ns, key=natural_key)) for c, ns in columns.items()},
        edges=tuple(sorted(edges, key=lambda e: (natural_key(e[0]), natural_key(e[1]), e[2]))),
        stubs=frozenset(stubs),
        tracks={t: tuple(sorted(ns, key=natural_key))
                for t, ns in sorted(tracks.items(), key=lambda kv: natural_key(kv[0]))},
        merged={link: tuple(sorted((u for u, _, _ in efforts), key=natural_key))
                for link, efforts in sorted(merged.items())},
        track_results=frozenset(whole_track),
        unlinked=unlinked,
    )


def _included(G: nx.MultiDiGraph, goal: str | None, members: set[str]) -> set[str]:
    """The drawn nodes: all ``members``, or the goal, what is above it and what reaches it."""
    if goal is None:
        return members
    return {goal} | ((nx.descendants(G, goal) | nx.ancestors(G, goal)) & members)


def _only(G: nx.MultiDiGraph, included: set[str], column: Mapping[str, str | None],
          efforts: set[str]) -> set[str]:
    """``included`` with only ``efforts`` in the effort column, and their projects."""
    kept = {n for n in included if column[n] not in ("effort", "project")} | (included & efforts)
    kept |= {n for n in included if column[n] == "project"
             and any(v in efforts for v in G.succ[n])}
    return kept


def _reached(G: nx.MultiDiGraph, included: set[str], column: Mapping[str, str | None],
             goal: str | None) -> set[str]:
    """``included`` without the goals that none of its efforts reaches."""
    means = [n for n in included if column[n] == "effort"]
    keep = set().union(*(nx.descendants(G, n) for n in means)) if means else set()
    if goal is not None:
        keep |= {goal} | nx.descendants(G, goal)
    return {n for n in included if column[n] not in ("vision", "main", "strategic",
                                                      "operational") or n in keep
            or column[n] == "vision"}


def _tracks(G: nx.MultiDiGraph, programme: str, included: set[str], *,
            whole: bool) -> dict[str, list[str]]:
    """Each track and its drawn efforts and results (every track of the programme when ``whole``)."""
    tracks: dict[str, list[str]] = {}
    if whole:
        tracks = {n: [] for n, d in G.nodes(data=True)
                  if d.get("kind") == "track" and d.get("programme") == programme}
    track_of: dict[str, str | None] = {}
    for n in included:
        if G.nodes[n].get("kind") == "effort":
            track = effort_track(G, n)
            if track is not None and G.nodes[track].get("programme") == programme:
                tracks.setdefault(track, []).append(n)
                track_of[n] = track
    for n in included:  # a result sits in the track of the efforts that deliver it
        if G.nodes[n].get("kind") == "result":
            makers = {track_of.get(u) for u, _, k in G.in_edges(n, keys=True)
                      if k == "delivers" and u in included}
            if len(makers) == 1 and None not in makers:
                tracks[makers.pop() or ""].append(n)
    return tracks


def _links(G: nx.MultiDiGraph, programme: str, included: set[str],
           column: dict[str, str | None], tracks: Mapping[str, list[str]]
           ) -> tuple[set[tuple[str, str, str]], set[str]]:
    """The links that touch the diagram (both ends inside, or one a stub), and the stubs.

    A drawn track's own links to goals count as links of the track.
    """
    def drawn(n: str) -> bool:
        if n not in column:
            column[n] = _column(G.nodes[n])
        return column[n] is not None

    edges: set[tuple[str, str, str]] = set()
    stubs: set[str] = set()
    for u, v, kind in G.out_edges(included | set(tracks), keys=True):
        if kind in DRAWN_EDGES and drawn(v):
            if u in tracks and kind != "contributes_to":
                continue
            edges.add((u, v, kind))
            if v not in included:
                stubs.add(v)
    for u, v, kind in G.in_edges(included, keys=True):
        if (kind in DRAWN_EDGES and u not in included and drawn(u)
                and G.nodes[u].get("programme") != programme):
            stubs.add(u)
            edges.add((u, v, kind))
    return edges, stubs


def _track_efforts(G: nx.MultiDiGraph, programme: str) -> dict[str, set[str]]:
    """Every track of the programme with all its efforts (sub-efforts included)."""
    out: dict[str, set[str]] = {}
    for n, d in G.nodes(data=True):
        if d.get("programme") == programme and d.get("kind") == "effort":
            track = effort_track(G, n)
            if track is not None:
                out.setdefault(track, set()).add(n)
    return out


def _merge_track_links(G: nx.MultiDiGraph, track_efforts: Mapping[str, set[str]],
                       edges: set[tuple[str, str, str]]
                       ) -> dict[tuple[str, str, str], set[tuple[str, str, str]]]:
    """Links that every effort of a track (two or more) has to one goal, by track link.

    The DIN draws them as one line from the track's frame: the same fact
    (each effort of the track serves the goal) without a line per effort.
    """
    goals_of: dict[str, set[str]] = {}
    for u, v, kind in edges:
        if kind == "contributes_to":
            goals_of.setdefault(u, set()).add(v)
    merged: dict[tuple[str, str, str], set[tuple[str, str, str]]] = {}
    for track, efforts in track_efforts.items():
        if len(efforts) < 2:
            continue
        for goal in set.intersection(*(goals_of.get(e, set()) for e in efforts)):
            if not G.has_edge(track, goal, "contributes_to"):
                merged[(track, goal, "contributes_to")] = {
                    (e, goal, "contributes_to") for e in efforts}
    return merged


def _whole_track_results(track_efforts: Mapping[str, set[str]],
                         edges: set[tuple[str, str, str]]) -> set[str]:
    """Results that every effort of their track (two or more) delivers."""
    makers: dict[str, set[str]] = {}
    for u, v, kind in edges:
        if kind == "delivers":
            makers.setdefault(v, set()).add(u)
    whole = set()
    for efforts in track_efforts.values():
        if len(efforts) >= 2:
            whole |= {r for r, m in makers.items() if m == efforts}
    return whole


def _unlinked(G: nx.MultiDiGraph, column: Mapping[str, str | None],
              columns: Mapping[str, list[str]]) -> dict[str, tuple[tuple[str, int, int], ...]]:
    """Per column this diagram leaves empty, per kind of element in it: how many of the
    programme's elements are linked to no strategic goal, and how many there are."""
    strategic = {n for n, c in column.items() if c == "strategic"}
    out = {}
    for col in COLUMNS:
        if columns[col] or col in ("vision", "strategic"):
            continue
        counts: dict[str, list[int]] = {}
        for n, c in column.items():
            if c == col:
                kind = G.nodes[n].get("kind", "")
                count = counts.setdefault("goal" if kind == "goal" else kind, [0, 0])
                count[1] += 1
                if not (nx.descendants(G, n) | nx.ancestors(G, n)) & strategic:
                    count[0] += 1
        if counts:
            out[col] = tuple((k, loose, total) for k, (loose, total) in sorted(counts.items()))
    return out
