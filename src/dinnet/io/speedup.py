"""The hot modules of reading a contract, compiled to C, when built from their very text.

Reading a contract file is the quick reader (:mod:`~dinnet.io.yamlfast`),
the reference checks (:mod:`dinnet.contract.references`) and the contract's
part of the graph (:func:`dinnet.graph.contract_fragment`); all three are
plain Python that mypyc (part of mypy) can compile. ``make test`` (and
``python tools/compile_speedups.py``, which needs mypy and a C compiler)
compiles a copy of each into this package (:data:`COMPILED`): the same
code, reading a contract in 0.65 of a bare PyYAML parse instead of 0.92,
and a first load and audit of many files in about a sixth less time
(docs/performance.md, session 12). A copy holds the SHA-256 of the text it
was made from (``COMPILED_FROM``), and :func:`compiled` gives it only while
that is the SHA-256 of the module's file as it is now: an edit is never
hidden by an old build. Without a build (a wheel, a platform without a
compiler), or with a stale one, the Python module runs: the same results
(the tests compare the two), only slower.

>>> from dinnet.io import yamlfast
>>> quick(yamlfast).read("a: 1\\n")[0]
{'a': 1}
>>> quick(yamlfast) in (yamlfast, compiled(yamlfast))
True
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path
from types import ModuleType

__all__ = ["COMPILED", "compiled", "quick", "source_digest"]

#: The modules that are compiled, each with the name of its compiled copy (a module of this
#: package, ``dinnet/io/_<name>_compiled.*.so``).
COMPILED = {
    "dinnet.io.yamlfast": "dinnet.io._yamlfast_compiled",
    "dinnet.contract.references": "dinnet.io._references_compiled",
    "dinnet.graph": "dinnet.io._graph_compiled",
}


def source_digest(module: ModuleType) -> str | None:
    """The SHA-256 of ``module``'s file as it is now (None when it cannot be read)."""
    try:
        return hashlib.sha256(Path(str(module.__file__)).read_bytes()).hexdigest()
    except OSError:
        return None


def compiled(module: ModuleType) -> ModuleType | None:
    """The compiled copy of ``module`` when it was built from ``module``'s file as it is now,
    else None."""
    try:
        copy = importlib.import_module(COMPILED[module.__name__])
    except ImportError:
        return None
    made_from = getattr(copy, "COMPILED_FROM", None)
    return copy if made_from is not None and made_from == source_digest(module) else None


def quick(module: ModuleType) -> ModuleType:
    """The form of ``module`` to run: :func:`compiled` when there is one, else ``module``."""
    return compiled(module) or module
