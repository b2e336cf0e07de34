"""A forked copy of this process to share work with: started where it is safe, or not at all.

The audit (:mod:`dinnet.audit.split`) and the cache's lookups
(:mod:`dinnet.io.lookup`) each hand part of their work to a child made by
``fork``: it sees everything this process has made without a copy, and
sends its results back through a pipe. :func:`can_fork` says whether that can
be done here; :func:`fork_child` starts one.

>>> import os
>>> def run(work):  # a child's exit status, and what it wrote
...     pid, pipe = fork_child(work)
...     said = os.read(pipe, 100)
...     os.close(pipe)
...     return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), said
>>> run(lambda out: os.write(out, b"hello")), run(lambda out: 1 / 0)
((0, b'hello'), (1, b''))
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable

__all__ = ["can_fork", "fork_child"]


def can_fork() -> bool:
    """Whether a fork can be used here: the system has it (Linux, macOS), and no other
    thread runs in this process (a fork copies only the calling thread; a lock another
    thread held would stay locked in the child)."""
    return (hasattr(os, "fork") and sys.platform in ("linux", "darwin")
            and threading.active_count() == 1)


def fork_child(work: Callable[[int], object]) -> tuple[int, int] | None:
    """Fork a child that runs ``work(write end of a pipe)`` and exits: status 0 when
    ``work`` returned, 1 when it raised (it never returns into the caller's code, and
    leaves Ctrl-C to this process). Here: ``(pid, read end)``, or None when no pipe or
    no child could be made (the caller then does the work itself). The caller closes
    the read end and waits for the child."""
    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the child
        code = 1
        try:
            os.close(read)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
            work(write)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read
