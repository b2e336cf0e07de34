"""Findings as plain data and back: what :mod:`dinnet.io.memo` keeps between runs.

:func:`findings_to_data` writes the :class:`~dinnet.audit.findings.Finding` s
as a list per field (texts, numbers), with their glossary messages (key and
fields) so they can be shown in either language later. The messages are
written by column too: the messages with the same key and field names make a
group, written once as ``[key, names, a list of values per field]``, and the
``said`` list gives each finding the number of its group (None: no message).
A field value that is a message, a list, a tuple or a date is written as a
list that starts with a tag (a message inside one as ``[key, [[name, value],
...]]``); plain text and numbers stand as they are. Anything else cannot be
written, and :func:`findings_to_data` says so with None (the findings are then
not kept).

:func:`findings_from_data` reads that back and trusts nothing: every
finding must have the right shape and types, a known severity and a message
key the glossary knows, every field its text needs, and a term or phrase
field must name one that exists, or the whole lot is refused (None) and the
audit runs again. The checks look at a whole column at once where they can (a
group's messages a field at a time): the national set's hundred thousand
findings are read back in about a third of a second (docs/performance.md,
session 11).

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

import collections
import datetime as dt
import functools
import itertools
import operator
import string
from collections.abc import Iterator, Mapping
from typing import Any

from ..glossary import PHRASES, TERMS, Message
from ..graph import collector_paused
from .findings import SEVERITIES, Finding, made_finding

__all__ = ["findings_from_data", "findings_to_data"]

_MESSAGE, _LIST, _TUPLE, _DATE = "message", "list", "tuple", "date"
#: The columns of the data: one list per field of a finding (the location in three).
_COLUMNS = ("programme", "code", "node", "rule", "severity", "message", "source", "file",
            "line", "column", "said")
_SIMPLE = (str, int, float, bool, type(None))
_SIMPLE_KINDS = frozenset(_SIMPLE)
_NONE = type(None)
#: A finding's fields, in the order of its class (the location one of them).
_FIELDS = operator.attrgetter("programme", "code", "node", "rule", "severity", "message", "source",
                              "location", "said")
_NOWHERE = (None, None, None)


class _Unfit(ValueError):
    """A value that plain data cannot hold, or data that is not what this module writes."""


def findings_to_data(findings: list[Finding]) -> dict[str, list[Any]] | None:
    """``findings`` as plain data, a list per field and the messages by group
    (:func:`_messages`); None when a message holds a value of another kind."""
    with collector_paused():
        # each finding looked at once, its fields in one tuple (findings lie all over
        # memory: a pass per field cost 0.3 s of the national set's 0.4 s)
        rows = list(map(_FIELDS, findings))
        programme, code, node, rule, severity, text, source, where, said_of = (
            map(list, zip(*rows, strict=True)) if rows else ([] for _ in range(9)))
        try:
            said, messages = _messages(said_of)
        except _Unfit:
            return None
        file, line, column = (map(list, zip(*(w or _NOWHERE for w in where), strict=True))
                              if rows else ([], [], []))
    return {"programme": programme, "code": code, "node": node, "rule": rule,
            "severity": severity, "message": text, "source": source,
            "file": file, "line": line, "column": column, "said": said, "messages": messages}


def _messages(said: list[Message | None]) -> tuple[list[int | None], list[list[Any]]]:
    """The messages ``said`` by column: per finding the number of its group (None: no
    message), and per group of messages with the same key and field names ``[key, names,
    a list of values per field]``, in the order of the findings.

    >>> from dinnet.glossary import message
    >>> _messages([message("audit.goal_open", level_term="strategic", label="A"), None,
    ...            message("audit.goal_open", level_term="operational", label="B")])
    ([0, None, 0], [['audit.goal_open', ['level_term', 'label'], [['strategic', 'operational'], ['A', 'B']]]])
    """
    groups: dict[tuple[str, tuple[str, ...]], tuple[int, list[tuple[Any, ...]]]] = {}
    index: list[int | None] = []
    for m in said:
        if m is None:
            index.append(None)
            continue
        names, values = zip(*m.fields, strict=True) if m.fields else ((), ())
        group = groups.get((m.key, names))
        if group is None:
            group = groups[m.key, names] = (len(groups), [])
        group[1].append(values)
        index.append(group[0])
    return index, [[key, list(names), _columns(rows)]
                   for (key, names), (_, rows) in groups.items()]


def _columns(rows: list[tuple[Any, ...]]) -> list[list[Any]]:
    """The values of each field of a group's messages (``rows``), written."""
    return [list(column) if set(map(type, column)) <= _SIMPLE_KINDS
            else list(map(_written, column)) for column in zip(*rows, strict=True)]


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
    if not isinstance(data, dict) or set(data) != {*_COLUMNS, "messages"}:
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
    unknown = [f is None for f in file]
    if [n is None for n in line] != unknown or [c is None for c in column] != unknown:
        raise _Unfit("a location")
    where: list[Any] = list(zip(file, line, column, strict=True))
    if True in unknown:
        where = [None if u else w for u, w in zip(unknown, where, strict=True)]
    messages = _read_messages(said, data["messages"])
    # (the rules' quick way to make a Finding: the same object, equal, same hash and pickle)
    return list(map(made_finding, programme, code, node, rule, severity, text, source, where,
                    messages))


def _only(*columns: list[Any], kinds: set[type]) -> None:
    """Every value of ``columns`` is of one of ``kinds`` (looked at in bulk: quick)."""
    for values in columns:
        if not set(map(type, values)) <= kinds:
            raise _Unfit("a value")


def _read_messages(index: list[Any], groups: Any) -> list[Message | None]:
    """The messages that :func:`_messages` wrote, one per finding (or None).

    A group's messages are checked a column at a time: a phrase the glossary has, every
    field its text needs, and only values it can show (a term or phrase field names
    one that exists). A column of texts and numbers is looked at in bulk; one with
    lists, dates or messages value by value.

    >>> from dinnet.glossary import message
    >>> said = [message("audit.goal_open", level_term="strategic", label=["A", 2]), None]
    >>> _read_messages(*_messages(said)) == said
    True
    >>> _read_messages([0], [["audit.goal_open", ["level_term", "label"], [["no such"], ["A"]]]])
    Traceback (most recent call last):
    ...
    dinnet.audit.plain._Unfit: a term
    """
    _only(index, kinds={int, _NONE})
    counts = collections.Counter(index)
    counts.pop(None, None)
    if set(counts) != set(range(len(groups))):  # a group no finding has, or none to have
        raise _Unfit("a message")
    read: dict[int | None, Iterator[Message | None]] = {None: itertools.repeat(None)}
    for number, group in enumerate(groups):
        read[number] = iter(_read_group(group, counts[number]))
    return list(map(next, map(read.__getitem__, index)))  # the counts match: none runs out


def _read_group(group: Any, count: int) -> list[Message]:
    """The ``count`` messages of one group ``[key, names, a list of values per field]``."""
    key, names, columns = group  # not three: ValueError
    if (type(key) is not str or type(names) is not list or not set(map(type, names)) <= _TEXT
            or type(columns) is not list or any(type(c) is not list or len(c) != count
                                                for c in columns)):
        raise _Unfit("a message")
    tables = _tables(key, tuple(names))
    read = [_read_column(name, values, table)  # a column more or less than names: ValueError
            for name, values, table in zip(names, columns, tables, strict=True)]
    if not names:
        return [Message(key) for _ in range(count)]
    return list(map(Message, itertools.repeat(key, count),
                    zip(*map(zip, map(itertools.repeat, names), read), strict=True)))


def _read_column(name: str, values: list[Any], table: Mapping[str, Any] | None) -> list[Any]:
    """The values of field ``name`` of a group's messages, read back and checked."""
    kinds = set(map(type, values))
    if not kinds <= _SIMPLE_KINDS:  # a message, list, tuple or date among them: one by one
        return [_field(name, value) for value in values]
    if table is not None and not table.keys() >= set(values):  # (the tables' keys are str)
        raise _Unfit("a term")
    return values


def _read_message(value: Any) -> Message:
    """A message inside a field, as written by :func:`_message`: checked as
    :func:`_read_messages` checks those of a group."""
    if type(value) is not list or len(value) != 2:
        raise _Unfit("a message")
    key, pairs = value
    if type(pairs) is not list or not set(map(type, pairs)) <= {list}:
        raise _Unfit("a message")
    fields = tuple(map(tuple, pairs))
    names = tuple([name for name, _ in fields])  # a pair not of two: ValueError
    if type(key) is not str or not set(map(type, names)) <= _TEXT:
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
        items = value[1]
        if set(map(type, items)) <= _SIMPLE_KINDS:  # the usual list: texts (or numbers)
            return list(items) if tag == _LIST else tuple(items)
        items = [_read(v) for v in items]
        return items if tag == _LIST else tuple(items)
    if tag == _DATE and len(value) == 2 and type(value[1]) is str:
        return dt.date.fromisoformat(value[1])
    raise _Unfit("a value")
