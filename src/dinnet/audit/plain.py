"""Findings as plain data and back: what :mod:`dinnet.io.memo` keeps between runs.

:func:`findings_to_data` writes the :class:`~dinnet.audit.findings.Finding` s
as a list per field (texts, numbers, lists), with their glossary messages
(key and fields) so they can be shown in either language later. A field
value that is a message, a list, a tuple or a date is written as a list that
starts with a tag; plain text and numbers stand as they are. Anything else cannot
be written, and :func:`findings_to_data` says so with None (the findings are
then not kept).

:func:`findings_from_data` reads that back and trusts nothing: every
finding must have the right shape and types, a known severity and a message
key the glossary knows, or the whole lot is refused (None) and the audit
runs again. The checks look at a whole field at once where they can: a
region's findings (ten thousand and more) are read back in a few hundredths
of a second.

>>> import datetime as dt
>>> from dinnet.glossary import message
>>> f = Finding("p", "DIN601", "p:I1", "stale-measurement", "warning", "m", "a.txt:3",
...             ("p.yaml", 4, 5), message("audit.effort_without_goal", label=["a", dt.date(2027, 1, 2)]))
>>> back = findings_from_data(findings_to_data([f]))
>>> back == [f], back[0].said == f.said
(True, True)
>>> findings_from_data({"programme": ["p"], "code": ["DIN601"]}) is None
True
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Mapping
from typing import Any

from ..glossary import PHRASES, TERMS, Message
from ..graph import collector_paused
from .findings import SEVERITIES, Finding

__all__ = ["findings_from_data", "findings_to_data"]

_MESSAGE, _LIST, _TUPLE, _DATE = "message", "list", "tuple", "date"
#: The columns of the data: one list per field of a finding (the location in three).
_COLUMNS = ("programme", "code", "node", "rule", "severity", "message", "source", "file",
            "line", "column", "said")
_SIMPLE = (str, int, float, bool, type(None))
_NONE = type(None)


class _Unfit(ValueError):
    """A value that plain data cannot hold, or data that is not what this module writes."""


def findings_to_data(findings: list[Finding]) -> dict[str, list[Any]] | None:
    """``findings`` as plain data, a list per field; None when a message holds a value of
    another kind."""
    try:
        with collector_paused():
            said = [None if f.said is None else _message(f.said) for f in findings]
    except _Unfit:
        return None
    where = [f.location or (None, None, None) for f in findings]
    return {"programme": [f.programme for f in findings], "code": [f.code for f in findings],
            "node": [f.node for f in findings], "rule": [f.rule for f in findings],
            "severity": [f.severity for f in findings],
            "message": [f.message for f in findings], "source": [f.source for f in findings],
            "file": [w[0] for w in where], "line": [w[1] for w in where],
            "column": [w[2] for w in where], "said": said}


def _message(said: Message) -> list[Any]:
    return [said.key, [[name, _written(value)] for name, value in said.fields]]


def _written(value: object) -> Any:
    if type(value) in _SIMPLE:
        return value
    if isinstance(value, Message):
        return [_MESSAGE, *_message(value)]
    if isinstance(value, list):
        return [_LIST, [_written(v) for v in value]]
    if isinstance(value, tuple):
        return [_TUPLE, [_written(v) for v in value]]
    if type(value) is dt.date:
        return [_DATE, value.isoformat()]
    raise _Unfit(type(value).__name__)



def findings_from_data(data: Any) -> list[Finding] | None:
    """The findings that :func:`findings_to_data` wrote; None when ``data`` is anything else."""
    try:
        with collector_paused():  # tens of thousands of objects, beside a graph of millions
            return _findings(data)
    except (_Unfit, ValueError, TypeError, KeyError):
        return None


def _findings(data: Any) -> list[Finding]:
    if not isinstance(data, dict) or set(data) != set(_COLUMNS):
        raise _Unfit("findings")
    columns = [data[name] for name in _COLUMNS]
    if any(type(c) is not list or len(c) != len(columns[0]) for c in columns):
        raise _Unfit("columns")
    programme, code, node, rule, severity, text, source, file, line, column, said = columns
    _only(programme, code, rule, text, kinds={str})
    _only(node, source, file, kinds={str, _NONE})
    _only(line, column, kinds={int, _NONE})
    if not set(severity) <= set(SEVERITIES):
        raise _Unfit("a severity")
    where = [None if f is None else (f, n, c) for f, n, c in zip(file, line, column, strict=True)]
    if any(w is not None and None in w for w in where) or any(
            f is None and (n is not None or c is not None)
            for f, n, c in zip(file, line, column, strict=True)):
        raise _Unfit("a location")
    messages = [None if m is None else _read_message(m) for m in said]
    return list(map(Finding, programme, code, node, rule, severity, text, source, where,
                    messages))


def _only(*columns: list[Any], kinds: set[type]) -> None:
    """Every value of ``columns`` is of one of ``kinds`` (looked at in bulk: quick)."""
    for values in columns:
        if not set(map(type, values)) <= kinds:
            raise _Unfit("a value")


def _read_message(value: Any) -> Message:
    """A message as written by :func:`_message`: a phrase the glossary has, every field
    its text needs, and only values it can show (a term or phrase field names one that
    exists).

    What depends only on the phrase and the names of the fields (:func:`_tables`) is
    worked out once per such pair: a region's ten thousand findings have a few dozen.
    """
    if type(value) is not list or len(value) != 2:
        raise _Unfit("a message")
    key, pairs = value
    fields = tuple(map(tuple, pairs))
    names = tuple([name for name, _ in fields])  # a pair not of two: ValueError
    if not set(map(type, names)) <= _TEXT:
        raise _Unfit("a field")
    for (_, field), table in zip(fields, _tables(key, names), strict=True):
        if type(field) not in _SIMPLE:  # a message, list, tuple or date: read it
            return Message(key, tuple((n, _field(n, v)) for n, v in fields))
        if table is not None and (type(field) is not str or field not in table):
            raise _Unfit("a term")
    return Message(key, fields)


_TEXT = frozenset({str})
_LOOKED_UP = ("_term", "_terms", "_phrase")


@functools.lru_cache(maxsize=1024)
def _tables(key: str, names: tuple[str, ...]) -> tuple[Mapping[str, Any] | None, ...]:
    """Per field of a message of phrase ``key`` with fields ``names``: the table its value
    must be a key of (:data:`~dinnet.glossary.TERMS` or
    :data:`~dinnet.glossary.PHRASES`), or None; refused when a field the text needs is
    missing.

    >>> _tables("audit.goal_open", ("level_term", "label")) == (TERMS, None)
    True
    """
    if not _needs(key) <= set(names):
        raise _Unfit("a field")
    return tuple(PHRASES if name.endswith("_phrase") else TERMS if name.endswith(_LOOKED_UP)
                 else None for name in names)


def _field(name: str, value: Any) -> Any:
    """A field's value, read back; a term or phrase it names must exist."""
    value = value if type(value) in _SIMPLE else _read(value)
    if name.endswith(_LOOKED_UP):
        table = PHRASES if name.endswith("_phrase") else TERMS
        named = value if isinstance(value, list | tuple) and name.endswith("_terms") else [value]
        if not all(isinstance(v, str) and v in table for v in named):
            raise _Unfit("a term")
    return value


@functools.cache
def _needs(key: str) -> frozenset[str]:
    """The fields the phrase ``key`` fills in, in either language."""
    return frozenset(name.split(".")[0].split("[")[0] for text in PHRASES[key]
                     for _, name, _, _ in string.Formatter().parse(text) if name)


def _read(value: Any) -> Any:
    if type(value) in _SIMPLE:
        return value
    if type(value) is not list or not value:
        raise _Unfit("a value")
    tag = value[0]
    if tag == _MESSAGE and len(value) == 3:
        return _read_message(value[1:])
    if tag in (_LIST, _TUPLE) and len(value) == 2 and type(value[1]) is list:
        items = [_read(v) for v in value[1]]
        return items if tag == _LIST else tuple(items)
    if tag == _DATE and len(value) == 2 and type(value[1]) is str:
        return dt.date.fromisoformat(value[1])
    raise _Unfit("a value")
