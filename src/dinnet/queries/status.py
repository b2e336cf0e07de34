"""The status formula: a measured value against the straight path from baseline to targets.

Pure functions of plain values (no graph, no files); the graph-level queries
in :mod:`dinnet.queries.monitoring` feed them an indicator's baseline,
targets and measurements. The formula and its edge cases are documented in
``docs/monitoring.md``; in short:

* A year stands for its last day: a baseline of 2023 and a target for 2025
  are points on 31 December of those years. The **path** runs straight from
  the baseline through each numeric target (text targets and ``n.t.b.`` are
  no points on it).
* The **measurement** that counts on ``as_of`` is the latest realised value
  dated on or before ``as_of`` and after the path's start; an expected value
  (*verwacht*) counts only when it is newer than every realised one.
* It is compared with the path **on its own date**: within a band of
  :data:`TOLERANCE` of the segment's change it is ``on_track``; further
  ahead ``ahead``, further back ``behind``. Once a target's date has passed,
  missing that target is ``behind``; meeting the last target is ``reached``.

>>> from datetime import date
>>> path = target_path(baseline=(2024, 100.0), targets={2026: 200.0})
>>> path_value(path, date(2025, 12, 31))
150.0
>>> st = assess(path, [Reading(date(2025, 12, 31), 140.0)], date(2026, 3, 1),
...             direction="increase")
>>> st.status, st.compared_with, st.reason.text("en")
('behind', 150.0, '140 measured on 2025-12-31, 150 planned on that date')
>>> st.reason.text("nl")
'140 gemeten op 31-12-2025, 150 gepland op die datum'

"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..contract.measurements import year_end
from ..contract.numbers import is_tbd
from ..glossary import Message, message

__all__ = [
    "STATUSES",
    "TOLERANCE",
    "IndicatorStatus",
    "MeasurementLike",
    "PathPoint",
    "Reading",
    "TargetPath",
    "assess",
    "path_value",
    "roll_up",
    "target_path",
]

#: The statuses, worst first (the order of the roll-up); ``unknown`` says nothing.
STATUSES: tuple[str, ...] = ("behind", "on_track", "ahead", "reached", "unknown")
#: The band around the path, as a fraction of the segment's change (5 %).
TOLERANCE = 0.05
_RANK = {s: i for i, s in enumerate(STATUSES)}
_SIGN = {"increase": 1, "decrease": -1}


class MeasurementLike(Protocol):
    """What the formula reads of a measurement (``dinnet.contract.measurements``)."""

    @property
    def date(self) -> dt.date: ...
    @property
    def value(self) -> Any: ...
    @property
    def kind(self) -> str: ...
    @property
    def approximate(self) -> Any: ...


@dataclass(frozen=True)
class Reading:
    """A measured (``realised``) or expected value on a date.

    A light stand-in for :class:`dinnet.contract.measurements.Measurement`
    (which a measurements file and the contract's own *realisatie* and
    *verwacht* become), for the pure functions and their examples.
    """

    date: dt.date
    value: float | str
    kind: str = "realised"
    approximate: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class PathPoint:
    """A point of the path: the baseline, a numeric target, or a realised value that
    stands in for a missing baseline (``kind="start"``)."""

    date: dt.date
    value: float
    kind: str
    year: int
    approximate: bool = False


@dataclass(frozen=True)
class TargetPath:
    """The straight path from the baseline through the numeric targets, by date.

    ``skipped`` holds the targets that are no point on it: ``(year, text)``
    for text and ``n.t.b.`` targets, and targets dated on or before the baseline.
    """

    points: tuple[PathPoint, ...]
    skipped: tuple[tuple[int, str], ...] = ()
    has_baseline: bool = False

    @property
    def targets(self) -> tuple[PathPoint, ...]:
        """The numeric targets on the path, by date."""
        return tuple(p for p in self.points if p.kind == "target")


@dataclass(frozen=True)
class IndicatorStatus:
    """The status of an indicator on ``as_of``, with what it rests on.

    Attributes
    ----------
    indicator : str
        The indicator's node id (empty for a bare :func:`assess`).
    as_of : datetime.date
        The date asked about.
    status : str
        One of :data:`STATUSES`.
    reason : Message
        Why, in Dutch or English (``reason.text("nl")``); ``reason.key`` is the rule.
    measurement : MeasurementLike or None
        The measurement the status rests on.
    planned : float or None
        The value on the path on ``as_of`` (the last target's value after it).
    compared_with : float or None
        The value on the path on the measurement's date: what it was judged against.
    target : PathPoint or None
        The target judged against: the next one after the measurement, else the last one.
    direction : str or None
        The direction used: stated, or read from the path (then a note says so).
    band : float or None
        The width of the band around ``compared_with`` within which the
        measurement is on track (:func:`assess`); 0 once a target has passed.
    notes : tuple of Message
        Further remarks: approximate values, an expected value used, targets not set yet.
    """

    indicator: str
    as_of: dt.date
    status: str
    reason: Message
    measurement: Any = None
    planned: float | None = None
    compared_with: float | None = None
    target: PathPoint | None = None
    direction: str | None = None
    band: float | None = None
    notes: tuple[Message, ...] = field(default=())


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def target_path(baseline: tuple[int | None, Any] | None, targets: Mapping[int, Any], *,
                baseline_approximate: Any = None,
                targets_approximate: Mapping[int, Any] | None = None,
                history: Iterable[MeasurementLike] = ()) -> TargetPath:
    """The path from ``baseline`` through the numeric ``targets``.

    Without a usable baseline (none, no year, or text), the latest realised
    value of ``history`` (the contract's own *realisatie*) dated before the
    first target starts the path instead (``kind="start"``); without that
    either, the path starts at the first target.

    Parameters
    ----------
    baseline : (year, value) or None
        The peilwaarde; a value that is not a number, or no year, is not used.
    targets : mapping of int to float or str
        Streefwaarde per year; text and ``n.t.b.`` are skipped.
    baseline_approximate, targets_approximate : optional
        The approximate marks (``circa``) of the baseline and of targets per year.
    history : iterable of MeasurementLike
        The contract's realised values, for a missing baseline.

    Returns
    -------
    TargetPath

    Examples
    --------
    >>> p = target_path((2023, 12000.0), {2025: 14000.0, 2027: "n.t.b."})
    >>> [(x.year, x.value, x.kind) for x in p.points], p.skipped
    ([(2023, 12000.0, 'baseline'), (2025, 14000.0, 'target')], ((2027, 'n.t.b.'),))
    >>> from datetime import date
    >>> p = target_path(None, {2025: 25.0}, history=[Reading(date(2022, 12, 31), 16.0)])
    >>> [(x.year, x.value, x.kind) for x in p.points]
    [(2022, 16.0, 'start'), (2025, 25.0, 'target')]
    """
    marks = targets_approximate or {}
    numeric = sorted((y, v) for y, v in ((y, _number(v)) for y, v in targets.items())
                     if v is not None)
    skipped = [(y, str(v)) for y, v in sorted(targets.items()) if _number(v) is None]
    points = [PathPoint(year_end(y), v, "target", y, bool(marks.get(y))) for y, v in numeric]
    start: PathPoint | None = None
    year, value = baseline if baseline is not None else (None, None)
    number = _number(value)
    if year is not None and number is not None:
        start = PathPoint(year_end(year), number, "baseline", year, bool(baseline_approximate))
    elif points:
        before = [m for m in history if m.kind == "realised" and _number(m.value) is not None
                  and m.date < points[0].date]
        if before:
            last = max(before, key=lambda m: m.date)
            start = PathPoint(last.date, float(last.value), "start", last.date.year,
                              bool(last.approximate))
    if start is not None:
        skipped += [(p.year, f"{p.value:g}") for p in points if p.date <= start.date]
        points = [start] + [p for p in points if p.date > start.date]
    return TargetPath(tuple(points), tuple(sorted(skipped)), start is not None
                      and start.kind == "baseline")


def path_value(path: TargetPath, day: dt.date) -> float | None:
    """The value on the path on ``day``: straight between points, the last value after it.

    None before the path starts (or when it has no points).

    Parameters
    ----------
    path : TargetPath
        From :func:`target_path`.
    day : datetime.date
        Any date.

    Returns
    -------
    float or None

    Examples
    --------
    >>> from datetime import date
    >>> p = target_path((2023, 0.0), {2024: 366.0})
    >>> path_value(p, date(2024, 1, 31)), path_value(p, date(2030, 1, 1))
    (31.0, 366.0)
    >>> path_value(p, date(2023, 6, 1)) is None
    True
    """
    points = path.points
    if not points or day < points[0].date:
        return None
    for a, b in itertools.pairwise(points):
        if day < b.date:  # on b's own date: exactly b's value (not the line's rounding)
            span = (b.date - a.date).days
            return a.value + (b.value - a.value) * (day - a.date).days / span
    return points[-1].value


def _segment(path: TargetPath, day: dt.date) -> tuple[PathPoint, PathPoint] | None:
    """The two points around ``day`` (None before the path or after its end)."""
    for a, b in itertools.pairwise(path.points):
        if a.date < day <= b.date:
            return a, b
    return None


def _direction(path: TargetPath, stated: str | None) -> tuple[str | None, Message | None]:
    """The direction to judge by (None when it cannot be told or the path goes against
    it, with the reason), and a note when it was read from the path."""
    values = [p.value for p in path.points]
    steps = [b - a for a, b in itertools.pairwise(values)]
    if stated is not None:
        sign = _SIGN.get(stated, 0)
        if sign and any(step * sign < 0 for step in steps):
            return None, message("status.direction_conflict", direction_phrase=f"status.{stated}")
        return stated, None
    if not steps:
        return None, message("status.no_direction")
    if any(s > 0 for s in steps) and any(s < 0 for s in steps):
        return None, message("status.mixed_targets")
    read = "increase" if values[-1] > values[0] else "decrease" if values[-1] < values[0] \
        else "maintain"
    return read, message("status.note_direction", direction_phrase=f"status.{read}")


def _pick(measurements: Iterable[MeasurementLike], after: dt.date | None,
          as_of: dt.date) -> MeasurementLike | None:
    """The latest realised number on or before ``as_of`` (and after ``after``); an expected
    one only when it is newer than every realised one."""
    usable = [m for m in measurements if _number(m.value) is not None and m.date <= as_of
              and (after is None or m.date > after)]
    realised = [m for m in usable if m.kind != "expected"]
    latest = max(realised, key=lambda m: m.date, default=None)
    expected = [m for m in usable if m.kind == "expected"
                and (latest is None or m.date > latest.date)]
    return max(expected, key=lambda m: m.date, default=latest)


def _num(value: float) -> float:
    """A value as given (a measurement, a target), for a reason."""
    return float(f"{value:.12g}")


def _planned(value: float) -> float:
    """A value on the path, for a reason: whole numbers kept, else four significant digits.

    >>> _planned(3433.07), _planned(18.9973), _planned(704.864), _planned(0.0123456)
    (3433.0, 19.0, 704.9, 0.01235)
    """
    if abs(value) >= 1:
        return round(value, max(0, 4 - len(str(int(abs(value)))))) + 0.0
    return float(f"{value:.4g}")


def assess(path: TargetPath, measurements: Iterable[MeasurementLike], as_of: dt.date, *,
           direction: str | None = None, indicator: str = "",
           tolerance: float = TOLERANCE) -> IndicatorStatus:
    """The status on ``as_of`` of an indicator with ``path`` and ``measurements``.

    Parameters
    ----------
    path : TargetPath
        From :func:`target_path`.
    measurements : iterable of MeasurementLike
        Realised and expected values, in any order.
    as_of : datetime.date
        The date asked about; later measurements do not count.
    direction : {"increase", "decrease", "maintain"}, optional
        The indicator's stated direction; without it, read from the path.
    indicator : str, optional
        The node id to put in the result.
    tolerance : float, default :data:`TOLERANCE`
        The band around the path as a fraction of the segment's change
        (for ``maintain``: of the value on the path); twice as wide when the
        measurement or a point of the segment is approximate.

    Returns
    -------
    IndicatorStatus

    Examples
    --------
    >>> from datetime import date
    >>> path = target_path((2023, 80.0), {2025: 60.0, 2027: 40.0})
    >>> later = [Reading(date(2025, 12, 31), 65.0)]
    >>> st = assess(path, later, date(2026, 1, 15), direction="decrease")
    >>> st.status, st.target.year, st.reason.text("en")
    ('behind', 2025, '65 measured on 2025-12-31 misses the target of 2025 (60)')
    >>> assess(path, [Reading(date(2027, 6, 30), 39.5)], date(2027, 7, 1)).status
    'reached'
    """
    notes: list[Message] = []
    for year, text in path.skipped:
        key = "status.note_tbd" if is_tbd(text) else "status.note_skipped"
        notes.append(message(key, year=year, text=text))

    def done(status: str, reason: Message, **found: Any) -> IndicatorStatus:
        return IndicatorStatus(indicator, as_of, status, reason, notes=tuple(notes), **found)

    targets = path.targets
    if not targets:
        key = ("status.target_tbd" if any(is_tbd(t) for _, t in path.skipped)
               else "status.no_target")
        return done("unknown", message(key))
    used, said = _direction(path, direction)
    if used is None:
        return done("unknown", said or message("status.no_direction"))
    first = path.points[0]
    if first.kind == "start":
        notes.append(message("status.note_start", year=first.year, value_num=_num(first.value)))
    if said is not None:
        notes.append(said)
    start = first.date if first.kind != "target" else None
    m = _pick(measurements, start, as_of)
    planned = path_value(path, as_of)
    if m is None:
        return done("unknown", message("status.no_measurement"), planned=planned,
                    direction=used)
    value = float(m.value)
    if m.kind == "expected":
        notes.append(message("status.note_expected"))
    then = path_value(path, m.date)
    if then is None and not _meets(used, value, targets[-1].value):
        # no baseline, and before the first target the measurement does not meet the last one
        return done("unknown", message("status.no_start", year=targets[0].year),
                    measurement=m, planned=planned, direction=used)
    segment = _segment(path, m.date)
    following = [t for t in targets if t.date >= m.date]
    target = following[0] if following else targets[-1]
    approximate = bool(m.approximate) or (segment is not None and any(
        p.approximate for p in segment)) or (segment is None and targets[-1].approximate)
    if approximate:
        notes.append(message("status.note_approximate"))
    status, reason, band = _judge(path, used, m, value, then, segment,
                                  tolerance * (2 if approximate else 1))
    return done(status, reason, measurement=m, planned=planned, compared_with=then,
                target=target, direction=used, band=band)


def _meets(direction: str, value: float, target: float) -> bool:
    """Whether ``value`` is on the good side of ``target`` (never for ``maintain``)."""
    return direction != "maintain" and _SIGN[direction] * (value - target) >= 0


def _judge(path: TargetPath, direction: str, m: MeasurementLike, value: float,
           then: float | None, segment: tuple[PathPoint, PathPoint] | None,
           tolerance: float) -> tuple[str, Message, float | None]:
    """Status, reason and band of ``value`` measured on ``m.date`` against ``then`` on the
    path (None only when ``value`` meets the last target: :func:`assess` sees to that)."""
    targets = path.targets
    last = targets[-1]
    fields = {"value_num": _num(value), "date": m.date}
    if direction == "maintain" and then is not None:
        band = tolerance * abs(then)
        if abs(value - then) > band:
            return "behind", message("status.off_level", planned_num=_planned(then),
                                     **fields), band
        if m.date >= last.date:
            return "reached", message("status.reached_target", year=last.year,
                                      target_num=_num(last.value), **fields), band
        return "on_track", message("status.on_path", planned_num=_planned(then), **fields), band
    if _meets(direction, value, last.value) or then is None:
        return "reached", message("status.reached_target", year=last.year,
                                  target_num=_num(last.value), **fields), None
    sign = _SIGN[direction]
    passed = [t for t in targets if t.date <= m.date]
    if passed and sign * (value - passed[-1].value) < 0:
        missed = passed[-1]
        return "behind", message("status.missed", year=missed.year,
                                 target_num=_num(missed.value), **fields), 0.0
    band = tolerance * abs(segment[1].value - segment[0].value) if segment else 0.0
    gap = sign * (value - then)
    status = "behind" if gap < -band else "ahead" if gap > band else "on_track"
    return status, message("status.on_path", planned_num=_planned(then), **fields), band


def roll_up(statuses: Iterable[str]) -> str:
    """The status of a whole: the worst known status of its parts.

    ``behind`` before ``on_track`` before ``ahead`` before ``reached``;
    ``unknown`` parts are left out, and a whole with no known part is ``unknown``.

    Parameters
    ----------
    statuses : iterable of str
        Statuses from :data:`STATUSES`.

    Returns
    -------
    str

    Examples
    --------
    >>> roll_up(["reached", "ahead", "unknown"]), roll_up(["unknown"]), roll_up([])
    ('ahead', 'unknown', 'unknown')
    """
    return min(statuses, key=_RANK.__getitem__, default="unknown")
