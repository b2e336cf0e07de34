"""What changed between two versions of a data set: compare, then draw.

>>> from dinnet.diff import diff_graphs
>>> import dinnet
>>> G = dinnet.load("tests/assets/minimal.yaml")
>>> diff_graphs(G, G)
[]
"""

from .compare import Change, diff_graphs, format_json, format_text

__all__ = ["Change", "diff_graphs", "format_json", "format_text"]
