"""Numbers as Dutch documents print them, read by one rule (no I/O).

A numeric field (amounts, stated totals, scale, baselines, targets, expected
and realised values) reads

* a plain YAML number the international way: ``200000``, ``1250.5``, ``12.5``;
* text (quoted, or anything YAML does not take for a number) the Dutch way:
  a dot groups thousands in threes, a comma is the decimal sign, ``€`` or
  ``EUR`` may stand before and ``%`` after it, a trailing ``,-`` is allowed:
  ``"200.000"``, ``1.250.000``, ``"1.250,50"``, ``€ 200.000,-``, ``1,22%``,
  ``13%``; a leading ``ruim``, ``circa``, ``ca.``, ``ongeveer``, ``bijna``,
  ``±``, ``maximaal`` or ``minimaal`` marks the number approximate;
* and refuses, with a message that shows how to write it, a plain number with
  one dot and exactly three digits after it (``200.000``, ``1.250``,
  ``50.000``): the Dutch read and the YAML read differ by a factor of a
  thousand; so does a plain ``1,250`` (Dutch 1.25, English 1250). Also
  refused: numbers that are not finite (``1e309``, ``.inf``, ``.nan``) or
  longer than :data:`MAX_NUMBER_CHARS` characters.

The YAML reader hands such plain scalars over as :class:`PlainNumber` (a
``str``) so that the field decides: a text field keeps the text as written,
a numeric field refuses it here.

>>> parse_dutch("€ 200.000")
DutchNumber(value=200000.0, approx=None, percent=False)
>>> parse_dutch("ruim 1.250,50")
DutchNumber(value=1250.5, approx='ruim', percent=False)
>>> parse_dutch("1,22%").value, parse_dutch("n.t.b.") is None
(1.22, True)
>>> read_amount(plain_number("200.000"))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
dinnet.errors.SaidValueError: 200.000 is ambiguous (YAML reads 200, Dutch 200000): write 200000, ...
"""

from __future__ import annotations

import decimal
import math
import re
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import SaidValueError
from ..glossary import Message, message

__all__ = [
    "APPROX_WORDS",
    "DUTCH_PATTERN",
    "MAX_NUMBER_CHARS",
    "TBD_WORDS",
    "DutchNumber",
    "PlainNumber",
    "is_tbd",
    "parse_dutch",
    "plain_number",
    "plain_text",
    "read_amount",
    "read_figure",
]

#: Longest number accepted, in characters (a euro amount needs fewer than 20).
MAX_NUMBER_CHARS = 40
#: Words that mark a number approximate ("ruim € 200.000", "circa 50").
APPROX_WORDS: tuple[str, ...] = ("ruim", "circa", "ca.", "ongeveer", "bijna", "±",
                                 "maximaal", "minimaal")
#: Texts that say a value or date is not set yet ("Doel: n.t.b.").
TBD_WORDS: tuple[str, ...] = ("n.t.b.", "n.t.b", "ntb", "nog te bepalen", "nader te bepalen")

Approx = Literal["ruim", "circa", "ca.", "ongeveer", "bijna", "±", "maximaal", "minimaal"]

_APPROX = "|".join(re.escape(w) for w in sorted(APPROX_WORDS, key=len, reverse=True))
_DUTCH = re.compile(
    rf"(?:(?P<approx>{_APPROX})\s*)?(?:(?:€|EUR|euro)\s*)?(?P<sign>[-+−])?\s*"
    r"(?P<int>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,(?P<frac>[0-9]+)|,-)?\s*(?P<pct>%)?",
    re.IGNORECASE,
)
#: The Dutch number text as a JSON Schema pattern (for editors).
DUTCH_PATTERN = "^" + re.sub(r"\(\?P<\w+>", "(", _DUTCH.pattern) + "$"
#: A plain YAML float that is also a Dutch whole number: ``200.000``, ``-1.250``.
_AMBIGUOUS = re.compile(r"[-+]?[1-9][0-9]{0,2}\.[0-9]{3}")


class PlainNumber(str):
    """A plain YAML scalar that looks like a number but is not read as one.

    ``problem`` says why (a glossary message); a numeric field refuses it
    with that message, a text field keeps the text as written.
    """

    problem: Message

    def __new__(cls, text: str, problem: Message) -> PlainNumber:
        obj = super().__new__(cls, text)
        obj.problem = problem
        return obj


def plain_number(text: str) -> int | float | PlainNumber:
    """A plain YAML number (already matched as one) as dinnet reads it.

    >>> plain_number("12.5"), plain_number("200000")
    (12.5, 200000)
    >>> print(plain_number("50.000").problem.text("en").split(":")[0])
    50.000 is ambiguous (YAML reads 50, Dutch 50000)
    >>> print(plain_number("50.000").problem.text("nl").split(":")[0])
    50.000 is dubbelzinnig (YAML leest 50, Nederlands 50000)
    >>> print(plain_number("1e309").problem)
    1e309 is not a finite number; write a number below 1e308
    """
    if len(text) > MAX_NUMBER_CHARS:
        return PlainNumber(text, message("number.too_long", length_amount=len(text),
                                         most=MAX_NUMBER_CHARS))
    if _AMBIGUOUS.fullmatch(text):
        whole, yaml = text.replace(".", "").lstrip("+"), f"{float(text):g}"
        return PlainNumber(text, message("number.ambiguous", text=text, yaml=yaml, whole=whole))
    if "." in text or "e" in text or "E" in text:
        value = float(text)
        if not math.isfinite(value):
            return PlainNumber(text, message("number.not_finite", text=text))
        return value
    return int(text)


#: A plain (unquoted) ``1,250``: Dutch reads 1.25, an English reader 1250.
_AMBIGUOUS_COMMA = re.compile(r"[-+]?[1-9][0-9]{0,2},[0-9]{3}")


def plain_text(text: str) -> str:
    """A plain YAML scalar that is text to YAML, as dinnet reads it.

    ``1,250`` unquoted is refused by a numeric field as :func:`plain_number`
    refuses ``1.250``: the Dutch read (1.25) and the English one (1250) differ
    by a factor of a thousand. Quoted, ``"1,250"`` is read the Dutch way.

    >>> plain_text("1,25")
    '1,25'
    >>> print(plain_text("1,250").problem.text("en").split(":")[0])
    1,250 is ambiguous (Dutch reads 1.25, English 1250)
    >>> print(plain_text("1,250").problem.text("nl").split(":")[0])
    1,250 is dubbelzinnig (Nederlands leest 1.25, Engels 1250)
    """
    if not _AMBIGUOUS_COMMA.fullmatch(text):
        return text
    whole = text.replace(",", "").lstrip("+")
    dutch = f"{float(text.replace(',', '.')):g}"
    return PlainNumber(text, message("number.ambiguous_comma", text=text, dutch=dutch,
                                     whole=whole))


def non_finite(text: str) -> PlainNumber:
    """YAML's ``.inf`` and ``.nan``: kept as text, refused by numeric fields."""
    return PlainNumber(text, message("number.not_finite_text", text=text))


@dataclass(frozen=True)
class DutchNumber:
    """A number read from Dutch text: its value and what was printed around it."""

    value: float
    approx: str | None
    percent: bool


def parse_dutch(text: str) -> DutchNumber | None:
    """Read ``text`` as a Dutch number; None when it is not one.

    >>> parse_dutch("1.250").value, parse_dutch("1,5").value, parse_dutch("1.5")
    (1250.0, 1.5, None)
    >>> parse_dutch("€ 200.000,-").value, parse_dutch("circa 13%")
    (200000.0, DutchNumber(value=13.0, approx='circa', percent=True))
    """
    match = _DUTCH.fullmatch(text.strip())
    if match is None:
        return None
    number = match["int"].replace(".", "") + ("." + match["frac"] if match["frac"] else "")
    value = float(number)
    if match["sign"] in ("-", "−"):
        value = -value
    approx = match["approx"].lower() if match["approx"] else None
    return DutchNumber(value, approx, bool(match["pct"]))


def is_tbd(value: object) -> bool:
    """Whether a value or date says "not set yet" (``n.t.b.``).

    >>> is_tbd("n.t.b."), is_tbd("Doel: n.t.b."), is_tbd("2022 Q1"), is_tbd(3)
    (True, True, False, False)
    """
    if not isinstance(value, str):
        return False
    text = value.strip().lower()
    text = text.split(":", 1)[1].strip() if ":" in text else text
    return text in TBD_WORDS


def _finite(value: Any) -> float:
    """``value`` as a finite float; refused, said, when it is none (a bool, inf, nan, or an
    int past 1e308, which a program can pass where YAML text cannot).

    >>> _finite(10 ** 400)
    Traceback (most recent call last):
    ...
    dinnet.errors.SaidValueError: 1.000e+400 is not a finite number; write a number below 1e308
    """
    if isinstance(value, bool):
        raise SaidValueError(message("number.boolean", value=str(value).lower()))
    try:
        number = float(value)
    except OverflowError:  # an int past 1e308 (str() of one refuses past 4,300 digits)
        raise SaidValueError(message("number.not_finite",
                                     text=format(decimal.Decimal(value), ".3e"))) from None
    if not math.isfinite(number):
        raise SaidValueError(message("number.not_finite", text=str(value)))
    return number


def _plain_number(value: Any) -> float | None:
    """A plain int or finite float as :func:`_finite` reads it; None for anything else.

    >>> _plain_number(3), _plain_number(2.5), _plain_number(True), _plain_number("3")
    (3.0, 2.5, None, None)
    """
    kind = type(value)
    if kind is int:
        try:
            return float(value)
        except OverflowError:  # past 1e308: :func:`_finite` says so
            return None
    if kind is float and math.isfinite(value):
        return float(value)
    return None


def read_amount(value: Any) -> Any:
    """A numeric field's value: a plain number, or Dutch text (see the module).

    Approximate text (``ruim 200.000``) is split off by the owning model
    before this runs; here it is refused with the way to write it.

    >>> read_amount(200000), read_amount(12.5), read_amount("€ 1.250,50"), read_amount(None)
    (200000.0, 12.5, 1250.5, None)
    """
    plain = _plain_number(value)  # the common case first
    if plain is not None:
        return plain
    if value is None:
        return None
    if isinstance(value, PlainNumber):
        raise SaidValueError(value.problem)
    if isinstance(value, int | float):
        return _finite(value)
    if isinstance(value, str):
        found = parse_dutch(value)
        if found is None:
            raise SaidValueError(message("number.not_a_number", value=repr(value)))
        if found.percent:
            raise SaidValueError(message("number.percentage", value=repr(value)))
        if found.approx:
            raise SaidValueError(message("number.approximate", value=repr(value),
                                         number=f"{found.value:g}"))
        return found.value
    return value  # pydantic reports the wrong type


def read_figure(value: Any) -> Any:
    """An indicator value: a number, Dutch text read as a number, or other text as printed.

    >>> read_figure("13%"), read_figure("n.t.b."), read_figure(7)
    (13.0, 'n.t.b.', 7.0)
    """
    plain = _plain_number(value)  # the common case first
    if plain is not None:
        return plain
    if isinstance(value, PlainNumber):
        raise SaidValueError(value.problem)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _finite(value)
    if isinstance(value, str):
        found = parse_dutch(value)
        if found is not None and found.approx is None:
            return found.value
    return value


def split_approx(values: Any) -> tuple[Any, dict[Any, str]]:
    """Per-year values with approximate text split off: ``({2024: 200000.0}, {2024: 'ruim'})``.

    >>> split_approx({2024: "ruim € 200.000", 2025: 5})
    ({2024: 200000.0, 2025: 5}, {2024: 'ruim'})
    """
    if not isinstance(values, dict):
        return values, {}
    out, approx = {}, {}
    for year, value in values.items():
        found = None
        if isinstance(value, str) and not isinstance(value, PlainNumber):
            found = parse_dutch(value)
        if found is not None and found.approx:
            out[year], approx[year] = found.value, found.approx
        else:
            out[year] = value
    return out, approx
