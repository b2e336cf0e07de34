"""Build the DIN graph from validated contracts.

The graph is a :class:`networkx.MultiDiGraph`. Node ids are
``programme:local-id`` (the programme node itself is just ``programme``).
Every node has ``kind``, ``programme``, ``label`` and ``source``; goals also
have ``level``. Edges point **from means to ends** and are keyed by their
``kind``:

============== ===================================== =========================
kind           from -> to                            extra attributes
============== ===================================== =========================
implements     project -> effort                     inferred, note
contributes_to effort, result or track -> goal       level, strength, inferred, note
part_of        effort -> track, sub-effort -> effort
delivers       effort -> result
refines        goal -> parent goal (and any goal it    inferred, note (on a goal's
               lists under ``refines``)              own ``refines``)
serves         top goal -> vision (or programme)
belongs_to     vision or track -> programme
measures       indicator -> goal                     inferred, note
involved_in    stakeholder -> effort or project
depends_on     programme -> programme                topics, nodes, text
============== ===================================== =========================

Every edge has a ``source`` too. So ``nx.ancestors(G, goal)`` is everything
done for a goal and ``nx.descendants(G, effort)`` everything an effort serves.
A ``contributes_to`` edge's ``level`` is the kind of element that states it:
``"effort"``, ``"result"`` or ``"track"`` (the track as a whole serves the
goal; its efforts reach the goal through their ``part_of`` edge to the
track). ``inferred`` is true for a link the text implies but does not state.

>>> from dinnet.contract.model import Contract
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

import contextlib
import gc
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, get_args

import networkx as nx

from .contract.references import split_ref

if TYPE_CHECKING:  # the graph is built from validated models, or from the cache without them
    from .contract.model import Contract, Effort, Goal, Index, Table

__all__ = ["EDGE_KINDS", "NODE_KINDS", "Fragment", "assemble", "build_graph", "collector_paused",
           "contract_fragment",
           "location_key", "node_id", "nodes_of"]

#: The kinds of nodes and of links (the type a load from the cache unpacks them as:
#: :data:`dinnet.io.loading.Part`), and the same as tuples.
NodeKind = Literal["programme", "vision", "goal", "indicator", "track", "effort", "result",
                   "project", "stakeholder"]
LinkKind = Literal["implements", "contributes_to", "part_of", "delivers", "refines", "serves",
                   "belongs_to", "measures", "involved_in", "depends_on"]
NODE_KINDS: tuple[str, ...] = get_args(NodeKind)
EDGE_KINDS: tuple[str, ...] = get_args(LinkKind)


def location_key(programme: str, part: str, item: str | int) -> str:
    """The key in ``G.graph["locations"]`` of a part of a contract that is no node.

    Elements are located by their node id; budget and capacity tables
    (``part="table"``, by table id), relations (``"relation"``, by the other
    programme) and ``not_in_text`` entries (by position) by this key.

    >>> location_key("zorg", "table", "B1")
    'zorg#table:B1'
    """
    return f"{programme}#{part}:{item}"


def node_id(programme: str, ref: str) -> str:
    """The graph id of a reference made inside ``programme``.

    >>> node_id("zorg", "SD3"), node_id("zorg", "binnenstad:S1")
    ('zorg:SD3', 'binnenstad:S1')
    """
    prog, local = split_ref(ref, programme)
    return f"{prog}:{local}"


def nodes_of(G: nx.MultiDiGraph, kind: str) -> Iterator[str]:
    """Node ids of one kind, in graph order.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    kind : str
        One of :data:`NODE_KINDS`.

    Returns
    -------
    Iterator[str]
        The ids of the nodes whose ``kind`` is ``kind``.

    Examples
    --------
    >>> import dinnet
    >>> sorted(nodes_of(dinnet.load(), "programme"))[:3]
    ['binnenstad', 'duurzaamheid', 'economie-en-participatie']
    """
    return (n for n, data in G.nodes(data=True) if data.get("kind") == kind)


def _table(table: Table) -> dict[str, Any]:
    return {
        "id": table.id,
        "title": table.title,
        "unit": table.unit,
        "scale": table.scale,
        "lines": [
            {"label": line.label, "amounts": dict(line.amounts),
             "approximate": dict(line.approximate), "text": line.text, "ref": line.ref,
             "source": str(line.source) if line.source else str(table.source)}
            for line in table.lines
        ],
        "stated_totals": dict(table.stated_totals),
        "approximate_totals": dict(table.approximate_totals),
        "note": table.note,
        "source": str(table.source),
    }


#: One contract's part of the graph, as plain data (lists, dicts, text, numbers), in columns
#: so that it packs and unpacks into few objects, each list of one type (a typed decoder
#: checks them as it unpacks them: :data:`dinnet.io.loading.Part`): ``{"programme": id,
#: "nodes": [id, ...], "attrs": [attrs, ...], "others": [id, ...], "links": [u, v, u, v,
#: ...], "link_keys": [key, ...], "link_attrs": [attrs, ...], "pending": [u, v, ...],
#: "pending_keys": [kind, ...], "pending_attrs": [attrs, ...]}``. A link's ends ``u`` and
#: ``v`` are numbers: the place of a node id in the fragment's *names*, its nodes' ids
#: followed by ``others`` (the ids it refers to that are not its own nodes), so each id is
#: kept once. ``links`` join nodes of the contract itself; ``pending`` links are resolved
#: when the fragments are put together, and may point into other programmes. What
#: :func:`contract_fragment` makes, :func:`assemble` reads.
Fragment = dict[str, Any]
#: The columns of a fragment's two kinds of links: their ends, keys, and attributes.
FIELDS = {"links": ("link_keys", "link_attrs"), "pending": ("pending_keys", "pending_attrs")}


class _Builder:
    """Collects one contract's nodes, its tree links and its links by reference.

    Hot path of :func:`dinnet.load` (tens of thousands of elements): every
    source is turned into text once, and references become node ids inline.
    """

    def __init__(self, contract: Contract) -> None:
        self.contract = contract
        self.pid = contract.programme.id
        self.prefix = self.pid + ":"
        self.nodes: list[Any] = []
        self.links: list[Any] = []
        self.pending: list[Any] = []

    def add_node(self, nid: str, **attrs: Any) -> None:
        self.nodes.append([nid, attrs])

    def add_edge(self, u: str, v: str, key: str, **attrs: Any) -> None:
        self.links.append([u, v, key, attrs])

    def ref(self, ref: str) -> str:
        """The node id of a reference (as :func:`node_id`)."""
        return ref if ":" in ref else self.prefix + ref

    def fragment(self) -> Fragment:
        self.build()
        at: dict[str, int] = {}
        for i, (n, _) in enumerate(self.nodes):
            at.setdefault(n, i)
        others: list[str] = []

        def place(n: str) -> int:
            i = at.get(n)
            if i is None:
                i = at[n] = len(self.nodes) + len(others)
                others.append(n)
            return i

        fragment: Fragment = {"programme": self.pid,
                              "nodes": [n for n, _ in self.nodes],
                              "attrs": [attrs for _, attrs in self.nodes], "others": others}
        for field, links in (("links", self.links), ("pending", self.pending)):
            fragment[field] = [x for u, v, _, _ in links for x in (place(u), place(v))]
            fragment[FIELDS[field][0]] = [key for _, _, key, _ in links]
            fragment[FIELDS[field][1]] = [attrs for _, _, _, attrs in links]
        return fragment

    def build(self) -> None:
        c, pid, prefix = self.contract, self.pid, self.prefix
        add_node, add_edge, pending, ref = self.add_node, self.add_edge, self.pending, self.ref
        p = c.programme
        add_node(
            pid, kind="programme", programme=pid, label=p.name, source=str(p.source),
            municipality=p.municipality, period=[p.period.start, p.period.end], date=p.date,
            version=p.version, kenmerk=p.kenmerk, note=p.note,
            roles=p.roles.model_dump(exclude={"source"}),
            roles_source=str(p.roles.source) if p.roles.source else None,
            budgets=[_table(t) for t in c.budgets], capacity=[_table(t) for t in c.capacity],
            not_in_text=[m.model_dump(mode="json") | {"source": str(m.source)}
                         for m in c.not_in_text],
        )
        top = pid
        if c.vision is not None:
            v = c.vision
            src = str(v.source)
            top = prefix + v.id
            add_node(top, kind="vision", programme=pid, label=v.label, source=src, text=v.text)
            add_edge(top, pid, key="belongs_to", kind="belongs_to", source=src)
        for goal in c.goals:
            self.goal(goal, top, "serves")
        for ind in c.indicators:
            nid = prefix + ind.id
            src = str(ind.source)
            base = ind.baseline
            add_node(nid, kind="indicator", programme=pid, label=ind.label, source=src,
                     unit=ind.unit,
                     baseline_value=base.value if base else None,
                     baseline_year=base.year if base else None,
                     baseline_approximate=base.approximate if base else None,
                     baseline_note=base.note if base else None,
                     targets=dict(ind.targets), expected=dict(ind.expected),
                     realised=dict(ind.realised),
                     approximate={k: dict(v) for k, v in ind.approximate.items()},
                     data_source=ind.data_source, direction=ind.direction, note=ind.note)
            for m in ind.measures:
                pending.append(self.link(nid, m, "goal", "measures", src))
            if not ind.measures:  # the programme as a whole
                pending.append([nid, pid, "measures", {"kind": "measures", "source": src, "inferred": False,
                                                       "note": None}])
        for track in c.tracks:
            nid = prefix + track.id
            src = str(track.source)
            add_node(nid, kind="track", programme=pid, label=track.label, source=src,
                     track_type=track.kind, text=track.text, note=track.note)
            add_edge(nid, pid, key="belongs_to", kind="belongs_to", source=src)
            self.contributions(nid, track.contributes_to, src, "track")
        for effort in c.efforts:
            self.effort(effort, None)
        for res in c.results:
            nid = prefix + res.id
            src = str(res.source)
            add_node(nid, kind="result", programme=pid, label=res.label, source=src)
            for r in res.delivered_by:
                pending.append((ref(r), nid, "delivers", {"kind": "delivers", "source": src}))
            self.contributions(nid, res.contributes_to, src, "result")
        for proj in c.projects:
            nid = prefix + proj.id
            src = str(proj.source)
            budget = proj.budget
            add_node(nid, kind="project", programme=pid, label=proj.label, source=src,
                     role=proj.role, lijnproject=proj.lijnproject, planning=proj.planning,
                     note=proj.note, **_budget(budget))
            for i in proj.implements:
                pending.append(self.link(nid, i, "effort", "implements", src))
            for r in proj.stakeholders:
                pending.append((ref(r), nid, "involved_in", {"kind": "involved_in", "source": src}))
        for sh in c.stakeholders:
            add_node(prefix + sh.id, kind="stakeholder", programme=pid, label=sh.label,
                     source=str(sh.source))
        for rel in c.relations:
            pending.append((pid, rel.programme, "depends_on", {
                "kind": "depends_on", "source": str(rel.source), "topics": list(rel.topics),
                "nodes": [ref(n) for n in rel.nodes], "text": rel.text}))

    def goal(self, goal: Goal, parent: str, kind: str) -> None:
        nid = self.prefix + goal.id
        src = str(goal.source)
        self.add_node(nid, kind="goal", programme=self.pid, label=goal.label, source=src,
                        level=goal.level, text=goal.text, open=goal.open, note=goal.note)
        if kind == "refines" or not goal.refines:  # a top goal refining others: not under the vision
            self.add_edge(nid, parent, key=kind, kind=kind, source=src)
        for item in goal.refines:
            self.pending.append(self.link(nid, item, "goal", "refines", src))
        for sub in goal.goals:
            self.goal(sub, nid, "refines")

    def effort(self, effort: Effort, parent: str | None) -> None:
        nid = self.prefix + effort.id
        src = str(effort.source)
        budget = effort.budget
        track = self.ref(effort.track) if effort.track is not None else None
        self.add_node(nid, kind="effort", programme=self.pid, label=effort.label, source=src,
                        text=effort.text, planning=effort.planning,
                        track=track if effort.track else None, **_budget(budget))
        if parent is not None:
            self.add_edge(nid, parent, key="part_of", kind="part_of", source=src)
        pending = self.pending
        if track is not None:
            pending.append((nid, track, "part_of", {"kind": "part_of", "source": src}))
        if effort.contributes_to:
            self.contributions(nid, effort.contributes_to, src, "effort")
        for r in effort.stakeholders:
            pending.append((self.ref(r), nid, "involved_in", {"kind": "involved_in", "source": src}))
        for sub in effort.efforts:
            self.effort(sub, nid)

    def link(self, nid: str, item: Any, field: str, kind: str,
             src: str) -> tuple[str, str, str, dict[str, Any]]:
        """A pending link of ``kind`` from ``nid``: a short reference or a long form whose
        target is its ``field`` (goal, effort)."""
        if isinstance(item, str):
            return nid, self.ref(item), kind, {"kind": kind, "source": src, "inferred": False,
                                               "note": None}
        return nid, self.ref(getattr(item, field)), kind, {
            "kind": kind, "source": str(item.source) if item.source else src,
            "inferred": item.inferred, "note": item.note}

    def contributions(self, nid: str, items: Iterable[Any], src: str, level: str) -> None:
        """``contributes_to`` links of an effort, result or track (``level``)."""
        for item in items:
            u, v, kind, attrs = self.link(nid, item, "goal", "contributes_to", src)
            attrs["level"] = level
            attrs["strength"] = None if isinstance(item, str) else item.strength
            self.pending.append((u, v, kind, attrs))


def _budget(budget: Any) -> dict[str, Any]:
    if budget is None:
        return {"budget": {}, "budget_approximate": {}, "budget_text": None}
    return {"budget": dict(budget.amounts), "budget_approximate": dict(budget.approximate),
            "budget_text": budget.text}


def _merge_relation(edge: dict[str, Any], other: dict[str, Any]) -> None:
    """A second relation to the same programme: keep every topic, node and text."""
    edge["topics"] = edge["topics"] + [t for t in other["topics"] if t not in edge["topics"]]
    edge["nodes"] = edge["nodes"] + [n for n in other["nodes"] if n not in edge["nodes"]]
    edge["source"] = f"{edge['source']}; {other['source']}"
    if other.get("text"):
        edge["text"] = f"{edge['text']}\n\n{other['text']}" if edge.get("text") else other["text"]


def contract_fragment(contract: Contract) -> Fragment:
    """One contract's nodes and links as plain data (a :data:`Fragment`).

    >>> from dinnet.contract.model import Contract
    >>> f = contract_fragment(Contract.model_validate({"programme": {
    ...     "id": "p", "name": "P", "municipality": "M", "period": {"start": 2019, "end": 2022},
    ...     "source": "t:1"}, "goals": [{"id": "SD1", "level": "strategic", "label": "G",
    ...     "source": "t:3"}, {"id": "SD2", "level": "strategic", "label": "H", "source": "t:4",
    ...     "refines": ["q:S1"]}]}))
    >>> f["nodes"], f["others"]
    (['p', 'p:SD1', 'p:SD2'], ['q:S1'])
    >>> f["links"][:2], f["link_keys"][0], f["pending"], f["pending_keys"]  # p:SD1 to p; p:SD2 to q:S1
    ([1, 0], 'serves', [2, 3], ['refines'])
    """
    return _Builder(contract).fragment()


def build_graph(contracts: Iterable[Contract], *, indexes: Iterable[Index] = ()) -> nx.MultiDiGraph:
    """One graph of all ``contracts`` (sorted by programme id).

    References to nodes that are not in the graph (programmes not loaded) are
    not drawn; they are listed in ``G.graph["unresolved"]``.
    """
    fragments = [contract_fragment(c) for c in sorted(contracts, key=lambda c: c.programme.id)]
    return assemble(fragments, index=[i.model_dump(mode="json") for i in indexes])


def assemble(fragments: Iterable[Fragment], *, index: list[Any] | None = None) -> nx.MultiDiGraph:
    """One graph of contract fragments, in the order given (:func:`build_graph` sorts them
    by programme id); ``index`` is kept as ``G.graph["index"]``.

    Every node of every fragment first, then the links inside each contract, then
    the links by reference that find both their ends (the others go to
    ``G.graph["unresolved"]``); a second relation between the same two
    programmes is merged into the first. The attribute dicts of the fragments
    become the graph's own (they are not copied): a fragment is used once.

    >>> G = assemble([{"programme": "p", "nodes": ["p", "p:A"],
    ...                "attrs": [{"kind": "programme"}, {"kind": "goal"}], "others": ["q:B"],
    ...                "links": [1, 0], "link_keys": ["serves"], "link_attrs": [{"kind": "serves"}],
    ...                "pending": [1, 2], "pending_keys": ["refines"],
    ...                "pending_attrs": [{"kind": "refines"}]}])
    >>> list(G.edges(keys=True)), G.graph["unresolved"]
    ([('p:A', 'p', 'serves')], [{'from': 'p:A', 'to': 'q:B', 'kind': 'refines'}])
    """
    fragments = list(fragments)
    G = nx.MultiDiGraph()
    G.graph["index"] = index if index is not None else []
    unresolved: list[dict[str, Any]] = []
    _fill(G, fragments, unresolved)
    G.graph["unresolved"] = sorted(unresolved, key=lambda r: (r["from"], r["to"], str(r.get("kind"))))
    return G


def _fill(G: nx.MultiDiGraph, fragments: list[Fragment], unresolved: list[dict[str, Any]]) -> None:
    """Add the nodes and links of ``fragments`` to a new ``G`` straight into its adjacency
    dicts, keeping their attribute dicts as they are.

    A link with an end that is not in ``G`` goes to ``unresolved`` instead; a
    second ``depends_on`` link between the same two programmes is merged into
    the first. The same dicts, in the same order, as ``G.add_node(n, **attrs)``
    and ``G.add_edge(u, v, key, **attrs)`` would make (``tests/test_loading_cache.py``
    compares them on the Almelo data and generated contracts), three times
    faster: on a national data set (1.4M links) this is a large part of a load
    from the cache. A link finds its ends' adjacency dicts by their places in
    lists, not by looking the ids up in the graph's dicts of every node: at a
    national size those lookups miss the CPU caches nearly every time.
    """
    node, succ, pred = G._node, G._succ, G._pred
    ends = []  # per fragment: its names, and their dicts of successors and predecessors
    # A new node's dicts, then a link's ends' dicts: None for an end not in the graph
    # (compiled, the copy checks these types: :mod:`dinnet.io.speedup`).
    out: dict[Any, Any] | None
    into: dict[Any, Any] | None
    for fragment in fragments:
        names: list[Any] = list(fragment["nodes"])
        outs: list[dict[Any, Any] | None] = []
        ins: list[dict[Any, Any] | None] = []
        for n, attrs in zip(names, fragment["attrs"], strict=True):
            if n in node:  # the same id twice: as add_node, update
                node[n].update(attrs)
                outs.append(succ[n])
                ins.append(pred[n])
                continue
            node[n] = attrs
            out = {}
            into = {}
            succ[n] = out
            pred[n] = into
            outs.append(out)
            ins.append(into)
        ends.append((names, outs, ins))
    for fragment, (names, outs, ins) in zip(fragments, ends, strict=True):
        others = fragment["others"]
        names += others  # (a copy of the fragment's nodes: its own list)
        outs += [succ.get(n) for n in others]  # None: not in the graph
        ins += [pred.get(n) for n in others]
    for field in ("links", "pending"):
        for fragment, (names, outs, ins) in zip(fragments, ends, strict=True):
            flat, (keys_field, attrs_field) = fragment[field], FIELDS[field]
            for u, v, key, attrs in zip(flat[0::2], flat[1::2], fragment[keys_field],
                                        fragment[attrs_field], strict=True):
                out, into = outs[u], ins[v]
                if out is None or into is None:
                    unresolved.append({"from": names[u], "to": names[v], **attrs})
                    continue
                target = names[v]
                keys = out.get(target)
                if keys is None:
                    out[target] = keys = {}
                    into[names[u]] = keys
                if key not in keys:
                    keys[key] = attrs
                elif key == "depends_on":
                    _merge_relation(keys[key], attrs)
                else:  # the same link twice: as add_edge, update
                    keys[key].update(attrs)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a graph is loaded or audited.

    Loading allocates millions of small objects that all stay alive (node
    trees, models, the graph), the audit hundreds of thousands of short-lived
    containers; neither makes reference cycles, so the
    collector's passes over the growing heap find nothing; they cost up to
    three times the work of loading itself. Reference counting still frees
    everything as usual; the collector is switched back on afterwards.

    The objects made meanwhile (millions for a national data set) would all
    sit in the youngest generation, and the next collections would walk
    them three times over (young, middle, old) in whatever the caller does
    next. ``freeze`` + ``unfreeze`` moves them to the oldest generation in
    one step instead; this is skipped when the program froze objects itself.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
