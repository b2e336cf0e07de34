"""dinnet: the Doelen-Inspanningen-Netwerk of Dutch municipal programme contracts.

Load contracts into a graph, ask it questions, draw it.

>>> import dinnet
>>> G = dinnet.load()
>>> sorted(n for n, d in G.nodes(data=True) if d["kind"] == "programme")[:2]
['binnenstad', 'duurzaamheid']
>>> findings = dinnet.run_audit(G)
>>> sorted({f.severity for f in findings})
['error', 'info', 'warning']
"""

import importlib
import importlib.abc
import importlib.machinery
import sys
import warnings
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .errors import (
    ContractError,
    DinnetError,
    GraphvizError,
    GraphvizMissingError,
    NodeNotFoundError,
    OutputError,
    Problem,
)

if TYPE_CHECKING:
    from .audit import run_audit
    from .contract.model import Contract
    from .graph import EDGE_KINDS, NODE_KINDS, build_graph
    from .io.export import to_json, to_node_link
    from .io.loading import bundled_data_path, load, read_contract

__version__ = "0.1.0"

__all__ = [
    "EDGE_KINDS",
    "NODE_KINDS",
    "Contract",
    "ContractError",
    "DinnetError",
    "GraphvizError",
    "GraphvizMissingError",
    "NodeNotFoundError",
    "OutputError",
    "Problem",
    "__version__",
    "build_graph",
    "bundled_data_path",
    "load",
    "read_contract",
    "run_audit",
    "to_json",
    "to_node_link",
]

#: Documented import paths of dinnet 0.1 that moved into the layer folders.
#: Importing an old path still works and warns (DeprecationWarning).
MOVED_MODULES = {
    "dinnet.model": "dinnet.contract.model",
    "dinnet.references": "dinnet.contract.references",
    "dinnet.schema": "dinnet.contract.schema",
    "dinnet.yamlread": "dinnet.io.yamlread",
    "dinnet.yamlwrite": "dinnet.io.yamlwrite",
    "dinnet.loading": "dinnet.io.loading",
    "dinnet.output": "dinnet.io.output",
    "dinnet.scaffold": "dinnet.io.scaffold",
    "dinnet.xlsx": "dinnet.io.xlsx",
    "dinnet.xlsx_import": "dinnet.io.xlsx_import",
    "dinnet.export": "dinnet.io.export",
    "dinnet.frames": "dinnet.io.frames",
    "dinnet.diff_render": "dinnet.diff.draw",
    "dinnet.progress": "dinnet.cli.progress",
    "dinnet.queries.answers": "dinnet.cli.answers",
}


class _MovedModule(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds an old module path and hands out the module at its new place."""

    def find_spec(self, name: str, path: object = None, target: object = None
                  ) -> importlib.machinery.ModuleSpec | None:
        if name not in MOVED_MODULES:
            return None
        return importlib.machinery.ModuleSpec(name, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        new = MOVED_MODULES[module.__name__]
        warnings.warn(f"{module.__name__} moved to {new}; import it from there",
                      DeprecationWarning, stacklevel=2)
        # The import system returns what sys.modules holds after exec_module.
        sys.modules[module.__name__] = importlib.import_module(new)


sys.meta_path.append(_MovedModule())

#: Where each name of the public API lives: imported on first use (PEP 562), so
#: ``import dinnet`` (and every ``dinnet`` command) pays only for what it uses.
_LAZY = {
    "run_audit": "dinnet.audit",
    "Contract": "dinnet.contract.model",
    "EDGE_KINDS": "dinnet.graph",
    "NODE_KINDS": "dinnet.graph",
    "build_graph": "dinnet.graph",
    "to_json": "dinnet.io.export",
    "to_node_link": "dinnet.io.export",
    "bundled_data_path": "dinnet.io.loading",
    "load": "dinnet.io.loading",
    "read_contract": "dinnet.io.loading",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
