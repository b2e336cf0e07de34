"""pandas DataFrame views of a DIN graph and of audit findings (for notebooks).

pandas is an optional extra (``pip install "dinnet[pandas]"``); it is
imported only when a function here is called.

>>> from dinnet import load
>>> G = load()
>>> nodes = nodes_frame(G)
>>> nodes.loc["zorg:SD3", ["kind", "level"]].tolist()
['goal', 'strategic']
>>> nodes_frame(G, kind="effort")["programme"].value_counts().idxmax()
'economie-en-participatie'
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from .._optional import extra
from ..contract.model import GOAL_LEVELS, Contribution, Indicator, Project
from ..graph import EDGE_KINDS, NODE_KINDS

__all__ = ["changes_frame", "edges_frame", "findings_frame", "nodes_frame"]

_FIRST_NODE = ["kind", "programme", "label", "level", "source"]
_FIRST_EDGE = ["from", "to", "kind", "source"]


def _literal(model: Any, field: str) -> tuple[str, ...]:
    """The values a ``Literal[...] | None`` field of a model allows."""
    (literal,) = [a for a in typing.get_args(model.model_fields[field].annotation) if a is not type(None)]
    return typing.get_args(literal)


#: Columns with a fixed vocabulary: (categories, ordered). Ordered ones sort as the DIN reads.
_NODE_CATEGORIES: dict[str, tuple[tuple[str, ...], bool]] = {
    "kind": (NODE_KINDS, False),
    "level": (GOAL_LEVELS, True),
    "role": (_literal(Project, "role"), False),
    "direction": (_literal(Indicator, "direction"), False),
}
_EDGE_CATEGORIES: dict[str, tuple[tuple[str, ...], bool]] = {
    "kind": (EDGE_KINDS, False),
    "strength": (_literal(Contribution, "strength"), True),
}
#: Yes/no columns (nullable: a node of another kind has no value) and whole numbers (years).
_BOOLEANS = ("open", "lijnproject")
_INTEGERS = ("baseline_year",)


def _pandas() -> Any:
    return extra("pandas")


def _typed(frame: Any, categories: Mapping[str, tuple[tuple[str, ...], bool]]) -> Any:
    """``frame`` with categorical, nullable boolean and nullable integer columns.

    An absent value is ``<NA>``: a ``baseline_year`` stays a year (``Int64``,
    not a float), ``open`` a yes/no (``boolean``), ``kind`` one of a known list.
    """
    pd = _pandas()
    for column, (values, ordered) in categories.items():
        if column in frame.columns:
            frame[column] = pd.Categorical(frame[column], categories=list(values), ordered=ordered)
    for column in _BOOLEANS:
        if column in frame.columns:
            frame[column] = pd.array([None if v is None or v != v else bool(v) for v in frame[column]],
                                     dtype="boolean")
    for column in _INTEGERS:
        if column in frame.columns:
            frame[column] = pd.array([None if v is None or v != v else int(v) for v in frame[column]],
                                     dtype="Int64")
    return frame


def _ordered(frame: Any, first: list[str]) -> Any:
    front = [c for c in first if c in frame.columns]
    return frame[front + sorted(c for c in frame.columns if c not in front)]


def nodes_frame(G: nx.MultiDiGraph, *, kind: str | Iterable[str] | None = None) -> Any:
    """One row per node, indexed by node id; columns are the node attributes.

    Parameters
    ----------
    G
        A graph from :func:`dinnet.load`.
    kind
        Keep only nodes of this kind (or kinds): ``"goal"``, ``["effort", "project"]``.

    Returns
    -------
    pandas.DataFrame
        Sorted by id. ``kind``, ``programme``, ``label``, ``level`` and
        ``source`` come first, the other attributes in name order; an
        attribute a node lacks is ``NaN``/``None``/``<NA>``. ``kind``,
        ``level`` (ordered: main < strategic < operational), ``role`` and
        ``direction`` are categorical, ``open`` and ``lijnproject`` nullable
        booleans, ``baseline_year`` a nullable integer.

    Examples
    --------
    >>> from dinnet import load
    >>> df = nodes_frame(load(), kind="goal")
    >>> df.loc[df["programme"] == "zorg", "level"].value_counts().to_dict()
    {'operational': 9, 'strategic': 4, 'main': 2}
    >>> str(nodes_frame(load(), kind="indicator")["baseline_year"].dtype)
    'Int64'

    """
    pd = _pandas()
    kinds = {kind} if isinstance(kind, str) else set(kind) if kind is not None else None
    rows = [{"id": n, **data} for n, data in sorted(G.nodes(data=True))
            if kinds is None or data.get("kind") in kinds]
    frame = pd.DataFrame.from_records(rows, columns=None if rows else ["id", *_FIRST_NODE])
    return _typed(_ordered(frame.set_index("id"), _FIRST_NODE), _NODE_CATEGORIES)


def edges_frame(G: nx.MultiDiGraph, *, kind: str | Iterable[str] | None = None) -> Any:
    """One row per edge: ``from``, ``to``, ``kind``, ``source`` and the other attributes.

    >>> from dinnet import load
    >>> df = edges_frame(load(), kind="contributes_to")
    >>> df[df["from"] == "zorg:PL1"][["to", "kind", "level"]].values.tolist()[0]
    ['zorg:HO1', 'contributes_to', 'track']
    """
    pd = _pandas()
    kinds = {kind} if isinstance(kind, str) else set(kind) if kind is not None else None
    rows = [{"from": u, "to": v, **data, "kind": k}
            for u, v, k, data in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3])
            if kinds is None or k in kinds]
    frame = pd.DataFrame.from_records(rows, columns=None if rows else _FIRST_EDGE)
    return _typed(_ordered(frame, _FIRST_EDGE).reset_index(drop=True), _EDGE_CATEGORIES)


def _record(item: Any) -> dict[str, Any]:
    if hasattr(item, "as_dict"):
        return dict(item.as_dict())
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return dataclasses.asdict(item)
    if isinstance(item, Mapping):
        return dict(item)
    return dict(vars(item))


def findings_frame(findings: Iterable[Any]) -> Any:
    """One row per audit finding (:class:`dinnet.audit.Finding`), in the given order.

    Columns: ``rule``, ``code``, ``severity``, ``programme``, ``node``,
    ``message``, ``source``. ``severity`` is an ordered categorical
    (error > warning > info), so ``sort_values("severity")`` puts errors first.

    >>> from dinnet import load
    >>> from dinnet.audit import run_audit
    >>> df = findings_frame(run_audit(load()))
    >>> list(df.columns)
    ['rule', 'code', 'severity', 'programme', 'node', 'message', 'source']
    >>> (df.groupby("severity", observed=False).size() > 0).all()
    np.True_
    """
    pd = _pandas()
    columns = ["rule", "code", "severity", "programme", "node", "message", "source"]
    frame = pd.DataFrame.from_records([_record(f) for f in findings], columns=columns)
    frame["severity"] = pd.Categorical(frame["severity"], ["error", "warning", "info"],
                                       ordered=True)
    return frame


def changes_frame(changes: Iterable[Any]) -> Any:
    """One row per change of :func:`dinnet.diff.diff_graphs`.

    >>> from dinnet.diff import Change
    >>> changes_frame([Change("removed", "effort", "p:E2", "Bomen")])[["action", "id"]].values.tolist()
    [['removed', 'p:E2']]
    """
    pd = _pandas()
    columns = ["action", "kind", "id", "label", "field", "old", "new", "old_id"]
    return pd.DataFrame.from_records([_record(c) for c in changes], columns=columns)
