"""The exceptions of dinnet: one root, one subclass per kind of failure.

Every error that reaches a user is a :class:`DinnetError`. Errors about a
contract carry one or more :class:`Problem` objects, each with file, line,
column and field path, and print as ``file:line:col: error: path: message``.

>>> p = Problem("binnenstad.yaml", 42, 7, "efforts[3].contributes_to[0]",
...             "unknown goal 'SD9' (known: SD1, SD2)")
>>> print(p)
binnenstad.yaml:42:7: error: efforts[3].contributes_to[0]: unknown goal 'SD9' (known: SD1, SD2)

Every problem prints as one line of bounded length (:func:`one_line`): a line
break in a file name is shown as ``\\n`` and a very long message is cut in the
middle.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Self

from .glossary import Message, message

__all__ = [
    "GRAPHVIZ_SYSTEMS",
    "MAX_LINE",
    "ContractError",
    "DinnetError",
    "DuplicateKeyError",
    "GraphvizError",
    "GraphvizMissingError",
    "NodeNotFoundError",
    "OutputError",
    "Problem",
    "ProblemLine",
    "SaidValueError",
    "UnknownReferenceError",
    "UnsafeYamlError",
    "ValidationError",
    "YamlSyntaxError",
    "graphviz_missing",
    "graphviz_missing_message",
    "one_line",
    "system_kind",
]

#: The longest message (in characters) an error line shows; longer ones are cut in the middle.
MAX_LINE = 1000

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x0b": "\\v", "\x0c": "\\f",
            "\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_BREAKS = str.maketrans(_ESCAPES)


def one_line(text: str, limit: int = MAX_LINE) -> str:
    """``text`` on one line (line breaks escaped) and at most about ``limit`` characters.

    >>> one_line("a\\nb.yaml")
    'a\\\\nb.yaml'
    >>> one_line("x" * 50 + "y" * 50, limit=20)
    'xxxxxxxxxx … (80 characters left out) … yyyyyyyyyy'
    """
    if len(text) > limit:
        half = limit // 2
        text = f"{text[:half]} … ({len(text) - 2 * half:,} characters left out) … {text[-half:]}"
    return text.translate(_BREAKS)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth a warning) in one place of one file.

    ``message`` is in English; ``said``, when there, holds it for
    :meth:`text` in either language. The severity stays an English token
    (``error``, ``warning``) that editors and CI parse.
    """

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    severity: Literal["error", "warning"] = "error"
    said: Message | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "nl") -> str:
        """``file:line:col: severity: path: message`` with the message in ``lang``.

        >>> from dinnet.glossary import message
        >>> p = Problem("a.yaml", 3, 5, "goals[0]", "m", said=message("load.missing", field="id"))
        >>> p.text()
        "a.yaml:3:5: error: goals[0]: verplicht veld 'id' ontbreekt"
        """
        where = one_line(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        path = f"{self.path}: " if self.path else ""
        said = self.said.text(lang) if self.said is not None else self.message
        return f"{where}: {self.severity}: {one_line(path + said)}"


class ProblemLine(str):
    """A :class:`Problem` as its English line that can still say itself in Dutch.

    It is a plain string to everything else (JSON, exports, ``==``), so a list
    of warnings kept with a graph stays plain data, while the command line
    shows each in the user's language with :meth:`text`.

    >>> from dinnet.glossary import message
    >>> line = ProblemLine(Problem("a.yaml", 3, 5, "", "m", "warning",
    ...                            said=message("load.not_loaded", prog="zorg", local="SD1")))
    >>> line == str(line.problem), line.text("nl")[:46]
    (True, "a.yaml:3:5: warning: 'zorg:SD1' verwijst naar ")
    """

    problem: Problem

    def __new__(cls, problem: Problem) -> Self:
        line = super().__new__(cls, str(problem))
        line.problem = problem
        return line

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.problem,)

    def text(self, lang: str = "nl") -> str:
        """The line with the message in ``lang``."""
        return self.problem.text(lang)


class SaidValueError(ValueError):
    """A :class:`ValueError` of a validator whose message stands in the glossary.

    pydantic keeps the exception with its error, so the loader shows the
    message in the user's language.

    >>> from dinnet.glossary import message
    >>> err = SaidValueError(message("model.period", start=2022, end=2019))
    >>> str(err), err.said.text("nl")
    ('period ends (2019) before it starts (2022)', 'de periode eindigt (2019) voordat die begint (2022)')
    """

    def __init__(self, said: Message) -> None:
        super().__init__(said.text("en"))
        self.said = said


class DinnetError(Exception):
    """The root of all dinnet errors.

    An error made with :meth:`of` holds its message for :meth:`text` in either
    language; ``str(error)`` is English.
    """

    said: Message | None = None

    @classmethod
    def of(cls, said: Message) -> Self:
        """The error with the glossary message ``said``.

        >>> from dinnet.glossary import message
        >>> err = DinnetError.of(message("error.no_path", path="x.yaml"))
        >>> str(err), err.text()
        ('x.yaml: no such file or folder', 'x.yaml: bestand of map bestaat niet')
        """
        error = cls(said.text("en"))
        error.said = said
        return error

    def text(self, lang: str = "nl") -> str:
        """The message in ``lang`` (English when the error has no glossary message)."""
        return self.said.text(lang) if self.said is not None else str(self)


class ContractError(DinnetError):
    """A contract file that cannot be loaded; holds every problem found in it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its problems (a worker process sends it back whole)."""
        return type(self), (self.problems,)

    @property
    def file(self) -> str:
        return self.problems[0].file

    @property
    def line(self) -> int | None:
        return self.problems[0].line

    @property
    def column(self) -> int | None:
        return self.problems[0].column


class YamlSyntaxError(ContractError):
    """The file is not well-formed YAML (or not UTF-8 text)."""


class UnsafeYamlError(ContractError):
    """The file uses YAML features dinnet refuses: object tags, alias bombs."""


class DuplicateKeyError(ContractError):
    """A mapping has the same key twice."""


class ValidationError(ContractError):
    """Fields are missing, misspelt or of the wrong type or value."""


class UnknownReferenceError(ContractError):
    """A reference names an id that does not exist (or duplicate ids)."""


class NodeNotFoundError(DinnetError, KeyError):
    """A node id asked for is not in the graph."""

    def __str__(self) -> str:  # KeyError would add quotes
        return str(self.args[0]) if self.args else "node not found"


#: The kinds of system whose Graphviz install note the glossary holds (``graphviz.<kind>``).
GRAPHVIZ_SYSTEMS = ("windows", "macos", "debian", "conda", "linux")


def system_kind(platform: str | None = None, environ: Mapping[str, str] | None = None,
                debian: bool | None = None) -> str:
    """Which of :data:`GRAPHVIZ_SYSTEMS` this is: a conda environment first.

    >>> system_kind("win32", {}), system_kind("darwin", {}), system_kind("linux", {}, debian=True)
    ('windows', 'macos', 'debian')
    >>> system_kind("win32", {"CONDA_PREFIX": "C:/miniconda3"})
    'conda'
    """
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    if environ.get("CONDA_PREFIX"):
        return "conda"
    if platform.startswith(("win", "cygwin", "msys")):
        return "windows"
    if platform == "darwin":
        return "macos"
    if debian is None:
        debian = os.path.exists("/etc/debian_version")
    return "debian" if debian else "linux"


def graphviz_missing(kind: str | None = None) -> Message:
    """The message that Graphviz is missing, with how to install it on this (or a ``kind`` of) system.

    >>> print(graphviz_missing("macos").text("en"))
    Graphviz 'dot' not found: install it with `brew install graphviz` (macOS) or see https://graphviz.org/download/
    """
    return message("error.missing_dot", how=message(f"graphviz.{kind or system_kind()}"))


def graphviz_missing_message(kind: str | None = None, lang: str = "en") -> str:
    """:func:`graphviz_missing` as text in ``lang``."""
    return graphviz_missing(kind).text(lang)


class GraphvizMissingError(DinnetError, RuntimeError):
    """The Graphviz ``dot`` executable is not installed (made with :func:`graphviz_missing`)."""


class GraphvizError(DinnetError, RuntimeError):
    """Graphviz failed or took too long."""


class OutputError(DinnetError, OSError):
    """An output file cannot (or must not) be written."""
