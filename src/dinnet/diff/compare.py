"""What changed between two versions of a contract (``dinnet diff OLD NEW``).

Elements are matched by id. An element whose id disappeared while another of
the same kind appeared with a similar label (:mod:`difflib`, ratio at least
``threshold``) counts as *renamed*, not as removed and added, and its links
follow it. Links are compared between elements present in both versions;
the links of an added or removed element are part of that change. Source
line numbers are not compared (they move with every revision).

>>> from dinnet.contract.model import Contract
>>> from dinnet.graph import build_graph
>>> def version(label, target):
...     return build_graph([Contract.model_validate({
...         "programme": {"id": "p", "name": "P", "municipality": "M",
...                       "period": {"start": 2019, "end": 2022}, "source": "p.txt:1"},
...         "goals": [{"id": "SD1", "level": "strategic", "label": label, "source": "p.txt:2"}],
...         "indicators": [{"id": "I1", "label": "Bomen", "measures": ["SD1"],
...                         "targets": {2022: target}, "source": "p.txt:3"}]})])
>>> for change in diff_graphs(version("Meer groen", 100), version("Meer groen in de stad", 120)):
...     print(change)
~ goal       p:SD1 renamed: 'Meer groen' -> 'Meer groen in de stad'
~ target     p:I1 2022: 100 -> 120
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

import networkx as nx

from ..glossary import TERMS, phrase, term
from ..graph import EDGE_KINDS, NODE_KINDS

__all__ = ["Change", "diff_graphs", "format_json", "format_text"]

Action = Literal["added", "removed", "renamed", "changed"]

#: Element kinds compared node by node.
ELEMENT_KINDS = NODE_KINDS
#: Edge kinds compared as links (``belongs_to`` follows from the elements).
LINK_KINDS = tuple(k for k in EDGE_KINDS if k != "belongs_to")
#: Attributes not compared: provenance, bookkeeping, and what links already say.
IGNORED = frozenset({"source", "programme", "kind", "label", "targets", "track", "budgets",
                     "capacity", "not_in_text", "measurements", "realisations"})
_SIGN = {"added": "+", "removed": "-", "renamed": "~", "changed": "~"}


@dataclass(frozen=True)
class Change:
    """One difference between two versions.

    ``kind`` is an element kind, ``"link"`` or ``"target"``. ``id`` is the
    element's id in the new version (in the old one when removed); a link's id
    is ``"from -> to (kind)"``. For a rename ``old_id`` is the old id when it
    changed, and ``old``/``new`` are the labels; for a change ``field`` names
    what changed (a year for a target).
    """

    action: Action
    kind: str
    id: str
    label: str = ""
    field: str | None = None
    old: Any = None
    new: Any = None
    old_id: str | None = None

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "nl") -> str:
        """The change as one line in ``lang`` (kinds and actions in words, data as written).

        >>> print(Change("renamed", "effort", "p:E3", old="A", new="B", old_id="p:E2").text())
        ~ inspanning p:E2 -> p:E3 hernoemd: 'A' -> 'B'
        """
        where = f"{self.old_id} -> {self.id}" if self.old_id else self.id
        kind = term(self.kind, lang) if self.kind in TERMS else self.kind
        head = f"{_SIGN[self.action]} {kind:<10} {where}"
        if self.action == "renamed":
            renamed = phrase("diff.renamed", lang)
            if self.old == self.new:
                return f"{head} {renamed} (id): {_show(self.new)}"
            return f"{head} {renamed}: {_show(self.old)} -> {_show(self.new)}"
        if self.action == "changed":
            return f"{head} {self.field}: {_show(self.old)} -> {_show(self.new)}"
        if self.kind == "target":
            value = self.new if self.action == "added" else self.old
            return f"{head} {self.field}: {_show(value)}"
        return f"{head} {_show(self.label)}" if self.label else head


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def _single_programme(G: nx.MultiDiGraph) -> str | None:
    found = [n for n, kind in G.nodes(data="kind") if kind == "programme"]
    return found[0] if len(found) == 1 else None


def _renames(old: nx.MultiDiGraph, new: nx.MultiDiGraph, mapping: dict[str, str],
             threshold: float) -> dict[str, str]:
    """Old id -> new id for removed elements matched to added ones by label."""
    renamed: dict[str, str] = {}
    taken_new = {mapping.get(n, n) for n in old}
    for kind in ELEMENT_KINDS:
        gone = sorted(n for n, k in old.nodes(data="kind") if k == kind
                      and mapping.get(n, n) not in new)
        came = sorted(n for n, k in new.nodes(data="kind") if k == kind and n not in taken_new)
        pairs = sorted(((-_similarity(str(old.nodes[a].get("label", "")),
                                      str(new.nodes[b].get("label", ""))), a, b)
                        for a in gone for b in came), key=lambda t: t)
        used_old: set[str] = set()
        used_new: set[str] = set()
        for score, a, b in pairs:
            if -score < threshold:
                break
            if a in used_old or b in used_new:
                continue
            renamed[a] = b
            used_old.add(a)
            used_new.add(b)
    return renamed


def _node_changes(old_id: str, new_id: str, a: Mapping[str, Any], b: Mapping[str, Any],
                  moved: bool) -> Iterable[Change]:
    kind = str(b.get("kind"))
    label = str(b.get("label", ""))
    if moved or a.get("label") != b.get("label"):
        yield Change("renamed", kind, new_id, label, "label", a.get("label"), b.get("label"),
                     old_id if moved else None)
    for field in sorted((set(a) | set(b)) - IGNORED):
        if a.get(field) != b.get(field):
            yield Change("changed", kind, new_id, label, field, a.get(field), b.get(field))
    if kind == "indicator":
        ta, tb = a.get("targets") or {}, b.get("targets") or {}
        for year in sorted(set(ta) | set(tb)):
            if year not in tb:
                yield Change("removed", "target", new_id, label, str(year), ta[year], None)
            elif year not in ta:
                yield Change("added", "target", new_id, label, str(year), None, tb[year])
            elif ta[year] != tb[year]:
                yield Change("changed", "target", new_id, label, str(year), ta[year], tb[year])


def _edges(G: nx.MultiDiGraph, ids: Mapping[str, str]) -> dict[tuple[str, str, str], dict[str, Any]]:
    out = {}
    for u, v, kind, data in G.edges(keys=True, data=True):
        if kind in LINK_KINDS:
            attrs = {k: val for k, val in data.items() if k not in ("source", "kind")}
            if "nodes" in attrs:
                attrs["nodes"] = sorted(ids.get(n, n) for n in attrs["nodes"])
            out[(ids.get(u, u), ids.get(v, v), kind)] = attrs
    return out


def diff_graphs(old: nx.MultiDiGraph, new: nx.MultiDiGraph, *,
                threshold: float = 0.6) -> list[Change]:
    """The changes from ``old`` to ``new`` (two loaded graphs), in a stable order.

    Parameters
    ----------
    old, new
        Graphs of two versions (:func:`dinnet.load` of each).
    threshold
        How similar (0-1, :class:`difflib.SequenceMatcher` ratio) the labels of a
        removed and an added element of the same kind must be to count as a rename.

    Returns
    -------
    list of Change
        Elements first (removed, renamed, changed, added), then targets, then links.
    """
    mapping: dict[str, str] = {}
    p_old, p_new = _single_programme(old), _single_programme(new)
    if p_old and p_new and p_old != p_new:  # the programme itself got a new id
        mapping = {n: p_new + n[len(p_old):] for n in old
                   if n == p_old or n.startswith(p_old + ":")}
    renamed = _renames(old, new, mapping, threshold)
    if mapping:
        renamed[str(p_old)] = str(p_new)
    mapping.update(renamed)
    changes: list[Change] = []
    matched: set[str] = set()
    for node, data in old.nodes(data=True):
        if data.get("kind") not in ELEMENT_KINDS:
            continue
        target = mapping.get(node, node)
        if target not in new or new.nodes[target].get("kind") != data.get("kind"):
            changes.append(Change("removed", str(data.get("kind")), node, str(data.get("label", ""))))
            continue
        matched.add(target)
        changes.extend(_node_changes(node, target, data, new.nodes[target], node in renamed))
    for node, data in new.nodes(data=True):
        if data.get("kind") in ELEMENT_KINDS and node not in matched:
            changes.append(Change("added", str(data.get("kind")), node, str(data.get("label", ""))))
    changes.extend(_link_changes(old, new, mapping, changes))
    whole = {c.id for c in changes if c.kind == "programme" and c.action in ("added", "removed")}
    if whole:  # a programme added or removed as a whole: one line, not one per element
        changes = [c for c in changes if c.kind == "programme" or not _within(c, whole)]
    order = {"removed": 0, "renamed": 1, "changed": 2, "added": 3}
    group = {"target": 1, "link": 2}
    return sorted(changes, key=lambda c: (group.get(c.kind, 0), order[c.action], c.kind, c.id,
                                          c.field or ""))


def _within(change: Change, programmes: set[str]) -> bool:
    ends = change.id.split(" (")[0].split(" -> ") if change.kind == "link" else [change.id]
    return any(end.split(":")[0] in programmes for end in ends)


def _link_changes(old: nx.MultiDiGraph, new: nx.MultiDiGraph, mapping: Mapping[str, str],
                  elements: list[Change]) -> Iterable[Change]:
    gone = {c.id for c in elements if c.action == "removed"}
    came = {c.id for c in elements if c.action == "added"}
    before = _edges(old, mapping)
    after = _edges(new, {})
    reverse = {t: o for o, t in mapping.items()}
    for key in sorted(set(before) | set(after)):
        u, v, kind = key
        if key not in after:
            if reverse.get(u, u) in gone or reverse.get(v, v) in gone or u not in new or v not in new:
                continue
            yield Change("removed", "link", f"{u} -> {v} ({kind})")
        elif key not in before:
            if u in came or v in came:
                continue
            yield Change("added", "link", f"{u} -> {v} ({kind})")
        else:
            a, b = before[key], after[key]
            for field in sorted(set(a) | set(b)):
                if a.get(field) != b.get(field):
                    yield Change("changed", "link", f"{u} -> {v} ({kind})", "", field,
                                 a.get(field), b.get(field))


def format_text(changes: list[Change], lang: str = "nl") -> str:
    """One line per change and a count, in ``lang``.

    >>> print(format_text([Change("removed", "effort", "p:E2", "Bomen planten")], "en"), end="")
    - effort     p:E2 'Bomen planten'
    1 change: 1 removed
    >>> print(format_text([Change("removed", "effort", "p:E2", "Bomen planten")]), end="")
    - inspanning p:E2 'Bomen planten'
    1 wijziging: 1 vervallen
    """
    if not changes:
        return phrase("diff.none", lang) + "\n"
    counts = Counter(c.action for c in changes)
    summary = ", ".join(f"{counts[a]} {phrase(f'diff.{a}', lang)}"
                        for a in ("removed", "renamed", "changed", "added") if counts[a])
    return ("".join(f"{c.text(lang)}\n" for c in changes)
            + f"{term('change', lang, n=len(changes))}: {summary}\n")


def format_json(changes: list[Change]) -> str:
    """The changes as a JSON list of objects (UTF-8, indented).

    >>> print(format_json([Change("added", "goal", "p:SD3", "Nieuw")]))  # doctest: +ELLIPSIS
    [
      {
        "action": "added",
        "kind": "goal",
        "id": "p:SD3",
    ...
    """
    return json.dumps([asdict(c) for c in changes], ensure_ascii=False, indent=2, default=str) + "\n"
