"""The quick paths of validating a contract agree with the general ones (session 14).

Validation skips work for the common case: per-year values without text are not
copied or searched for 'ruim'/'circa' (``model._split``), a plain number is read
without the checks text needs (``numbers.read_amount``, ``read_figure``) and a
source range is ordered by comparing its lines as text (``model._ordered``).
Each test here gives random values to the quick path and to the general one (or
to an independent reading) and wants the same outcome: the same data, or the
same error with the same message.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from dinnet.contract import model, numbers
from dinnet.contract.explain import validation_message
from dinnet.contract.model import Baseline, Goal, Source, _split, _split_text
from dinnet.contract.numbers import parse_dutch, plain_number, plain_text, read_amount, read_figure


def evenly(*strategies: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """One of ``strategies``, each as likely (``st.one_of`` weighs each of their branches)."""
    return st.sampled_from(strategies).flatmap(lambda strategy: strategy)


#: Numbers as a YAML file gives them (its integers have at most 40 digits) and as a program may.
NUMBERS = st.one_of(
    st.integers(-10**40, 10**40), st.floats(), st.booleans(),
    st.sampled_from([math.inf, -math.inf, math.nan, 0, -0.0, 1e308, 2**1023]),
)
DUTCH = st.builds(
    lambda word, number: f"{word}{number}",
    st.sampled_from(["", "ruim ", "Circa ", "ca. ", "±", "bijna", "maximaal € ", "€ ", "EUR "]),
    st.sampled_from(["200.000", "1.250,50", "13%", "5", "1,22%", "n.t.b.", "200.000,-", "-3"]),
)
#: What a per-year value can be: numbers, Dutch text (approximate or not), other text, the
#: plain numbers the YAML reader hands over as refused text, nothing, something else.
VALUES = evenly(NUMBERS, DUTCH, st.one_of(
    st.text(max_size=8), st.none(), st.just([1]),
    st.sampled_from(["50.000", "1e309", "1.5"]).map(plain_number),
    st.sampled_from(["1,250", "1,25"]).map(plain_text),
))
YEARS = st.integers(2018, 2024)
SERIES = evenly(st.dictionaries(YEARS, VALUES, max_size=4), VALUES)
FIELDS = ("targets", "expected", "realised")
#: Marks given in the file already: per year, per series and year, or not a mapping at all.
MARKS = evenly(st.none(), VALUES, st.dictionaries(YEARS, st.sampled_from(["ruim", "circa"])),
               st.dictionaries(st.sampled_from(FIELDS), evenly(
                   VALUES, st.dictionaries(YEARS, st.sampled_from(["ruim", "circa"])))))


@given(st.fixed_dictionaries({}, optional={**{name: SERIES for name in FIELDS},
                                           "approximate": MARKS, "label": st.text()}),
       st.booleans())
def test_split_skips_only_what_has_no_text(data: dict[str, Any], per_field: bool) -> None:
    fields = FIELDS if per_field else FIELDS[:1]
    assert _split(data, *fields, per_field=per_field) == _split_text(
        data, fields, "approximate", per_field)


@pytest.mark.parametrize("name", FIELDS)
@pytest.mark.parametrize("value", ["ruim 5", "circa 5%", "± € 5", "ca.5"])
def test_each_series_is_searched_for_approximate_text(name: str, value: str) -> None:
    data = {**{key: {2022: 4} for key in FIELDS}, name: {2023: 4.5, 2024: value}}
    word = value.split()[0] if " " in value else "ca."
    assert _split(data, *FIELDS, per_field=True) == {
        **data, name: {2023: 4.5, 2024: 5.0}, "approximate": {name: {2024: word}}}


@given(VALUES)
def test_a_baseline_is_marked_exactly_when_its_text_says_approximate(value: Any) -> None:
    found = (parse_dutch(value) if isinstance(value, str)
             and not isinstance(value, numbers.PlainNumber) else None)
    try:
        baseline = Baseline.model_validate({"value": value, "year": 2018})
    except ValidationError:
        return  # a value the field refuses (its errors: tests/test_numbers.py)
    if found is not None and found.approx:
        assert (baseline.value, baseline.approximate) == (found.value, found.approx)
    else:
        assert baseline.approximate is None


def outcome(read: Any, value: Any) -> tuple[str, str]:
    """What ``read(value)`` gives: its value (repr, so that NaN equals NaN) or its error."""
    try:
        return "value", repr(read(value))
    except (ValueError, OverflowError) as error:
        return type(error).__name__, str(error)


@given(st.one_of(NUMBERS, st.integers(), st.sampled_from([10**400, -(10**309)])))
def test_a_plain_number_is_read_as_the_general_check_reads_it(value: Any) -> None:
    general = outcome(numbers._finite, value)
    assert outcome(read_amount, value) == general
    if isinstance(value, bool):  # an indicator keeps true/false as printed (pydantic refuses it)
        assert read_figure(value) is value
    else:
        assert outcome(read_figure, value) == general


@st.composite
def lines(draw: st.DrawFn) -> tuple[int, int]:
    """Two lines: any two, or (the hard case for text) two as long with a common beginning."""
    if draw(st.booleans()):
        return draw(st.integers(1, 10**9)), draw(st.integers(1, 10**9))
    common, size = draw(st.integers(1, 10**6)), draw(st.integers(1, 4))
    ends = st.integers(0, 10**size - 1).map(lambda n: f"{common}{n:0{size}d}")
    return int(draw(ends)), int(draw(ends))


@given(lines())
def test_a_source_range_is_ordered_as_its_numbers(range_: tuple[int, int]) -> None:
    start, end = range_
    text = f"a.txt:{start}-{end}"
    try:
        got: Any = Goal.model_validate({"id": "G", "level": "main", "label": "G",
                                        "source": text}).source
    except ValidationError as error:
        (err,) = error.errors()
        got = err["type"], str(validation_message(err)[1])
    if start <= end:
        assert got == Source(text) and type(got) is Source
    else:
        assert got == ("source_range", f"source range {start}-{end} ends before it starts")
        with pytest.raises(ValueError, match=f"source range {start}-{end} ends before"):
            Source(text)


def test_the_range_check_is_the_one_pydantic_core_calls() -> None:
    """The union of :class:`Source` calls :func:`model._ordered` for a range (no other path)."""
    assert model._ordered("a.txt:99-100") == "a.txt:99-100"
    with pytest.raises(ValueError):
        model._ordered("a.txt:100-99")
