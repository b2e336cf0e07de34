"""dinnet: the Doelen-Inspanningen-Netwerk of Dutch municipal programme contracts.

Load contracts into a graph, ask it questions, draw it.

>>> import dinnet
>>> G = dinnet.load()
>>> sorted(n for n, d in G.nodes(data=True) if d["kind"] == "programme")[:2]
['binnenstad', 'duurzaamheid']
>>> findings = dinnet.audit(G)   # the function (the module stays importable as dinnet.audit)
>>> sorted({f.severity for f in findings})
['error', 'info', 'warning']
"""

# Rebinds the name dinnet.audit to the function; `from dinnet.audit import ...` still works.
from .audit import audit
from .errors import (
    ContractError,
    DinnetError,
    GraphvizError,
    GraphvizMissingError,
    NodeNotFoundError,
    OutputError,
    Problem,
)
from .export import to_json, to_node_link
from .graph import EDGE_KINDS, NODE_KINDS, build_graph
from .loading import bundled_data_path, load, read_contract
from .model import Contract

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
    "audit",
    "build_graph",
    "bundled_data_path",
    "load",
    "read_contract",
    "to_json",
    "to_node_link",
]
