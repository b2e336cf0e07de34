"""The two versions to compare, loaded: contract files or folders, or two measurements files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

__all__ = ["load_versions"]


def load_versions(old: str | Path, new: str | Path, *, contracts: Iterable[str | Path] = ()
                  ) -> tuple[nx.MultiDiGraph, nx.MultiDiGraph]:
    """The graphs of two versions: contract files or folders, or two measurements files.

    Two measurements files (``2024.measurements.yaml``, ``2025.measurements.yaml``) are
    each attached to the same contracts: ``contracts`` (files or folders), by default the
    folder of ``new``. The measurements files found there are left out, so the two graphs
    differ in the two sets only.
    """
    from ..io.loading import load
    from ..io.measurements import is_measurements_file, with_measurements

    if is_measurements_file(old) and is_measurements_file(new):
        base = load(*(list(contracts) or [Path(new).parent]))
        return with_measurements(base, [old]), with_measurements(base, [new])
    return load(old), load(new)
