"""A cache of read contracts that cannot hurt: data only, checked before it is used.

Reading a contract (parse, validate, check its references, locate its
elements, make its part of the graph) gives plain data: lists, dicts, text
and numbers. :class:`Cache` keeps that data per file, keyed by

* the SHA-256 of the file's bytes,
* dinnet's version, and a fingerprint of the code that reads contracts
  (the sources of ``dinnet.contract``, ``dinnet.graph`` and the readers in
  ``dinnet.io``): the *schema version* (:func:`schema_version`),
* the limits that decide whether a file is read at all (file size, nesting,
  aliases; ``docs/robustness.md``),

so an edited file, another dinnet or another schema never meets an old
entry. An entry is one MessagePack document (never pickle: loading an entry
runs no code, whatever the file holds; :func:`pack` and :func:`unpack`) that repeats its key and the SHA-256
of its payload; an entry that is truncated, corrupt, from another version or
another file, or whose payload does not match its checksum is ignored and
read again from the YAML. Entries are written to a temporary file and
renamed, so runs at the same time never see half an entry. A folder that
cannot be written just means no cache.

The folder is ``DINNET_CACHE_DIR`` if set, else the user's cache folder
(:func:`default_folder`); ``dinnet cache clear`` empties it.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     cache = Cache(tmp)
...     digest = content_digest(b"programme: ...")
...     cache.put(digest, {"programme": "p", "nodes": []})
...     cache.get(digest), cache.get(content_digest(b"other"))
({'programme': 'p', 'nodes': []}, None)
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from . import limits, yamlread

__all__ = ["Cache", "CacheInfo", "code_version", "content_digest", "default_folder",
           "fingerprint", "pack", "schema_version", "unpack", "unpacked"]

#: The layout of an entry; raised when what an entry holds changes shape.
FORMAT = 2
#: The first bytes of every entry.
MAGIC = b"dinnet-cache\n"
#: Entries live in ``<folder>/contracts/<2 hex>/<62 hex>.msgpack``.
_SUBFOLDER = "contracts"
_SUFFIX = ".msgpack"
#: The packages and modules whose code decides what an entry holds.
_SOURCES = ("contract", "graph.py", "io/cache.py", "io/loading.py", "io/yamlread.py",
            "io/yamlfast.py", "io/limits.py")
#: Plain data (dicts, lists, text, numbers, True, False, None) as MessagePack, and back:
#: msgspec's, about twice as quick both ways as the ``msgpack`` package's (docs/performance.md,
#: session 9). Only plain data goes in (a part of the graph, findings): msgspec would also
#: take a date or a set, but they would come back as text and a list
#: (``tests/test_loading_cache.py`` checks that parts hold plain data only).
pack = msgspec.msgpack.Encoder().encode
unpack = msgspec.msgpack.Decoder().decode
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file marks dinnet's cache folder (https://bford.info/cachedir/).\n")


def content_digest(data: bytes) -> str:
    """The SHA-256 of a file's bytes, in hex.

    >>> content_digest(b"")[:16]
    'e3b0c44298fc1c14'
    """
    return hashlib.sha256(data).hexdigest()


def default_folder() -> Path:
    """The cache folder: ``DINNET_CACHE_DIR``, else the user's cache folder.

    ``%LOCALAPPDATA%\\dinnet\\Cache`` on Windows, ``~/Library/Caches/dinnet``
    on macOS, ``$XDG_CACHE_HOME/dinnet`` (``~/.cache/dinnet``) elsewhere.

    >>> import os
    >>> os.environ.get("DINNET_CACHE_DIR") == str(default_folder())  # the tests set it
    True
    """
    given = os.environ.get("DINNET_CACHE_DIR")
    if given:
        return Path(given)
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "dinnet" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "dinnet"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if os.path.isabs(xdg) else home / ".cache") / "dinnet"


@functools.cache
def schema_version() -> str:
    """A fingerprint of the code that reads contracts (model, references, graph, readers).

    Any change to those sources gives another fingerprint, so an entry made by
    other code is never used, also between two commits of the same version.

    >>> len(schema_version())
    16
    """
    return fingerprint(Path(__file__).resolve().parents[1])


@functools.cache
def code_version() -> str:
    """A fingerprint of all of dinnet's code: what decides anything computed from a graph
    (the audit's findings, :mod:`dinnet.io.memo`), not only what a contract reads into.

    >>> len(code_version()), code_version() != schema_version()
    (16, True)
    """
    return fingerprint(Path(__file__).resolve().parents[1], ("",))


def fingerprint(package: Path, sources: tuple[str, ...] = _SOURCES) -> str:
    """The fingerprint of the ``sources`` (files, and folders with every ``.py`` file under
    them) in ``package`` (the ``dinnet`` folder); see :func:`schema_version`."""
    digest = hashlib.sha256()
    for name in sources:
        path = package / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.relative_to(package).as_posix().encode() + b"\0")
            try:
                digest.update(file.read_bytes())
            except OSError:  # no sources (a frozen program): the version alone has to do
                digest.update(b"?")
    return digest.hexdigest()[:16]


@functools.cache
def _version() -> str:
    """dinnet's ``__version__`` (the package is imported by the time a cache is used)."""
    package = sys.modules.get("dinnet")
    version = getattr(package, "__version__", None)
    if isinstance(version, str):
        return version
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:  # pragma: no cover - dinnet.io imported without dinnet
        return installed("dinnet")
    except PackageNotFoundError:  # pragma: no cover
        return "unknown"


def _limits() -> list[int]:
    """The limits in force that decide whether a file is read (``docs/robustness.md``)."""
    return [yamlread.MAX_FILE_BYTES, yamlread.MAX_DEPTH, yamlread.MAX_ELEMENTS,
            yamlread.MAX_ALIAS_RATIO, limits.ALIAS_MAX_CHARS, limits.ALIAS_MAX_RATIO]


@dataclass(frozen=True)
class CacheInfo:
    """What a cache folder holds (``dinnet cache info``)."""

    folder: Path
    entries: int
    bytes: int


class Cache:
    """Entries of read contracts in ``folder`` (made when the first entry is written).

    Parameters
    ----------
    folder : str or Path
        Where the entries are kept.
    part : str
        The sub-folder of ``folder`` for these entries: ``contracts`` (the
        default), or another kind of entry (:mod:`dinnet.io.memo`'s ``findings``).
    schema : str, optional
        The fingerprint of the code that decides what an entry holds (default:
        :func:`schema_version`).
    """

    def __init__(self, folder: str | Path, *, part: str = _SUBFOLDER,
                 schema: str | None = None) -> None:
        self.folder = Path(folder)
        self.part = part
        self.root = self.folder / part  # the folder of these entries
        self.header = {"format": FORMAT, "dinnet": _version(),
                       "schema": schema_version() if schema is None else schema,
                       "limits": _limits()}

    def path(self, digest: str) -> Path:
        """Where the entry of a file with this content digest is kept (under this version)."""
        key = hashlib.sha256(pack([digest, self.header])).hexdigest()
        return self.root / key[:2] / (key[2:] + _SUFFIX)

    def has_entries(self) -> bool:
        """Whether the folder of entries is there (it is made with the first entry, and
        removed by :meth:`clear`); without it every lookup would miss.

        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     cache = Cache(tmp)
        ...     before = cache.has_entries()
        ...     cache.put(content_digest(b"x"), {})
        ...     before, cache.has_entries()
        (False, True)
        """
        return self.root.is_dir()

    def get(self, digest: str) -> Any:
        """The data kept for a file with this content digest, or None.

        None also for an entry that cannot be read, is cut short or corrupt, was
        made by another version or for another file, or fails its checksum.
        """
        payload = self.payload(digest)
        return None if payload is None else unpacked(payload)

    def payload(self, digest: str) -> bytes | None:
        """The payload (a MessagePack document) kept for this content digest, checked as
        :meth:`get` checks it but not unpacked; None as for :meth:`get`.

        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     cache = Cache(tmp)
        ...     cache.put(content_digest(b"x"), [1])
        ...     cache.payload(content_digest(b"x")), cache.payload(content_digest(b"y"))
        (b'\\x91\\x01', None)
        """
        try:
            raw = self.path(digest).read_bytes()
        except OSError:
            return None
        return _payload(raw, digest, self.header)

    def put(self, digest: str, data: Any) -> None:
        """Keep ``data`` (plain data) for a file with this content digest; errors are ignored."""
        with contextlib.suppress(OSError, ValueError, TypeError, OverflowError):
            self.put_packed(digest, pack(data))

    def put_packed(self, digest: str, payload: bytes) -> None:
        """Keep ``payload`` (a MessagePack document) for this digest; raises OSError."""
        entry = MAGIC + pack({**self.header, "content": digest,
                                       "sha256": hashlib.sha256(payload).hexdigest(),
                                       "payload": payload})
        target = self.path(digest)
        if not target.parent.is_dir():
            self._make(target.parent)
        replace_atomically(target, entry)

    def _make(self, folder: Path) -> None:
        new = not self.folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        tag = self.folder / "CACHEDIR.TAG"
        if new or not tag.exists():
            with contextlib.suppress(OSError):
                tag.write_text(_TAG, encoding="ascii")

    def entries(self) -> list[Path]:
        """Every entry file in the folder (of any version)."""
        return entry_files(self.root, _SUFFIX)

    def info(self) -> CacheInfo:
        """How many entries the folder holds and their size."""
        found = self.entries()
        size = 0
        for path in found:
            with contextlib.suppress(OSError):
                size += path.stat().st_size
        return CacheInfo(self.folder, len(found), size)

    def clear(self) -> int:
        """Remove every entry (and nothing else); the number removed.

        Only files named as entries in the entry folders are touched, so a
        ``--cache-dir`` given by mistake loses nothing of its own.
        """
        return remove_entries(self.root, _SUFFIX)


def replace_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file beside it (``.tmp-<name>``,
    which ``clear`` removes when a killed run left it) and a rename, so a reader
    never sees half an entry; raises OSError."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def entry_files(root: Path, suffix: str) -> list[Path]:
    """The entry files under ``root``: ``<2 hex>/<62 hex><suffix>`` (the layout of the
    contracts' entries, the memo's and the report's drawings)."""
    if not root.is_dir():
        return []
    return sorted(p for sub in root.iterdir() if _is_hex(sub.name, 2) and sub.is_dir()
                  for p in sub.iterdir() if _is_entry(p.name, suffix))


def remove_entries(root: Path, suffix: str) -> int:
    """Remove every entry under ``root`` (and the temporary files a killed run left), then
    the folders they leave empty; nothing else. The number of entries removed."""
    removed = 0
    for path in entry_files(root, suffix):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed += 1
    if root.is_dir():
        for sub in root.iterdir():
            if _is_hex(sub.name, 2) and sub.is_dir():
                for tmp in sub.glob(".tmp-*" + suffix):
                    with contextlib.suppress(OSError):
                        tmp.unlink()
                with contextlib.suppress(OSError):
                    sub.rmdir()
        with contextlib.suppress(OSError):
            root.rmdir()
    return removed


def _is_hex(name: str, length: int) -> bool:
    return len(name) == length and all(c in "0123456789abcdef" for c in name)


def _is_entry(name: str, suffix: str) -> bool:
    return name.endswith(suffix) and _is_hex(name[:-len(suffix)], 62)


def unpacked(payload: bytes | bytearray,
             decode: Callable[[bytes | bytearray], Any] = unpack) -> Any:
    """A checked payload unpacked (by ``decode``: :func:`unpack`, or a typed decoder);
    None when it cannot be (not MessagePack, or not of the decoder's type).

    >>> unpacked(pack([1])), unpacked(b"\\xc1")
    ([1], None)
    """
    try:
        return decode(payload)
    except (ValueError, TypeError, RecursionError):  # msgspec's DecodeError is a ValueError
        return None


def _payload(raw: bytes, digest: str, header: dict[str, Any]) -> bytes | None:
    """The payload of an entry, if everything about it checks out; else None."""
    if not raw.startswith(MAGIC):
        return None
    try:
        entry = unpack(memoryview(raw)[len(MAGIC):])
    except (ValueError, TypeError, RecursionError):  # msgspec's DecodeError is a ValueError
        return None
    if not isinstance(entry, dict) or entry.get("content") != digest:
        return None
    if any(entry.get(k) != v for k, v in header.items()):
        return None
    payload = entry.get("payload")
    if not isinstance(payload, bytes) or hashlib.sha256(payload).hexdigest() != entry.get(
            "sha256"):
        return None
    return payload
