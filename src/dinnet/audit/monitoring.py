"""The audit rules of monitoring: indicators not measured, goals behind schedule.

Both read the graph as of the audit date (``run_audit(G, as_of=...)``,
``dinnet audit --as-of``; today by default): a year has passed when its 31
December lies before that date. Measurements are those of
:func:`~dinnet.queries.measurements_of`: the measurements files' and the
contract's own realised and expected values.

>>> import datetime as dt, dinnet
>>> from dinnet.audit import run_audit
>>> G = dinnet.load("examples/groene-stad.yaml", "examples/groene-stad.measurements.yaml")
>>> found = [f for f in run_audit(G, as_of=dt.date(2027, 3, 1)) if f.code.startswith("DIN6")]
>>> [(f.code, f.node) for f in found]  # doctest: +NORMALIZE_WHITESPACE
[('DIN601', 'groene-stad:SD1.a.i1'), ('DIN601', 'groene-stad:SD1.b.i1'),
 ('DIN602', 'groene-stad:SD1'), ('DIN602', 'groene-stad:SD1.a'), ('DIN602', 'groene-stad:SD1.b')]
>>> print(found[1].message)
indicator 'Aantal straatbomen': no measurement for 2026 (years that have passed on 2027-03-01)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..contract.numbers import is_tbd
from ..glossary import message
from ..queries.monitoring import behind, measurements_of
from .context import AuditContext
from .findings import Hit
from .rules import rule

__all__ = ["goal_behind_schedule", "indicator_not_measured", "missing_years"]


def missing_years(measurements: tuple[object, ...], first: int, last: int) -> list[int]:
    """The years ``first``..``last`` without a realised value (``n.t.b.`` is none).

    >>> import datetime as dt
    >>> from types import SimpleNamespace as M
    >>> got = (M(date=dt.date(2024, 12, 31), kind="realised", value=3.0),
    ...        M(date=dt.date(2025, 6, 30), kind="expected", value=4.0),
    ...        M(date=dt.date(2026, 3, 1), kind="realised", value="n.t.b."))
    >>> missing_years(got, 2024, 2026)
    [2025, 2026]
    """
    measured = {m.date.year for m in measurements  # type: ignore[attr-defined]
                if m.kind == "realised" and not is_tbd(m.value)}  # type: ignore[attr-defined]
    return [year for year in range(first, last + 1) if year not in measured]


def _monitored(ctx: AuditContext) -> set[str]:
    """Programmes with at least one realised value: those that report progress at all.

    A data set that reports nothing yet (a plan, such as the Almelo contracts
    of 2019) is not flooded with one finding per indicator.
    """
    node = ctx.node
    # measurements_of gives a realised value only where the node holds one: a measurement
    # of its own, or a realised value of the contract (kept unless a measurement of the
    # same date and kind replaces it): the others are not asked
    return {node[i]["programme"] for i in ctx.of("indicator")
            if (node[i].get("measurements") or node[i].get("realised"))
            and any(m.kind == "realised" for m in measurements_of(ctx.G, i))}


@rule("DIN601", "indicator-not-measured", "warning")
def indicator_not_measured(ctx: AuditContext) -> Iterator[Hit]:
    monitored = _monitored(ctx)
    passed = ctx.as_of.year - 1  # the last year whose 31 December lies before the audit date
    for i in ctx.of("indicator"):
        data = ctx.node[i]
        programme = data["programme"]
        if programme not in monitored:
            continue
        start, end = ctx.node[programme]["period"]
        years = missing_years(measurements_of(ctx.G, i), start, min(end, passed))
        if years:
            yield Hit(i, message("audit.not_measured", label=data["label"], years=years,
                                 as_of=ctx.as_of))


@rule("DIN602", "goal-behind-schedule", "warning")
def goal_behind_schedule(ctx: AuditContext) -> Iterator[Hit]:
    late = {found.goal: found
            for found in behind(ctx.G, ctx.as_of, indicators=ctx.of("indicator"))}
    for g in ctx.of("goal") if late else ():
        found = late.get(g)
        if found is not None:
            yield Hit(g, message("audit.goal_behind", label=ctx.node[g]["label"],
                                 as_of=ctx.as_of, indicators=list(found.behind)))
