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
>>> loc_path(loc), str(message)
('programme.kenmerkk', "unknown field 'kenmerkk'; did you mean 'kenmerk'?")
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import TYPE_CHECKING, Any

from ..errors import SaidValueError, one_line
from ..glossary import Message, message
from .references import Loc

if TYPE_CHECKING:  # imported where an error is explained: reading from the cache needs neither
    import pydantic
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
    import pydantic

    from .model import Contract

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


def describe_value(value: Any) -> Message | str:
    """A value as a message names it: its kind for empty, boolean, number and containers.

    Parameters
    ----------
    value : Any
        What the file held.

    Returns
    -------
    Message or str
        A glossary :class:`~dinnet.glossary.Message` (``"nothing (an empty value)"``,
        ``"the number 3"``, ``"a list"`` in English) or the text quoted.

    Examples
    --------
    >>> [str(describe_value(v)) for v in (None, True, 3, "x")]
    ['nothing (an empty value)', 'the boolean true', 'the number 3', "'x'"]
    >>> describe_value(3).text("nl")
    'het getal 3'
    """
    if value is None:
        return message("load.nothing")
    if isinstance(value, bool):
        return message("load.boolean", value=str(value).lower())
    if isinstance(value, int | float):
        return message("load.number", value=value)
    if isinstance(value, dict):
        return message("load.mapping")
    if isinstance(value, list):
        return message("load.list")
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


#: pydantic's error types for a wrong container, and the glossary key that says what was expected.
_CONTAINERS = {"model_type": "load.expected_mapping", "model_attributes_type": "load.expected_mapping",
               "dict_type": "load.expected_mapping", "list_type": "load.expected_list",
               "tuple_type": "load.expected_list", "set_type": "load.expected_list"}
#: pydantic's error types for a bound, and the context field that holds the bound.
_BOUNDS = {"less_than_equal": "le", "less_than": "lt", "greater_than_equal": "ge",
           "greater_than": "gt"}
_LENGTHS = {"string_too_short": "min_length", "string_too_long": "max_length",
            "too_short": "min_length", "too_long": "max_length"}


def _common_message(kind: str, ctx: dict[str, Any], value: Any) -> Message | None:
    """The glossary's words for pydantic's common error types; ``None`` for the rest.

    >>> print(_common_message("less_than_equal", {"le": 2100}, 3000).text("nl"))
    ten hoogste 2100 verwacht, maar kreeg het getal 3000
    >>> print(_common_message("literal_error", {"expected": "'a', 'b' or 'c'"}, "x").text("nl"))
    'a', 'b' of 'c' verwacht, maar kreeg 'x'
    """
    got = describe_value(value)
    if kind in _CONTAINERS:
        return message(_CONTAINERS[kind], got=got)
    if kind in _BOUNDS:
        return message(f"load.bound_{_BOUNDS[kind]}", limit=ctx.get(_BOUNDS[kind]), got=got)
    if kind in _LENGTHS:
        field = _LENGTHS[kind]
        what = "text" if kind.startswith("string") else "items"
        if kind == "string_too_short" and ctx.get(field) == 1:
            return message("load.empty_text")
        return message(f"load.{field}_{what}", length=ctx.get(field), got=got)
    if kind in ("literal_error", "enum"):
        choices = re.findall(r"'[^']*'|\S+(?=,| or |$)", str(ctx.get("expected", "")))
        if not choices:
            return None
        said = (message("ref.or", a=", ".join(choices[:-1]), b=choices[-1]) if len(choices) > 1
                else choices[0])
        bare = [c.strip("'") for c in choices]
        close = difflib.get_close_matches(value, bare, n=1) if isinstance(value, str) else []
        if close:
            return message("load.one_of_close", choices=said, got=got, close=repr(close[0]))
        return message("load.one_of", choices=said, got=got)
    if kind in ("bool_type", "bool_parsing"):
        return message("load.expected_boolean", got=got)
    return None


#: The errors of a ``source`` that pydantic-core finds (:class:`~dinnet.contract.model.Source`).
_SOURCE_ERRORS = frozenset({"string_too_long", "string_pattern_mismatch", "source_range"})
_UNION_TAGS = frozenset({"ref", "link", "float", "str", "int", "bool", "[key]"})


def validation_message(err: Any) -> tuple[Loc, Message | str, bool]:
    """One pydantic error in plain words.

    Parameters
    ----------
    err : dict
        One item of :meth:`pydantic.ValidationError.errors`.

    Returns
    -------
    tuple
        ``(loc, message, point_at_key)``: the location without pydantic's union
        tags, the message (a glossary :class:`~dinnet.glossary.Message` for the
        errors dinnet words itself, in either language; else pydantic's English
        text), and whether the problem is the key (an unknown field) rather
        than its value.

    Examples
    --------
    >>> loc, said, key = validation_message({"type": "missing", "loc": ("goals", 0, "label"),
    ...                                      "msg": "Field required"})
    >>> loc, str(said), said.text("nl"), key
    (('goals', 0), "required field 'label' is missing", "verplicht veld 'label' ontbreekt", False)
    """
    from .model import (
        LOCAL_ID_PATTERN,
        MAX_SOURCE,
        PROGRAMME_ID_PATTERN,
        SOURCE_PATTERN,
        shown_source,
        source_lines,
    )

    kind = err["type"]
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and (
        p in _UNION_TAGS or p.startswith(("function-", "constrained-")))))
    value = err.get("input")
    if kind == "missing":
        return loc[:-1], message("load.missing", field=loc[-1]), False
    if kind == "extra_forbidden":
        model = _model_at(loc[:-1])
        said = message("load.unknown_field", field=loc[-1])
        if model is not None:
            close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1)
            said = (message("load.unknown_field_close", field=loc[-1], close=close[0]) if close
                    else message("load.unknown_field_allowed", field=loc[-1],
                                 allowed=list(model.model_fields)))
        return loc, said, True
    if kind == "string_type":
        if value is None:
            return loc, message("load.text_not_nothing", got=describe_value(value)), False
        if isinstance(value, bool | int | float):
            return loc, message("load.text_quote", got=describe_value(value), value=value), False
        return loc, message("load.text", got=describe_value(value)), False
    if kind in _SOURCE_ERRORS and loc and loc[-1] == "source":  # checked in pydantic-core
        pattern = str((err.get("ctx") or {}).get("pattern", ""))
        if kind == "string_too_long" and isinstance(value, str):
            return loc, message("model.source_long", length_amount=len(value),
                                limit=MAX_SOURCE), False
        if kind == "string_pattern_mismatch" and pattern == SOURCE_PATTERN:
            return loc, message("model.source_form", shown=shown_source(str(value))), False
        if kind == "source_range" and isinstance(value, str):
            start, end = source_lines(value)
            return loc, message("model.source_range", start=start, end=end), False
    if kind == "string_pattern_mismatch":
        odd = unusual_characters(value) if isinstance(value, str) else []
        hint = message("load.odd_characters", chars=odd[:3]) if odd else ""
        if str(err.get("ctx", {}).get("pattern")) == PROGRAMME_ID_PATTERN:
            return loc, message("load.bad_programme_id", value=short_value(value), hint=hint), False
        if str(err.get("ctx", {}).get("pattern")) == LOCAL_ID_PATTERN or loc[-1] == "id":
            return loc, message("load.bad_id", value=short_value(value), hint=hint), False
        return loc, message("load.bad_ref", value=short_value(value), hint=hint), False
    if kind in ("float_parsing", "int_parsing", "float_type", "int_type"):
        if isinstance(value, str) and "," in value:
            return loc, message("load.number_comma", got=describe_value(value)), False
        return loc, message("load.number_expected", got=describe_value(value)), False
    if kind in ("int_from_float",):
        return loc, message("load.whole_number", got=describe_value(value)), False
    error = (err.get("ctx") or {}).get("error")
    if isinstance(error, SaidValueError):  # a validator of the model, worded in the glossary
        return loc, error.said, False
    common = _common_message(kind, err.get("ctx") or {}, value)
    if common is not None:
        return loc, common, False
    text = err["msg"].removeprefix("Value error, ")  # pydantic's own words (English)
    if kind not in ("value_error", "assertion_error") and value is not None \
            and not isinstance(value, dict | list):
        text += f" (got {describe_value(value)})"
    return loc, text, False
