"""Possible duplicates (DIN404): the efforts of a block compared label by label.

:func:`dinnet.queries.possible_duplicates` scores two labels once and passes
the verdict to every two efforts that carry them (a generated label recurs in
many programmes), instead of scoring every two efforts of a block. This must
find exactly what comparing every two efforts finds: :func:`_every_pair` below
is that comparison (the function as it was before issue 22), kept as the
reference.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dinnet
from dinnet.graph import nodes_of
from dinnet.queries import DuplicatePair, double_claims, goals_served, possible_duplicates
from dinnet.queries.shared import _STOP, normalise_label, token_sort_ratio


def _every_pair(G: nx.MultiDiGraph, threshold: float = 85.0,
                max_block: int = 50) -> list[DuplicatePair]:
    """The blocks of :func:`possible_duplicates`, and every two efforts of a block scored."""
    labels = {n: normalise_label(G.nodes[n]["label"]) for n in nodes_of(G, "effort")}
    texts = Counter(labels.values())
    words = {text: {w for w in text.split() if len(w) > 3 and w not in _STOP} for text in texts}
    freq: Counter[str] = Counter()
    for text, count in texts.items():
        for w in words[text]:
            freq[w] += count
    rarest = {text: [w for _, w in sorted((freq[w], w) for w in ws)[:2]]
              for text, ws in words.items()}
    blocks: dict[str, list[str]] = defaultdict(list)
    for n, text in labels.items():
        for w in rarest[text]:
            blocks[w].append(n)
    seen: set[tuple[str, str]] = set()
    pairs = []
    for members in blocks.values():
        if len(members) > max_block:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                key = (a, b) if a < b else (b, a)
                if key in seen or G.nodes[a]["programme"] == G.nodes[b]["programme"]:
                    continue
                seen.add(key)
                score = _score_at_least(labels[a], labels[b], threshold)
                if score is not None:
                    pairs.append(DuplicatePair(key[0], key[1], round(score, 1)))
    return sorted(pairs, key=lambda p: (-p.score, p.a, p.b))


def _score_at_least(a: str, b: str, threshold: float) -> float | None:
    """:func:`token_sort_ratio` when ``threshold`` or more, after difflib's two quick bounds."""
    total = len(a) + len(b)
    common = (Counter(" ".join(sorted(a.split()))) & Counter(" ".join(sorted(b.split())))).total()
    if total and (100.0 * (2.0 * min(len(a), len(b)) / total) < threshold
                  or 100.0 * (2.0 * common / total) < threshold):
        return None
    score = token_sort_ratio(a, b)
    return score if score >= threshold else None


@pytest.fixture(scope="module")
def relabelled(generated_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The generated set with some labels copied across programmes, some slightly changed."""
    G = generated_graph.copy()
    efforts = list(nodes_of(G, "effort"))
    for n, (a, b) in enumerate(zip(efforts[::7], efforts[3::11], strict=False)):
        G.nodes[b]["label"] = G.nodes[a]["label"] + ("" if n % 3 else " extra")
    return G


@pytest.mark.parametrize("threshold", [70.0, 85.0])
def test_label_by_label_finds_what_every_pair_finds(
        generated_graph: nx.MultiDiGraph, relabelled: nx.MultiDiGraph, threshold: float) -> None:
    almelo = dinnet.load()
    for G in (almelo, generated_graph, relabelled):
        expected = _every_pair(G, threshold)
        assert possible_duplicates(G, threshold=threshold) == expected
        assert possible_duplicates(G, threshold=threshold,
                                   efforts=list(nodes_of(G, "effort"))) == expected
    assert len(_every_pair(relabelled, threshold)) > len(_every_pair(generated_graph, threshold))


def test_small_blocks_only(relabelled: nx.MultiDiGraph) -> None:
    assert possible_duplicates(relabelled, max_block=3) == _every_pair(relabelled, max_block=3)


def _claims_one_by_one(G: nx.MultiDiGraph) -> dict[str, tuple[str, ...]]:
    """Double claims from :func:`goals_served` of each effort and the goals each indicator
    measures (what :func:`double_claims` did before it remembered each track's goals)."""
    out = {}
    for n, kind in G.nodes(data="kind"):
        if kind == "effort":
            goals = set(goals_served(G, n))
        elif kind == "indicator":
            goals = {v for _, v, k in G.out_edges(n, keys=True) if k == "measures"}
        else:
            continue
        programmes = {G.nodes[g]["programme"] for g in goals}
        if len(programmes) >= 2:
            out[n] = tuple(sorted(programmes))
    return dict(sorted(out.items()))


def test_double_claims_through_tracks(generated_graph: nx.MultiDiGraph) -> None:
    almelo = dinnet.load()
    # a track of one programme serving a goal of another: every effort in it claims both
    almelo.add_edge("zorg:PL1", "duurzaamheid:IIc", key="contributes_to", source="x")
    # an indicator measuring a goal of another programme too
    almelo.add_edge("binnenstad:1a.i1", "duurzaamheid:IIc", key="measures", source="x")
    for G in (almelo, generated_graph):
        expected = _claims_one_by_one(G)
        assert double_claims(G) == expected
        efforts, indicators = (list(nodes_of(G, kind)) for kind in ("effort", "indicator"))
        assert double_claims(G, efforts=efforts, indicators=indicators) == expected
        assert double_claims(G, efforts=efforts) == expected
    assert len(_claims_one_by_one(almelo)) > 1
    assert "binnenstad:1a.i1" in _claims_one_by_one(almelo)


_VOCABULARY = ["wijk", "zorg", "stad", "werk", "groen", "jeugd", "de", "van", "plan", "energie"]


@st.composite
def _efforts(draw: st.DrawFn) -> nx.MultiDiGraph:
    """Efforts of three programmes labelled from a few words: words of equal frequency
    (which of them is rarer is decided by the word), labels that recur, small blocks."""
    G = nx.MultiDiGraph()
    for i in range(draw(st.integers(0, 25))):
        label = " ".join(draw(st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=5)))
        G.add_node(f"p{i % 3}:E{i}", kind="effort", programme=f"p{i % 3}",
                   label=draw(st.sampled_from([label, label.upper(), label + "!"])))
    return G


@settings(max_examples=300, deadline=None)
@given(_efforts(), st.sampled_from([60.0, 85.0]), st.integers(1, 6))
def test_any_labels_find_what_every_pair_finds(G: nx.MultiDiGraph, threshold: float,
                                               max_block: int) -> None:
    assert possible_duplicates(G, threshold=threshold, max_block=max_block) == _every_pair(
        G, threshold, max_block)
