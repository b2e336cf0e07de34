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

import datetime as dt
import difflib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from ..glossary import TERMS, phrase, term
from ..graph import EDGE_KINDS, NODE_KINDS

__all__ = ["Change", "diff_graphs", "format_json", "format_markdown", "format_text",
           "load_versions", "status_changes"]

Action = Literal["added", "removed", "renamed", "changed"]

#: Element kinds compared node by node.
ELEMENT_KINDS = NODE_KINDS
#: Edge kinds compared as links (``belongs_to`` follows from the elements).
LINK_KINDS = tuple(k for k in EDGE_KINDS if k != "belongs_to")
#: Attributes not compared as a whole: provenance, bookkeeping, what links already say,
#: and what is compared part by part (targets by year, tables by line and year).
IGNORED = frozenset({"source", "programme", "kind", "label", "targets", "track", "budgets",
                     "capacity", "not_in_text", "measurements", "realisations"})
_SIGN = {"added": "+", "removed": "-", "renamed": "~", "changed": "~"}


@dataclass(frozen=True)
class Change:
    """One difference between two versions.

    ``kind`` is an element kind, ``"link"``, ``"target"``, ``"measurement"`` (a value of
    an indicator; ``field`` is ``"2025 realised"``) or ``"realisation"`` (the state of an
    effort or project; ``field`` is ``"2025"``). ``id`` is the
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
        field, old, new = _words(self, lang)
        if self.action == "changed":
            return f"{head} {field}: {_show(old)} -> {_show(new)}"
        if self.kind in ("target", "amount", "measurement", "realisation"):
            return f"{head} {field}: {_show(new if self.action == 'added' else old)}"
        return f"{head} {_show(self.label)}" if self.label else head


def _words(change: Change, lang: str) -> tuple[str | None, Any, Any]:
    """A change's field and values in ``lang``: the kind of a measurement (``2025 realised``
    -> ``2025 realisatie``) and the states of a realisation in words; other data as written.

    >>> _words(Change("changed", "realisation", "p:E1", field="2025", old="partly",
    ...               new="realised"), "nl")
    ('2025', 'deels gerealiseerd of vertraagd', 'gerealiseerd')
    """
    field, old, new = change.field, change.old, change.new
    if change.kind == "measurement" and field is not None:
        when, _, kind = field.partition(" ")
        field = f"{when} {phrase(f'chart.{kind}', lang)}" if kind in ("realised", "expected") \
            else field
    elif change.kind == "status":
        old, new = (phrase("meas.none", lang) if v is None else phrase(f"status.{v}", lang)
                    if field == "status" else phrase(f"meas.state_{v}", lang) for v in (old, new))
        field = phrase("meas.state", lang) if field == "state" else term("status", lang)
    elif change.kind == "realisation" and field is not None:
        if field.endswith(" explanation"):
            field = field.replace("explanation", phrase("meas.explanation", lang))
        else:
            old, new = (phrase(f"meas.state_{v}", lang) if isinstance(v, str) else v
                        for v in (old, new))
    return field, old, new


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
    yield from _measurement_changes(new_id, label, a, b)
    if kind == "programme":
        yield from _table_changes(new_id, a, b)
        yield from _not_in_text_changes(new_id, a, b)
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
    return f"{m.approximate} {_show(m.value)}" if m.approximate else m.value


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


def _table_changes(programme: str, a: Mapping[str, Any], b: Mapping[str, Any]
                   ) -> Iterable[Change]:
    """Budget and capacity tables compared by id, then their totals and lines per year.

    A table is ``programme/id`` (no element has a ``/`` in its id); a line is known by
    its label; an amount printed approximately shows its word (``'ruim 1250.5'``).
    """
    for group in ("budgets", "capacity"):
        before = {t["id"]: t for t in a.get(group) or []}
        after = {t["id"]: t for t in b.get(group) or []}
        for table in sorted(set(before) | set(after)):
            where = f"{programme}/{table}"
            if table not in after:
                yield Change("removed", "table", where, str(before[table].get("title", "")))
                continue
            if table not in before:
                yield Change("added", "table", where, str(after[table].get("title", "")))
                continue
            old, new = before[table], after[table]
            title = str(new.get("title", ""))
            for field in ("title", "unit", "scale", "note"):
                if old.get(field) != new.get(field):
                    yield Change("changed", "table", where, title, field, old.get(field),
                                 new.get(field))
            yield from _values(where, title, "stated_totals", _totals(old), _totals(new))
            lines_old, lines_new = _lines(old), _lines(new)
            for line in sorted(set(lines_old) | set(lines_new)):
                yield from _values(where, title, repr(line), lines_old.get(line, {}),
                                   lines_new.get(line, {}))


def _amount(value: Any, word: Any) -> Any:
    return value if word is None else f"{word} {_show(value)}"


def _totals(table: Mapping[str, Any]) -> dict[Any, Any]:
    words = table.get("approximate_totals") or {}
    return {y: _amount(v, words.get(y)) for y, v in (table.get("stated_totals") or {}).items()}


def _lines(table: Mapping[str, Any]) -> dict[str, dict[Any, Any]]:
    """Label -> year (or ``text``) -> amount; a label printed twice gets ``(2)``."""
    out: dict[str, dict[Any, Any]] = {}
    for line in table.get("lines") or []:
        label, n = str(line.get("label", "")), 1
        while (f"{label} ({n})" if n > 1 else label) in out:
            n += 1
        words = line.get("approximate") or {}
        values: dict[Any, Any] = {y: _amount(v, words.get(y))
                                  for y, v in (line.get("amounts") or {}).items()}
        if line.get("text"):
            values["text"] = line["text"]
        out[f"{label} ({n})" if n > 1 else label] = values
    return out


def _values(where: str, title: str, name: str, old: Mapping[Any, Any],
            new: Mapping[Any, Any]) -> Iterable[Change]:
    for key in sorted(set(old) | set(new), key=str):
        field = f"{name} {key}"
        if key not in new:
            yield Change("removed", "amount", where, title, field, old[key], None)
        elif key not in old:
            yield Change("added", "amount", where, title, field, None, new[key])
        elif old[key] != new[key]:
            yield Change("changed", "amount", where, title, field, old[key], new[key])


def _not_in_text_changes(programme: str, a: Mapping[str, Any], b: Mapping[str, Any]
                         ) -> Iterable[Change]:
    """What the text leaves out (``not_in_text``), entry by entry, known by ``what``."""
    def entries(data: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
        return {str(e.get("what")): {k: v for k, v in e.items() if k not in ("what", "source")}
                for e in data.get("not_in_text") or []}

    before, after = entries(a), entries(b)
    for what in sorted(set(before) | set(after)):
        if what not in after:
            yield Change("removed", "not_in_text", programme, what)
        elif what not in before:
            yield Change("added", "not_in_text", programme, what)
        else:
            for field in sorted(set(before[what]) | set(after[what])):
                if before[what].get(field) != after[what].get(field):
                    yield Change("changed", "not_in_text", programme, what, field,
                                 before[what].get(field), after[what].get(field))


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
        Elements first (removed, renamed, changed, added), then targets, then
        measurements and realisations, then links.
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
    group = {"target": 1, "table": 1, "amount": 1, "not_in_text": 1, "measurement": 2,
             "realisation": 2, "link": 3}
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


def format_markdown(changes: list[Change], lang: str = "nl") -> str:
    """The changes as a Markdown table (for a pull request or a report), then the count.

    >>> print(format_markdown([Change("changed", "measurement", "p:I1", "Bomen", "2025 realised",
    ...                                40.0, 45.0)], "en"), end="")
    | | kind | id | label | what | before | after |
    | --- | --- | --- | --- | --- | --- | --- |
    | ~ | measurement | p:I1 | Bomen | 2025 realised | 40 | 45 |
    <BLANKLINE>
    1 change: 1 changed
    """
    if not changes:
        return phrase("diff.none", lang) + "\n"

    def cell(value: Any) -> str:
        text = "" if value is None else _show(value).strip("'") if not isinstance(value, str) \
            else value
        return text.replace("|", "\\|").replace("\n", " ")

    words = [phrase(f"diff.{k}", lang) for k in ("kind", "id", "label", "what", "before", "after")]
    rows = ["| | " + " | ".join(words) + " |", "| --- " * 7 + "|"]
    for c in changes:
        field, old, new = _words(c, lang)
        if c.action == "renamed":
            field, old, new = "label", c.old, c.new
        kind = term(c.kind, lang) if c.kind in TERMS else c.kind
        rows.append("| " + " | ".join(cell(v) for v in (
            _SIGN[c.action], kind, c.id if not c.old_id else f"{c.old_id} -> {c.id}", c.label,
            field, old, new)) + " |")
    return "\n".join(rows) + "\n\n" + format_text(changes, lang).splitlines()[-1] + "\n"


def load_versions(old: str | Path, new: str | Path, *, contracts: Iterable[str | Path] = ()
                  ) -> tuple[nx.MultiDiGraph, nx.MultiDiGraph]:
    """The graphs of two versions: contract files or folders, or two measurements files.

    Two measurements files (``2024.measurements.yaml``, ``2025.measurements.yaml``) are
    each attached to the same contracts: ``contracts`` (files or folders), by default the
    folder of ``new``. The measurements files found there are left out, so the two graphs
    differ in the two sets only.
    """
    from ..io.loading import load
    from ..io.measurements import is_measurements_file, with_measurements

    if is_measurements_file(old) and is_measurements_file(new):
        base = load(*(list(contracts) or [Path(new).parent]))
        return with_measurements(base, [old]), with_measurements(base, [new])
    return load(old), load(new)


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
