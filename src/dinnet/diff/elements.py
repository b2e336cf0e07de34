"""Elements compared one by one: renames matched by label, then every field, target,
measurement and realisation of an element present in both versions.

>>> for c in node_changes("p:I1", "p:I1", {"kind": "indicator", "label": "Bomen", "unit": "st"},
...                       {"kind": "indicator", "label": "Bomen", "unit": "stuks"}, moved=False):
...     print(c.text("nl"))
~ indicator  p:I1 eenheid: 'st' -> 'stuks'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from .change import ELEMENT_KINDS, Approximate, Change
from .tables import not_in_text_changes, table_changes

__all__ = ["IGNORED", "node_changes", "renames"]

#: Attributes not compared as a whole: provenance, bookkeeping, what links already say,
#: and what is compared part by part (targets by year, tables by line and year).
IGNORED = frozenset({"source", "programme", "kind", "label", "targets", "track", "budgets",
                     "capacity", "not_in_text", "measurements", "realisations"})


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def renames(old: nx.MultiDiGraph, new: nx.MultiDiGraph, mapping: dict[str, str],
            threshold: float) -> dict[str, str]:
    """Old id -> new id for removed elements matched to added ones of their kind by label
    (:class:`difflib.SequenceMatcher` ratio at least ``threshold``, the most alike first)."""
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


def node_changes(old_id: str, new_id: str, a: Mapping[str, Any], b: Mapping[str, Any],
                 moved: bool) -> Iterable[Change]:
    """The changes of one element from its attributes ``a`` to ``b`` (``moved``: a new id)."""
    kind = str(b.get("kind"))
    label = str(b.get("label", ""))
    if moved or a.get("label") != b.get("label"):
        yield Change("renamed", kind, new_id, label, "label", a.get("label"), b.get("label"),
                     old_id if moved else None)
    for field in sorted((set(a) | set(b)) - IGNORED):
        if a.get(field) != b.get(field):
            yield Change("changed", kind, new_id, label, field, a.get(field), b.get(field))
    yield from _measurement_changes(new_id, label, a, b)
    if kind == "programme":
        yield from table_changes(new_id, a, b)
        yield from not_in_text_changes(new_id, a, b)
    if kind == "indicator":
        ta, tb = a.get("targets") or {}, b.get("targets") or {}
        for year in sorted(set(ta) | set(tb)):
            if year not in tb:
                yield Change("removed", "target", new_id, label, str(year), ta[year], None)
            elif year not in ta:
                yield Change("added", "target", new_id, label, str(year), None, tb[year])
            elif ta[year] != tb[year]:
                yield Change("changed", "target", new_id, label, str(year), ta[year], tb[year])


def _when(entry: Any) -> str:
    """A measurement's or realisation's moment: its year when given for a year, else its date."""
    return str(entry.year) if entry.year is not None else entry.date.isoformat()


def _value(m: Any) -> Any:
    """A measured value as compared and shown: the approximate word kept with the number."""
    return Approximate(m.approximate, m.value) if m.approximate else m.value


def _shown_entry(kind: str, entry: Any) -> Any:
    """What a change shows of a measurement (its value) or a realisation (its state)."""
    if entry is None:
        return None
    return _value(entry) if kind == "measurement" else entry.state


def _measurement_changes(node: str, label: str, a: Mapping[str, Any], b: Mapping[str, Any]
                         ) -> Iterable[Change]:
    """What moved in an indicator's measurements or an effort's or project's realisations.

    A measurement is matched by its date and kind (``field`` is ``"2025 realised"``); a
    realisation by its date (``field`` is ``"2025"``, the values are its states; a new
    explanation alone is a change of ``"2025 explanation"``).
    """
    for key, kind in (("measurements", "measurement"), ("realisations", "realisation")):
        before = {(e.date, getattr(e, "kind", "")): e for e in a.get(key) or ()}
        after = {(e.date, getattr(e, "kind", "")): e for e in b.get(key) or ()}
        for when in sorted(set(before) | set(after)):
            old, new = before.get(when), after.get(when)
            entry = new or old
            assert entry is not None
            field = f"{_when(entry)} {entry.kind}" if kind == "measurement" else _when(entry)
            was, now = _shown_entry(kind, old), _shown_entry(kind, new)
            if old is None:
                yield Change("added", kind, node, label, field, None, now)
            elif new is None:
                yield Change("removed", kind, node, label, field, was, None)
            elif was != now:
                yield Change("changed", kind, node, label, field, was, now)
            elif kind == "realisation" and old.explanation != new.explanation:
                yield Change("changed", kind, node, label, f"{field} explanation",
                             old.explanation, new.explanation)
