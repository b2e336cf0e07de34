"""A programme's budget and capacity tables and its ``not_in_text`` entries, compared
table by table, line by line and year by year.

>>> a = {"budgets": [{"id": "B1", "title": "Budget", "stated_totals": {2020: 100.0}}]}
>>> b = {"budgets": [{"id": "B1", "title": "Budget", "stated_totals": {2020: 120.0}}]}
>>> [str(c) for c in table_changes("p", a, b)]
['~ amount     p/B1 printed total 2020: 100 -> 120']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .change import Approximate, Change

__all__ = ["not_in_text_changes", "table_changes"]


def table_changes(programme: str, a: Mapping[str, Any], b: Mapping[str, Any]
                  ) -> Iterable[Change]:
    """Budget and capacity tables compared by id, then their totals and lines per year.

    A table is ``programme/id`` (no element has a ``/`` in its id); a line is known by
    its label; an amount printed approximately keeps its word (``'ruim 1250.5'``).
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
    return value if word is None else Approximate(word, value)


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


def not_in_text_changes(programme: str, a: Mapping[str, Any], b: Mapping[str, Any]
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
