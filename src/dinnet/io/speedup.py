"""The hot modules of reading a contract, compiled to C, when built from their very text.

Reading a contract file is the quick reader (:mod:`~dinnet.io.yamlfast`),
the reference checks (:mod:`dinnet.contract.references`) and the contract's
part of the graph (:func:`dinnet.graph.contract_fragment`); all three are
plain Python that mypyc (part of mypy) can compile. ``make test`` (and
``python tools/compile_speedups.py``, which needs mypy and a C compiler)
compiles a copy of each into this package (:data:`COMPILED`): the same
code, reading a contract in 0.65 of a bare PyYAML parse instead of 0.92,
and a first load and audit of many files in a tenth to a sixth less time
(docs/performance.md, session 12). A copy holds the SHA-256 of the text it
was made from (``COMPILED_FROM``): the module's own and those of the
dinnet modules it imports (:data:`COMPILED`), whose annotations the
compiled code checks too. :func:`compiled` gives a copy only while that is
the SHA-256 of those files as they are now: an edit is never hidden by an
old build. Without a build (a wheel, a platform without a
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

#: The modules that are compiled: the name of each one's compiled copy (a module of this
#: package, ``dinnet/io/_<name>_compiled.*.so``) and the dinnet modules it imports (also
#: for type checking only: mypyc reads their annotations).
COMPILED: dict[str, tuple[str, tuple[str, ...]]] = {
    "dinnet.io.yamlfast": ("dinnet.io._yamlfast_compiled",
                           ("dinnet.io.yamlread", "dinnet.io.yamlnodes")),
    "dinnet.contract.references": ("dinnet.io._references_compiled",
                                   ("dinnet.glossary", "dinnet.contract.similar",
                                    "dinnet.contract.model")),
    "dinnet.graph": ("dinnet.io._graph_compiled",
                     ("dinnet.contract.references", "dinnet.contract.model")),
}
#: The folder of the dinnet package (the modules a copy depends on are read from it, never
#: imported).
_PACKAGE = Path(__file__).resolve().parents[1]


def source_digest(module: ModuleType) -> str | None:
    """The SHA-256 of ``module``'s file and those of the modules it imports (:data:`COMPILED`)
    as they are now, each after its name and length; None when one cannot be read.

    >>> from dinnet.io import yamlfast
    >>> len(source_digest(yamlfast))
    64
    """
    files = [Path(str(module.__file__))] + [
        _PACKAGE.joinpath(*name.split(".")[1:]).with_suffix(".py")
        for name in COMPILED[module.__name__][1]]
    digest = hashlib.sha256()
    try:
        for path in files:
            text = path.read_bytes()
            digest.update(f"{path.name} {len(text)}\n".encode())
            digest.update(text)
    except OSError:
        return None
    return digest.hexdigest()


def compiled(module: ModuleType) -> ModuleType | None:
    """The compiled copy of ``module`` when it was built from the files of
    :func:`source_digest` as they are now, else None."""
    try:
        copy = importlib.import_module(COMPILED[module.__name__][0])
    except ImportError:
        return None
    made_from = getattr(copy, "COMPILED_FROM", None)
    return copy if made_from is not None and made_from == source_digest(module) else None


def quick(module: ModuleType) -> ModuleType:
    """The form of ``module`` to run: :func:`compiled` when there is one, else ``module``."""
    return compiled(module) or module
