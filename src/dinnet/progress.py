"""A small progress counter for loading many files (no dependencies).

:class:`ProgressBar` is a callable ``(done, total)`` that the loader calls
after every file (see :func:`dinnet.loading.load_contracts`). It draws on
standard error only when that is a terminal, at most ten times a second,
and clears its line when closed, so pipes, logs and tests stay clean.

>>> import io
>>> bar = ProgressBar(stream=io.StringIO())   # not a terminal: draws nothing
>>> bar(1, 3); bar(3, 3); bar.close()
>>> bar.stream.getvalue()
''
>>> out = io.StringIO()
>>> bar = ProgressBar(stream=out, force=True, interval=0)
>>> bar(1, 4); bar(4, 4)
>>> print(out.getvalue().replace("\\r", "|"))
|loading [######------------------] 1/4 files|loading [########################] 4/4 files
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["ProgressBar"]


class ProgressBar:
    """Draw ``label [####----] done/total files`` on one terminal line.

    Parameters
    ----------
    label : str
        The word in front of the bar.
    stream : file, optional
        Where to draw (standard error by default).
    force : bool
        Draw even when ``stream`` is not a terminal.
    interval : float
        Least time between two redraws, in seconds (the last file always draws).
    """

    WIDTH = 24

    def __init__(self, label: str = "loading", *, stream: TextIO | None = None,
                 force: bool = False, interval: float = 0.1) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = force or bool(isatty and isatty())
        self.interval = interval
        self._last = float("-inf")
        self._drawn = 0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < self.interval:
            return
        self._last = now
        filled = self.WIDTH * done // total if total else self.WIDTH
        width = len(str(total))
        line = (f"\r{self.label} [{'#' * filled}{'-' * (self.WIDTH - filled)}] "
                f"{done:>{width}}/{total} files")
        self._drawn = len(line) - 1
        self.stream.write(line)
        self.stream.flush()

    def close(self) -> None:
        """Clear the line (if anything was drawn)."""
        if self.enabled and self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
