"""Files in and out: YAML reading and writing, loading a data set into a graph,
atomic output, skeletons, Excel workbooks, exports and pandas frames.

>>> from dinnet.io import load
>>> G = load("tests/assets/minimal.yaml")
>>> sorted(n for n, d in G.nodes(data=True) if d["kind"] == "programme")
['mini']
"""

from .loading import bundled_data_path, contract_files, load, load_contracts, read_contract
from .output import write_output

__all__ = ["bundled_data_path", "contract_files", "load", "load_contracts", "read_contract",
           "write_output"]
