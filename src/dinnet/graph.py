"""Build the DIN graph from validated contracts.

The graph is a :class:`networkx.MultiDiGraph`. Node ids are
``programme:local-id`` (the programme node itself is just ``programme``).
Every node has ``kind``, ``programme``, ``label`` and ``source``; goals also
have ``level``. Edges point **from means to ends** and are keyed by their
``kind``:

============== ===================================== =========================
kind           from -> to                            extra attributes
============== ===================================== =========================
implements     project -> effort
contributes_to effort or result -> goal              strength
part_of        effort -> track, sub-effort -> effort
delivers       effort -> result
refines        goal -> parent goal
serves         top goal -> vision (or programme)
belongs_to     vision or track -> programme
measures       indicator -> goal
involved_in    stakeholder -> effort or project
depends_on     programme -> programme                topics, nodes, text
============== ===================================== =========================

Every edge has a ``source`` too. So ``nx.ancestors(G, goal)`` is everything
done for a goal and ``nx.descendants(G, effort)`` everything an effort serves.

>>> from dinnet.model import Contract
>>> c = Contract.model_validate({
...     "programme": {"id": "p", "name": "P", "municipality": "M",
...                   "period": {"start": 2019, "end": 2022}, "source": "t:1"},
...     "vision": {"label": "V", "source": "t:2"},
...     "goals": [{"id": "SD1", "level": "strategic", "label": "G", "source": "t:3"}],
...     "efforts": [{"id": "E1", "label": "E", "contributes_to": ["SD1"], "source": "t:4"}],
... })
>>> G = build_graph([c])
>>> sorted(nx.descendants(G, "p:E1"))
['p', 'p:SD1', 'p:visie']
>>> G.edges["p:E1", "p:SD1", "contributes_to"]["source"]
't:4'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from .model import Contract, Effort, Goal, Index, Table
from .references import split_ref

__all__ = ["EDGE_KINDS", "NODE_KINDS", "build_graph", "node_id"]

NODE_KINDS = ("programme", "vision", "goal", "indicator", "track", "effort", "result",
              "project", "stakeholder")
EDGE_KINDS = ("implements", "contributes_to", "part_of", "delivers", "refines", "serves",
              "belongs_to", "measures", "involved_in", "depends_on")


def node_id(programme: str, ref: str) -> str:
    """The graph id of a reference made inside ``programme``.

    >>> node_id("zorg", "SD3"), node_id("zorg", "binnenstad:S1")
    ('zorg:SD3', 'binnenstad:S1')
    """
    prog, local = split_ref(ref, programme)
    return f"{prog}:{local}"


def _table(table: Table) -> dict[str, Any]:
    return {
        "id": table.id,
        "title": table.title,
        "unit": table.unit,
        "scale": table.scale,
        "lines": [
            {"label": line.label, "amounts": dict(line.amounts), "text": line.text,
             "ref": line.ref,
             "source": str(line.source) if line.source else str(table.source)}
            for line in table.lines
        ],
        "stated_totals": dict(table.stated_totals),
        "note": table.note,
        "source": str(table.source),
    }


class _Builder:
    def __init__(self, G: nx.MultiDiGraph, contract: Contract) -> None:
        self.G = G
        self.contract = contract
        self.pid = contract.programme.id
        self.pending: list[tuple[str, str, str, dict[str, Any]]] = []

    def node(self, local: str, kind: str, label: str, source: Any, **attrs: Any) -> str:
        nid = f"{self.pid}:{local}"
        self.G.add_node(nid, kind=kind, programme=self.pid, label=label, source=str(source),
                        **attrs)
        return nid

    def edge(self, u: str, ref: str, kind: str, source: Any, **attrs: Any) -> None:
        """An edge to a reference, added once every programme's nodes exist."""
        self.pending.append((u, node_id(self.pid, ref), kind, {"source": str(source), **attrs}))

    def build(self) -> None:
        c, pid = self.contract, self.pid
        p = c.programme
        self.G.add_node(
            pid, kind="programme", programme=pid, label=p.name, source=str(p.source),
            municipality=p.municipality, period=[p.period.start, p.period.end], date=p.date,
            kenmerk=p.kenmerk, note=p.note, roles=p.roles.model_dump(exclude={"source"}),
            budgets=[_table(t) for t in c.budgets], capacity=[_table(t) for t in c.capacity],
            not_in_text=[m.model_dump(mode="json") | {"source": str(m.source)}
                         for m in c.not_in_text],
        )
        top = pid
        if c.vision is not None:
            top = self.node(c.vision.id, "vision", c.vision.label, c.vision.source,
                            text=c.vision.text)
            self.G.add_edge(top, pid, key="belongs_to", kind="belongs_to",
                            source=str(c.vision.source))
        for goal in c.goals:
            self.goal(goal, top, "serves")
        for ind in c.indicators:
            nid = self.node(ind.id, "indicator", ind.label, ind.source, unit=ind.unit,
                            baseline_value=ind.baseline.value if ind.baseline else None,
                            baseline_year=ind.baseline.year if ind.baseline else None,
                            targets=dict(ind.targets), data_source=ind.data_source,
                            direction=ind.direction, note=ind.note)
            for ref in ind.measures:
                self.edge(nid, ref, "measures", ind.source)
        for track in c.tracks:
            nid = self.node(track.id, "track", track.label, track.source,
                            track_type=track.kind, text=track.text)
            self.G.add_edge(nid, pid, key="belongs_to", kind="belongs_to", source=str(track.source))
        for effort in c.efforts:
            self.effort(effort, None)
        for res in c.results:
            nid = self.node(res.id, "result", res.label, res.source)
            for ref in res.delivered_by:
                self.pending.append((node_id(pid, ref), nid, "delivers",
                                     {"source": str(res.source)}))
            self.links(nid, res.contributes_to, res.source)
        for proj in c.projects:
            nid = self.node(proj.id, "project", proj.label, proj.source, role=proj.role,
                            lijnproject=proj.lijnproject, planning=proj.planning, note=proj.note,
                            **_budget(proj.budget))
            for ref in proj.implements:
                self.edge(nid, ref, "implements", proj.source)
            for ref in proj.stakeholders:
                self.pending.append((node_id(pid, ref), nid, "involved_in",
                                     {"source": str(proj.source)}))
        for sh in c.stakeholders:
            self.node(sh.id, "stakeholder", sh.label, sh.source)
        for rel in c.relations:
            self.pending.append((pid, rel.programme, "depends_on", {
                "source": str(rel.source), "topics": list(rel.topics),
                "nodes": [node_id(pid, n) for n in rel.nodes], "text": rel.text}))

    def goal(self, goal: Goal, parent: str, kind: str) -> None:
        nid = self.node(goal.id, "goal", goal.label, goal.source, level=goal.level,
                        text=goal.text, open=goal.open, note=goal.note)
        self.G.add_edge(nid, parent, key=kind, kind=kind, source=str(goal.source))
        for sub in goal.goals:
            self.goal(sub, nid, "refines")

    def effort(self, effort: Effort, parent: str | None) -> None:
        nid = self.node(effort.id, "effort", effort.label, effort.source, text=effort.text,
                        planning=effort.planning,
                        track=node_id(self.pid, effort.track) if effort.track else None,
                        **_budget(effort.budget))
        if parent is not None:
            self.G.add_edge(nid, parent, key="part_of", kind="part_of", source=str(effort.source))
        if effort.track is not None:
            self.edge(nid, effort.track, "part_of", effort.source)
        self.links(nid, effort.contributes_to, effort.source)
        for ref in effort.stakeholders:
            self.pending.append((node_id(self.pid, ref), nid, "involved_in",
                                 {"source": str(effort.source)}))
        for sub in effort.efforts:
            self.effort(sub, nid)

    def links(self, nid: str, items: Iterable[Any], source: Any) -> None:
        for item in items:
            if isinstance(item, str):
                self.edge(nid, item, "contributes_to", source, strength=None)
            else:
                self.edge(nid, item.goal, "contributes_to", item.source or source,
                          strength=item.strength)


def _budget(budget: Any) -> dict[str, Any]:
    if budget is None:
        return {"budget": {}, "budget_text": None}
    return {"budget": dict(budget.amounts), "budget_text": budget.text}


def build_graph(contracts: Iterable[Contract], *, indexes: Iterable[Index] = ()) -> nx.MultiDiGraph:
    """One graph of all ``contracts`` (sorted by programme id).

    References to nodes that are not in the graph (programmes not loaded) are
    not drawn; they are listed in ``G.graph["unresolved"]``.
    """
    G = nx.MultiDiGraph()
    G.graph["index"] = [i.model_dump(mode="json") for i in indexes]
    builders = [_Builder(G, c) for c in sorted(contracts, key=lambda c: c.programme.id)]
    for b in builders:
        b.build()
    unresolved: list[dict[str, Any]] = []
    for b in builders:
        for u, v, kind, attrs in b.pending:
            if u in G and v in G:
                G.add_edge(u, v, key=kind, kind=kind, **attrs)
            else:
                unresolved.append({"from": u, "to": v, "kind": kind, "source": attrs["source"]})
    G.graph["unresolved"] = unresolved
    return G
