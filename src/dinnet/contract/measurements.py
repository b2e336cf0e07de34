"""Measurements: realised and expected values of indicators, and how efforts went (no I/O).

A measurement set is one YAML mapping (``measurements.yaml`` beside the
contracts, ``docs/measurements.md``) validated by :class:`MeasurementSet`:
values per indicator and year (or date), each with its ``kind``
(``realised`` or ``expected``) and its ``source``, and the state of efforts
and projects (``realised``, ``partly``, ``not_realised``) with an
explanation. Numbers read by the contracts' rule (:mod:`.numbers`): Dutch
``"200.000"`` is two hundred thousand, a plain ``200.000`` is refused,
``ca. 40`` is 40 marked approximate, ``n.t.b.`` is kept as the words.

A value given for a year is dated 31 December of that year.

>>> s = MeasurementSet.model_validate({
...     "programme": "groene-stad",
...     "measurements": [{"indicator": "SD1.a.i1", "year": 2024, "value": "ca. 12.500",
...                       "source": "Jaarverslag 2024, blz. 12"}],
...     "realisations": [{"effort": "E1", "year": 2024, "state": "partly",
...                       "explanation": "Vertraagd door de aanbesteding.",
...                       "source": "Jaarverslag 2024, blz. 30"}]})
>>> m = s.measurements[0]
>>> m.date, m.value, m.approximate, m.kind
(datetime.date(2024, 12, 31), 12500.0, 'ca.', 'realised')
>>> s.realisations[0].ref, s.realisations[0].state
('E1', 'partly')
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import SaidValueError
from ..glossary import message
from .model import Figure, Label, ProgrammeId, Ref, Text, Year
from .numbers import Approx, is_tbd, split_approx

__all__ = [
    "KINDS",
    "STATES",
    "Measurement",
    "MeasurementSet",
    "Realisation",
    "contract_measurements",
    "read_date",
    "year_end",
]

Kind = Literal["realised", "expected"]
State = Literal["realised", "partly", "not_realised"]
#: The kinds of a measurement: realisatie, verwacht.
KINDS: tuple[str, ...] = get_args(Kind)
#: The states of an effort or project: gerealiseerd, deels gerealiseerd of vertraagd, niet gerealiseerd.
STATES: tuple[str, ...] = get_args(State)

_DUTCH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def year_end(year: int) -> dt.date:
    """The date a value for ``year`` stands at: 31 December.

    >>> year_end(2024)
    datetime.date(2024, 12, 31)
    """
    return dt.date(year, 12, 31)


def _when(data: Any) -> Any:
    """``year: 2024`` -> ``date: 2024-12-31`` (the year kept); a Dutch ``30-6-2024`` as a date."""
    if not isinstance(data, dict):
        return data
    data = dict(data)
    date = data.get("date")
    if data.get("year") is not None and date is not None:
        raise SaidValueError(message("meas.year_and_date"))
    if data.get("year") is None and date is None:
        raise SaidValueError(message("meas.no_when"))
    year = data.get("year")
    if year is not None:
        valid = isinstance(year, int) and not isinstance(year, bool) and 1900 <= year <= 2100
        # a bad year is reported on `year` alone, not also as a missing date
        data["date"] = year_end(year if valid else 1900)
    return data


def read_date(value: Any) -> Any:
    """A date as written: ``2025-06-30`` or the Dutch ``30-6-2025``; other text is refused.

    >>> read_date("2025-06-30"), read_date("30-6-2025")
    (datetime.date(2025, 6, 30), datetime.date(2025, 6, 30))
    >>> read_date("30-2-2025")
    Traceback (most recent call last):
    ...
    dinnet.errors.SaidValueError: '30-2-2025' is not a date: write 2025-06-30 or 30-6-2025
    """
    if not isinstance(value, str):
        return value  # a date already, or pydantic reports the wrong type
    text = value.strip()
    found = _DUTCH_DATE.match(text)
    with contextlib.suppress(ValueError):
        if found:
            day, month, year = map(int, found.groups())
            return dt.date(year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
    raise SaidValueError(message("meas.bad_date", value=repr(value)))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)

    @field_validator("date", mode="before", check_fields=False)
    @classmethod
    def _date(cls, value: Any) -> Any:
        return read_date(value)


class Measurement(_Model):
    """One value of one indicator at one date: realised (realisatie) or expected (verwacht).

    ``indicator`` is a reference as written (``I1`` or ``programme:I1``); in
    the graph it is the indicator's node id. ``year`` is set when the value
    was given for a year (then ``date`` is 31 December of it).

    >>> Measurement.model_validate({"indicator": "p:I1", "date": "2025-06-30", "value": "1.250,5",
    ...                             "kind": "expected", "source": "Voortgangsrapportage, blz. 3"}).value
    1250.5
    """

    indicator: Ref = Field(description="The indicator: 'I1' (in the set's programme) or "
                           "'programme:I1'.")
    year: Year | None = Field(None, description="The year the value is for (dated 31 December).")
    date: dt.date = Field(description="The date the value is for: 2025-06-30 (or write year).")
    value: Figure = Field(description="The value: a number (Dutch text such as \"1.250,5\" or "
                          "\"13%\" is read as one), or 'n.t.b.'.")
    kind: Kind = Field("realised", description="realised (realisatie, measured) or expected "
                       "(verwacht, not yet measured).")
    approximate: Approx | None = Field(None, description="The value is approximate, with the "
                                       "word printed: ca., circa, ruim...")
    source: Label = Field(description="Where the value stands: report and page ('Jaarverslag "
                          "2024, blz. 12'), or a file.")
    note: Text | None = Field(None, description="A remark (not report text).")

    @model_validator(mode="before")
    @classmethod
    def _read(cls, data: Any) -> Any:
        data = _when(data)
        if isinstance(data, dict) and "value" in data:
            values, approx = split_approx({0: data["value"]})
            if approx:
                data = {**data, "value": values[0], "approximate": approx[0]}
        return data

    @field_validator("value")
    @classmethod
    def _number_or_tbd(cls, value: Any) -> Any:
        if isinstance(value, str) and not is_tbd(value):
            raise SaidValueError(message("meas.not_a_number", value=repr(value)))
        return value

    @model_validator(mode="after")
    def _checked(self) -> Measurement:
        if self.year is not None and self.date != year_end(self.year):
            raise SaidValueError(message("meas.year_and_date"))
        if self.approximate is not None and not isinstance(self.value, float):
            raise SaidValueError(message("meas.approx_text"))
        return self


class Realisation(_Model):
    """How an effort or project went by a date: realised, partly (or delayed), not realised.

    >>> r = Realisation.model_validate({"project": "P2", "date": "31-3-2025",
    ...                                 "state": "not_realised", "source": "Voorjaarsnota 2025"})
    >>> r.ref, r.date
    ('P2', datetime.date(2025, 3, 31))
    """

    effort: Ref | None = Field(None, description="The effort: 'E1' or 'programme:E1' "
                               "(or write project).")
    project: Ref | None = Field(None, description="The project: 'P1' or 'programme:P1'.")
    year: Year | None = Field(None, description="The year reported on (dated 31 December).")
    date: dt.date = Field(description="The date reported on: 2025-06-30 (or write year).")
    state: State = Field(description="realised (gerealiseerd), partly (deels gerealiseerd of "
                         "vertraagd), not_realised (niet gerealiseerd).")
    explanation: Text | None = Field(None, description="The report's short explanation.")
    source: Label = Field(description="Where it stands: report and page, or a file.")
    note: Text | None = Field(None, description="A remark (not report text).")

    @model_validator(mode="before")
    @classmethod
    def _read(cls, data: Any) -> Any:
        if isinstance(data, dict) and (data.get("effort") is None) == (data.get("project") is None):
            raise SaidValueError(message("meas.effort_or_project"))
        return _when(data)

    @model_validator(mode="after")
    def _checked(self) -> Realisation:
        if self.year is not None and self.date != year_end(self.year):
            raise SaidValueError(message("meas.year_and_date"))
        return self

    @property
    def ref(self) -> str:
        """The effort or project as written."""
        return self.effort or self.project or ""

    @property
    def element(self) -> str:
        """``"effort"`` or ``"project"``."""
        return "effort" if self.effort else "project"


class MeasurementSet(_Model):
    """The root of a measurements file: one report's values and states."""

    dinnet_measurements: Literal[1] = Field(1, description="Format version.")
    programme: ProgrammeId | None = Field(
        None, description="The programme a reference without 'programme:' is in.")
    title: Label | None = Field(None, description="The report: 'Jaarverslag 2024'.")
    date: dt.date | None = Field(None, description="When the report was made (optional).")
    note: Text | None = Field(None, description="A remark (not report text).")
    measurements: list[Measurement] = Field(
        default_factory=list, description="Values of indicators per year or date.")
    realisations: list[Realisation] = Field(
        default_factory=list, description="States of efforts and projects per year or date.")


def contract_measurements(node: str, realised: Mapping[int, Any], expected: Mapping[int, Any],
                          approximate: Mapping[Any, Mapping[int, Any]], source: str
                          ) -> Iterator[Measurement]:
    """The realised and expected values a contract itself gives, as measurements.

    The arguments are an indicator's node id and its fields (as
    :class:`~dinnet.contract.model.Indicator` and its graph node hold them). Each
    value is dated 31 December of its year and cites the indicator's
    ``source``. The values were validated with the contract, so a text value
    (kept as printed there) stays text here.

    >>> [(m.date.year, m.kind, m.value, m.approximate, m.source) for m in contract_measurements(
    ...     "p:I1", {2022: 40.0}, {2023: 45.0}, {"realised": {2022: "circa"}}, "t.txt:3")]
    [(2022, 'realised', 40.0, 'circa', 't.txt:3'), (2023, 'expected', 45.0, None, 't.txt:3')]
    """
    series: tuple[tuple[Kind, Mapping[int, Any]], ...] = (("realised", realised),
                                                          ("expected", expected))
    for kind, values in series:
        marks = approximate.get(kind, {})
        for year, value in sorted(values.items()):
            yield Measurement.model_construct(
                indicator=node, year=year, date=year_end(year), value=value, kind=kind,
                approximate=marks.get(year), source=source, note=None)
