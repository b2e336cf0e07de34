"""Check every ``source:`` against the source texts (``dinnet validate --sources DIR``).

For each element with a ``source``, the cited file must exist in the folder,
the lines must exist, and the element's label must appear in the cited lines.
The comparison is tolerant of what transcription changes: line breaks,
hyphenation at a line end (``werk-`` / ``gelegenheid``), typographic quotes
and dashes, bullets, case and spacing. Every mismatch is a warning located
at the ``source:`` line of the YAML file.

>>> normalise("Het \u201cbeste\u201d werk-\\ngelegenheids\u00adplan")
'het "beste" werkgelegenheidsplan'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..contract.model import Contract, Source
from ..errors import DinnetError, Problem
from ..glossary import Message, message
from .yamlread import locate, parse_text, read_text

__all__ = ["MIN_COVERAGE", "SourceCheck", "check_sources", "label_of", "normalise"]

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"',
                         "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2011": "-",
                         "\u00a0": " ", "\u2022": " ", "\u25cf": " ", "\uf0b7": " "})
_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(\w)")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
#: A label stands in its lines when it does verbatim, or when at least this share of its
#: words (of three letters or more) does: a transcriber adds the section number to a title.
#: A label that joins a table's heading and cell ('Adviespool / Programma-adviseur:
#: 36/week' against 'programma-adviseur 36 uur per week': 2 of 3 words, see ``_coverage``)
#: falls short, and is a warning to look at.
MIN_COVERAGE = 0.75
#: The field that names an element, by model (the text to look for). A ``not_in_text``
#: entry's ``what`` is the transcriber's description of what is missing: not checked.
_LABELS = ("label", "title", "name")


def normalise(text: str) -> str:
    """Text as compared: NFC, plain quotes and dashes, joined hyphenation, one space, lower case."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "").translate(_QUOTES)
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    return _SPACE.sub(" ", text).strip().lower()


def label_of(element: BaseModel) -> str | None:
    """The element's label (or title, name) when it has one."""
    for name in _LABELS:
        value = getattr(element, name, None)
        if isinstance(value, str):
            return value
    return None


@dataclass(frozen=True)
class SourceCheck:
    """One ``source`` found in a contract: where it stands and what it cites."""

    loc: tuple[int | str, ...]
    source: Source
    label: str | None


def _sources(value: Any, loc: tuple[int | str, ...]) -> Iterator[SourceCheck]:
    """Every ``source`` in a contract, with the label of the element that carries it."""
    if isinstance(value, BaseModel):
        source = getattr(value, "source", None)
        if isinstance(source, Source):
            yield SourceCheck((*loc, "source"), source, label_of(value))
        for name in type(value).model_fields:
            if name != "source":
                yield from _sources(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _sources(item, (*loc, i))


class _Texts:
    """The source texts of a folder, read once each, as lists of lines."""

    def __init__(self, folder: Path) -> None:
        if not folder.is_dir():
            raise DinnetError.of(message("error.no_sources", path=folder))
        self.folder = folder
        self.cache: dict[str, list[str] | None] = {}

    def lines(self, name: str) -> list[str] | None:
        if name not in self.cache:
            path = self.folder / name
            ok = path.is_file() and path.resolve().is_relative_to(self.folder.resolve())
            self.cache[name] = path.read_text(encoding="utf-8", errors="replace").splitlines() \
                if ok else None
        return self.cache[name]


def _problem(check: SourceCheck, texts: _Texts) -> Message | None:
    """What is wrong with one source, or None."""
    src = check.source
    lines = texts.lines(src.file)
    if lines is None:
        return message("sources.no_file", file=src.file, folder=texts.folder)
    if src.end > len(lines):
        return message("sources.past_end", source=src, line=src.end, file=src.file,
                       count=len(lines))
    if check.label is None:
        return None
    # one line around the range: a label that starts at the end of the line before
    cited = normalise("\n".join(lines[max(src.start - 2, 0):src.end + 1]))
    label = normalise(check.label)
    if label in cited or _coverage(label, cited) >= MIN_COVERAGE:
        return None
    return message("sources.label", label=_short(check.label), source=src)


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if len(w) >= 3]


def _coverage(label: str, cited: str) -> float:
    """The share of the label's words (3 letters or more) that stand in the cited text.

    >>> round(_coverage("adviespool / programma-adviseur: 36/week", "programma-adviseur 36 uur per week"), 2)
    0.67
    """
    words = _words(label)
    if not words:
        return 1.0 if label in cited else 0.0
    present = set(_words(cited))
    return sum(w in present for w in words) / len(words)


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def check_sources(files: list[tuple[str, Contract]], folder: str | Path) -> list[Problem]:
    """Warnings for every ``source`` of ``files`` that does not match the texts in ``folder``.

    Parameters
    ----------
    files
        ``(yaml file, contract)`` pairs, as loaded.
    folder
        The folder of the source texts (``seeds/``).

    Returns
    -------
    list of Problem
        Warnings, each at the line of the ``source:`` in the YAML file, in file order.
    """
    texts = _Texts(Path(folder))
    found: list[Problem] = []
    for file, contract in files:
        root = None
        for check in _sources(contract, ()):
            said = _problem(check, texts)
            if said is None:
                continue
            if root is None:
                root = parse_text(read_text(Path(file)), file)
            line, column = locate(root, check.loc)
            path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in check.loc)
            found.append(Problem(file, line, column, path.lstrip("."), said.text("en"), "warning",
                                 said=said))
    return found
