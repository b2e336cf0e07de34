"""Read measurement files and attach them to the graph, with located errors.

A measurements file (``measurements.yaml``, or any ``NAME.measurements.yaml``)
stands beside the contracts; :func:`dinnet.load` of a folder reads it with
them, and an explicit path to one works too. Every problem is reported at
its file, line and column, all of a file at once, and an unknown indicator,
effort or project with a "did you mean". In the graph:

* ``G.nodes[indicator]["measurements"]``: a tuple of
  :class:`~dinnet.contract.measurements.Measurement` sorted by date, the
  contract's own ``realised`` and ``expected`` values included (citing the
  contract's source), each ``indicator`` as a node id;
* ``G.nodes[effort_or_project]["realisations"]``: a tuple of
  :class:`~dinnet.contract.measurements.Realisation` sorted by date.

>>> import dinnet
>>> G = dinnet.load("examples/zonnedal")
>>> for m in G.nodes["werk-en-inkomen:BBV4"]["measurements"]:
...     print(m.date, m.kind, m.value, m.source)
2022-12-31 realised 702.3 begroting-2024.txt:59-60
2023-12-31 expected 705.0 begroting-2024.txt:59-60
2024-12-31 realised 704.1 Jaarverslag 2024 (fictief), blz. 31
2025-12-31 realised 706.8 Jaarverslag 2025 (fictief), blz. 29
>>> [(r.date.year, r.state) for r in G.nodes["duurzaam-zonnedal:A2"]["realisations"]]
[(2024, 'partly'), (2025, 'not_realised')]
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..contract.explain import describe_value, loc_path, validation_message
from ..contract.references import Loc
from ..contract.similar import Suggester
from ..errors import Problem, UnknownReferenceError, ValidationError, YamlSyntaxError
from ..glossary import Message, message
from .yamlread import construct, locate, parse_text, read_text

if TYPE_CHECKING:  # the models are imported where they are used: a data set without
    # measurements loads from the cache without pydantic
    import pydantic

    from ..contract.measurements import Measurement, MeasurementSet, Realisation

__all__ = [
    "ATTACHED",
    "MeasurementFile",
    "Place",
    "attach_measurements",
    "is_measurements_file",
    "measurement_files",
    "read_measurements",
    "restore_attribute",
    "to_jsonable",
    "with_measurements",
]

#: The name of a data set's measurements file; ``NAME.measurements.yaml`` is one too.
MEASUREMENTS_NAMES = ("measurements.yaml", "measurements.yml")
_SUFFIXES = tuple("." + name for name in MEASUREMENTS_NAMES)


def is_measurements_file(path: str | Path) -> bool:
    """Whether ``path`` names a measurements file (never read as a contract).

    >>> is_measurements_file("zonnedal/measurements.yaml"), is_measurements_file("x/2024.measurements.yml")
    (True, True)
    >>> is_measurements_file("zorg.yaml")
    False
    """
    name = Path(path).name.lower()
    return name in MEASUREMENTS_NAMES or name.endswith(_SUFFIXES)


def measurement_files(paths: Iterable[str | Path]) -> list[Path]:
    """The measurements files among ``paths``: named ones, and those inside folders (sorted)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for top, dirs, names in os.walk(path):
                dirs.sort()
                found.extend(Path(top, n) for n in sorted(names) if is_measurements_file(n))
        elif str(raw) != "-" and is_measurements_file(path):
            found.append(path)
    return found


@dataclass(frozen=True)
class Place:
    """Where something stands in an input: file, line (or row) and column, field path."""

    file: str
    line: int | None
    column: int | None
    path: str

    def problem(self, said: Message | str) -> Problem:
        """An error here (a :class:`~dinnet.errors.Problem`)."""
        return Problem(self.file, self.line, self.column, self.path, str(said), "error",
                       said if isinstance(said, Message) else None)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file


@dataclass(frozen=True)
class MeasurementFile:
    """A measurement set as read, with where each entry's reference stands.

    ``places[("measurements", i)]`` is the place of the i-th measurement's
    ``indicator``; ``places[("realisations", i)]`` that of the i-th
    realisation's ``effort`` or ``project``.
    """

    data: MeasurementSet
    file: str
    places: dict[tuple[str, int], Place]


# -- the graph attributes as JSON (exports) ------------------------------------------------


def to_jsonable(value: Any) -> Any:
    """``json.dumps(..., default=to_jsonable)``: a measurement or realisation as a mapping.

    >>> import json
    >>> from dinnet.contract.measurements import Measurement
    >>> m = Measurement.model_validate({"indicator": "p:I1", "year": 2024, "value": 3, "source": "x"})
    >>> json.dumps(m, default=to_jsonable)  # doctest: +ELLIPSIS
    '{"indicator": "p:I1", "year": 2024, "date": "2024-12-31", "value": 3.0, "kind": "realised", ...}'
    """
    from ..contract.measurements import Measurement, Realisation

    if isinstance(value, Measurement | Realisation):
        return value.model_dump(mode="json")
    return str(value)


def restore_attribute(key: str, value: Any) -> Any:
    """A node attribute read back from JSON: ``measurements`` and ``realisations`` as tuples
    of their models again (as :func:`to_jsonable` wrote them); anything else as it is.

    >>> from dinnet.contract.measurements import Measurement
    >>> m = Measurement.model_validate({"indicator": "p:I1", "year": 2024, "value": 3, "source": "x"})
    >>> restore_attribute("measurements", [to_jsonable(m)]) == (m,)
    True
    """
    if key not in ("measurements", "realisations") or not isinstance(value, list):
        return value
    from ..contract.measurements import Measurement, Realisation

    model: type[Measurement] | type[Realisation] = (Measurement if key == "measurements"
                                                    else Realisation)
    out = []
    for item in value:
        fields = dict(item)
        fields["date"] = dt.date.fromisoformat(fields["date"])
        out.append(model.model_construct(**fields))
    return tuple(out)


# -- reading one file ----------------------------------------------------------------------


def _said(err: Any) -> tuple[Loc, Message | str, bool]:
    """:func:`validation_message`, with "did you mean" among this format's fields."""
    from ..contract.measurements import Measurement, MeasurementSet, Realisation

    loc, said, key = validation_message(err)
    if err["type"] == "extra_forbidden":
        entries: dict[str, type[pydantic.BaseModel]] = {
            "measurements": Measurement, "realisations": Realisation}
        model = entries.get(str(loc[0])) if len(loc) > 2 else MeasurementSet
        fields = list((model or MeasurementSet).model_fields)
        close = difflib.get_close_matches(str(loc[-1]), fields, n=1)
        said = (message("load.unknown_field_close", field=loc[-1], close=close[0]) if close
                else message("load.unknown_field_allowed", field=loc[-1], allowed=fields))
    return loc, said, key


def _place(root: Any, file: str, loc: Loc, key: bool = False) -> Place:
    line, column = locate(root, loc, key=key)
    return Place(file, line, column, loc_path(loc))


def read_measurements(path: str | Path) -> MeasurementFile:
    """Read and validate one measurements file; raise with all its problems, located.

    >>> f = read_measurements("examples/zonnedal/measurements.yaml")
    >>> f.data.title, len(f.data.measurements) > 0, f.places[("measurements", 0)].line
    ('Jaarverslagen 2024 en 2025 (FICTIEF)', True, 13)
    """
    import pydantic

    from ..contract.measurements import MeasurementSet

    file = str(path)
    text = read_text(Path(path))
    try:
        root = parse_text(text, file)
    except YamlSyntaxError as exc:
        if exc.problems[0].said is None or exc.problems[0].said.key != "yaml.empty":
            raise
        root, text = None, ""
    data = construct(root, file, text) if root is not None else None
    if not isinstance(data, dict):
        raise ValidationError([Place(file, 1, 1, "").problem(
            message("meas.not_a_set", got=describe_value(data)))])
    try:
        mset = MeasurementSet.model_validate(data)
    except pydantic.ValidationError as exc:
        problems, seen = [], set()
        errors = exc.errors(include_url=False)
        misspelt = {(*loc[:-1], dict(said.fields)["close"]) for loc, said, _ in map(_said, errors)
                    if isinstance(said, Message) and said.key == "load.unknown_field_close"}
        for err in errors:
            loc, said, key = _said(err)
            if err["type"] == "missing" and (*loc, err["loc"][-1]) in misspelt:
                continue  # a misspelt field is reported once, not also as missing
            if loc not in seen:
                seen.add(loc)
                problems.append(_place(root, file, loc, key).problem(said))
        raise ValidationError(sorted(problems, key=_order)) from None
    places = {("measurements", i): _place(root, file, ("measurements", i, "indicator"))
              for i in range(len(mset.measurements))}
    places |= {("realisations", i): _place(root, file, ("realisations", i, r.element))
               for i, r in enumerate(mset.realisations)}
    return MeasurementFile(mset, file, places)


def _order(p: Problem) -> tuple[int, int, str]:
    return (p.line or 0, p.column or 0, p.path)


# -- attaching to the graph ----------------------------------------------------------------


def _programmes(G: nx.MultiDiGraph) -> list[str]:
    return sorted(n for n, k in G.nodes(data="kind") if k == "programme")


class _Resolver:
    """References of measurement entries to node ids, with located problems."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        self.programmes = _programmes(G)
        self.suggesters: dict[tuple[str, tuple[str, ...]], Suggester] = {}
        self.problems: list[Problem] = []

    def node(self, ref: str, default: str | None, kinds: tuple[str, ...], place: Place) -> str | None:
        if ":" in ref:
            prog, local = ref.split(":", 1)
        elif default is not None:
            prog, local = default, ref
        else:
            self.problems.append(place.problem(message("meas.no_programme", ref=ref)))
            return None
        if prog not in self.programmes:
            close = difflib.get_close_matches(prog, self.programmes, n=1)
            hint = message("load.did_you_mean", close=close[0]) if close else ""
            self.problems.append(place.problem(message(
                "meas.unknown_programme", prog=prog, known=self.programmes or ["-"], hint=hint)))
            return None
        nid = f"{prog}:{local}"
        found = self.G.nodes[nid].get("kind") if nid in self.G else None
        if found in kinds:
            return nid
        if found is not None:
            self.problems.append(place.problem(message(
                "meas.wrong_kind", ref=ref, found_term=found, kinds_terms=list(kinds))))
            return None
        key = (prog, kinds)
        if key not in self.suggesters:
            self.suggesters[key] = Suggester(
                n.split(":", 1)[1] for n, d in self.G.nodes(data=True)
                if d.get("programme") == prog and d.get("kind") in kinds and ":" in n)
        similar = self.suggesters[key].closest(local)
        hint = message("load.did_you_mean", close=similar) if similar else ""
        self.problems.append(place.problem(message(
            "meas.unknown_ref", kinds_terms=list(kinds), local=local, prog=prog, hint=hint)))
        return None


def _own_measurements(nid: str, data: dict[str, Any]) -> tuple[Measurement, ...]:
    """The realised and expected values an indicator's contract gives (its node's attributes)."""
    if not data.get("realised") and not data.get("expected"):
        return ()
    from ..contract.measurements import contract_measurements

    return tuple(contract_measurements(
        nid, data.get("realised") or {}, data.get("expected") or {},
        data.get("approximate") or {}, str(data.get("source"))))


def _contract_place(G: nx.MultiDiGraph, nid: str) -> str:
    where = (G.graph.get("locations") or {}).get(nid)
    return f"{where[0]}:{where[1]}" if where else str(G.nodes[nid].get("source"))


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, str) else str(value)


#: The attribute :func:`attach_measurements` sets, by node kind (what
#: :func:`~dinnet.io.loading.read_part` makes room for).
ATTACHED = {"indicator": "measurements", "effort": "realisations", "project": "realisations"}


def attach_measurements(G: nx.MultiDiGraph, files: Iterable[MeasurementFile]) -> None:
    """Set ``measurements`` on every indicator of ``G`` and ``realisations`` on every effort
    and project (in place): the contract's own values and those of ``files``.

    What a node held under these names before is replaced, so attaching
    other files to a copy of a loaded graph gives the graph of those files.
    Raises :class:`~dinnet.errors.UnknownReferenceError` with every unknown
    reference and every value given twice with two different values (the same
    value twice is kept once), each at its place in its file.
    """
    files = list(files)
    for nid, data in G.nodes(data=True):
        name = ATTACHED.get(data.get("kind"))
        if name == "measurements":
            data[name] = _own_measurements(nid, data)
        elif name is not None:
            data[name] = ()
    if files:
        _attach_files(G, files)
    sets = list(G.graph.get("measurement_sets") or [])
    for mfile in files:
        sets.append({"file": mfile.file, "title": mfile.data.title,
                     "date": mfile.data.date.isoformat() if mfile.data.date else None})
    G.graph["measurement_sets"] = sets


def _attach_files(G: nx.MultiDiGraph, files: list[MeasurementFile]) -> None:
    resolver = _Resolver(G)
    # per node: (date, kind) -> (entry, where it was given: None for the contract)
    values: dict[str, dict[tuple[dt.date, str], tuple[Measurement, Place | None]]] = {}
    states: dict[str, dict[dt.date, tuple[Realisation, Place]]] = {}
    twice: list[Problem] = []

    def given_twice(place: Place, nid: str, date: dt.date, kind: str, first: Place | None,
                    old: Any) -> None:
        twice.append(place.problem(message(
            "meas.twice", node=nid, date=date.isoformat(), kind_phrase=kind,
            first=str(first) if first is not None else _contract_place(G, nid), old=old)))

    for mfile in files:
        default = mfile.data.programme
        for i, m in enumerate(mfile.data.measurements):
            place = mfile.places[("measurements", i)]
            nid = resolver.node(m.indicator, default, ("indicator",), place)
            if nid is None:
                continue
            if nid not in values:
                values[nid] = {(c.date, c.kind): (c, None) for c in G.nodes[nid]["measurements"]}
            first = values[nid].get((m.date, m.kind))
            if first is None:
                values[nid][(m.date, m.kind)] = (m.model_copy(update={"indicator": nid}), place)
            elif (first[0].value, first[0].approximate) != (m.value, m.approximate):
                given_twice(place, nid, m.date, f"chart.{m.kind}", first[1],
                            _shown(first[0].value))
        for i, r in enumerate(mfile.data.realisations):
            place = mfile.places[("realisations", i)]
            nid = resolver.node(r.ref, default, (r.element,), place)
            if nid is None:
                continue
            seen = states.setdefault(nid, {}).get(r.date)
            if seen is None:
                states[nid][r.date] = (r.model_copy(update={r.element: nid}), place)
            elif (seen[0].state, seen[0].explanation) != (r.state, r.explanation):
                given_twice(place, nid, r.date, "meas.state", seen[1], seen[0].state)
    problems = resolver.problems + twice
    if problems:
        raise UnknownReferenceError(sorted(problems, key=lambda p: (p.file, *_order(p))))
    from ..contract.measurements import KINDS

    order = {k: i for i, k in enumerate(KINDS)}
    for nid, by_key in values.items():
        G.nodes[nid]["measurements"] = tuple(sorted(
            (m for m, _ in by_key.values()), key=lambda m: (m.date, order[m.kind], m.source)))
    for nid, by_date in states.items():
        G.nodes[nid]["realisations"] = tuple(r for _, (r, _) in sorted(by_date.items()))


def _read_all(paths: Iterable[str | Path]) -> Iterator[MeasurementFile | ValidationError]:
    for path in paths:
        try:
            yield read_measurements(path)
        except ValidationError as exc:
            yield exc


def read_measurement_files(paths: Iterable[str | Path]) -> list[MeasurementFile]:
    """Read every file; raise with the problems of all of them together."""
    read: list[MeasurementFile] = []
    problems: list[Problem] = []
    for item in _read_all(paths):
        if isinstance(item, ValidationError):
            problems.extend(item.problems)
        else:
            read.append(item)
    if problems:
        raise ValidationError(problems)
    return read


def with_measurements(G: nx.MultiDiGraph, paths: Iterable[str | Path]) -> nx.MultiDiGraph:
    """A copy of ``G`` whose measurements are the contract's own and those of ``paths`` only.

    Used to compare two measurement sets against the same contracts
    (``dinnet diff OLD.measurements.yaml NEW.measurements.yaml``).
    """
    H = G.copy()
    H.graph["measurement_sets"] = []
    attach_measurements(H, read_measurement_files(paths))
    return H
