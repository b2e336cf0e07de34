"""The changes as text, a Markdown table or JSON (``dinnet diff --format``)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict

from ..glossary import phrase, term
from .change import Change
from .wording import change_cells

__all__ = ["format_json", "format_markdown", "format_text"]


def format_text(changes: list[Change], lang: str = "nl") -> str:
    """One line per change and a count, in ``lang``.

    >>> print(format_text([Change("removed", "effort", "p:E2", "Bomen planten")], "en"), end="")
    - effort     p:E2 'Bomen planten'
    1 change: 1 removed
    >>> print(format_text([Change("removed", "effort", "p:E2", "Bomen planten")]), end="")
    - inspanning p:E2 'Bomen planten'
    1 wijziging: 1 vervallen
    """
    if not changes:
        return phrase("diff.none", lang) + "\n"
    counts = Counter(c.action for c in changes)
    summary = ", ".join(f"{counts[a]} {phrase(f'diff.{a}', lang)}"
                        for a in ("removed", "renamed", "changed", "added") if counts[a])
    return ("".join(f"{c.text(lang)}\n" for c in changes)
            + f"{term('change', lang, n=len(changes))}: {summary}\n")


def format_markdown(changes: list[Change], lang: str = "nl") -> str:
    """The changes as a Markdown table (for a pull request or a report), then the count.

    >>> print(format_markdown([Change("changed", "measurement", "p:I1", "Bomen", "2025 realised",
    ...                                40.0, 45.0)], "en"), end="")
    | | kind | id | label | what | before | after |
    | --- | --- | --- | --- | --- | --- | --- |
    | ~ | measurement | p:I1 | Bomen | 2025 realised | 40 | 45 |
    <BLANKLINE>
    1 change: 1 changed
    """
    if not changes:
        return phrase("diff.none", lang) + "\n"

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    words = [phrase(f"diff.{k}", lang) for k in ("kind", "id", "label", "what", "before", "after")]
    rows = ["| | " + " | ".join(words) + " |", "| --- " * 7 + "|"]
    rows += ["| " + " | ".join(cell(v) for v in change_cells(c, lang)) + " |" for c in changes]
    return "\n".join(rows) + "\n\n" + format_text(changes, lang).splitlines()[-1] + "\n"


def format_json(changes: list[Change]) -> str:
    """The changes as a JSON list of objects (UTF-8, indented; values as compared).

    >>> print(format_json([Change("added", "goal", "p:SD3", "Nieuw")]))  # doctest: +ELLIPSIS
    [
      {
        "action": "added",
        "kind": "goal",
        "id": "p:SD3",
    ...
    """
    return json.dumps([asdict(c) for c in changes], ensure_ascii=False, indent=2, default=str) + "\n"
