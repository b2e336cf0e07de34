"""A small progress counter for loading many files and other long steps (no dependencies).

:class:`ProgressBar` is a callable ``(done, total)`` that the loader calls
after every file (see :func:`dinnet.io.loading.load_contracts`). It draws on
standard error only when that is a terminal, only once loading has taken
longer than ``delay`` (so a few files never flash a bar), at most ten times
a second, and it wipes its line when the last file is read, so pipes, logs,
tests and the command's own output stay clean.

>>> import io
>>> bar = ProgressBar(stream=io.StringIO())   # not a terminal: draws nothing
>>> bar(1, 3); bar(3, 3)
>>> bar.stream.getvalue()
''
>>> out = io.StringIO()
>>> bar = ProgressBar(stream=out, force=True, delay=0, interval=0)
>>> bar(1, 4); bar(3, 4)
>>> print(out.getvalue().replace("\\r", "|"))
|loading [######------------------] 1/4 files|loading [##################------] 3/4 files
>>> bar(4, 4)                                 # done: the line is wiped
>>> out.getvalue().endswith(" \\r")
True
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["ProgressBar"]


class ProgressBar:
    """Draw ``label [####----] done/total unit`` on one terminal line.

    Parameters
    ----------
    label : str
        The word in front of the bar.
    unit : str
        What is counted (``files``, ``DINs``, ``pages``).
    stream : file, optional
        Where to draw (standard error by default).
    force : bool
        Draw even when ``stream`` is not a terminal.
    delay : float
        Seconds from the start before the bar first shows.
    interval : float
        Least time between two redraws, in seconds.
    """

    WIDTH = 24

    def __init__(self, label: str = "loading", *, unit: str = "files",
                 stream: TextIO | None = None, force: bool = False, delay: float = 0.5,
                 interval: float = 0.1) -> None:
        self.label = label
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = force or bool(isatty and isatty())
        self.interval = interval
        self._last = time.monotonic() + delay - interval  # first draw after ``delay``
        self._drawn = 0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if done >= total:
            self.close()
            return
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        filled = self.WIDTH * done // total if total else self.WIDTH
        width = len(str(total))
        line = (f"\r{self.label} [{'#' * filled}{'-' * (self.WIDTH - filled)}] "
                f"{done:>{width}}/{total} {self.unit}")
        self._drawn = len(line) - 1
        self.stream.write(line)
        self.stream.flush()

    def close(self) -> None:
        """Wipe the line (if anything was drawn)."""
        if self.enabled and self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
