"""Charts with matplotlib: indicator trajectories and budgets.

matplotlib (the ``charts`` extra) is imported inside the functions (Agg, no
pyplot state); without it they say which extra to install. Every
plotting function takes ``ax=None`` and returns the Axes it drew on; the
``*_figure`` functions lay several out and return the Figure.
:func:`figure_bytes` saves a figure byte-for-byte reproducibly.

>>> from dinnet.render._example import example_graph
>>> G = example_graph()
>>> numeric_indicators(G, "mini")
['mini:SD1.a.i1']
>>> ax = indicator_chart(G, "mini:SD1.a.i1")
>>> [line.get_label() for line in ax.get_lines()][:2]
['peilwaarde', 'streefwaarde']
>>> [int(x) for x in ax.get_lines()[1].get_xdata()]
[2020, 2022]
>>> budget_rows(G, "mini")  # (table, year, sum of lines, printed total) in euro
[('B1', 2019, 50000.0, 50000.0), ('B1', 2020, 50000.0, 60000.0)]
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import math
import textwrap
from typing import Any

import networkx as nx

from .. import glossary
from .._optional import extra
from ..glossary import phrase
from ..queries.budget import budget_checks
from .labels import format_number, natural_key, plain

__all__ = [
    "budget_chart",
    "budget_figure",
    "budget_rows",
    "budget_texts",
    "figure_bytes",
    "indicator_chart",
    "indicator_figure",
    "numeric_indicators",
]

#: Values larger than this (in size) are written, not drawn: matplotlib cannot
#: scale an axis to numbers near the largest float (1.8e308), and no real
#: indicator or budget comes near it.
CHART_LIMIT = 1e15


def _number(value: Any) -> float | None:
    """A value to draw, or None (text, or a number too large to draw: it is written instead)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if _drawable(float(value)) else None


def _drawable(value: float | None) -> bool:
    return value is not None and math.isfinite(value) and abs(value) <= CHART_LIMIT


def numeric_indicators(G: nx.MultiDiGraph, programme: str) -> list[str]:
    """The indicators of ``programme`` with a number to draw (a baseline or a target), by goal.

    >>> from dinnet.render._example import example_graph
    >>> numeric_indicators(example_graph(), "mini")
    ['mini:SD1.a.i1']
    """
    found = []
    for n, d in G.nodes(data=True):
        if d.get("kind") != "indicator" or d.get("programme") != programme:
            continue
        values = [d.get("baseline_value"), *(d.get("targets") or {}).values(),
                  *(d.get("expected") or {}).values(), *(d.get("realised") or {}).values(),
                  *(m.value for m in d.get("measurements") or ())]
        if any(_number(v) is not None for v in values):
            goals = sorted((v for _, v, k in G.out_edges(n, keys=True) if k == "measures"),
                           key=natural_key)
            found.append((natural_key(goals[0]) if goals else "", natural_key(n), n))
    return [n for *_, n in sorted(found)]


def _new_axes(ax: Any, size: tuple[float, float] = (5, 3)) -> Any:
    if ax is not None:
        return ax
    Figure = extra("charts", "matplotlib.figure").Figure

    return Figure(figsize=size, layout="constrained").subplots()


def indicator_chart(G: nx.MultiDiGraph, indicator: str, *, ax: Any = None,
                    lang: str = "nl", as_of: dt.date | None = None) -> Any:
    """Baseline (hollow marker), yearly targets (line) and measured values of one indicator.

    Targets written as text (``n.t.b.``) are written at their year. The
    measurements (``G.nodes[indicator]["measurements"]`` and the contract's
    own *realisatie* and *verwacht*) stand at their date: a value for a year
    at the year, one for 30 June halfway before it. With ``as_of`` only what
    was known on that date is drawn, a dashed line marks the date, and the
    indicator's status on it (:func:`dinnet.queries.indicator_status`) is
    written in the corner with its symbol and colour
    (:data:`~dinnet.render.status_overlay.STATUS_STYLE`). Returns the Axes.

    >>> from dinnet.render._example import example_graph
    >>> indicator_chart(example_graph(), "mini:SD1.a.i1", lang="en").get_title(loc="left")
    'SD1.a: Fijnstof'
    >>> import datetime as dt
    >>> ax = indicator_chart(example_graph(), "mini:SD1.a.i1", as_of=dt.date(2021, 1, 1))
    >>> [t.get_text() for t in ax.texts]
    ['? onbekend op 01-01-2021']
    """
    words = glossary.words("chart", lang)
    ax = _new_axes(ax)
    d = G.nodes[indicator]
    base, year = _number(d.get("baseline_value")), d.get("baseline_year")
    targets = sorted((y, _number(v)) for y, v in (d.get("targets") or {}).items())
    points = [(y, v) for y, v in targets if v is not None]
    if base is not None and year is not None:
        ax.plot([year], [base], marker="o", markerfacecolor="white", color="#2b5d8c",
                linestyle="none", label=words["baseline"])
    if points:
        ax.plot([y for y, _ in points], [v for _, v in points], marker="s", color="#3a7d2c",
                label=words["target"])
        if base is not None and year is not None:
            ax.plot([year, points[0][0]], [base, points[0][1]], color="#3a7d2c",
                    linestyle=":", linewidth=1)
    level = points[-1][1] if points else base
    measured = _series(ax, G, indicator, words, as_of)
    if level is None and measured:
        level = measured[-1][1]
    _approximate(ax, d, base, points)
    texts = [(y, plain(v)) for y, v in targets if v is None]
    texts = [(y, plain((d.get("targets") or {})[y])) for y, _ in texts]
    for y, text in texts:
        ax.annotate(text, (y, level if level is not None else 0), fontsize=7, style="italic",
                    color="#3a7d2c", ha="center", va="bottom", annotation_clip=False)
    period = G.nodes[d["programme"]].get("period") if d.get("programme") in G else None
    years = [y for y, _ in targets] + ([year] if year is not None else []) + list(period or [])
    years += [math.floor(x) for x, _ in measured]
    if years:
        ax.set_xlim(min(years) - 0.5, max(years) + 0.5)
    if as_of is not None:
        _status(ax, G, indicator, as_of, lang)
    if base is None and not points and not measured and texts:
        ax.set_yticks([])
    goals = sorted((v.split(":", 1)[1] for _, v, k in G.out_edges(indicator, keys=True)
                    if k == "measures" and G.nodes[v].get("kind") == "goal"), key=natural_key)
    title = f"{', '.join(goals)}: {plain(d.get('label', ''))}" if goals else plain(d.get("label"))
    ax.set_title("\n".join(textwrap.wrap(title, 48)[:3]), fontsize=8, loc="left",
                 pad=20 if as_of is not None else 6)
    ax.set_ylabel(plain(d.get("unit") or ""), fontsize=8)
    ax.tick_params(labelsize=7)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.yaxis.set_major_formatter(lambda v, _: format_number(round(v, 2), lang))
    ax.grid(alpha=0.3)
    return ax


def year_position(day: dt.date) -> float:
    """Where a date stands on a chart's axis of years: 31 December of a year at the year.

    A target or value for a year stands for its last day (``docs/monitoring.md``).

    >>> year_position(dt.date(2025, 12, 31)), round(year_position(dt.date(2025, 7, 2)), 2)
    (2025.0, 2024.5)
    """
    length = 366 if calendar.isleap(day.year) else 365
    return day.year - (length - day.timetuple().tm_yday) / length


def _series(ax: Any, G: nx.MultiDiGraph, indicator: str, words: Any,
            as_of: dt.date | None) -> list[tuple[float, float]]:
    """Realised values (filled dots, solid) and expected ones (hollow diamonds); their points."""
    from ..queries.monitoring import measurements_of

    # on ``as_of``: what was realised by then, and every value expected
    found = [m for m in measurements_of(G, indicator)
             if as_of is None or m.date <= as_of or m.kind == "expected"]
    drawn: list[tuple[float, float]] = []
    for key, marker, style in (("realised", "o", "-"), ("expected", "D", "none")):
        series = [m for m in found if m.kind == key]
        points = [(year_position(m.date), v) for m in series
                  if (v := _number(m.value)) is not None]
        if points:
            ax.plot([x for x, _ in points], [v for _, v in points], marker=marker,
                    color="#222222", linestyle=style, markersize=5 if key == "realised" else 4,
                    markerfacecolor="white" if key == "expected" else "#222222",
                    label=words[key])
            drawn += points
        for m in series:
            value = _number(m.value)
            if value is None:  # text as printed (n.t.b.), at the foot of the chart
                ax.annotate(plain(m.value), (year_position(m.date), 0.03), fontsize=7,
                            xycoords=("data", "axes fraction"), style="italic",
                            color="#444444", ha="center")
            elif m.approximate:
                ax.annotate(str(m.approximate), (year_position(m.date), value), xytext=(3, 3),
                            textcoords="offset points", fontsize=6, style="italic",
                            color="#555555")
    return sorted(drawn)


def _status(ax: Any, G: nx.MultiDiGraph, indicator: str, as_of: dt.date, lang: str) -> None:
    """A dashed line at ``as_of`` and the status on it, in the corner."""
    from ..queries.monitoring import indicator_status
    from .status_overlay import STATUS_STYLE, status_word

    status = indicator_status(G, indicator, as_of).status
    ax.axvline(year_position(as_of), color="#8c8c8c", linestyle="--", linewidth=0.8,
               label=phrase("chart.as_of", lang))
    day = glossary.format_date(as_of, lang)
    # over the chart, under its title (which makes room for it)
    ax.text(0, 1.03, phrase("chart.status", lang, status=status_word(status, lang), date=day),
            transform=ax.transAxes, fontsize=8, fontweight="bold", va="bottom", ha="left",
            color=STATUS_STYLE[status].text,
            bbox={"facecolor": "white", "edgecolor": STATUS_STYLE[status].border,
                  "boxstyle": "round,pad=0.25", "linewidth": 1.2})


def _approximate(ax: Any, d: dict[str, Any], base: float | None,
                 targets: list[tuple[int, float]]) -> None:
    """The word ('ruim', 'circa') beside every approximate baseline and target, as printed.

    Approximate measurements get theirs with the measurements (:func:`_series`).
    """
    marks: list[tuple[int, float, str]] = []
    values = d.get("targets") or {}
    for y, word in ((d.get("approximate") or {}).get("targets") or {}).items():
        v = _number(values.get(y, values.get(int(y)) if str(y).isdigit() else None))
        if v is not None:
            marks.append((int(y), v, str(word)))
    if d.get("baseline_approximate") and base is not None and d.get("baseline_year"):
        marks.append((int(d["baseline_year"]), base, str(d["baseline_approximate"])))
    for y, v, word in marks:
        ax.annotate(word, (y, v), xytext=(3, 3), textcoords="offset points", fontsize=6,
                    style="italic", color="#555555")


def indicator_figure(G: nx.MultiDiGraph, programme: str, *, lang: str = "nl",
                     columns: int = 3, as_of: dt.date | None = None) -> Any:
    """One small chart per numeric indicator of ``programme``, as a Figure (``as_of``: as
    :func:`indicator_chart`).

    >>> from dinnet.render._example import example_graph
    >>> len(indicator_figure(example_graph(), "mini").axes)
    3
    """
    Figure = extra("charts", "matplotlib.figure").Figure

    inds = numeric_indicators(G, programme)
    rows = max(1, math.ceil(len(inds) / columns))
    fig = Figure(figsize=(3.4 * columns, 2.5 * rows + 0.4), layout="constrained")
    axes = fig.subplots(rows, columns, squeeze=False).ravel()
    for ax, ind in zip(axes, inds, strict=False):
        indicator_chart(G, ind, ax=ax, lang=lang, as_of=as_of)
    for ax in axes[len(inds):]:
        ax.set_axis_off()
    if inds:  # one legend with every kind of mark drawn in any chart
        marks = {label: h for ax in axes[:len(inds)]
                 for h, label in zip(*ax.get_legend_handles_labels(), strict=True)}
        axes[0].legend(marks.values(), marks.keys(), fontsize=7, loc="best")
    words = glossary.words("chart", lang)
    fig.suptitle(f"{plain(G.nodes[programme].get('label', programme))}: {words['indicators']}",
                 fontsize=11, x=0.01, ha="left")
    return fig


def budget_rows(G: nx.MultiDiGraph, programme: str) -> list[tuple[str, int, float, float | None]]:
    """``(table id, year, sum of the lines, printed total)`` in euro for every budget table year.

    >>> from dinnet.render._example import example_graph
    >>> budget_rows(example_graph(), "mini")[-1]
    ('B1', 2020, 50000.0, 60000.0)
    """
    rows = []
    for table in G.nodes[programme].get("budgets") or []:
        scale = float(table.get("scale") or 1)
        stated = table.get("stated_totals") or {}
        years = sorted({y for line in table.get("lines", []) for y in line.get("amounts", {})}
                       | set(stated))
        for year in years:
            total = sum(float(line.get("amounts", {}).get(year) or 0)
                        for line in table.get("lines", []))
            printed = _number(stated.get(year))
            rows.append((str(table.get("id")), int(year), total * scale,
                         printed * scale if printed is not None else None))
    return rows


def budget_chart(G: nx.MultiDiGraph, programme: str, *, ax: Any = None,
                 lang: str = "nl") -> Any:
    """Bars: each budget table's sum of lines per year; markers: the totals as printed.

    A printed total that differs from the sum of the lines is marked in red.
    Returns the Axes.

    >>> from dinnet.render._example import example_graph
    >>> ax = budget_chart(example_graph(), "mini")
    >>> [int(x) for x in ax.get_xticks()], ax.get_title(loc="left")
    ([0, 1], 'Mini')
    """
    words = glossary.words("chart", lang)
    ax = _new_axes(ax)
    rows = budget_rows(G, programme)
    if not any(r[2] or r[3] for r in rows):
        return _budget_text(G, programme, ax, words)
    tables = sorted({r[0] for r in rows}, key=natural_key)
    years = sorted({r[1] for r in rows})
    checks = {(c.table, c.year): c for c in budget_checks(G)
              if c.programme == programme and c.group == "budgets"}
    width = 0.8 / max(1, len(tables))
    colours = ["#3a7d2c", "#2b5d8c", "#b36b00", "#6a4a8c", "#7f7f7f"]
    for i, table in enumerate(tables):
        mine = {r[1]: r for r in rows if r[0] == table}
        xs = [years.index(y) - 0.4 + width * (i + 0.5) for y in mine]
        sums = [mine[y][2] for y in mine]
        ax.bar(xs, [v if _drawable(v) else 0 for v in sums], width=width * 0.9,
               color=colours[i % len(colours)], alpha=0.75, label=f"{table}: {words['lines']}")
        for x, y in zip(xs, mine, strict=True):
            printed = mine[y][3]
            if not (_drawable(mine[y][2]) and (printed is None or _drawable(printed))):
                ax.annotate(words["too_large"], (x, 0), fontsize=6, rotation=90, ha="center",
                            va="bottom", color="#d7301f", annotation_clip=False)
                continue
            if printed is None:
                continue
            check = checks.get((table, y))
            word = check.approximate if check else None
            bad = check is not None and check.state == "mismatch"
            ax.plot([x - width * 0.45, x + width * 0.45], [printed, printed],
                    color="#d7301f" if bad else "black", linewidth=2.5,
                    linestyle=":" if word else "-")
            if word:
                ax.annotate(word, (x, printed), xytext=(0, 3), textcoords="offset points",
                            fontsize=6, style="italic", ha="center")
    ax.plot([], [], color="black", linewidth=2.5, label=words["stated"])
    ax.plot([], [], color="#d7301f", linewidth=2.5, label=f"{words['stated']}: {words['differs']}")
    ax.set_xticks(range(len(years)), [str(y) for y in years])
    ax.yaxis.set_major_formatter(lambda v, _: format_number(int(v), lang))
    ax.set_ylabel(words["euro"], fontsize=8)
    ax.tick_params(labelsize=7)
    ax.set_title(plain(G.nodes[programme].get("label", programme)), fontsize=9, loc="left")
    ax.legend(fontsize=6, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2,
              frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return ax


def budget_texts(G: nx.MultiDiGraph, programme: str) -> list[str]:
    """The budget lines of ``programme`` given only in words ('circa € 4,2 miljoen per jaar').

    >>> from dinnet.render._example import example_graph
    >>> budget_texts(example_graph(), "mini")
    []
    """
    return [f"{line['label']}: {line['text']}"
            for table in G.nodes[programme].get("budgets") or []
            for line in table.get("lines", []) if line.get("text") and not line.get("amounts")]


def _budget_text(G: nx.MultiDiGraph, programme: str, ax: Any, words: Any) -> Any:
    """A budget in words only, shown as text (never an empty chart)."""
    lines = budget_texts(G, programme)
    body = "\n".join(textwrap.fill(plain(t), 60) for t in lines)
    ax.text(0.02, 0.9, f"{words['text_only']}:\n{body}", transform=ax.transAxes, fontsize=8,
            va="top", ha="left", wrap=True)
    ax.set_axis_off()
    ax.set_title(plain(G.nodes[programme].get("label", programme)), fontsize=9, loc="left")
    return ax


def budget_figure(G: nx.MultiDiGraph, *, lang: str = "nl", columns: int = 2) -> Any:
    """:func:`budget_chart` for every programme with amounts in a budget table (a Figure).

    >>> from dinnet.render._example import example_graph
    >>> [ax.get_title(loc="left") for ax in budget_figure(example_graph()).axes if ax.axison]
    ['Mini']
    """
    Figure = extra("charts", "matplotlib.figure").Figure

    progs = sorted((n for n, d in G.nodes(data=True)
                    if d.get("kind") == "programme" and (
                        any(r[2] or r[3] for r in budget_rows(G, n)) or budget_texts(G, n))),
                   key=natural_key)
    rows = max(1, math.ceil(len(progs) / columns))
    fig = Figure(figsize=(5 * columns, 3.6 * rows + 0.4), layout="constrained")
    axes = fig.subplots(rows, columns, squeeze=False).ravel()
    for ax, p in zip(axes, progs, strict=False):
        budget_chart(G, p, ax=ax, lang=lang)
    for ax in axes[len(progs):]:
        ax.set_axis_off()
    fig.suptitle(phrase("chart.budget", lang), fontsize=11, x=0.01,
                 ha="left")
    return fig


def figure_bytes(fig: Any, format: str = "svg") -> bytes:
    """Save ``fig`` as svg, png or pdf; the same data gives the same bytes.

    (No date, fixed SVG ids. A figure saved a second time can differ slightly,
    because its constrained layout moves on each draw.)

    >>> from dinnet.render._example import example_graph
    >>> G = example_graph()
    >>> figure_bytes(budget_figure(G), "svg") == figure_bytes(budget_figure(G), "svg")
    True
    """
    matplotlib = extra("charts")

    if format not in ("svg", "png", "pdf"):
        raise ValueError(f"charts are svg, png or pdf, not {format!r}")
    metadata: dict[str, Any] = {"svg": {"Date": None},
                                "pdf": {"CreationDate": None, "ModDate": None},
                                "png": {"Software": None}}[format]
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "dinnet", "svg.fonttype": "path"}):
        fig.savefig(buffer, format=format, metadata=metadata, dpi=110)
    return buffer.getvalue()


