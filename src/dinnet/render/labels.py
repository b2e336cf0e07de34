"""Words and label text for diagrams: headings, wrapping, numbers, escaping.

Everything a user wrote reaches Graphviz through :func:`html_text` (inside
HTML-like labels) or :func:`dot_text` (inside quoted attributes), so it comes
out literally: quotes, backslashes, ``<b>`` and ``</text><script>`` included.

>>> html_text('<b>"a" \\\\ b</b>')
'&lt;b&gt;&quot;a&quot; &#92;&#92; b&lt;/b&gt;'
>>> wrap("Samen maken we Almelo veiliger en gezonder", 20)
['Samen maken we', 'Almelo veiliger en', 'gezonder']
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping
from typing import Any

import graphviz

from .. import glossary
from ..contract.model import GOAL_LEVELS
from ..glossary import LANGS

__all__ = [
    "COLUMNS",
    "LANGS",
    "clear_caches",
    "column_heading",
    "comment_text",
    "dot_text",
    "format_number",
    "html_lines",
    "html_text",
    "indicator_summary",
    "natural_key",
    "plain",
    "term",
    "wrap",
]

#: The DIN's columns, left to right: the vision, the goal levels, efforts and projects.
COLUMNS: tuple[str, ...] = ("vision", *GOAL_LEVELS, "effort", "project")

_HTML_SPECIAL = re.compile(r"[&<>\"'\\]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s+")


def term(word: str, lang: str = "nl") -> str:
    """A fixed word of the diagrams in ``lang``: a glossary term, else its ``din.`` phrase.

    >>> term("regie", "en"), term("lijnproject"), term("open", "en")
    ('directs', 'lijnproject', 'open: deliberately empty')
    """
    if word in glossary.TERMS:
        return glossary.term(word, lang)
    return glossary.phrase(f"din.{word}", lang)


def column_heading(column: str, lang: str = "nl") -> str:
    """The heading of a DIN column.

    >>> [column_heading(c) for c in COLUMNS[:3]]
    ['Visie', 'Hoofdopgaven', 'Strategische doelen']
    >>> column_heading("project", "en")
    'Projects'
    """
    if column not in COLUMNS:
        raise ValueError(f"unknown column {column!r}")
    return glossary.heading(column, lang, plural=column != "vision")


def plain(text: Any) -> str:
    """One line of text: control characters dropped, runs of whitespace made one space.

    >>> plain("  twee\\nregels\\x07 ")
    'twee regels'
    """
    return _plain(text) if type(text) is str else _plain(str(text))


@functools.lru_cache(maxsize=65536)
def _plain(text: str) -> str:
    # str.split() and re's \s agree on what whitespace is (both use str.isspace)
    return " ".join(_CONTROL.sub("", text).split())


def wrap(text: Any, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` characters; words are never split.

    A word longer than a line gets a line of its own, broken after a hyphen
    where it has one (``maatschappelijk-`` / ``economische``) and otherwise
    left whole: a box a little wider reads better than ``energieneutra`` /
    ``al``. Computed without :mod:`textwrap`'s general machinery: a DIN wraps
    hundreds of labels, and the :func:`plain` text is one line with single
    spaces.

    >>> wrap("Samen werken aan arbeidsmarktparticipatie", 12)
    ['Samen werken', 'aan', 'arbeidsmarktparticipatie']
    >>> wrap("betere maatschappelijk-economische waarde", 20)
    ['betere', 'maatschappelijk-', 'economische waarde']
    >>> wrap("", 10)
    ['']
    """
    if width < 1:
        raise ValueError(f"invalid width {width!r} (must be > 0)")
    text = plain(text)
    if len(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) <= width:
            line += " " + word
            continue
        if line:
            lines.append(line)
        while len(word) > width and "-" in word[:-1]:  # a long compound: after a hyphen
            cut = word.rfind("-", 0, width) + 1 or word.find("-") + 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    lines.append(line)
    return lines


def html_text(text: Any) -> str:
    """Escape ``text`` for an HTML-like Graphviz label.

    Graphviz 2.43 still reads ``\\\\`` and ``\\N`` inside HTML-like labels, also
    when written as character references, so a backslash becomes ``&#92;&#92;``
    (which Graphviz reads as one literal backslash).
    """
    return _escape(plain(text))


def _escape(text: str) -> str:
    """:func:`html_text` of text that is plain already."""
    if _HTML_SPECIAL.search(text) is None:
        return text
    return html.escape(text, quote=True).replace("\\", "&#92;&#92;")


def html_lines(text: Any, width: int) -> str:
    """``text`` wrapped at ``width`` and escaped as by :func:`html_text`, lines joined by ``<BR/>``.

    >>> html_lines('Zorg & "welzijn" voor iedereen', 12)
    'Zorg &amp;<BR/>&quot;welzijn&quot;<BR/>voor<BR/>iedereen'
    """
    # the lines are plain already, but for a space textwrap may leave at the end
    return "<BR/>".join([_escape(line.rstrip(" ")) for line in wrap(text, width)])


def dot_text(text: Any) -> str:
    r"""Escape ``text`` for a ``tooltip`` (it becomes the SVG ``<title>``).

    Graphviz 2.43 reads escapes in a tooltip twice (``\\N`` still turns into
    the node name), so every backslash is written as four; and it copies an
    ``&amp;`` into the SVG as if it were markup, so every ``&`` is written
    ``&amp;``. The result is marked as not-HTML, so ``<b>`` is not read as a
    label; quotes are escaped when the DOT source is written.

    >>> print(dot_text(r"a\N <b>"))
    a\\\\N <b>
    """
    return graphviz.nohtml(plain(text).replace("\\", "\\" * 4).replace("&", "&amp;"))


def comment_text(text: Any) -> str:
    r"""Text for a DOT ``comment`` (the SVG ``<desc>``): kept as written, backslashes as ``/``.

    >>> print(comment_text(r'goal; c:\data\zorg.txt:3'))
    goal; c:/data/zorg.txt:3
    """
    return graphviz.nohtml(plain(text).replace("\\", "/"))


_DIGITS = re.compile(r"\d+")


def _number(match: re.Match[str]) -> str:
    digits = str(int(match.group()))
    return f"\0{chr(len(digits))}{digits}"  # "\0": a number sorts before any text


@functools.lru_cache(maxsize=65536)
def natural_key(text: str) -> str:
    """A sort key that puts ``E2`` before ``E10``.

    Every run of digits becomes its value, prefixed by its length, so plain
    string comparison does the rest (ids hold no control characters).

    >>> sorted(["E10", "E2", "E1.b", "E1"], key=natural_key)
    ['E1', 'E1.b', 'E2', 'E10']
    """
    return _DIGITS.sub(_number, text)


def clear_caches() -> None:
    """Forget the remembered :func:`plain` texts and :func:`natural_key` keys.

    A diagram calls for the same texts and ids many times; a new diagram
    starts afresh, so its cost never depends on an earlier one.
    """
    _plain.cache_clear()
    natural_key.cache_clear()


def format_number(value: Any, lang: str = "nl") -> str:
    """A number as printed in ``lang``, at most two decimals (:func:`dinnet.glossary.format_number`;
    text is returned as it is).

    >>> format_number(93000.0), format_number(1.9), format_number(1234.5, "en")
    ('93.000', '1,9', '1,234.5')
    >>> format_number("n.t.b.")
    'n.t.b.'
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return plain(value)
    return glossary.format_number(value, lang, decimals=2)


def indicator_summary(attrs: Mapping[str, Any], lang: str = "nl") -> str:
    """``baseline (year) → final target unit (year)`` for an indicator node.

    >>> indicator_summary({"baseline_value": 12000.0, "baseline_year": 2023,
    ...                    "targets": {2025: 14000.0, 2027: 18000.0}, "unit": "m2"})
    '12.000 (2023) → 18.000 m2 (2027)'
    >>> indicator_summary({"baseline_value": None, "baseline_year": None,
    ...                    "targets": {}, "unit": None}, "en")
    'no target'
    """
    base, year = attrs.get("baseline_value"), attrs.get("baseline_year")
    targets = attrs.get("targets") or {}
    unit = plain(attrs.get("unit") or "")
    start = ""
    if base is not None or year is not None:
        start = format_number(base, lang) if base is not None else "?"
        if year is not None:
            start += f" ({year})"
    if targets:
        last = max(targets)
        target = format_number(targets[last], lang)
        if unit and isinstance(targets[last], int | float):
            target += f" {unit}"
        end = f"{target} ({last})"
    else:
        end = term("no_target", lang)
    return f"{start} → {end}" if start else end
