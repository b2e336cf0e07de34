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

The parts, one module each: :mod:`~dinnet.diff.change` (what a change is),
:mod:`~dinnet.diff.elements`, :mod:`~dinnet.diff.tables` and
:mod:`~dinnet.diff.links` (what is compared), :mod:`~dinnet.diff.moments` (statuses
between two moments), :mod:`~dinnet.diff.versions` (loading the two versions),
:mod:`~dinnet.diff.wording` and :mod:`~dinnet.diff.formats` (how changes read).
"""

from __future__ import annotations

import networkx as nx

from .change import ELEMENT_KINDS, LINK_KINDS, Change, link_parts
from .elements import IGNORED, node_changes, renames
from .formats import format_json, format_markdown, format_text
from .links import link_changes
from .moments import status_changes
from .versions import load_versions

__all__ = ["ELEMENT_KINDS", "IGNORED", "LINK_KINDS", "Change", "diff_graphs", "format_json",
           "format_markdown", "format_text", "load_versions", "status_changes"]


def _single_programme(G: nx.MultiDiGraph) -> str | None:
    found = [n for n, kind in G.nodes(data="kind") if kind == "programme"]
    return found[0] if len(found) == 1 else None


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
        Elements first (removed, renamed, changed, added), then targets, then
        measurements and realisations, then links.
    """
    mapping: dict[str, str] = {}
    p_old, p_new = _single_programme(old), _single_programme(new)
    if p_old and p_new and p_old != p_new:  # the programme itself got a new id
        mapping = {n: p_new + n[len(p_old):] for n in old
                   if n == p_old or n.startswith(p_old + ":")}
    renamed = renames(old, new, mapping, threshold)
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
        changes.extend(node_changes(node, target, data, new.nodes[target], node in renamed))
    for node, data in new.nodes(data=True):
        if data.get("kind") in ELEMENT_KINDS and node not in matched:
            changes.append(Change("added", str(data.get("kind")), node, str(data.get("label", ""))))
    changes.extend(link_changes(old, new, mapping, changes))
    whole = {c.id for c in changes if c.kind == "programme" and c.action in ("added", "removed")}
    if whole:  # a programme added or removed as a whole: one line, not one per element
        changes = [c for c in changes if c.kind == "programme" or not _within(c, whole)]
    order = {"removed": 0, "renamed": 1, "changed": 2, "added": 3}
    group = {"target": 1, "table": 1, "amount": 1, "not_in_text": 1, "measurement": 2,
             "realisation": 2, "link": 3}
    return sorted(changes, key=lambda c: (group.get(c.kind, 0), order[c.action], c.kind, c.id,
                                          c.field or ""))


def _within(change: Change, programmes: set[str]) -> bool:
    ends = link_parts(change.id)[:2] if change.kind == "link" else (change.id,)
    return any(end.split(":")[0] in programmes for end in ends)
