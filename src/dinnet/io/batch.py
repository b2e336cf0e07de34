"""Reading many files: from the cache where it can, else in worker processes.

:func:`read_many` reads each file with a function of one file and returns
what it returned, in the order of the files, whatever order the work was
done in (workers take the largest files first), so errors come out in a
stable order. A result that is a ``dict``
(a contract read into plain data, :func:`dinnet.io.loading.read_part`) is
what the :class:`~dinnet.io.cache.Cache` keeps, by the file's content
(looked up by :func:`~dinnet.io.lookup.looked_up`, with a forked helper
when there are many files). A cache
without entries (a first run, or just after ``dinnet cache clear``) is not
looked in: reading and hashing every file here only to find nothing cost
a fortieth of a first load of 3,400 files, while the workers waited.

Worker processes pay when there is much to read: they are forked (where that
is safe, :func:`~dinnet._forking.can_fork`) only when the files that are not
in the cache hold at least :data:`POOL_MIN_BYTES`; each sends back its
results as MessagePack (a contract's plain data packs and unpacks about three
times faster than its pydantic model pickles), which this process unpacks
while the workers read on. Otherwise, and with ``jobs=1``, everything
happens in this process, as it always did.

The workers are this process's own forks, fed one file at a time through a
pipe each (:func:`~dinnet._forking.run_forked`), not a
``multiprocessing.Pool``: the Pool's worker-handler thread waits on the
result pipe too, and so polls without sleeping while results wait there;
with the GIL it took from the unpacking, that cost this process 1.4 s of CPU
at 3,400 files, taken from the workers on two cores (``docs/performance.md``,
session 13). A worker that fails (killed, or a bug) leaves its files to this
process, which reads them (a bug then raises here, with its traceback).

Keeping a file's entry in the cache (a file made and renamed: about a
tenth of the reading of a contract) waits, with ``writers``, until a worker
has sent its last result: the worker writes them all then, while this
process builds the graph from the results on one core and the other would
be idle. The caller waits for those workers before it relies on the cache
(:func:`~dinnet._forking.wait_for`).

>>> from pathlib import Path
>>> read_many([Path("tests/assets/minimal.yaml")], lambda path, raw: len(raw or b""),
...           jobs=1, cache=None)
[0]
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import Any

from .._forking import can_fork, run_forked
from ..errors import ContractError
from .cache import Cache, content_digest, pack, unpack, unpacked
from .lookup import file_bytes, looked_up
from .yamlread import MAX_FILE_BYTES, read_bytes

__all__ = ["POOL_MIN_BYTES", "Progress", "default_jobs", "read_many"]

#: ``progress(done, total)``: called after every file.
Progress = Callable[[int, int], None]
#: Worker processes start only when the files to read hold at least this many bytes
#: (about twenty generated contracts: some 0.3 s of reading on one core).
POOL_MIN_BYTES = 1024 * 1024

#: ``read(path, raw)``: one file's result (``raw`` its bytes when already read, else None).
Reader = Callable[[Path, "bytes | None"], Any]


def default_jobs() -> int:
    """The processes a load uses by default: one per CPU this process may run on.

    >>> default_jobs() >= 1
    True
    """
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1  # pragma: no cover - macOS, Windows


def read_many(files: Sequence[Path], read: Reader, *, jobs: int | None = None,
              cache: Cache | None = None, progress: Progress | None = None,
              usable: Callable[[Any], bool] = lambda data: isinstance(data, dict),
              decode: Callable[[bytes | bytearray], Any] = unpack,
              prepare: Callable[[], object] | None = None,
              digests: list[str | None] | None = None,
              writers: list[int] | None = None) -> list[Any]:
    """``read(path, raw)`` of every file, in order; a :class:`ContractError` it raised
    takes the file's place.

    Parameters
    ----------
    files : sequence of Path
        The files (``-`` is standard input, never cached nor sent to a worker).
    read : callable
        Reads one file: ``read(path, raw)``, ``raw`` its bytes when this
        function had to read them already (to look them up), else None.
    jobs : int, optional
        Processes to use (default: :func:`default_jobs`); 1 reads here.
    cache : Cache, optional
        Where results that are ``dict`` are looked up and kept.
    progress : callable, optional
        ``progress(done, total)`` after every file.
    usable : callable, optional
        Whether data from the cache has the shape ``read`` gives (else the file
        is read again); default: any ``dict``.
    decode : callable, optional
        Unpacks a packed result (from the cache, or a worker); a ``ValueError``
        (say, a typed decoder's) means the entry is not used. Default:
        :func:`~dinnet.io.cache.unpack`.
    prepare : callable, optional
        Called once before worker processes start, so that they inherit what it
        sets up instead of each doing it again.
    digests : list, optional
        Gets, per file, the SHA-256 of the very bytes its result was read from
        (None for standard input, or a file that could not be read).
    writers : list, optional
        When given, worker processes keep their results in the cache once they
        have sent the last, and this returns without waiting for them: their
        pids go into ``writers``, for :func:`~dinnet._forking.wait_for`.

    Returns
    -------
    list
        One result (or :class:`ContractError`) per file.
    """
    total = len(files)
    results: list[Any] = [None] * total
    seen: list[str | None] = [None] * total
    done = 0
    todo: list[int] = []
    raws: dict[int, bytes] = {}
    jobs = default_jobs() if jobs is None else jobs
    # a cache without entries is not looked in: every file would be a miss
    found: Iterator[tuple[str | None, bytes | bytearray | None, bytes | None]] = (
        looked_up(files, cache, jobs) if cache is not None and cache.has_entries()
        else iter([(None, None, None)] * total))
    for i, (digest, payload, raw) in enumerate(found):
        hit = unpacked(payload, decode) if payload is not None else None
        if hit is not None and usable(hit):
            results[i] = hit
            seen[i] = digest
            done += 1
            if progress is not None:
                progress(done, total)
        else:
            todo.append(i)
            if raw is not None:
                raws[i] = raw
    workers = _workers(jobs, [files[i] for i in todo])
    if workers > 1:
        raws.clear()  # the workers read the files themselves: no copy of them in every fork
        if prepare is not None:
            prepare()
        pooled = _in_pool(workers, [files[i] for i in todo], read, cache, decode, writers)
        outcomes: Iterator[tuple[int, Any, str | None]] = (
            (todo[j], outcome, digest) for j, outcome, digest in pooled)
    else:
        pooled = None
        outcomes = ((i, *_here(files[i], raws.pop(i, None), read, cache, digests is not None))
                    for i in todo)
    # an error or Ctrl-C here stops the workers at once (not when the traceback goes)
    with contextlib.closing(pooled) if pooled is not None else contextlib.nullcontext():
        for i, outcome, digest in outcomes:
            results[i] = outcome
            seen[i] = digest
            done += 1
            if progress is not None:
                progress(done, total)
    if digests is not None:
        digests[:] = seen
    return results


def _workers(jobs: int, todo: Sequence[Path]) -> int:
    """How many worker processes the files ``todo`` are worth (1: none)."""
    if jobs < 2 or len(todo) < 2:
        return 1
    size = 0
    for path in todo:
        if str(path) == "-" or not os.path.isfile(path):
            return 1  # a stream is read once, here
        with contextlib.suppress(OSError):
            size += min(os.path.getsize(path), MAX_FILE_BYTES)
    if size < POOL_MIN_BYTES:
        return 1
    # a notebook's threads allowed (:func:`~dinnet._forking.can_fork`): its loads use every core
    return min(jobs, len(todo)) if can_fork(other_threads=True) else 1


def _here(path: Path, raw: bytes | None, read: Reader, cache: Cache | None,
          digest: bool = False) -> tuple[Any, str | None]:
    """One file read in this process (and kept in the cache when it is plain data), and
    the digest of its bytes when they were read here and ``cache`` or ``digest`` asks."""
    try:
        if (cache is not None or digest) and raw is None and os.path.isfile(path):
            raw = file_bytes(path)
        result = read(path, raw)
    except ContractError as exc:
        return exc, None
    found = content_digest(raw) if raw is not None else None
    if cache is not None and found is not None and isinstance(result, dict):
        cache.put(found, result)
    return result, found


def _in_pool(workers: int, todo: list[Path], read: Reader, cache: Cache | None,
             decode: Callable[[bytes | bytearray], Any] = unpack,
             writers: list[int] | None = None
             ) -> Generator[tuple[int, Any, str | None], None, None]:
    """``(j, result, digest)`` of each file ``todo[j]``, read by forked workers, as they come.

    The largest files go first, one at a time to whichever worker has room
    (:func:`~dinnet._forking.run_forked`), so that at the end no worker is
    still busy with a large file while the other waits. A worker that fails
    leaves its files to this process. With ``writers``, each worker (and this
    process, for files it read) keeps its entries until its last file.
    """
    order = sorted(range(len(todo)), key=lambda j: -_size(todo[j]))
    held: list[tuple[str, bytes]] | None = None
    then = None
    if cache is not None and writers is not None:
        held = []
        then = functools.partial(_keep_held, cache, held)
    work = functools.partial(_work, read=read, cache=cache, held=held)
    with contextlib.closing(run_forked(work, [todo[j] for j in order], workers, then=then,
                                       left=writers)) as sent:
        for k, result in sent:
            yield (order[k], *_received(result, decode))


def _size(path: Path) -> int:
    with contextlib.suppress(OSError):
        return os.path.getsize(path)
    return 0


#: What a worker sends back: ``_PACKED`` and the digest (64 hex digits) then the packed
#: plain data, or ``_PICKLED`` and ``(result, digest)`` pickled (an error, an index, data
#: MessagePack cannot hold).
_PACKED, _PICKLED = b"m", b"p"


def _work(path: Path, read: Reader, cache: Cache | None,
          held: list[tuple[str, bytes]] | None = None) -> bytes:
    """In a worker: read one file, keep it in the cache (or in ``held``, for
    :func:`_keep_held`), and give what to send back (:func:`_received` takes it apart)."""
    try:
        raw = read_bytes(path)
        result = read(path, raw)
    except ContractError as exc:
        return _pickled(exc, None)
    digest = content_digest(raw)
    if not isinstance(result, dict):
        return _pickled(result, digest)
    try:
        packed = pack(result)
    except (ValueError, TypeError, OverflowError):  # a number MessagePack cannot hold
        return _pickled(result, digest)
    if held is not None:
        held.append((digest, packed))
    elif cache is not None:
        with contextlib.suppress(OSError):
            cache.put_packed(digest, packed)
    return b"".join((_PACKED, digest.encode("ascii"), packed))


def _keep_held(cache: Cache, held: list[tuple[str, bytes]]) -> None:
    """Keep the entries :func:`_work` held in the cache (a folder that cannot be written
    just means no cache)."""
    for digest, packed in held:
        with contextlib.suppress(OSError):
            cache.put_packed(digest, packed)
    held.clear()


def _pickled(result: Any, digest: str | None) -> bytes:
    return _PICKLED + pickle.dumps((result, digest), protocol=pickle.HIGHEST_PROTOCOL)


def _received(sent: bytes | bytearray, decode: Callable[[bytes | bytearray], Any]
              ) -> tuple[Any, str | None]:
    """A worker's result and digest from what :func:`_work` gave: packed data decoded here
    (into this process's objects); the rest unpickled: our own fork's bytes, through a
    pipe only it and we hold (as in :mod:`dinnet.audit.split`), never from a file."""
    body = sent if isinstance(sent, bytearray) else bytearray(sent)  # (bytes: made here)
    kind = body[:1]
    if kind == _PACKED:
        digest = body[1:65].decode("ascii")
        del body[:65]  # a bytearray drops its head without a copy
        try:
            return decode(body), digest
        except ValueError:  # not of the decoder's type (a value it does not know): as it is
            return unpack(body), digest
    del body[:1]
    result, digest = pickle.loads(body)
    return result, digest
