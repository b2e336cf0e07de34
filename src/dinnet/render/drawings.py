"""A cache of drawings that cannot hurt: what ``dot`` made of one exact DOT text.

A region's report runs ``dot`` some 150-400 times, and a DIN takes up to a
second of ``dot``'s time; the next report of the same contracts asks for
the same drawings again. :class:`Drawings` keeps ``dot``'s output keyed by

* the SHA-256 of the DOT text, byte for byte, and the output format;
* the ``dot`` that drew it: its version line (``dot -V``) and its drawing
  of a small probe whose text sizes depend on the fonts it finds, so
  another Graphviz, other plugins or other fonts never meet an old entry
  (:meth:`Drawings.fingerprint`).

What is kept is ``dot``'s output as it came, before dinnet edits it
(:func:`dinnet.render.render` edits a kept drawing the same way), so a
change to dinnet's own code never needs new entries. An entry is data: a
header, the key again, the SHA-256 of the drawing and the drawing
(zlib-compressed); an entry that is cut short, corrupt or for another key
is ignored and drawn again. A report also never trusts the SVG it gets: it
parses it and writes it again element by element
(:func:`dinnet.report.svg.inline_svg`). Entries are written to a temporary
file and renamed; a folder that cannot be written just means no cache.

The entries live in ``drawings/`` of dinnet's cache folder
(:func:`dinnet.io.cache.default_folder`); ``dinnet cache clear`` removes
them too, and :meth:`Drawings.prune` keeps the folder under
:data:`MOST_BYTES`, the least recently used going first.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     drawings = Drawings(tmp)
...     drawings.put("digraph { a }", "svg", b"<svg/>")
...     drawings.get("digraph { a }", "svg"), drawings.get("digraph { b }", "svg")
(b'<svg/>', None)
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import subprocess
import zlib
from pathlib import Path

from ..io.cache import entry_files, remove_entries, replace_atomically

__all__ = ["MOST_BYTES", "Drawings"]

#: The first bytes of every entry; raised when the layout of an entry changes.
MAGIC = b"dinnet-drawing 1\n"
#: The folder under the cache folder, and the suffix of an entry's file.
SUBFOLDER = "drawings"
_SUFFIX = ".zdot"
#: :meth:`Drawings.prune` keeps the entries under this many bytes (compressed).
MOST_BYTES = 256 * 1024 * 1024

#: No drawing is larger than this: an entry that unpacks to more is not used.
_LARGEST = 256 * 1024 * 1024

#: Drawn once per ``dot`` to tell its fonts apart: every text style a DIN uses.
_PROBE = ('digraph probe { node [fontname=Helvetica shape=box] '
          'a [label=<Almeloërs <B>Visie</B> <I>gedeeld</I> <FONT POINT-SIZE="8">E21 · 8</FONT> '
          '<FONT POINT-SIZE="13">Hoofdopgaven</FONT>>] }')


@functools.cache
def _dot_fingerprint(executable: str) -> str | None:
    """``dot -V`` and the probe drawn by ``executable``, hashed; None when it cannot run."""
    try:
        version = subprocess.run([executable, "-V"], capture_output=True, timeout=30, check=True)
        probe = subprocess.run([executable, "-Tsvg"], input=_PROBE.encode("utf-8"),
                               capture_output=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return hashlib.sha256(version.stderr + version.stdout + b"\0" + probe.stdout).hexdigest()


class Drawings:
    """``dot``'s drawings of DOT texts, kept in ``folder/drawings``.

    Parameters
    ----------
    folder : str or Path
        dinnet's cache folder (``DINNET_CACHE_DIR``, ``--cache-dir``).
    executable : str
        The ``dot`` program whose drawings these are.
    """

    def __init__(self, folder: str | Path, executable: str = "dot") -> None:
        self.root = Path(folder) / SUBFOLDER
        self.executable = executable

    @property
    def fingerprint(self) -> str | None:
        """What tells this ``dot`` (version, plugins, fonts) from another; None: no ``dot``.

        Worked out once per process; ask for it before starting worker
        processes, so that they inherit it.
        """
        return _dot_fingerprint(self.executable)

    def key(self, text: str, format: str) -> str | None:
        """The key of the drawing of ``text`` in ``format``; None when ``dot`` cannot run."""
        fingerprint = self.fingerprint
        if fingerprint is None:
            return None
        h = hashlib.sha256(f"{fingerprint}\0{format}\0".encode("ascii"))
        h.update(text.encode("utf-8"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / (key[2:] + _SUFFIX)

    def get(self, text: str, format: str) -> bytes | None:
        """``dot``'s output for ``text`` in ``format`` as kept, or None."""
        key = self.key(text, format)
        if key is None:
            return None
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        drawing = _unpacked(raw, key)
        if drawing is not None:
            with contextlib.suppress(OSError):
                os.utime(path)  # recently used: pruned last
        return drawing

    def put(self, text: str, format: str, drawing: bytes) -> None:
        """Keep ``drawing``, ``dot``'s output for ``text`` in ``format``; errors are ignored."""
        key = self.key(text, format)
        if key is None:
            return
        entry = b"".join([MAGIC, key.encode("ascii"), b"\n",
                          hashlib.sha256(drawing).hexdigest().encode("ascii"), b"\n",
                          zlib.compress(drawing, 1)])
        target = self._path(key)
        with contextlib.suppress(OSError):
            target.parent.mkdir(parents=True, exist_ok=True)
            replace_atomically(target, entry)

    def entries(self) -> list[Path]:
        """Every entry file in the folder."""
        return entry_files(self.root, _SUFFIX)

    def size(self) -> int:
        """The bytes the entries take."""
        total = 0
        for path in self.entries():
            with contextlib.suppress(OSError):
                total += path.stat().st_size
        return total

    def prune(self, most: int = MOST_BYTES) -> int:
        """Remove the least recently used entries until they take at most ``most`` bytes;
        the number removed."""
        found = []
        for path in self.entries():
            with contextlib.suppress(OSError):
                st = path.stat()
                found.append((st.st_mtime, st.st_size, path))
        total = sum(size for _, size, _ in found)
        removed = 0
        for _, size, path in sorted(found):
            if total <= most:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
            total -= size
        return removed

    def clear(self) -> int:
        """Remove every entry (and nothing else); the number removed."""
        return remove_entries(self.root, _SUFFIX)


def _unpacked(raw: bytes, key: str) -> bytes | None:
    """The drawing of an entry, if its header, key and checksum check out; else None."""
    head = MAGIC + key.encode("ascii") + b"\n"
    if not raw.startswith(head):
        return None
    checksum, sep, packed = raw[len(head):].partition(b"\n")
    if not sep:
        return None
    inflate = zlib.decompressobj()
    try:
        drawing = inflate.decompress(packed, _LARGEST)
    except zlib.error:
        return None
    if inflate.unconsumed_tail or not inflate.eof:  # larger than any drawing, or cut short
        return None
    if hashlib.sha256(drawing).hexdigest().encode("ascii") != checksum:
        return None
    return drawing
