"""Small inline charts for the report, written as SVG text (no matplotlib, no I/O).

A report of a region holds thousands of indicators; a matplotlib figure per
programme took seconds each and hundreds of kilobytes. A sparkline per
indicator row says the same (where the baseline stands, where the targets
go) in a few hundred bytes and no measurable time.

>>> svg = indicator_spark({"baseline": 10, "baselineYear": 2018, "targets": [[2020, 8], [2022, 5]],
...                        "label": "Fijnstof"})
>>> svg.startswith('<svg class="spark"'), svg.count("<circle")
(True, 3)
>>> indicator_spark({"baseline": None, "targets": [[2022, "n.t.b."]], "label": "x"})
''
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from typing import Any

from ..glossary import phrase

__all__ = ["indicator_spark"]

_W, _H, _PAD = 120, 30, 4
_INK = "#1f3b63"
_TARGET = "#1a6b34"


def _value(v: Any) -> float | None:
    if v.__class__ not in (int, float) or not math.isfinite(v):
        return None  # also bool, whose class is not int
    return float(v)


def _points(indicator: Mapping[str, Any]) -> list[tuple[float, float, bool]]:
    """``(year, value, is_baseline)`` of every number to draw, by year."""
    out: list[tuple[float, float, bool]] = []
    base = _value(indicator.get("baseline"))
    year = _value(indicator.get("baselineYear"))
    targets: list[tuple[float, float]] = []
    for target in indicator.get("targets") or ():  # [year, value] or [year, value, 'ruim']
        ty, tv = _value(target[0]), _value(target[1])
        if ty is not None and tv is not None:
            targets.append((ty, tv))
    if base is not None:
        first = min((y for y, _ in targets), default=2000.0)
        out.append((year if year is not None else first - 1, base, True))
    out += [(y, v, False) for y, v in targets]
    return sorted(out, key=lambda p: (p[0], not p[2]))


def indicator_spark(indicator: Mapping[str, Any], *, lang: str = "nl") -> str:
    """A sparkline of an indicator's baseline (hollow) and targets (filled), or ``""``.

    Parameters
    ----------
    indicator : mapping
        As in :attr:`dinnet.report.data.ProgrammeSection.indicators`:
        ``baseline``, ``baselineYear``, ``targets`` (``[year, value]``, perhaps with
        a word such as ``"ruim"``) and ``label``.
    lang : {"nl", "en"}
        Language of the accessible description.

    Returns
    -------
    str
        An ``<svg>`` element (``role="img"`` with a text alternative), empty
        when fewer than two numbers can be drawn.
    """
    points = _points(indicator)
    if len(points) < 2:
        return ""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys), max(ys)

    def share(v: float, lo: float, hi: float) -> float:
        # halved first, so values near the largest float do not overflow to inf - inf
        span = hi / 2 - lo / 2
        return (v / 2 - lo / 2) / span if span else 0.5

    def xy(p: tuple[float, float, bool]) -> tuple[float, float]:
        x = _PAD + share(p[0], x0, x1) * (_W - 2 * _PAD)
        y = _H - _PAD - share(p[1], y0, y1) * (_H - 2 * _PAD)
        return round(x, 1), round(y, 1)

    coords = [xy(p) for p in points]
    line = " ".join(f"{x},{y}" for x, y in coords)
    dots = "".join(
        f'<circle cx="{x}" cy="{y}" r="2.6" fill="{"#fff" if base else _TARGET}" '
        f'stroke="{_INK if base else _TARGET}" stroke-width="1.4"/>'
        for (x, y), (_, _, base) in zip(coords, points, strict=True))
    said = "; ".join(f"{int(y)}: {v:g}" for y, v, _ in points)
    word = phrase("report.trajectory", lang).lower()
    label = html.escape(f"{indicator.get('label', '')} — {word} {said}", quote=True)
    return (f'<svg class="spark" width="{_W}" height="{_H}" viewBox="0 0 {_W} {_H}" role="img" '
            f'aria-label="{label}"><polyline points="{line}" fill="none" stroke="{_INK}" '
            f'stroke-width="1.2" stroke-dasharray="3,2"/>{dots}</svg>')
