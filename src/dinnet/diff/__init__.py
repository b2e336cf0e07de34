"""What changed between two versions of a data set: compare (:mod:`.compare` and the
small modules it puts together), say it in words (:mod:`.wording`, :mod:`.formats`), draw it.

>>> from dinnet.diff import diff_graphs
>>> import dinnet
>>> G = dinnet.load("tests/assets/minimal.yaml")
>>> diff_graphs(G, G)
[]
"""

from .compare import Change, diff_graphs, format_json, format_text

__all__ = ["Change", "diff_graphs", "format_json", "format_text"]
