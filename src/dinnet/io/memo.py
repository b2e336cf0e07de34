"""Results kept for a whole set of input files: the audit's findings of the same contracts.

A CI job or an analyst runs ``dinnet audit`` over the same repository again
and again, mostly unchanged. The contracts' cache (:mod:`dinnet.io.cache`)
spares reading them; :class:`Memo` spares auditing them: it keeps what was
computed from *all* the files of a run (as plain data), keyed by
(:meth:`Memo.key`)

* every input file, in order: its path as given and the SHA-256 of the bytes
  the result was computed from (the contracts, an index, the measurements
  files);
* what else the result depends on (for the audit: its date);
* dinnet's version and a fingerprint of *all* of dinnet's code
  (:func:`~dinnet.io.cache.code_version`), the versions of Python and
  networkx (whose algorithms the rules use), and the limits of reading.

So another file, another order, another path, another day, another dinnet or
any change to its code never meets an old entry. An entry is stored as the
contracts' entries are (data only, its key repeated, a checksum; anything
odd about it and it is not used), in ``findings/`` of the cache folder, and
the folder keeps at most :data:`MOST_ENTRIES` of them, the least recently
used going first. What the entry holds is checked again by whoever reads it
(:func:`dinnet.audit.plain.findings_from_data`).

>>> import tempfile
>>> files = Memo.digests([Path("tests/assets/minimal.yaml")])
>>> with tempfile.TemporaryDirectory() as tmp:
...     memo = Memo(tmp)
...     key = memo.key(files, "2027-01-01")
...     memo.put(key, [["a finding"]])
...     memo.get(key), memo.get(memo.key(files, "2027-01-02"))
([['a finding']], None)
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from .cache import Cache, code_version, pack

__all__ = ["MOST_ENTRIES", "Memo"]

#: The folder keeps at most this many entries (one per set of inputs and date).
MOST_ENTRIES = 8
#: The sub-folder of the cache folder.
PART = "findings"


class Memo:
    """Results of whole runs, kept in ``folder/findings``.

    Parameters
    ----------
    folder : str or Path
        dinnet's cache folder (``DINNET_CACHE_DIR``, ``--cache-dir``).
    """

    def __init__(self, folder: str | Path) -> None:
        # what the findings are computed with: all of dinnet's code, Python and networkx
        schema = f"{code_version()} python {sys.version_info[:3]} networkx {nx.__version__}"
        self.cache = Cache(folder, part=PART, schema=schema)

    def key(self, files: Iterable[tuple[str, str | None]], *extra: str) -> str | None:
        """The key of a result computed from ``files``, ``(path, SHA-256 of its bytes)``
        in order, and ``extra``; None when a file has no digest (standard input, not read).

        The digests are those of the bytes the result was computed from
        (:func:`~dinnet.io.loading.load`'s ``digests``), so a file that changes
        meanwhile can never give a wrong key.
        """
        h = hashlib.sha256(pack(list(extra)))
        for path, digest in files:
            if digest is None:
                return None
            h.update(pack([path, digest]))
        return h.hexdigest()

    @staticmethod
    def digests(files: Iterable[Path]) -> list[tuple[str, str | None]]:
        """``(path, SHA-256 of its bytes)`` of each of ``files`` (None: cannot be read).

        For inputs read apart from the contracts (measurements): hash them before
        and after computing, and use the key only when nothing changed.
        """
        found: list[tuple[str, str | None]] = []
        for path in files:
            digest = None
            if str(path) != "-" and os.path.isfile(path):
                with contextlib.suppress(OSError), open(path, "rb") as fh:
                    digest = hashlib.file_digest(fh, "sha256").hexdigest()
            found.append((str(path), digest))
        return found

    def get(self, key: str) -> Any:
        """The data kept for ``key``, or None (also for an entry that is not sound)."""
        found = self.cache.get(key)
        if found is not None:
            with contextlib.suppress(OSError):
                os.utime(self.cache.path(key))  # recently used: pruned last
        return found

    def put(self, key: str, data: Any) -> None:
        """Keep ``data`` (plain data) for ``key``, then prune; errors are ignored."""
        self.cache.put(key, data)
        self.prune()

    def prune(self, most: int = MOST_ENTRIES) -> int:
        """Remove the least recently used entries until at most ``most`` are left; the
        number removed."""
        found = []
        for path in self.cache.entries():
            with contextlib.suppress(OSError):
                found.append((path.stat().st_mtime, path))
        removed = 0
        for _, path in sorted(found)[:max(0, len(found) - most)]:
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
        return removed
