"""How a change reads in Dutch or English: kinds, links, fields and values in words.

Domain words come from the glossary: the kind of an element, the kind of a
link (``p:E1 draagt bij aan p:SD1``), the field that changed (``field.``
phrases), and the values that are words of the model (a direction, a role, a
strength, a state). Numbers are written the way of the language
(:func:`~dinnet.glossary.format_number`), yes and no and an empty value in
words; what the contract says in its own words (labels, notes) is quoted as
written.

>>> from dinnet.diff.change import Change
>>> c = Change("changed", "indicator", "p:I1", "Bomen", "direction", "decrease", "increase")
>>> print(change_line(c, "nl")); print(change_line(c, "en"))
~ indicator  p:I1 richting: dalen -> stijgen
~ indicator  p:I1 direction: decrease -> increase
>>> print(change_line(Change("changed", "effort", "p:E1", "", "budget", {}, {2020: 13600.0})))
~ inspanning p:E1 begroting: (geen) -> 2020: 13.600
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..glossary import PHRASES, TERMS, format_date, format_number, phrase, term

if TYPE_CHECKING:
    from .change import Change

__all__ = ["change_cells", "change_line", "field_word", "value_text"]

SIGNS = {"added": "+", "removed": "-", "renamed": "~", "changed": "~"}
#: Fields whose values are words of the model, and the glossary entry of each value.
_CODE_WORDS = {"direction": "status.{}", "reason": "report.{}"}
_TERM_FIELDS = ("role", "strength", "level")
#: Kinds of change whose added or removed entry shows its field and value (not a label).
_VALUED = ("target", "amount", "measurement", "realisation")


def kind_text(kind: str, lang: str) -> str:
    """The kind of a change in words (``verband``, ``streefwaarde``)."""
    return term(kind, lang) if kind in TERMS else kind


def where_text(change: Change, lang: str) -> str:
    """Where a change is: an id, ``old -> new`` for a new id, or a link in words."""
    from .change import link_parts

    if change.kind == "link":
        u, v, kind = link_parts(change.id)
        return f"{u} {kind_text(kind, lang)} {v}"
    return f"{change.old_id} -> {change.id}" if change.old_id else change.id


def field_word(name: str, lang: str) -> str:
    """A field of the contract in words (``note`` -> ``toelichting``); unknown ones as written.

    >>> field_word("baseline_value", "nl"), field_word("strength", "en"), field_word("x", "nl")
    ('peilwaarde', 'strength', 'x')
    """
    key = f"field.{name}"
    return phrase(key, lang) if key in PHRASES else name


def value_text(field: str | None, value: Any, lang: str, *, quote: bool = True) -> str:
    """A value of ``field`` in words: numbers the way of ``lang``, model words from the
    glossary, text quoted as written (``quote=False``: as it is).

    >>> value_text("period", [2019, 2022], "nl"), value_text("open", True, "nl")
    ('2019-2022', 'ja')
    >>> value_text("affects", ["goals", "efforts"], "en"), value_text("note", None, "nl")
    ('goals, efforts', '(geen)')
    >>> value_text("2022", 13600.5, "nl"), value_text("note", "Zie p. 3", "nl")
    ('13.600,5', "'Zie p. 3'")
    """
    from .change import Approximate

    if value is None:
        return phrase("diff.nothing", lang)
    if isinstance(value, bool):
        return phrase("report.yes" if value else "report.no", lang)
    if isinstance(value, Approximate):
        return f"{value.word} {format_number(value.value, lang)}"
    if isinstance(value, float):
        return format_number(value, lang)
    if isinstance(value, int):
        return str(value)  # a year or a count
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {value_text(field, v, lang, quote=quote)}"
                         for k, v in value.items()) or phrase("diff.nothing", lang)
    if isinstance(value, list | tuple):
        if field == "period" and len(value) == 2:
            return f"{value[0]}-{value[1]}"
        if field == "affects":
            return ", ".join(term(str(v).removesuffix("s"), lang, plural=True) for v in value)
        return ", ".join(value_text(field, v, lang, quote=quote) for v in value) or \
            phrase("diff.nothing", lang)
    if isinstance(value, str) and field in _TERM_FIELDS and value in TERMS:
        return term(value, lang)
    if isinstance(value, str) and field in _CODE_WORDS:
        key = _CODE_WORDS[field].format(value)
        if key in PHRASES:
            return phrase(key, lang)
    return repr(value) if quote else str(value)


def _moment(when: str, lang: str) -> str:
    """A year as it is, a date (``2025-06-30``) the way of ``lang``."""
    try:
        return format_date(dt.date.fromisoformat(when), lang) if len(when) == 10 else when
    except ValueError:
        return when


def _field_and_values(change: Change, lang: str, *, quote: bool = True
                      ) -> tuple[str, str, str]:
    """The field of a change and its old and new values, in words."""
    field, old, new = change.field, change.old, change.new
    shown = [value_text(field, v, lang, quote=quote) for v in (old, new)]
    if change.kind in ("measurement", "realisation") and field is not None:
        when, _, rest = field.partition(" ")
        field = " ".join(filter(None, (_moment(when, lang), rest)))
    if change.kind == "measurement" and field is not None:
        when, _, kind = field.partition(" ")
        if kind in ("realised", "expected"):
            field = f"{when} {phrase(f'chart.{kind}', lang)}"
    elif change.kind == "status":
        shown = [phrase("meas.none", lang) if v is None else phrase(f"status.{v}", lang)
                 if field == "status" else phrase(f"meas.state_{v}", lang) for v in (old, new)]
        field = phrase("meas.state", lang) if field == "state" else term("status", lang)
    elif change.kind == "realisation" and field is not None:
        if field.endswith(" explanation"):
            field = field.replace("explanation", phrase("meas.explanation", lang))
        else:
            shown = [phrase(f"meas.state_{v}", lang) if isinstance(v, str)
                     else value_text(field, v, lang) for v in (old, new)]
    elif change.kind == "amount" and field is not None:
        name, _, key = field.rpartition(" ")
        name = field_word(name, lang) if not name.startswith("'") else name
        field = f"{name} {field_word(key, lang) if key == 'text' else key}"
    elif field is not None:
        field = field_word(field, lang)
    return field or "", shown[0], shown[1]


def change_line(change: Change, lang: str = "nl") -> str:
    """A change as one line in ``lang``: sign, kind, where, and what changed."""
    head = f"{SIGNS[change.action]} {kind_text(change.kind, lang):<10} {where_text(change, lang)}"
    if change.action == "renamed":
        renamed = phrase("diff.renamed", lang)
        if change.old == change.new:
            return f"{head} {renamed} (id): {change.new!r}"
        return f"{head} {renamed}: {change.old!r} -> {change.new!r}"
    field, old, new = _field_and_values(change, lang)
    if change.action == "changed":
        if change.kind == "link":  # the link reads as a sentence: its field after a comma
            head += ","
        return f"{head} {field}: {old} -> {new}"
    if change.kind in _VALUED:
        return f"{head} {field}: {new if change.action == 'added' else old}"
    return f"{head} {change.label!r}" if change.label else head


def change_cells(change: Change, lang: str = "nl") -> tuple[str, ...]:
    """A change as the cells of a table row: sign, kind, where, label, field, before, after
    (text not quoted; an empty value left empty)."""
    if change.action == "renamed":
        field, old, new = phrase("diff.label", lang), str(change.old), str(change.new)
    else:
        field, old, new = _field_and_values(change, lang, quote=False)
        nothing = phrase("diff.nothing", lang)  # an empty cell says it
        old, new = ("" if text == nothing and value in (None, {}, [], ()) else text
                    for text, value in ((old, change.old), (new, change.new)))
    return (SIGNS[change.action], kind_text(change.kind, lang), where_text(change, lang),
            change.label, field, old, new)
