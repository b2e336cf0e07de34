"""The limits that keep hostile input from taking all memory or time (docs/robustness.md).

Each limit is a module attribute read when it is used, so a program can
raise it (``dinnet.io.limits.XLSX_MAX_CELLS = 5_000_000``), and each can be
set for one run through an environment variable of the same name with the
prefix ``DINNET_`` (``DINNET_XLSX_MAX_CELLS=5000000 dinnet import-xlsx ...``).
A limit that is hit gives a located error naming the limit and its variable.

>>> XLSX_MAX_CELLS >= 1_000_000
True
>>> print(describe("XLSX_MAX_CELLS").text("en"))
the limit XLSX_MAX_CELLS (set DINNET_XLSX_MAX_CELLS to raise it)
"""

from __future__ import annotations

import os

from ..glossary import Message, message

__all__ = [
    "ALIAS_MAX_CHARS",
    "ALIAS_MAX_RATIO",
    "XLSX_MAX_CELLS",
    "XLSX_MAX_ERRORS",
    "XLSX_MAX_ROWS",
    "XLSX_MAX_UNCOMPRESSED",
    "describe",
]


def _setting(name: str, default: int) -> int:
    raw = os.environ.get(f"DINNET_{name}", "").replace("_", "")
    return int(raw) if raw.isdigit() else default


#: Aliases may expand a YAML file to at most this many characters of text...
ALIAS_MAX_CHARS = _setting("ALIAS_MAX_CHARS", 64 * 1024 * 1024)
#: ...and to at most this many times the characters of the file itself
#: (a file that expands to less than 1 MiB is always fine).
ALIAS_MAX_RATIO = _setting("ALIAS_MAX_RATIO", 10)
#: Cells a workbook may hold (all sheets together, counted as read).
XLSX_MAX_CELLS = _setting("XLSX_MAX_CELLS", 2_000_000)
#: Rows one sheet may hold.
XLSX_MAX_ROWS = _setting("XLSX_MAX_ROWS", 100_000)
#: Bytes the members of the ``.xlsx`` zip may inflate to, all together
#: (checked from the zip directory before anything is inflated).
XLSX_MAX_UNCOMPRESSED = _setting("XLSX_MAX_UNCOMPRESSED", 256 * 1024 * 1024)
#: Problems of one workbook shown; the rest are counted in one line.
XLSX_MAX_ERRORS = _setting("XLSX_MAX_ERRORS", 200)


def describe(name: str) -> Message:
    """How a message names a limit and the way to raise it (in either language)."""
    return message("limits.setting", name=name)
