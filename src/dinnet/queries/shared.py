"""Shared efforts and stakeholders, and possible duplicates across programmes.

>>> import dinnet
>>> G = dinnet.load("tests/assets/minimal.yaml")
>>> shared_efforts(G)
{}
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import networkx as nx

from ..graph import nodes_of
from ._common import goals_served

__all__ = [
    "DuplicatePair",
    "double_claims",
    "normalise_label",
    "possible_duplicates",
    "shared_efforts",
    "shared_stakeholders",
    "token_sort_ratio",
]

_STOP = frozenset((
    "de", "het", "een", "en", "van", "in", "op", "te", "voor", "met", "aan", "om", "door", "bij",
    "naar", "als", "is", "zijn", "of", "ook", "die", "dat", "dit", "wordt", "worden", "we", "wij",
    "onze", "ons", "er", "over", "uit", "tot", "the", "and", "of", "to",
))

_WORD = re.compile(r"[a-z0-9]+")


def normalise_label(label: str) -> str:
    """Lower case, accents removed, punctuation to spaces, single spaces.

    Parameters
    ----------
    label : str
        Any label.

    Returns
    -------
    str
        The label in a form that compares equal across spellings.

    Examples
    --------
    >>> normalise_label("  Almeloërs: méér   werk! ")
    'almeloers meer werk'
    """
    if label.isascii():  # nothing to decompose or drop: the same words, without the walk
        return " ".join(_WORD.findall(label.lower()))
    text = unicodedata.normalize("NFKD", label)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(_WORD.findall(text))


def token_sort_ratio(a: str, b: str) -> float:
    """How alike two labels are, 0-100, whatever the order of their words.

    The words of each are sorted, then compared by :class:`difflib.SequenceMatcher`
    (``2 * matches / total length``, no junk heuristic): the measure rapidfuzz
    calls ``token_sort_ratio``, with difflib's matching blocks in place of the
    longest common subsequence (equal on alike labels, lower on unlike ones).

    >>> token_sort_ratio("meer groen in de wijk", "in de wijk meer groen")
    100.0
    >>> round(token_sort_ratio("schuldhulpverlening", "schuldhulp verlening"), 1)
    97.4
    >>> token_sort_ratio("fietspad", "zwembad") < 50
    True
    """
    a, b = " ".join(sorted(a.split())), " ".join(sorted(b.split()))
    return 100.0 * difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def shared_efforts(G: nx.MultiDiGraph) -> dict[str, tuple[str, ...]]:
    """Efforts that serve two or more goals, by their own links or their track's: effort -> goals.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.

    Returns
    -------
    dict of str to tuple of str
        Effort id -> the goal ids it serves, sorted by effort.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load()  # the bundled Almelo data
    >>> shared = shared_efforts(G)
    >>> len(shared)
    35
    >>> shared["zorg:E1"]
    ('zorg:HO1', 'zorg:HO2', 'zorg:SD1', 'zorg:SD2', 'zorg:SD3', 'zorg:SD4')
    """
    out = {}
    for n in nodes_of(G, "effort"):
        goals = goals_served(G, n)
        if len(goals) >= 2:
            out[n] = tuple(goals)
    return dict(sorted(out.items()))


def double_claims(G: nx.MultiDiGraph, *, efforts: Iterable[str] | None = None,
                  indicators: Iterable[str] | None = None) -> dict[str, tuple[str, ...]]:
    """Efforts or indicators credited to goals of more than one programme: node -> programmes.

    An effort is credited with the goals it serves itself and through its track
    (:func:`~dinnet.queries.goals_served`).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    efforts, indicators : iterable of str, optional
        The efforts and the indicators of ``G``, when the caller has them at hand (the
        audit's :class:`~dinnet.audit.context.AuditContext`): finding them is a pass
        over every node; default: found here.

    Returns
    -------
    dict of str to tuple of str
        Node id -> programme ids, sorted.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load()  # the bundled Almelo data
    >>> double_claims(G)
    {}
    >>> G.add_edge("zorg:E1", "duurzaamheid:IIc", key="contributes_to", source="x")
    'contributes_to'
    >>> double_claims(G)
    {'zorg:E1': ('duurzaamheid', 'zorg')}
    """
    out = {}
    nodes, succ = G._node, G._succ  # the graph's own dicts: no views per link, no copies
    if efforts is None or indicators is None:
        of_kind: dict[str, list[str]] = {"effort": [], "indicator": []}
        for n, data in nodes.items():
            if data.get("kind") in of_kind:
                of_kind[data["kind"]].append(n)
        efforts = of_kind["effort"] if efforts is None else efforts
        indicators = of_kind["indicator"] if indicators is None else indicators
    tracks: dict[str, set[str]] = {}  # track -> the programmes of the goals it serves
    for n in efforts:  # the programmes of served(succ, nodes, n)
        programmes = set()
        for v, keys in succ[n].items():
            other = nodes[v]
            if "contributes_to" in keys and other["kind"] == "goal":
                programmes.add(other["programme"])
            elif "part_of" in keys and other["kind"] == "track":
                of_track = tracks.get(v)
                if of_track is None:  # each track's goals once, not once per effort
                    of_track = tracks[v] = {
                        nodes[w]["programme"] for w, k in succ[v].items()
                        if "contributes_to" in k and nodes[w]["kind"] == "goal"}
                programmes |= of_track
        if len(programmes) >= 2:
            out[n] = tuple(sorted(programmes))
    for n in indicators:
        links = succ[n]
        if len(links) < 2:  # one goal measured at most: one programme
            continue
        programmes = {nodes[v]["programme"] for v, keys in links.items() if "measures" in keys}
        if len(programmes) >= 2:
            out[n] = tuple(sorted(programmes))
    return dict(sorted(out.items()))


def shared_stakeholders(G: nx.MultiDiGraph) -> dict[str, tuple[str, ...]]:
    """Stakeholders (matched by normalised label) named in more than one programme.

    Returns normalised label -> stakeholder node ids.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.

    Returns
    -------
    dict of str to tuple of str
        Normalised label -> stakeholder ids, sorted.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load()  # the bundled Almelo data
    >>> shared = shared_stakeholders(G)
    >>> len(shared)
    14
    >>> shared["cogas"]
    ('duurzaamheid:cogas', 'nieuwstraatkwartier:cogas')
    """
    groups: dict[str, list[str]] = defaultdict(list)
    for n in nodes_of(G, "stakeholder"):
        groups[normalise_label(G.nodes[n]["label"])].append(n)
    return {
        key: tuple(sorted(ids)) for key, ids in sorted(groups.items())
        if len({G.nodes[i]["programme"] for i in ids}) >= 2
    }


@dataclass(frozen=True)
class DuplicatePair:
    """Two efforts of different programmes with similar labels."""

    a: str
    b: str
    score: float


def possible_duplicates(G: nx.MultiDiGraph, *, threshold: float = 85.0,
                        max_block: int = 50, efforts: Iterable[str] | None = None
                        ) -> list[DuplicatePair]:
    """Efforts of different programmes whose labels look alike (suggestions only).

    Candidates are blocked on their two rarest words (so the work grows
    linearly), then scored by :func:`token_sort_ratio` (0-100).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph.
    threshold : float
        The lowest score reported (0-100).
    max_block : int
        Blocks with more efforts than this are skipped.
    efforts : iterable of str, optional
        The effort ids of ``G`` in graph order, when the caller has them at hand
        (the audit's :class:`~dinnet.audit.context.AuditContext`); default: found here.

    Returns
    -------
    list of DuplicatePair
        Best score first.

    Examples
    --------
    >>> import dinnet
    >>> G = dinnet.load()  # the bundled Almelo data
    >>> possible_duplicates(G)
    []
    >>> G.nodes["zorg:E1"]["label"] = G.nodes["binnenstad:E1"]["label"]
    >>> possible_duplicates(G)
    [DuplicatePair(a='binnenstad:E1', b='zorg:E1', score=100.0)]
    """
    nodes = G._node  # the graph's own dict: no view per node
    ids = list(nodes_of(G, "effort") if efforts is None else efforts)
    raw = [nodes[n]["label"] for n in ids]
    # Each distinct label is normalised and its words weighed once, however many efforts
    # carry it; only the efforts of the blocks compared are looked at one by one.
    counts = Counter(raw)
    normal = {label: normalise_label(label) for label in counts}
    texts: Counter[str] = Counter()
    for label, count in counts.items():
        texts[normal[label]] += count
    words = {text: {w for w in text.split() if len(w) > 3 and w not in _STOP} for text in texts}
    freq: Counter[str] = Counter()
    for text, count in texts.items():
        for w in words[text]:
            freq[w] += count
    # a text's two rarest words, by (frequency, word): ranked once, not compared per text
    rank = {w: i for i, w in enumerate(sorted(freq, key=lambda w: (freq[w], w)))}.__getitem__
    rarest = {text: sorted(ws, key=rank)[:2] for text, ws in words.items()}
    size: Counter[str] = Counter()  # the efforts of each block
    for text, ws in rarest.items():
        for w in ws:
            size[w] += texts[text]
    compared = {text for text, ws in rarest.items() if any(size[w] <= max_block for w in ws)}
    blocks: dict[str, list[str]] = defaultdict(list)  # word -> efforts, in graph order
    labels: dict[str, str] = {}  # effort -> normalised label
    order: dict[str, int] = {}  # effort -> its place in graph order
    looked_at = {label for label, text in normal.items() if text in compared}
    for place in [place for place, label in enumerate(raw) if label in looked_at]:
        n, text = ids[place], normal[raw[place]]
        labels[n], order[n] = text, place
        for w in rarest[text]:
            if size[w] <= max_block:
                blocks[w].append(n)
    found: set[tuple[str, str]] = set()
    scores: dict[tuple[str, str], float] = {}  # the same two labels are scored once
    letters: dict[str, Counter[str]] = {}
    pairs = []
    for members in blocks.values():
        # The efforts of a block by label: two labels are compared once, not once per
        # two efforts that carry them (a label recurs in many programmes). A pair of
        # efforts is scored as (the one first in graph order, the other): difflib's
        # ratio may depend on the order.
        same: dict[str, list[str]] = {}
        for n in members:
            same.setdefault(labels[n], []).append(n)
        group = list(same.items())
        for i, (text_a, of_a) in enumerate(group):
            for text_b, of_b in group[i:]:
                if _bounded_out(text_a, text_b, threshold, letters):
                    continue  # no two efforts with these labels score high enough
                for first, then in _in_order(of_a, of_b, order, text_a == text_b):
                    key = (first, then) if first < then else (then, first)
                    if key in found or nodes[first]["programme"] == nodes[then]["programme"]:
                        continue
                    texts_ab = (labels[first], labels[then])
                    score = scores.get(texts_ab)
                    if score is None:
                        score = scores[texts_ab] = token_sort_ratio(*texts_ab)
                    if score >= threshold:
                        found.add(key)
                        pairs.append(DuplicatePair(key[0], key[1], round(score, 1)))
    return sorted(pairs, key=lambda p: (-p.score, p.a, p.b))


def _in_order(of_a: list[str], of_b: list[str], order: dict[str, int], one_label: bool
              ) -> Iterator[tuple[str, str]]:
    """Each pair of an effort of ``of_a`` and one of ``of_b``, the one first in graph order
    (``order``) first; ``one_label``: the two lists are the same, so each pair once."""
    for a in of_a:
        for b in of_b:
            if one_label and order[a] >= order[b]:
                continue
            yield (a, b) if order[a] < order[b] else (b, a)


def _letters(text: str, letters: dict[str, Counter[str]]) -> Counter[str]:
    """The letters of ``text`` with its words sorted, remembered in ``letters``."""
    got = letters.get(text)
    if got is None:
        got = letters[text] = Counter(" ".join(sorted(text.split())))
    return got


def _bounded_out(a: str, b: str, threshold: float, letters: dict[str, Counter[str]]) -> bool:
    """Whether :func:`token_sort_ratio` of ``a`` and ``b`` (in either order) is surely below
    ``threshold``: two upper bounds of the ratio, difflib's ``real_quick_ratio`` (from the
    lengths) and ``quick_ratio`` (from the letters in common), both symmetric, share its
    denominator; a pair they rule out scores below ``threshold``."""
    total = len(a) + len(b)  # the sorted texts are as long: the same words, single spaces
    return bool(total) and (
        100.0 * (2.0 * min(len(a), len(b)) / total) < threshold
        or 100.0 * (2.0 * (_letters(a, letters) & _letters(b, letters)).total() / total)
        < threshold)
