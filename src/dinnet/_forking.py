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

:func:`run_forked` shares the items of one job among a few such children
(the reading of many files, :mod:`dinnet.io.batch`): the parent hands each
child the number of its next item through a pipe of its own, a couple
ahead, and the next one whenever a result comes back, so a child that is
quicker (smaller items, or a core less busy) takes more of them; the
children send their results back through their own pipes, and the parent
waits on all those pipes at once (:mod:`selectors`) while it uses what has
come. ``multiprocessing.Pool`` did this before; its helper threads cost
the parent a third of its CPU (one of them polls the result pipe without
sleeping while results wait in it; ``docs/performance.md``, session 13),
and that CPU was the workers', on two cores.

>>> [(i, bytes(out)) for i, out in sorted(run_forked(lambda word: word.encode(), ["a", "bc"], 2))]
[(0, b'a'), (1, b'bc')]

A child may have more to do once its items are delivered (``then``: the
reading workers write the cache's entries then, while the parent builds the
graph on the other core); the parent need not wait for it (``left``), and
waits for it later (:func:`wait_for`).
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import struct
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import TypeVar

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["PIPE_SIZE", "can_fork", "fork_child", "read_exactly", "run_forked", "send", "wait_for",
           "widen"]

T = TypeVar("T")

#: The bytes a child's pipe of results holds (Linux; elsewhere, or over the user's limit,
#: the system's default, often 64 KiB): a child is some results ahead of the parent
#: instead of waiting, in the middle of each (a contract's part is about 100 KB), for
#: the parent to read (docs/performance.md, session 16). Also the pipes to Graphviz.
PIPE_SIZE = 1 << 20
#: An item's number, in the pipe to a child.
_TASK = struct.Struct("<I")
#: A result's head, in the pipe from a child: the item's number and the length of its bytes.
_FRAME = struct.Struct("<IQ")
#: The items a child holds at a time: the one it works on, and the next (so it need not
#: wait for the parent, which may be busy with a result, between two).
AHEAD = 2


def can_fork(*, other_threads: bool = False) -> bool:
    """Whether a fork can be used here: the system has it (Linux, macOS), and no other
    thread runs in this process (a fork copies only the calling thread; a lock another
    thread held would stay locked in the child).

    ``other_threads=True`` allows other threads on Linux: CPython sets up its own locks
    again in the child and glibc those of its allocator, so a child that runs only
    dinnet's code and exits holds no lock of theirs; a notebook's kernel always runs
    threads, and its loads read on every core, as the ``fork`` of ``multiprocessing``
    let them before session 13. Not on macOS, whose system libraries are not safe to
    fork with threads.

    >>> can_fork(other_threads=True) >= can_fork()
    True
    """
    if not (hasattr(os, "fork") and sys.platform in ("linux", "darwin")):
        return False
    return threading.active_count() == 1 or (other_threads and sys.platform == "linux")


def widen(fd: int) -> None:
    """Make the pipe of ``fd`` hold :data:`PIPE_SIZE` bytes where the system allows it.

    >>> read, write = os.pipe()
    >>> widen(write)
    >>> not hasattr(fcntl, "F_GETPIPE_SZ") or fcntl.fcntl(read, fcntl.F_GETPIPE_SZ) >= PIPE_SIZE
    True
    >>> os.close(read); os.close(write)
    """
    if fcntl is None or not hasattr(fcntl, "F_SETPIPE_SZ"):
        return  # pragma: no cover - not Linux
    with contextlib.suppress(OSError):  # over the user's limit: the default size
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_SIZE)


def fork_child(work: Callable[[int], object]) -> tuple[int, int] | None:
    """Fork a child that runs ``work(write end of a pipe)`` and exits: status 0 when
    ``work`` returned, 1 when it raised (it never returns into the caller's code, and
    leaves Ctrl-C to this process). Here: ``(pid, read end)``, or None when no pipe or
    no child could be made (the caller then does the work itself). The caller closes
    the read end and waits for the child. The pipe holds :data:`PIPE_SIZE` bytes where
    the system allows it (:func:`widen`)."""
    try:
        read, write = os.pipe()
    except OSError:
        return None
    widen(write)
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


def run_forked(work: Callable[[T], bytes], items: Sequence[T], children: int, *,
               then: Callable[[], object] | None = None, left: list[int] | None = None
               ) -> Generator[tuple[int, bytes | bytearray], None, None]:
    """``(i, work(items[i]))`` for every item, as the results come, worked out by
    ``children`` forked children.

    The items are handed out in their order (put the largest first, so that
    the children end at about the same time), each to the first child with
    room for it (:data:`AHEAD`). The parent runs no thread: it waits for the
    children's pipes with :mod:`selectors`, and between two results does what
    the caller does with them.

    A child that ends before it delivered its items (it was killed, or
    ``work`` raised there: it then exits with status 1, quietly), or sends
    something that is not the result it owes, is stopped, and the items it
    had run here, by ``work`` (a bug in it then raises here, with its
    traceback); where no child can be made, everything runs here. The
    children leave Ctrl-C to this process; when the caller stops early (an
    exception, Ctrl-C, closing the iterator) they are killed; either way
    they are waited for, before this ends.

    Parameters
    ----------
    work : callable
        One item's result, as bytes; run in a child (or here).
    items : sequence
        The items; the children see them as they were at the fork.
    children : int
        The children to fork (at most one per item). Call this only where
        :func:`can_fork` says yes.
    then : callable, optional
        Called once in every process that made items, when it has made its
        last: in a child after it delivered it (and closed its pipe of
        results), here after the last result when items were made here.
    left : list, optional
        When given, a child that delivered every item is not waited for (it
        may still be busy with ``then``): its pid goes into ``left``, and the
        caller waits for it with :func:`wait_for`. Children that fail, or that
        are stopped early, are waited for here as always.

    Yields
    ------
    tuple of int and bytes
        The item's place in ``items`` and its result (a ``bytearray`` when it
        came from a child).
    """
    pending = iter(range(len(items)))
    here: deque[int] = deque()  # the items of children that failed
    kids: list[_Child] = []
    finished = made_here = False
    selector = None
    try:
        for _ in range(min(children, len(items))):
            kid = _Child.start(work, items, kids, then)
            if kid is None:
                break
            kids.append(kid)
            for _ in range(AHEAD):  # it starts while the next is forked
                kid.give(pending)
        selector = selectors.DefaultSelector()
        for kid in kids:
            selector.register(kid.results, selectors.EVENT_READ, kid)
        while selector.get_map():
            for key, _ in selector.select():
                kid = key.data
                delivered, ended = kid.receive()
                for i, result in delivered:
                    kid.give(pending)  # its next item first: it works while this one is used
                    yield i, result
                if ended:
                    selector.unregister(kid.results)
                    here.extend(kid.stop(left))
                while here:  # a failed child's items, before anything else
                    i = here.popleft()
                    made_here = True
                    yield i, work(items[i])
        for i in pending:  # no child could be made, or every one failed
            made_here = True
            yield i, work(items[i])
        if made_here and then is not None:
            then()
        finished = True
    finally:
        if selector is not None:
            selector.close()
        for kid in kids:
            kid.close(kill=not finished)


class _Child:
    """A forked child working on items, and what the parent knows of it."""

    def __init__(self, pid: int, tasks: int, results: int) -> None:
        self.pid = pid
        self.tasks: int | None = tasks  # the write end of the pipe of item numbers
        self.results = results  # the read end of the pipe of results (not blocking)
        self.owed: deque[int] = deque()  # the items given and not yet delivered, in order
        self.head = bytearray(_FRAME.size)  # the head of the result that comes next
        self.body: bytearray | None = None  # its bytes, once its head came
        self.got = 0  # the bytes of the head, or of the body, that came
        self.running = True

    @classmethod
    def start(cls, work: Callable[[T], bytes], items: Sequence[T], siblings: list[_Child],
              then: Callable[[], object] | None = None) -> _Child | None:
        """Fork a child that runs ``work`` on the items whose numbers it is given (and
        ``then``, once it delivered the last), or None when no pipe or no child could be
        made."""
        try:
            read, write = os.pipe()
        except OSError:
            return None
        # the child closes the children's pipe ends it inherits: held by it, their task
        # pipes would stay open after the parent closed them
        inherited = [write, *(fd for kid in siblings for fd in (kid.tasks, kid.results)
                              if fd is not None and kid.running)]

        def serve(out: int) -> None:
            for fd in inherited:
                os.close(fd)
            while (head := read_exactly(read, _TASK.size)) is not None:
                (i,) = _TASK.unpack(head)
                result = work(items[i])
                send(out, _FRAME.pack(i, len(result)), result)
            if then is not None:
                os.close(out)  # all delivered: the parent goes on
                then()

        child = fork_child(serve)
        os.close(read)
        if child is None:
            os.close(write)
            return None
        pid, results = child
        os.set_blocking(results, False)
        return cls(pid, write, results)

    def give(self, pending: Iterator[int]) -> None:
        """Send the child the next pending item; with none left, close its task pipe (it
        exits once it has delivered what it holds)."""
        if self.tasks is None:
            return
        i = next(pending, None)
        if i is None:
            os.close(self.tasks)
            self.tasks = None
            return
        self.owed.append(i)  # delivered, or run here if the child is gone
        with contextlib.suppress(OSError):  # gone: its pipe of results ends too
            os.write(self.tasks, _TASK.pack(i))  # a few bytes, in a pipe of kilobytes

    def receive(self) -> tuple[list[tuple[int, bytearray]], bool]:
        """The results that came whole, read straight into their buffers until the pipe is
        empty, and whether the child is done: it ended (closed its pipe), or sent what it
        does not owe."""
        whole: list[tuple[int, bytearray]] = []
        while True:
            into = self.head if self.body is None else self.body
            if self.got < len(into):
                try:
                    n = os.readv(self.results, [memoryview(into)[self.got:]])
                except BlockingIOError:
                    return whole, False
                except OSError:
                    return whole, True
                if n == 0:
                    return whole, True
                self.got += n
                if self.got < len(into):
                    continue
            self.got = 0
            if self.body is None:
                i, length = _FRAME.unpack(self.head)
                if not self.owed or i != self.owed[0]:
                    return whole, True
                self.body = bytearray(length)
            else:
                whole.append((self.owed.popleft(), self.body))
                self.body = None

    def stop(self, left: list[int] | None = None) -> deque[int]:
        """Stop a child that is done (or failed): the items it still owes. One that owes
        none is left to finish when ``left`` is given (its pid goes there)."""
        self.close(kill=bool(self.owed), left=None if self.owed else left)
        owed, self.owed = self.owed, deque()
        return owed

    def close(self, *, kill: bool, left: list[int] | None = None) -> None:
        """Close the pipes, kill the child if asked, and wait for it (once), or put its
        pid in ``left`` to wait for later."""
        if not self.running:
            return
        self.running = False
        for fd in (self.tasks, self.results):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.tasks = None
        if left is not None:
            left.append(self.pid)
            return
        if kill:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def wait_for(pids: list[int], *, kill: bool = False) -> None:
    """Wait for the children ``pids`` (that :func:`run_forked` left), killed first when
    ``kill``; the list is emptied.

    >>> pid, pipe = fork_child(lambda out: None)
    >>> os.close(pipe)
    >>> left = [pid]
    >>> wait_for(left)
    >>> left
    []
    """
    for pid in pids:
        if kill:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    pids.clear()


def send(fd: int, *parts: bytes | bytearray) -> None:
    """Write ``parts`` whole to ``fd`` (a pipe takes part of a long write at a time).

    >>> read, write = os.pipe()
    >>> send(write, b"he", b"", b"llo"); os.close(write)
    >>> bytes(read_exactly(read, 5)), read_exactly(read, 1)
    (b'hello', None)
    >>> os.close(read)
    """
    views = [memoryview(part) for part in parts if part]
    while views:
        n = os.writev(fd, views)
        while views and n >= len(views[0]):
            n -= len(views.pop(0))
        if views:
            views[0] = views[0][n:]


def read_exactly(fd: int, size: int) -> bytearray | None:
    """The next ``size`` bytes from ``fd`` (read straight into one buffer), or None when
    it ends first."""
    data = bytearray(size)
    view = memoryview(data)
    got = 0
    while got < size:
        n = os.readv(fd, [view[got:]])
        if n == 0:
            return None
        got += n
    return data
