"""The contract format: pydantic models of one programme contract (no I/O).

A contract file is one YAML mapping validated by :class:`Contract`. Every
element carries a ``source`` (``"07-zorg.txt:120-134"``): the seed text and
the line range it was transcribed from. References between elements are local
ids (``SD2``); a reference into another programme is written ``programme:id``
(``binnenstad:S3``).

Examples
--------
>>> c = Contract.model_validate({
...     "programme": {"id": "demo", "name": "Demo", "municipality": "Ergens",
...                   "period": {"start": 2019, "end": 2022}, "source": "demo.txt:1"},
...     "vision": {"label": "Een mooie stad", "source": "demo.txt:3"},
...     "goals": [{"id": "SD1", "level": "strategic", "label": "Schoon",
...                "source": "demo.txt:5"}],
... })
>>> c.goals[0].source.start
5
>>> str(c.goals[0].source)
'demo.txt:5'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import core_schema

from ..errors import SaidValueError
from ..glossary import message
from .numbers import DUTCH_PATTERN, Approx, read_amount, read_figure, split_approx
from .vocabulary import Direction, GoalLevel, Role, Strength

__all__ = [
    "GOAL_LEVELS",
    "Baseline",
    "Budget",
    "Contract",
    "Contribution",
    "Effort",
    "Goal",
    "GoalRef",
    "Implementation",
    "Index",
    "Indicator",
        "Missing",
    "Period",
    "Programme",
    "Project",
    "Relation",
    "Result",
    "Roles",
    "Source",
    "Stakeholder",
    "Table",
    "TableLine",
    "Track",
    "Vision",
]

#: Goal levels from the top of the network down (the one place they are listed).
GOAL_LEVELS: tuple[str, ...] = get_args(GoalLevel)

LOCAL_ID_PATTERN = r"^[^\W_][\w.-]*$"
#: Words of lower-case letters and digits joined by single dashes: no '--' and no dash at
#: either end, so ``programme + "--" + local id`` (file names, SVG ids) never collide.
PROGRAMME_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
REF_PATTERN = r"^([a-z0-9]+(?:-[a-z0-9]+)*:)?[^\W_][\w.-]*$"
#: The form of a ``source``: ``file:line`` or ``file:start-end`` (:class:`Source`).
SOURCE_PATTERN = r"^[^:\s][^:]*:[1-9][0-9]*(?:-[1-9][0-9]*)?$"
_SOURCE_RE = re.compile(SOURCE_PATTERN)

LocalId = Annotated[
    str,
    StringConstraints(pattern=LOCAL_ID_PATTERN, max_length=64),
    Field(description="Local id, unique in the contract: letters (also accented), digits, '.', '_', '-'."),
]
ProgrammeId = Annotated[
    str,
    StringConstraints(pattern=PROGRAMME_ID_PATTERN, max_length=64),
    Field(description="Programme id: lower-case letters and digits, words joined by one '-'."),
]
Ref = Annotated[
    str,
    StringConstraints(pattern=REF_PATTERN, max_length=130),
    Field(description="Reference by id: 'SD2' in this contract, 'zorg:SD2' in another."),
]
#: The longest ``source`` accepted ('file:start-end'), in characters.
MAX_SOURCE = 255
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
Label = Annotated[str, StringConstraints(min_length=1, max_length=2_000)]
Year = Annotated[int, Field(ge=1900, le=2100, description="A calendar year.")]
Amount = Annotated[float, BeforeValidator(read_amount), WithJsonSchema(
    {"anyOf": [{"type": "number"}, {"type": "string", "pattern": DUTCH_PATTERN}]}), Field(
    description="A number: 200000 or 1250.5, or Dutch text such as \"200.000\" or \"€ 1.250,50\" "
    "(see docs/format.md, Numbers).")]
Figure = Annotated[float | Label, BeforeValidator(read_figure), Field(
    description="A number (Dutch text such as \"1,22%\" is read as one), or the text as printed "
    "('n.t.b.').")]
#: Per-year values of an indicator: streefwaarde, verwacht, realisatie.
Figures = Annotated[dict[Year, Figure], Field(description="Value per year: number or text as printed.")]
Approximates = Annotated[dict[Year, Approx], Field(
    description="Years whose value is approximate, with the word printed: {2024: ruim}.")]


def _split(data: Any, *fields: str, into: str = "approximate", per_field: bool = False) -> Any:
    """Move 'ruim'/'circa' from Dutch text in ``fields`` into the mapping ``into``.

    ``per_field``: ``into`` holds one mapping per field (an indicator's series).
    ``data`` itself is returned when no value of ``fields`` is text (nothing can be
    approximate; the common case, checked without copying), else a changed copy.

    >>> _split({"amounts": {2024: "ruim 5", 2025: 6}}, "amounts")
    {'amounts': {2024: 5.0, 2025: 6}, 'approximate': {2024: 'ruim'}}
    >>> data = {"amounts": {2024: 5}}
    >>> _split(data, "amounts") is data
    True
    """
    if isinstance(data, dict) and _has_text(data, fields):
        return _split_text(data, fields, into, per_field)
    return data


def _has_text(data: dict[Any, Any], fields: tuple[str, ...]) -> bool:
    """Whether a value of a mapping ``data[name]`` (for a name of ``fields``) is text.

    Only text can carry an approximate word; numbers need no splitting.

    >>> _has_text({"targets": {2022: 5}, "expected": {2023: "circa 6"}}, ("targets",))
    False
    >>> _has_text({"targets": {2022: 5}, "expected": {2023: "circa 6"}}, ("targets", "expected"))
    True
    """
    for name in fields:
        values = data.get(name)
        if isinstance(values, dict):
            for value in values.values():
                if isinstance(value, str):
                    return True
    return False


def _split_text(data: dict[str, Any], fields: tuple[str, ...], into: str, per_field: bool
                ) -> dict[str, Any]:
    """:func:`_split` of any mapping ``data``: a copy with the approximate words moved."""
    data = dict(data)
    for name in fields:
        values, approx = split_approx(data.get(name))
        if approx:
            target = _marked_too(data.get(into), name if per_field else None, approx)
            if target is not None:
                data[name], data[into] = values, target
    return data


def _marked_too(target: Any, name: str | None, approx: dict[Any, str]) -> dict[Any, Any] | None:
    """The marks ``target`` (of ``into``, see :func:`_split`) with ``approx`` added, under
    ``name`` when given; None when ``target`` (or its entry) is neither a mapping nor absent.

    pydantic then refuses that value, and the approximate text is left to be refused
    where it stands (``number.approximate``).

    >>> _marked_too(None, None, {2024: "ruim"}), _marked_too({2023: "circa"}, None, {2024: "ruim"})
    ({2024: 'ruim'}, {2023: 'circa', 2024: 'ruim'})
    >>> _marked_too({"targets": {2023: "circa"}}, "targets", {2024: "ruim"})
    {'targets': {2023: 'circa', 2024: 'ruim'}}
    >>> _marked_too(1, None, {2024: "ruim"}), _marked_too({"targets": 1}, "targets", {2024: "ruim"})
    (None, None)
    """
    target = {} if target is None else target
    if not isinstance(target, Mapping):
        return None
    if name is None:
        return {**target, **approx}
    inner = target.get(name)
    inner = {} if inner is None else inner
    if not isinstance(inner, Mapping):
        return None
    return {**target, name: {**inner, **approx}}


def _marks_on_numbers(marks: Mapping[int, str], values: Mapping[int, Any], what: str) -> None:
    """An approximate mark needs a number to mark (nothing to look at without marks: the
    common case)."""
    if not marks:
        return
    bad = sorted(y for y in marks if not isinstance(values.get(y), int | float))
    if bad:
        raise SaidValueError(message("number.mark_without_number", years=", ".join(map(str, bad)),
                                     what_phrase=f"number.of_{what}"))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Source(str):
    """Where an element stands in the source text: ``"file:start"`` or ``"file:start-end"``.

    The text as written in YAML, with its parts as :attr:`file`, :attr:`start`
    and :attr:`end` (lines, 1-based, inclusive). ``Source(text)`` checks it as
    a contract's field is checked: a form other than ``file:line`` or
    ``file:start-end`` (lines from 1, no leading zero), a range that ends before it starts or more
    than :data:`MAX_SOURCE` characters is a :class:`~dinnet.errors.SaidValueError`.

    A ``str`` (not a pydantic model): a contract holds a few hundred, and the
    form is checked by pydantic-core's own pattern, so a source on one line
    costs no Python code at all and a range one small function; as a model with
    three fields it was 40 % of validating a contract (``docs/performance.md``,
    session 13).

    >>> s = Source("01-duurzaamheid.txt:309-330")
    >>> s.file, s.start, s.end, s == "01-duurzaamheid.txt:309-330"
    ('01-duurzaamheid.txt', 309, 330, True)
    >>> Source("zorg.txt:9").end
    9
    >>> Source("zorg.txt:9-3")
    Traceback (most recent call last):
      ...
    dinnet.errors.SaidValueError: source range 9-3 ends before it starts
    """

    __slots__ = ()

    def __new__(cls, text: str) -> Source:
        if not isinstance(text, str):
            raise SaidValueError(message("model.source_form", shown=repr(text)))
        if len(text) > MAX_SOURCE:
            raise SaidValueError(message("model.source_long", length_amount=len(text),
                                         limit=MAX_SOURCE))
        text = text.strip()
        if not _SOURCE_RE.match(text):
            raise SaidValueError(message("model.source_form", shown=shown_source(text)))
        start, end = source_lines(text)
        if end < start:
            raise SaidValueError(message("model.source_range", start=start, end=end))
        return _new_source(text)

    @property
    def file(self) -> str:
        """The source text (seed file name)."""
        return self.rpartition(":")[0]

    @property
    def start(self) -> int:
        """The first line (1-based)."""
        return source_lines(self)[0]

    @property
    def end(self) -> int:
        """The last line (inclusive): the first when the source is one line."""
        return source_lines(self)[1]

    def __repr__(self) -> str:
        return f"Source({str.__repr__(self)})"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler
                                     ) -> core_schema.CoreSchema:
        # All in pydantic-core but a range's order: the text (stripped), its length and
        # form, then a source on one line becomes a Source through ``str.__new__`` (C, no
        # Python frame); a range through :func:`_ordered`, whose error becomes the one
        # ``source_range`` error of the union. ``contract.explain`` words these errors.
        one_line = core_schema.no_info_after_validator_function(
            _new_source, core_schema.str_schema(pattern=_ONE_LINE_PATTERN))
        ranged = core_schema.no_info_plain_validator_function(_ordered)
        return core_schema.chain_schema([
            core_schema.str_schema(strip_whitespace=True, max_length=MAX_SOURCE,
                                   pattern=SOURCE_PATTERN),
            core_schema.union_schema(
                [one_line, ranged], mode="left_to_right", custom_error_type="source_range",
                custom_error_message="source range ends before it starts"),
        ], serialization=core_schema.to_string_ser_schema())

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {"type": "string", "pattern": SOURCE_PATTERN, "maxLength": MAX_SOURCE,
                "description": "Where it stands in the source text: 'file:line' or "
                               "'file:start-end', for example '07-zorg.txt:120-134'."}


#: A source on one line: nothing to check beyond its form.
_ONE_LINE_PATTERN = r"^[^:]*:[0-9]+$"
#: ``str.__new__(Source, text)``, callable from pydantic-core without a Python frame.
_new_source = functools.partial(str.__new__, Source)


def source_lines(text: str) -> tuple[int, int]:
    """The first and last line of a source's ``text`` (of the form ``file:start[-end]``).

    >>> source_lines("zorg.txt:12"), source_lines("zorg.txt:12-9")
    ((12, 12), (12, 9))
    """
    first, _, last = text.rpartition(":")[2].partition("-")
    return int(first), int(last or first)


def _ordered(text: str) -> Source:
    """A range's ``text`` as a Source; a ValueError when it ends before it starts.

    pydantic-core calls it only for a text of the form ``file:start-end`` (lines
    without leading zeros), so the lines compare as text, without reading them as
    numbers: the longer is the larger, and of two as long the later in order.

    >>> _ordered("a.txt:9-10"), _ordered("a.txt:12-12")
    (Source('a.txt:9-10'), Source('a.txt:12-12'))
    >>> _ordered("a.txt:21-19")
    Traceback (most recent call last):
      ...
    ValueError: a.txt:21-19
    """
    first, _, last = text.rpartition(":")[2].partition("-")
    if len(last) < len(first) or (len(last) == len(first) and last < first):
        raise ValueError(text)
    return _new_source(text)


def shown_source(text: str) -> str:
    """A source's ``text`` as an error message shows it: quoted, cut after 50 characters.

    >>> shown_source("zorg.txt: 3")
    "'zorg.txt: 3'"
    """
    return repr(text) if len(text) <= 60 else repr(text[:50] + "...")


class Period(_Model):
    """The years a contract runs, inclusive."""

    start: Year = Field(description="First year of the contract period.")
    end: Year = Field(description="Last year of the contract period (inclusive).")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise SaidValueError(message("model.period", start=self.start, end=self.end))
        return self


class Roles(_Model):
    """The three parties of a programme contract."""

    bestuurlijk_opdrachtgever: Label | None = Field(
        None, description="Political principal (the college member or members)."
    )
    ambtelijk_opdrachtgever: Label | None = Field(
        None, description="Administrative principal (director)."
    )
    programmamanager: Label | None = Field(None, description="Programme manager.")
    source: Source | None = Field(
        None, description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )


class Missing(_Model):
    """Something a contract refers to but its text does not contain.

    The audit reports every entry as ``missing-din-content``.
    """

    what: Label = Field(description="What is missing, e.g. 'strategische doelen'.")
    section: Label | None = Field(None, description="The section of the contract, as headed.")
    reason: Literal["section_empty", "in_image", "not_stated"] = Field(
        description="section_empty: heading without content; in_image: only in a figure "
        "that did not survive; not_stated: the text never says."
    )
    affects: list[Literal["goals", "links", "indicators", "efforts"]] = Field(
        default_factory=list, description="What the gap leaves out of the network: goals "
        "(the programme states none), links (efforts to goals). The audit then reports the "
        "consequence once, under this entry, with the elements it affects."
    )
    note: Text | None = Field(None, description="A remark of the transcriber (not contract text).")
    source: Source = Field(
        description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )


class Programme(_Model):
    """Facts about the programme as a whole."""

    id: ProgrammeId
    name: Label = Field(description="Programme name as in the contract title.")
    municipality: Label = Field(description="The municipality (gemeente).")
    period: Period = Field(description="The years the contract runs: {start: 2019, end: 2022}.")
    date: Label | None = Field(None, description="Date of the contract as printed.")
    version: Label | None = Field(None, description="Version as printed.")
    kenmerk: Label | None = Field(None, description="Registration number (kenmerk).")
    roles: Roles = Field(Roles(), description="The three parties of the contract.")
    note: Text | None = Field(None, description="A remark of the transcriber (not contract text).")
    source: Source = Field(
        description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )


class Vision(_Model):
    """The root of the network: visie, ambitie, missie, streep aan de horizon."""

    id: LocalId = "visie"
    label: Label = Field(description="Short verbatim label.")
    text: Text | None = Field(None, description="Fuller verbatim text.")
    source: Source = Field(
        description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )


def _ref_or_link(value: Any) -> str:
    return "ref" if isinstance(value, str) else "link"


class _Link(_Model):
    """What every long-form link carries: whether the text states it, a note, a source."""

    inferred: bool = Field(
        False, description="True: the text implies the link (by wording, heading or layout) "
        "but does not state it; say why in `note`. Drawn dashed, reported by the audit as info."
    )
    note: Text | None = Field(None, description="A remark of the transcriber (not contract text).")
    source: Source | None = Field(
        None, description="Where the text states the link; defaults to the element's source."
    )


class GoalRef(_Link):
    """A link to a goal in long form: a goal an indicator ``measures``, or a further goal
    a goal ``refines``."""

    goal: Ref = Field(description="The goal: 'SD2' or 'programme:SD2'.")


#: A goal reference: ``SD2`` or ``{goal: SD2, inferred: true, note: ..., source: ...}``.
GoalRefLink = Annotated[
    Annotated[Ref, Tag("ref")] | Annotated[GoalRef, Tag("link")],
    Discriminator(_ref_or_link),
]


class Goal(_Model):
    """A goal; sub-goals nest under ``goals``."""

    id: LocalId
    level: GoalLevel = Field(
        description="main (hoofdopgave), strategic (strategisch doel), "
        "operational (operationeel/meetbaar doel)."
    )
    label: Label = Field(description="The goal as printed (short, verbatim).")
    text: Text | None = Field(None, description="Fuller verbatim text of the goal.")
    open: bool = Field(
        False, description="Deliberately left open (the DIN's 'lege kolommen')."
    )
    note: Text | None = Field(None, description="A remark of the transcriber (not contract text).")
    goals: list[Goal] = Field(default_factory=list, description="Sub-goals.")
    refines: list[GoalRefLink] = Field(
        default_factory=list, description="Further goals this goal serves, besides the one it "
        "is nested under (a top-level goal that refines goals does not hang under the vision): "
        "'HO1' or {goal: HO1, source: ...}."
    )
    source: Source = Field(
        description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )


class Baseline(_Model):
    """Peilwaarde: the measured value in a year."""

    value: Figure | None = Field(None, description="Number, or the text as printed.")
    year: Year | None = Field(None, description="The year of the baseline (peiljaar).")
    approximate: Approx | None = Field(
        None, description="The value is approximate, with the word printed: ruim, circa...")
    note: Text | None = Field(None, description="A remark of the transcriber (not contract text).")

    @model_validator(mode="before")
    @classmethod
    def _approx(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("value"), str):  # text: maybe 'ruim'
            values, approx = split_approx({0: data["value"]})
            if approx:
                data = {**data, "value": values[0], "approximate": approx[0]}
        return data

    @model_validator(mode="after")
    def _marked(self) -> Baseline:
        if self.approximate is not None and not isinstance(self.value, int | float):
            # (one value, no years: not :func:`_marks_on_numbers`, which names them)
            raise SaidValueError(message("number.baseline_mark_without_number",
                                         mark=self.approximate))
        return self


class Indicator(_Model):
    """A measure of one or more goals."""

    id: LocalId
    label: Label = Field(description="What is measured, as printed.")
    measures: list[GoalRefLink] = Field(
        default_factory=list, description="The goals (or the vision) it measures: 'SD2' or "
        "{goal: SD2, inferred: true, note: ...}; empty: the programme as a whole.")
    unit: Label | None = Field(None, description="Unit of measurement: m2, %, aantal...")
    baseline: Baseline | None = Field(None, description="Peilwaarde: {value: 30, year: 2018}.")
    targets: Figures = Field(
        default_factory=dict, description="Streefwaarde (doel) per year: number or text as printed."
    )
    expected: Figures = Field(
        default_factory=dict, description="Verwacht: the value expected for a year (not yet measured)."
    )
    realised: Figures = Field(
        default_factory=dict, description="Realisatie: the value measured in a year."
    )
    approximate: dict[Literal["targets", "expected", "realised"], Approximates] = Field(
        default_factory=dict, description="Approximate values per series and year: "
        "{targets: {2022: circa}}."
    )
    data_source: Label | None = Field(None, description="Bron: where the figures come from.")
    direction: Direction | None = Field(
        None, description="Which way the goal wants the indicator to move."
    )
    note: Text | None = Field(None, description="A remark of the transcriber (not contract text).")
    source: Source = Field(
        description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )

    @model_validator(mode="before")
    @classmethod
    def _approx(cls, data: Any) -> Any:
        return _split(data, "targets", "expected", "realised", per_field=True)

    @model_validator(mode="after")
    def _marked(self) -> Indicator:
        for series, marks in self.approximate.items():
            _marks_on_numbers(marks, getattr(self, series), series)
        return self

    def measurements(self) -> Iterator[GoalRef]:
        """The links to goals (or the vision), each as a :class:`GoalRef`."""
        for item in self.measures:
            yield item if isinstance(item, GoalRef) else GoalRef(goal=item)


class Contribution(_Link):
    """A link from an effort, result or track to a goal it serves.

    A track's link says the track as a whole serves the goal (``docs/format.md``).
    """

    goal: Ref = Field(description="The goal served: 'SD2' or 'programme:SD2'.")
    strength: Strength | None = Field(
        None, description="How strongly it serves the goal."
    )


#: A goal reference: ``SD2`` or ``{goal: SD2, strength: strong, source: ...}``.
GoalLink = Annotated[
    Annotated[Ref, Tag("ref")] | Annotated[Contribution, Tag("link")],
    Discriminator(_ref_or_link),
]


class Track(_Model):
    """A named group of efforts: spoor, programmalijn, thema."""

    id: LocalId
    label: Label = Field(description="The track's name as printed ('Spoor 1 Omgevingsvisie').")
    kind: Label | None = Field(None, description="The contract's word: spoor, programmalijn...")
    text: Text | None = Field(None, description="Fuller verbatim text about the track.")
    contributes_to: list[GoalLink] = Field(
        default_factory=list, description="Goals the track as a whole serves, as the text "
        "states them once for the track: 'SD2' or {goal: SD2, source: ...}."
    )
    note: Text | None = Field(None, description="A remark of the transcriber (not contract text).")
    source: Source = Field(
        description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )

    def contributions(self) -> Iterator[Contribution]:
        """The links to goals, each as a :class:`Contribution`."""
        for item in self.contributes_to:
            yield item if isinstance(item, Contribution) else Contribution(goal=item)


class Budget(_Model):
    """Money for one effort or project."""

    amounts: dict[Year, Annotated[Amount, Field(ge=0)]] = Field(
        default_factory=dict, description="Euro per year (not negative)."
    )
    approximate: Approximates = Field(default_factory=dict)
    text: Text | None = Field(None, description="The budget as printed; "
                              "a budget given only as text ('ruim € 200.000 per jaar') is shown so.")

    @model_validator(mode="before")
    @classmethod
    def _approx(cls, data: Any) -> Any:
        return _split(data, "amounts")

    @model_validator(mode="after")
    def _marked(self) -> Budget:
        _marks_on_numbers(self.approximate, self.amounts, "budget")
        return self


class Effort(_Model):
    """An effort (inspanning, activiteit, maatregel); sub-efforts nest under ``efforts``."""

    id: LocalId
    label: Label = Field(description="The effort as printed (short, verbatim).")
    text: Text | None = Field(None, description="Fuller verbatim text of the effort.")
    track: Ref | None = Field(None, description="The track (spoor) it belongs to.")
    contributes_to: list[GoalLink] = Field(
        default_factory=list, description="Goals it serves: 'SD2' or {goal: SD2, strength: strong}."
    )
    stakeholders: list[Ref] = Field(default_factory=list, description="Stakeholder ids involved.")
    budget: Budget | None = Field(None, description="Money for this effort.")
    planning: Text | None = Field(None, description="When, as printed ('Q3 2019').")
    efforts: list[Effort] = Field(default_factory=list, description="Sub-efforts.")
    source: Source = Field(
        description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )

    def contributions(self) -> Iterator[Contribution]:
        """The links to goals, each as a :class:`Contribution`."""
        for item in self.contributes_to:
            yield item if isinstance(item, Contribution) else Contribution(goal=item)


class Result(_Model):
    """A product an effort delivers (resultaat)."""

    id: LocalId
    label: Label = Field(description="The result as printed.")
    delivered_by: list[Ref] = Field(default_factory=list, description="Efforts.")
    contributes_to: list[GoalLink] = Field(
        default_factory=list, description="Goals it serves: 'SD2' or {goal: SD2, strength: strong}."
    )
    source: Source = Field(
        description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )


class Implementation(_Link):
    """A link from a project to an effort it implements (long form of ``implements``)."""

    effort: Ref = Field(description="The effort implemented: 'E2'.")


#: An implemented effort: ``E2`` or ``{effort: E2, inferred: true, note: ...}``.
EffortLink = Annotated[
    Annotated[Ref, Tag("ref")] | Annotated[Implementation, Tag("link")],
    Discriminator(_ref_or_link),
]


class Project(_Model):
    """A project; ``lijnproject: true`` when the line organisation runs it."""

    id: LocalId
    label: Label = Field(description="The project's name as printed.")
    role: Role | None = Field(
        None, description="The programme's role: directs, coordinates or facilitates."
    )
    lijnproject: bool = Field(False, description="True when the line organisation runs it.")
    implements: list[EffortLink] = Field(
        default_factory=list,
        description="Efforts it implements: 'E2' or {effort: E2, inferred: true, note: ...}.",
    )
    stakeholders: list[Ref] = Field(default_factory=list, description="Stakeholder ids involved.")
    budget: Budget | None = Field(None, description="Money for this project.")
    planning: Text | None = Field(None, description="When, as printed ('Q3 2019').")
    note: Text | None = Field(None, description="A remark of the transcriber (not contract text).")
    source: Source = Field(
        description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )


class Stakeholder(_Model):
    """An organisation or group involved in efforts or projects."""

    id: LocalId
    label: Label = Field(description="The organisation's name.")
    source: Source = Field(
        description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )


class TableLine(_Model):
    """One line of a budget or capacity table."""

    label: Label = Field(description="The line's label as printed.")
    amounts: dict[Year, Amount | None] = Field(default_factory=dict, description="Amount per year.")
    approximate: Approximates = Field(default_factory=dict)
    text: Text | None = Field(
        None, description="The line's figures as printed, when they are not per year "
        "('16 uur per week', '4 tot 8 uur')."
    )
    ref: Ref | None = Field(None, description="Effort, project or track the line belongs to.")
    source: Source | None = Field(
        None, description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )

    @model_validator(mode="before")
    @classmethod
    def _approx(cls, data: Any) -> Any:
        return _split(data, "amounts")

    @model_validator(mode="after")
    def _marked(self) -> TableLine:
        _marks_on_numbers(self.approximate, self.amounts, "line")
        return self


class Table(_Model):
    """A budget or capacity table, with its totals as printed."""

    id: LocalId
    title: Label = Field(description="The table's title as printed.")
    unit: Label = Field(description="As printed: 'EUR', 'x 1.000 euro', 'uren per week'.")
    scale: Annotated[Amount, Field(gt=0)] = Field(
        1.0, description="Multiply amounts by this to get the unit.")
    lines: list[TableLine] = Field(default_factory=list, description="The lines of the table.")
    stated_totals: dict[Year, Amount] = Field(
        default_factory=dict, description="Totals exactly as printed, even when wrong."
    )
    approximate_totals: Approximates = Field(default_factory=dict)
    note: Text | None = Field(None, description="A remark of the transcriber (not contract text).")
    source: Source = Field(
        description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )

    @model_validator(mode="before")
    @classmethod
    def _approx(cls, data: Any) -> Any:
        return _split(data, "stated_totals", into="approximate_totals")

    @model_validator(mode="after")
    def _marked(self) -> Table:
        _marks_on_numbers(self.approximate_totals, self.stated_totals, "stated_totals")
        return self


class Relation(_Model):
    """A dependency on another programme, as this contract states it."""

    programme: ProgrammeId = Field(description="The other programme's id.")
    topics: list[Label] = Field(default_factory=list, description="What the relation is about.")
    nodes: list[Ref] = Field(
        default_factory=list, description="Nodes of either contract the relation is about."
    )
    text: Text | None = Field(None, description="The relation as printed.")
    source: Source = Field(
        description="Where it stands in the source text: 'file:line' or 'file:start-end'."
    )


class Contract(_Model):
    """One programme contract: the root of a YAML file."""

    dinnet: Literal[1] = Field(1, description="Format version.")
    programme: Programme = Field(description="Facts about the programme.")
    vision: Vision | None = Field(None, description="The root of the network (visie).")
    goals: list[Goal] = Field(
        default_factory=list, description="Goals, nested main > strategic > operational."
    )
    indicators: list[Indicator] = Field(default_factory=list, description="How goals are measured.")
    tracks: list[Track] = Field(
        default_factory=list, description="Sporen, programmalijnen: groups of efforts."
    )
    efforts: list[Effort] = Field(default_factory=list, description="Inspanningen; sub-efforts nest.")
    results: list[Result] = Field(default_factory=list, description="Products the efforts deliver.")
    projects: list[Project] = Field(default_factory=list, description="Projects implementing efforts.")
    stakeholders: list[Stakeholder] = Field(default_factory=list, description="Partners involved.")
    budgets: list[Table] = Field(default_factory=list, description="Budget tables in euro.")
    capacity: list[Table] = Field(default_factory=list, description="Capacity tables (hours, fte).")
    relations: list[Relation] = Field(default_factory=list, description="Dependencies on other programmes.")
    not_in_text: list[Missing] = Field(default_factory=list, description="What the text lacks.")


class Appendix(_Model):
    """One appendix of the cover letter."""

    title: Label
    kenmerk: Label | None = None
    programme: ProgrammeId | None = None
    source: Source


class Index(_Model):
    """``index.yaml`` of a data set: the municipality and its cover letter."""

    dinnet_index: Literal[1] = 1
    municipality: Label
    date: Label | None = None
    title: Label | None = None
    appendices: list[Appendix] = Field(default_factory=list)
    source: Source
