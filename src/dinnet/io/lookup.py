"""Looking many files up in the cache, with a forked copy of this process doing the legwork.

Loading from the cache, per file, means: read the file, take the SHA-256 of
its bytes, read the entry kept for that digest, check it (its key, and the
SHA-256 of its payload), and unpack the payload into the contract's part of
the graph. The unpacking makes the objects this process needs; everything
before it only decides *which* bytes to unpack. With many files
(:data:`FORK_MIN_FILES`) and a second CPU, :func:`looked_up` forks once and
lets the child do the legwork in the order of the files, sending each
file's digest and checked payload through a pipe, while this process
unpacks what has come so far. At 3,400 files a load and audit from the
cache took 6.0-6.5 s instead of 6.8-7.0 s (``docs/performance.md``,
session 11).

The child reads the same files with the same code, so what it sends is what
this process would have found; it is our own fork, writing into a pipe that
only it and we hold. If it fails for any reason (ends early, sends
something that is not a whole record), the files it did not deliver are
looked up here. Forking is used only where it is safe, as for the audit
(:mod:`dinnet.audit.split`): the ``fork`` system call, and no other thread
in the process.

>>> from pathlib import Path
>>> from dinnet.io.cache import Cache
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     cache = Cache(tmp)
...     files = [Path("tests/assets/minimal.yaml"), Path("no such file.yaml")]
...     cache.put(content_digest(file_bytes(files[0]) or b""), {"kept": 1})
...     [(digest is not None, payload) for digest, payload, _ in looked_up(files, cache, 2)]
[(True, b'\\x81\\xa4kept\\x01'), (False, None)]
"""

from __future__ import annotations

import contextlib
import os
import signal
import struct
from collections.abc import Iterator, Sequence
from pathlib import Path

from .._forking import can_fork, fork_child, read_exactly, send
from ..errors import ContractError
from .cache import Cache, content_digest
from .yamlread import read_bytes

__all__ = ["FORK_MIN_FILES", "file_bytes", "looked_up"]

#: Fewer files are looked up here alone (a fork costs a few milliseconds; a file saves
#: about a fifth of one).
FORK_MIN_FILES = 64
#: A record per file, in the order of the files: its place, whether it was read (1) or
#: not (0), its SHA-256 in hex, and the length of the payload that follows (0: no entry).
_RECORD = struct.Struct("<IB64sI")


def file_bytes(path: Path) -> bytes | None:
    """A regular file's bytes to look up, or None (a stream, too large, unreadable:
    reading it again reports why)."""
    if str(path) == "-" or not os.path.isfile(path):
        return None
    try:
        return read_bytes(path)
    except ContractError:
        return None


def looked_up(files: Sequence[Path], cache: Cache, jobs: int
              ) -> Iterator[tuple[str | None, bytes | bytearray | None, bytes | None]]:
    """Per file, in order: ``(digest, payload, raw)``: the SHA-256 of its bytes (None when
    it cannot be read as a regular file), the checked payload of its cache entry (None:
    no usable entry), and its bytes when they were read here (else None).

    Parameters
    ----------
    files : sequence of Path
        The files to look up.
    cache : Cache
        Where to look.
    jobs : int
        The processes this may use: with 2 or more (and enough files, and forking
        safe) the lookups are done by a forked child.
    """
    child = _fork(files, cache) if _forks(len(files), jobs) else None
    done = 0
    if child is not None:
        pid, pipe = child
        try:
            for digest, payload in _records(pipe, len(files)):
                yield digest, payload, None
                done += 1
        finally:
            os.close(pipe)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)  # done, or stopped early: it has nothing left to do
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
    for path in files[done:]:  # all of them, or what the child did not deliver
        yield _look(path, cache)


def _look(path: Path, cache: Cache) -> tuple[str | None, bytes | None, bytes | None]:
    """One file looked up: ``(digest, payload, raw)`` as :func:`looked_up` gives them."""
    raw = file_bytes(path)
    digest = content_digest(raw) if raw is not None else None
    return digest, cache.payload(digest) if digest is not None else None, raw


def _forks(count: int, jobs: int) -> bool:
    """Whether ``count`` lookups are worth a child, and forking is safe here."""
    return jobs >= 2 and count >= FORK_MIN_FILES and can_fork()


def _fork(files: Sequence[Path], cache: Cache) -> tuple[int, int] | None:
    """Start the child that looks every file up and writes a record for each to a pipe:
    ``(pid, read end)``, or None when it could not start (the lookups are then done here)."""
    def work(write: int) -> None:
        for place, path in enumerate(files):
            digest, payload, _ = _look(path, cache)
            head = _RECORD.pack(place, digest is not None, (digest or "").encode("ascii"),
                                len(payload) if payload is not None else 0)
            send(write, head, payload or b"")

    return fork_child(work)


def _records(pipe: int, count: int) -> Iterator[tuple[str | None, bytearray | None]]:
    """The child's records, in order, until ``count`` came or the pipe ended early."""
    for place in range(count):
        head = read_exactly(pipe, _RECORD.size)
        if head is None:
            return
        at, read, digest, length = _RECORD.unpack(head)
        if at != place:
            return
        payload = read_exactly(pipe, length) if length else None
        if length and payload is None:
            return
        yield (digest.decode("ascii") if read else None), payload
