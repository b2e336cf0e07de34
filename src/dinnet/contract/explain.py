"""Pydantic's validation errors in plain words: what is wrong and how to write it.

Shared by the YAML loader (:mod:`dinnet.io.loading`) and the spreadsheet
reader (:mod:`dinnet.io.xlsx_import`), which add the file and place.

>>> import pydantic
>>> from dinnet.contract.model import Contract
>>> try:
...     Contract.model_validate({"programme": {"id": "p", "name": "P", "municipality": "M",
...         "period": {"start": 2019, "end": 2022}, "source": "t:1", "kenmerkk": "x"}})
... except pydantic.ValidationError as exc:
...     loc, message, _ = validation_message(exc.errors()[0])
>>> loc_path(loc), message
('programme.kenmerkk', "unknown field 'kenmerkk'; did you mean 'kenmerk'?")
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

import pydantic

from ..errors import one_line
from .model import LOCAL_ID_PATTERN, Contract
from .references import Loc
from .similar import unusual_characters

__all__ = ["describe_value", "loc_path", "short_value", "validation_message"]


def _unwrap(annotation: Any) -> list[Any]:
    """The candidate types inside Annotated/Optional/Union/list/dict."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for a in typing.get_args(annotation) for t in _unwrap(a)]
    return [annotation]


def _model_at(loc: Loc) -> type[pydantic.BaseModel] | None:
    """The model class whose field sits at ``loc`` (for 'did you mean')."""
    current: Any = Contract
    for part in loc:
        candidates = _unwrap(current)
        model = next((c for c in candidates if isinstance(c, type)
                      and issubclass(c, pydantic.BaseModel)), None)
        if isinstance(part, str) and model is not None and part in model.model_fields:
            current = model.model_fields[part].annotation
            continue
        container = next((c for c in candidates if typing.get_origin(c) in (list, dict)), None)
        if container is not None:
            current = typing.get_args(container)[-1]
    candidates = _unwrap(current)
    return next((c for c in candidates if isinstance(c, type)
                 and issubclass(c, pydantic.BaseModel)), None)


def loc_path(loc: Loc) -> str:
    """A pydantic location as a field path, the way it is written in YAML.

    Parameters
    ----------
    loc : tuple of str and int
        The location (``("goals", 0, "id")``).

    Returns
    -------
    str
        Field names joined by dots, list positions in brackets.

    Examples
    --------
    >>> loc_path(("goals", 0, "goals", 2, "id"))
    'goals[0].goals[2].id'
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def describe_value(value: Any) -> str:
    """A value as a message names it: its kind for empty, boolean, number and containers.

    Parameters
    ----------
    value : Any
        What the file held.

    Returns
    -------
    str
        ``"nothing (an empty value)"``, ``"the number 3"``, ``"a list"``, or the text quoted.

    Examples
    --------
    >>> describe_value(None), describe_value(True), describe_value(3), describe_value("x")
    ('nothing (an empty value)', 'the boolean true', 'the number 3', "'x'")
    """
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return short_value(value)


def short_value(value: Any, limit: int = 80) -> str:
    """``repr(value)``, cut in the middle when long (a 10 MB label is not echoed).

    Parameters
    ----------
    value : Any
        What the file held.
    limit : int, default 80
        Longer representations keep their first and last ``limit // 2`` characters.

    Returns
    -------
    str
        The representation on one line.

    Examples
    --------
    >>> short_value("ab" * 5, limit=8)
    "'aba … (4 characters left out) … bab'"
    """
    return one_line(repr(value), limit)


_UNION_TAGS = frozenset({"ref", "link", "float", "str", "int", "bool", "[key]"})


def validation_message(err: Any) -> tuple[Loc, str, bool]:
    """One pydantic error in plain words.

    Parameters
    ----------
    err : dict
        One item of :meth:`pydantic.ValidationError.errors`.

    Returns
    -------
    tuple
        ``(loc, message, point_at_key)``: the location without pydantic's union
        tags, the message, and whether the problem is the key (an unknown field)
        rather than its value.

    Examples
    --------
    >>> validation_message({"type": "missing", "loc": ("goals", 0, "label"), "msg": "Field required"})
    (('goals', 0), "required field 'label' is missing", False)
    """
    kind = err["type"]
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and (
        p in _UNION_TAGS or p.startswith(("function-", "constrained-")))))
    value = err.get("input")
    if kind == "missing":
        return loc[:-1], f"required field '{loc[-1]}' is missing", False
    if kind == "extra_forbidden":
        model = _model_at(loc[:-1])
        hint = ""
        if model is not None:
            close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1)
            hint = (f"; did you mean '{close[0]}'?" if close else
                    f"; allowed: {', '.join(model.model_fields)}")
        return loc, f"unknown field '{loc[-1]}'{hint}", True
    if kind == "string_type":
        msg = f"expected text, got {describe_value(value)}"
        if value is None:
            msg += "; write the text, or remove the field if it is unknown"
        elif isinstance(value, bool | int | float):
            msg += "; put the text in quotes, for example \"" + str(value) + "\""
        return loc, msg, False
    if kind == "string_pattern_mismatch":
        odd = unusual_characters(value) if isinstance(value, str) else []
        hint = f"; it holds {', '.join(odd[:3])}: delete or retype it" if odd else ""
        if str(err.get("ctx", {}).get("pattern")) == LOCAL_ID_PATTERN or loc[-1] == "id":
            return loc, (f"{short_value(value)} is not a valid id: use letters, digits, '.', '_' "
                         f"and '-', starting with a letter or digit (no spaces, no colons){hint}"
                         ), False
        return loc, (f"{short_value(value)} is not a valid reference: write 'id' or 'programme:id' "
                     f"(no spaces){hint}"), False
    if kind in ("float_parsing", "int_parsing", "float_type", "int_type"):
        hint = ""
        if isinstance(value, str) and "," in value:
            hint = "; write numbers with a dot as decimal sign and no thousands separators"
        return loc, f"expected a number, got {describe_value(value)}{hint}", False
    if kind in ("int_from_float",):
        return loc, f"expected a whole number (a year), got {describe_value(value)}", False
    message = err["msg"].removeprefix("Value error, ")
    if kind not in ("value_error", "assertion_error") and value is not None \
            and not isinstance(value, dict | list):
        message += f" (got {describe_value(value)})"
    return loc, message, False
