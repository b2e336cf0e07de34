"""Load contract files into a graph, with errors that point at file, line and column.

>>> G = load()                       # the bundled Almelo 2019 data set
>>> G.nodes["zorg:SD3"]["kind"], G.nodes["zorg:SD3"]["level"]
('goal', 'strategic')
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict

import msgspec
import networkx as nx

from .. import graph
from .._forking import wait_for
from ..contract import references
from ..contract.explain import describe_value, loc_path, validation_message
from ..contract.references import Checked, Issue, Loc
from ..contract.similar import Suggester
from ..contract.vocabulary import Direction, GoalLevel, Role, Strength
from ..errors import (
    ContractError,
    DinnetError,
    Problem,
    ProblemLine,
    UnknownReferenceError,
    ValidationError,
    one_line,
)
from ..glossary import Message, message
from ..graph import (
    FIELDS,
    Fragment,
    LinkKind,
    NodeKind,
    assemble,
    collector_paused,
    location_key,
    node_id,
)
from . import speedup, yamlfast, yamlnodes
from .locations import Locations, own_keys
from .measurements import (
    ATTACHED,
    attach_measurements,
    is_measurements_file,
    measurement_files,
    read_measurement_files,
)
from .yamlread import construct, decode_text, locate, parse_text, read_text

if TYPE_CHECKING:  # imported where a file is read: loading from the cache needs no pydantic
    import pydantic

    from ..contract.model import Contract, Index
    from .cache import Cache

__all__ = ["LoadError", "bundled_data_path", "contract_files", "input_files", "load", "load_contracts",
           "read_contract"]

INDEX_NAMES = ("index.yaml", "index.yml")


class LoadError(ContractError):
    """Several files failed; ``problems`` holds all of them."""


@dataclass(frozen=True)
class Loaded:
    """One contract read from disk, with its external references located."""

    contract: Contract
    file: str
    external: tuple[tuple[str, str, tuple[str, ...], Problem], ...]  # (programme, id, kinds, where)
    kinds: dict[str, str]  # local id -> kind, from check_contract
    id_at: tuple[int | None, int | None] = (None, None)  # line and column of programme.id
    locations: dict[str, tuple[str, int, int]] = field(default_factory=dict)


def bundled_data_path() -> Path:
    """The folder of the bundled contracts (in the repository or the wheel)."""
    packaged = resources.files("dinnet") / "_data" / "contracts"
    if packaged.is_dir():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parents[3] / "data" / "contracts"
    if repo.is_dir():
        return repo
    raise DinnetError.of(message("error.no_bundled_data"))


def contract_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into a sorted list of YAML files.

    A path that is not a folder is taken as it is, also when it is not a
    regular file (``<(cat c.yaml)`` gives a pipe such as ``/dev/fd/63``). A
    sub-folder that cannot be read is an error, never skipped. ``-`` is
    standard input.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-" or path.is_file():  # a file: one look at the disk, not two
            found.append(path)
        elif path.is_dir():
            found.extend(_yaml_files(path))
        elif path.exists():
            found.append(path)
        else:
            raise DinnetError.of(message("error.no_path", path=path))
    return found


def _yaml_files(folder: Path) -> list[Path]:
    def fail(exc: OSError) -> None:
        said = message("error.folder_unreadable", reason=exc.strerror or exc)
        raise ContractError([Problem(str(exc.filename or folder), None, None, "", str(said),
                                     said=said)])

    found: list[Path] = []
    for top, dirs, names in os.walk(folder, onerror=fail):
        dirs.sort()
        found.extend(Path(top, n) for n in names if Path(n).suffix in (".yaml", ".yml")
                     and os.path.isfile(os.path.join(top, n)))
    return sorted(found)


# -- reading one file ----------------------------------------------------------------------


def _validation_problems(root: Any, file: str, exc: pydantic.ValidationError) -> list[Problem]:
    """One problem per mistake: a misspelt field is reported once, not also as missing."""
    errors = exc.errors(include_url=False)
    misspelt = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            loc, said, _ = validation_message(err)
            if isinstance(said, Message) and said.key == "load.unknown_field_close":
                misspelt.add((*loc[:-1], dict(said.fields)["close"]))
    problems = []
    seen: set[Loc] = set()
    for err in errors:
        loc, said, key = validation_message(err)
        if err["type"] == "missing" and (*loc, err["loc"][-1]) in misspelt:
            continue
        if loc in seen:  # the other branches of a union (number or text): one line is enough
            continue
        seen.add(loc)
        problems.append(_located(root, file, loc, said, key=key))
    return _sorted(problems)


def _located(root: Any, file: str, loc: Loc, said: Message | str, *, key: bool = False,
             severity: str = "error") -> Problem:
    line, column = locate(root, loc, key=key)
    return _problem(file, line, column, loc_path(loc), said, severity)


def _problem(file: str, line: int | None, column: int | None, path: str, said: Message | str,
             severity: str = "error") -> Problem:
    """A problem whose message is a glossary :class:`Message` (in either language) or English text."""
    translated = said if isinstance(said, Message) else None
    return Problem(file, line, column, path, str(said), severity,  # type: ignore[arg-type]
                   translated)


def _parse(path: Path, raw: bytes | None = None) -> tuple[Any, Any, str]:
    file = str(path)
    text = read_text(path) if raw is None else decode_text(file, raw)
    root = parse_text(text, file)
    return root, construct(root, file, text), file


#: Whether :func:`_checked` tries :mod:`~dinnet.io.yamlfast` first (the tests turn it off
#: to compare).
FAST_READ = True
# The quick reader, the reference checks and the fragment: their compiled copies when
# they were built from the modules' text (:mod:`~dinnet.io.speedup`), else the modules.
yamlfast = speedup.quick(yamlfast)
check_contract: Callable[[Contract], Checked] = speedup.quick(references).check_contract
contract_fragment: Callable[[Contract], Fragment] = speedup.quick(graph).contract_fragment


def _checked(path: Path, raw: bytes | None = None) -> tuple[Any, Contract, Checked, str]:
    """Parse, validate and check one contract (from ``raw``, its bytes, when given).

    The quick reader (:func:`_quick`) goes first; when it cannot read the text, or
    the contract has anything to report, the text is read again with PyYAML, which
    gives every error, warning and location as it always did. ``root`` is the node
    tree of either: both have the same shape and positions.
    """
    import pydantic

    from ..contract.model import Contract

    file = str(path)
    text = read_text(path) if raw is None else decode_text(file, raw)
    quick = _quick(text, file) if FAST_READ else None
    if quick is not None:
        return quick
    root = parse_text(text, file)
    data = construct(root, file, text)
    if not isinstance(data, dict):
        raise ValidationError([_problem(file, 1, 1, "", message("load.not_a_contract",
                                                                 got=describe_value(data)))])
    try:
        contract = Contract.model_validate(data)
    except pydantic.ValidationError as exc:
        problems = _validation_problems(root, file, exc)
        problems += _reference_problems_of_the_rest(root, file, data, exc)
        raise ValidationError(_sorted(problems)) from None
    checked = check_contract(contract)
    if checked.errors:
        raise UnknownReferenceError(_reference_problems(root, file, checked.errors))
    return root, contract, checked, file


def _quick(text: str, file: str) -> tuple[Any, Contract, Checked, str] | None:
    """:func:`_checked`'s result by :func:`~dinnet.io.yamlfast.read`, or None when
    that cannot read the text or anything is wrong with the contract."""
    import pydantic

    from ..contract.model import Contract

    found = yamlfast.read(text)
    if found is None or not isinstance(found[0], dict):
        return None
    data, root = found
    try:
        contract = Contract.model_validate(data)
    except pydantic.ValidationError:
        return None
    checked = check_contract(contract)
    if checked.errors:
        return None
    return root, contract, checked, file


def read_contract(path: str | Path) -> Loaded:
    """Read and check one contract file; raise :class:`ContractError` with all its problems."""
    root, contract, checked, file = _checked(Path(path))
    external = tuple(
        (ext.programme, ext.local, ext.kinds, _located(root, file, ext.loc, "", severity="warning"))
        for ext in checked.external
    )
    return Loaded(contract, file, external, checked.kinds, locate(root, ("programme", "id")),
                  {key: (file, *where) for key, where in _locations(root, contract).items()})


def read_part(path: str | Path, raw: bytes | None = None) -> dict[str, Any]:
    """Read and check one contract file into plain data (what the cache keeps).

    Its part of the graph (:func:`~dinnet.graph.contract_fragment`) and what
    loading needs besides: ``id_at`` (line and column of ``programme.id``),
    ``kinds`` (local id to kind), ``external`` references into other
    programmes (``[programme, id, kinds, line, column, path]``), and the
    ``locations`` keys with their ``positions`` (line and column of each in
    turn, in one list); a key that is one of the part's node ids is given
    by its place in ``nodes`` (as a link's ends are). Nothing in it names
    the file. Raises :class:`ContractError` with all the file's problems.

    >>> part = read_part("tests/assets/minimal.yaml")
    >>> part["programme"], part["id_at"], part["nodes"][:2], part["positions"][:4]
    ('mini', [2, 7], ['mini', 'mini:visie'], [2, 3, 8, 3])
    >>> part["locations"][:3]  # the programme, its vision, its first goal: nodes 0, 1, 2
    [0, 1, 2]
    >>> [key for key in read_part("data/contracts/almelo-2019/zorg.yaml")["locations"]
    ...  if isinstance(key, str)][:2]
    ['zorg#table:B1', 'zorg#table:C1']
    """
    root, contract, checked, _ = _checked(Path(path), raw)
    where = _locations(root, contract)
    fragment = contract_fragment(contract)
    _room_for_measurements(fragment["attrs"])
    at: dict[str, int] = {}
    for i, n in enumerate(fragment["nodes"]):
        at.setdefault(n, i)
    return {
        **fragment,
        "id_at": list(locate(root, ("programme", "id"))),
        "kinds": checked.kinds,
        "external": [[ext.programme, ext.local, list(ext.kinds), *locate(root, ext.loc),
                      loc_path(ext.loc)] for ext in checked.external],
        "locations": [at.get(key, key) for key in where],
        "positions": [n for line_column in where.values() for n in line_column],
    }


def _room_for_measurements(attrs: list[dict[str, Any]]) -> None:
    """Give each indicator's attributes ``measurements`` and each effort's and project's
    ``realisations``, None until :func:`~dinnet.io.measurements.attach_measurements` sets
    them, last, where it would add them. A node's dict unpacked from the cache (or a
    worker) is then made with room for them, instead of made again when they are added:
    at 3,400 contracts that took 0.4 s and 110 MB (docs/performance.md, session 15)."""
    for found in attrs:
        name = ATTACHED.get(found["kind"])
        if name is not None:
            found[name] = None


_ELEMENTS = ("goals", "indicators", "tracks", "efforts", "results", "projects", "stakeholders")


def _where(node: Any) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _kind(node: Any) -> str | None:
    """``"mapping"``, ``"sequence"`` or ``"scalar"``: the kind of a node of PyYAML's tree or of
    :mod:`~dinnet.io.yamlfast`'s (both have ``id``, ``value`` and ``start_mark``); None for
    no node."""
    return getattr(node, "id", None)


def _items(node: Any) -> dict[str, Any]:
    """The values of a YAML mapping node by key (nothing for other nodes)."""
    if _kind(node) != "mapping":
        return {}
    return {str(k.value): v for k, v in node.value}


def _elements(node: Any, pid: str, found: dict[str, tuple[int, int]]) -> None:
    """Every mapping with an ``id`` in ``node`` (nested ones too), by node id.

    Scalars hold no element, so the walk does not step into them (most of a contract).
    :mod:`~dinnet.io.yamlfast`'s tree is walked by :func:`~dinnet.io.yamlfast.keyed`,
    which makes none of the nodes it has not made yet.
    """
    if isinstance(node, yamlnodes.Mapping | yamlnodes.Sequence):
        for text, mapping in yamlfast.keyed(node, "id"):
            found.setdefault(node_id(pid, text), _where(mapping))
    else:
        _walk_elements(node, pid, found)


def _walk_elements(node: Any, pid: str, found: dict[str, tuple[int, int]]) -> None:
    """:func:`_elements` over PyYAML's node tree."""
    kind = _kind(node)
    if kind == "sequence":
        for item in node.value:
            if item.id != "scalar":
                _walk_elements(item, pid, found)
    elif kind == "mapping":
        pairs = node.value
        for key, value in pairs:  # keys are unique (construct refuses a key twice)
            if key.value == "id":
                if value.id == "scalar":
                    found.setdefault(node_id(pid, str(value.value)), _where(node))
                break
        for key, value in pairs:
            if value.id != "scalar" and key.value != "id":
                _walk_elements(value, pid, found)


def _locations(root: Any, contract: Contract) -> dict[str, tuple[int, int]]:
    """Where (line, column) each element (by node id) and each table, relation and gap
    stands in the YAML."""
    pid = contract.programme.id
    top = _items(root)
    found = {pid: _where(top.get("programme", root))}
    if contract.vision is not None and "vision" in top:
        found[node_id(pid, contract.vision.id)] = _where(top["vision"])
    for section in _ELEMENTS:
        _elements(top.get(section), pid, found)
    for section in ("budgets", "capacity"):
        for table, node in zip(getattr(contract, section), _sequence(top.get(section)),
                               strict=False):
            found.setdefault(location_key(pid, "table", table.id), _where(node))
    for relation, node in zip(contract.relations, _sequence(top.get("relations")), strict=False):
        found.setdefault(location_key(pid, "relation", relation.programme), _where(node))
    for n, node in enumerate(_sequence(top.get("not_in_text"))):
        found[location_key(pid, "not_in_text", n)] = _where(node)
    return found


def _sequence(node: Any) -> list[Any]:
    return list(node.value) if _kind(node) == "sequence" else []


def _reference_problems(root: Any, file: str, issues: list[Issue],
                        index_map: dict[str, list[int]] | None = None) -> list[Problem]:
    problems = []
    for issue in issues:
        loc, related = _original(issue.loc, index_map), _original(issue.related, index_map)
        assert loc is not None
        said: Message | str = issue.message
        if related is not None:
            line, _ = locate(root, related)
            said = message("load.first_defined", said=issue.message, line=line)
        problems.append(_located(root, file, loc, said))
    return _sorted(problems)


def _original(loc: Loc | None, index_map: dict[str, list[int]] | None) -> Loc | None:
    """A path in the pruned contract as a path in the file."""
    if loc is None or not index_map or len(loc) < 2 or loc[0] not in index_map:
        return loc
    section, i = loc[0], loc[1]
    assert isinstance(section, str) and isinstance(i, int)
    return (section, index_map[section][i], *loc[2:])


def _ids_in(value: Any) -> set[str]:
    """Every ``id`` inside an element (sub-goals and sub-efforts included)."""
    if isinstance(value, dict):
        found = {str(value["id"])} if isinstance(value.get("id"), str) else set()
        return found.union(*(_ids_in(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_ids_in(v) for v in value))
    return set()


def _reference_problems_of_the_rest(root: Any, file: str, data: dict[str, Any],
                                    exc: pydantic.ValidationError) -> list[Problem]:
    """Check the references of the elements that did validate, so that one run reports
    the bad fields and the dangling references together.

    Elements with field errors are left out (with everything nested in them), and so
    are references to their ids, which would otherwise be reported as unknown.
    """
    import pydantic

    from ..contract.model import Contract

    bad: dict[str, set[int]] = {}
    for err in exc.errors(include_url=False):
        loc = err["loc"]
        if len(loc) < 2 or not isinstance(loc[1], int) or loc[0] not in Contract.model_fields:
            return []  # the programme itself or a whole section is broken: nothing to check
        bad.setdefault(str(loc[0]), set()).add(loc[1])
    pruned = dict(data)
    index_map: dict[str, list[int]] = {}
    dropped: set[str] = set()
    for section, indexes in bad.items():
        items = data.get(section)
        if not isinstance(items, list):
            return []
        index_map[section] = [i for i in range(len(items)) if i not in indexes]
        pruned[section] = [items[i] for i in index_map[section]]
        dropped |= _ids_in([items[i] for i in indexes])
    try:
        contract = Contract.model_validate(pruned)
    except pydantic.ValidationError:
        return []
    issues = [issue for issue in check_contract(contract).errors
              if not (issue.related is None and _refers_to(pruned, issue.loc, dropped))]
    return _reference_problems(root, file, issues, index_map)


def _refers_to(data: Any, loc: Loc, ids: set[str]) -> bool:
    """Whether the reference at ``loc`` names one of ``ids``."""
    value = data
    for part in loc:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return False
    if isinstance(value, dict):
        value = value.get("goal")
    return isinstance(value, str) and value.rsplit(":", 1)[-1] in ids


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0, p.path))


def read_index(path: str | Path, raw: bytes | None = None) -> Index:
    """Read a data set's ``index.yaml`` (from ``raw``, its bytes, when given)."""
    import pydantic

    from ..contract.model import Index

    root, data, file = _parse(Path(path), raw)
    try:
        return Index.model_validate(data)
    except pydantic.ValidationError as exc:
        raise ValidationError(_validation_problems(root, file, exc)) from None


# -- many files ----------------------------------------------------------------------------


#: ``progress(done, total)``: called after every file (see :class:`dinnet.cli.progress.ProgressBar`).
Progress = Callable[[int, int], None]


def _read_one(path: Path) -> Loaded | Index | ContractError:
    try:
        if path.name in INDEX_NAMES:
            return read_index(path)
        return read_contract(path)
    except ContractError as exc:
        return exc


def _read_all(files: list[Path], progress: Progress | None = None
              ) -> Iterator[Loaded | Index | ContractError]:
    total = len(files)
    for done, item in enumerate(map(_read_one, files), 1):
        yield item
        if progress is not None:
            progress(done, total)


def _files(paths: tuple[str | Path, ...]) -> list[Path]:
    """The contract files of ``paths`` (measurement files are read by :func:`load` apart)."""
    files = [f for f in contract_files(paths or (bundled_data_path(),))
             if not is_measurements_file(f)]
    if not files:
        raise DinnetError.of(message("error.no_yaml", paths=[str(p) for p in paths]))
    return files


def input_files(*paths: str | Path) -> list[Path]:
    """Every file :func:`load` reads for ``paths``: the contracts (and indexes), then the
    measurements files.

    >>> [str(p) for p in input_files("tests/assets/minimal.yaml")]
    ['tests/assets/minimal.yaml']
    """
    return _files(paths) + measurement_files(paths)


def load_contracts(*paths: str | Path, progress: Progress | None = None
                   ) -> tuple[list[Loaded], list[Index], list[Problem]]:
    """Read every file; return contracts, indexes and warnings, or raise with all errors.

    ``progress``, when given, is called as ``progress(done, total)`` after
    every file (the command line passes a :class:`~dinnet.cli.progress.ProgressBar`).
    Unlike :func:`load`, this reads every file here (the pydantic models are
    slow to send between processes) and uses no cache.
    """
    files = _files(paths)
    with collector_paused():
        items = list(_read_all(files, progress))
        loaded = [item for item in items if isinstance(item, Loaded)]
        indexes = [item for item in items if not isinstance(item, Loaded | ContractError)]
        records = [(item.contract.programme.id, item.file, item.id_at, item.kinds, item.external)
                   for item in loaded]
        _raise_errors([item for item in items if isinstance(item, ContractError)], records)
        return loaded, indexes, _external_warnings(records)


#: What the checks across files need of each contract: programme id, file, where its
#: id stands, kinds of its ids by local id, references into other programmes.
_Record = tuple[str, str, tuple[int | None, int | None], dict[str, str],
                Iterable[tuple[str, str, tuple[str, ...], Problem]]]


def _raise_errors(failures: list[ContractError], records: Sequence[_Record]) -> None:
    """Raise the problems of the files that failed, and of programmes loaded twice.

    One failed file alone raises its own error; more problems raise a :class:`LoadError`.
    """
    errors = [p for failure in failures for p in failure.problems]
    seen: dict[str, tuple[str, tuple[int | None, int | None]]] = {}
    for pid, file, id_at, _, _ in records:
        if pid in seen:
            first, (line, column) = seen[pid]
            errors.append(_problem(file, *id_at, "programme.id",
                                   message("load.programme_twice", pid=pid, file=one_line(first),
                                           line=line, column=column)))
        seen.setdefault(pid, (file, id_at))
    if len(failures) == 1 and len(errors) == len(failures[0].problems):
        raise failures[0]
    if errors:
        raise LoadError(errors)


def _external_warnings(records: Sequence[_Record]) -> list[Problem]:
    kinds = {pid: kinds for pid, _, _, kinds, _ in records}
    suggesters: dict[tuple[str, tuple[str, ...]], Suggester] = {}
    problems: list[Problem] = []
    for _, _, _, _, external in records:
        for prog, local, wanted, where in external:
            if prog not in kinds:
                problems.append(_with(where, message("load.not_loaded", prog=prog, local=local),
                                      "warning"))
            elif kinds[prog].get(local) not in wanted:
                key = (prog, wanted)
                if key not in suggesters:
                    suggesters[key] = Suggester(i for i, k in kinds[prog].items() if k in wanted)
                problems.append(_with(where, message("load.unknown_in", kinds_terms=list(wanted),
                                                     local=local, prog=prog,
                                                     hint=_hint(suggesters[key], local)),
                                      "error"))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise UnknownReferenceError(errors)
    return problems


def _hint(suggester: Suggester, local: str) -> Message | str:
    """``; did you mean 'X'?`` in either language (perhaps naming look-alike characters)."""
    suggestion = suggester.suggest(local)
    return "" if suggestion is None else message("load.hint", hint=suggestion)


def _with(p: Problem, said: Message | str, severity: str) -> Problem:
    return _problem(p.file, p.line, p.column, p.path, said, severity)


def _validators() -> None:
    """Import the models and build their validators here, before worker processes fork:
    they inherit them instead of each building them (pydantic builds them on first use)."""
    from ..contract.model import Contract, Index

    Contract.model_rebuild()
    Index.model_rebuild()


def _read_any(path: Path, raw: bytes | None) -> dict[str, Any] | Index:
    """One file as :func:`load` reads it (in a worker process, or here)."""
    if path.name in INDEX_NAMES:
        return read_index(path, raw)
    return read_part(path, raw)


#: The level a ``contributes_to`` link is stated at (:func:`~dinnet.graph.contract_fragment`).
#: The part's kinds and a few of its attributes are typed by their closed sets of values
#: (:mod:`dinnet.contract.vocabulary`, the graph's kinds): so typed, each such value unpacks
#: into the one object of its text instead of a new one per node or link: 4 million objects
#: fewer for a national data set, and the memory they took (docs/performance.md, session 15).
LinkLevel = Literal["effort", "result", "track"]


class NodeAttrs(TypedDict, total=False):
    """A node's attributes as :func:`~dinnet.graph.contract_fragment` makes them, every
    kind's (an attribute not named here would be dropped as the part is unpacked: the
    tests compare the graphs loaded with and without the cache, and check the names)."""

    kind: NodeKind
    programme: str
    label: Any
    source: Any
    municipality: Any
    period: Any
    date: Any
    version: Any
    kenmerk: Any
    note: Any
    roles: Any
    roles_source: Any
    budgets: Any
    capacity: Any
    not_in_text: Any
    text: Any
    level: GoalLevel
    open: Any
    unit: Any
    baseline_value: Any
    baseline_year: Any
    baseline_approximate: Any
    baseline_note: Any
    targets: Any
    expected: Any
    realised: Any
    approximate: Any
    data_source: Any
    direction: Direction | None
    track_type: Any
    planning: Any
    track: Any
    budget: Any
    budget_approximate: Any
    budget_text: Any
    role: Role | None
    lijnproject: Any
    measurements: Any
    realisations: Any


class LinkAttrs(TypedDict, total=False):
    """A link's attributes as :func:`~dinnet.graph.contract_fragment` makes them (as for
    :class:`NodeAttrs`)."""

    kind: LinkKind
    source: Any
    inferred: Any
    note: Any
    level: LinkLevel
    strength: Strength | None
    topics: Any
    nodes: Any
    text: Any


class Part(TypedDict):
    """What :func:`read_part` gives, field by field: the types a cache entry is unpacked into
    (:data:`unpack_part` refuses anything else as it unpacks it)."""

    programme: str
    nodes: list[str]
    attrs: list[NodeAttrs]
    others: list[str]
    links: list[int]
    link_keys: list[LinkKind]
    link_attrs: list[LinkAttrs]
    pending: list[int]
    pending_keys: list[LinkKind]
    pending_attrs: list[LinkAttrs]
    id_at: list[int]
    kinds: dict[str, NodeKind]
    external: list[list[Any]]
    locations: list[int | str]
    positions: list[int]


#: A packed part (from the cache or a worker) unpacked, every field of its :class:`Part` type
#: (a number where text should be, a list where a dict should be ...: ``ValueError``).
#: msgspec checks the types in C as it unpacks, about as quickly as it unpacks untyped data.
unpack_part = msgspec.msgpack.Decoder(Part).decode


def _is_part(data: Any) -> bool:
    """Whether cached ``data`` (unpacked by :data:`unpack_part`, so every field of its type)
    fits together as :func:`read_part`'s does (else it is read again).

    Every number that stands for an id is the place of one (a number out of
    range would name the wrong node, or none); lists that go together are
    as long as each other. Checked a list at a time: this runs on every
    part loaded from the cache.
    """
    if not (isinstance(data, dict) and data.keys() == Part.__annotations__.keys()):
        return False
    pid, nodes, locations = data["programme"], data["nodes"], data["locations"]
    names = len(nodes) + len(data["others"])
    if not (len(data["attrs"]) == len(nodes) and len(data["id_at"]) == 2
            and all(len(e) == 6 for e in data["external"])
            and len(data["positions"]) == 2 * len(locations)
            and _places([k for k in locations if k.__class__ is int], len(nodes))
            and own_keys(pid, nodes, [k for k in locations if k.__class__ is str])):
        return False
    for ends_field, (keys, attrs) in FIELDS.items():
        ends = data[ends_field]
        if not (len(ends) == 2 * len(data[keys]) == 2 * len(data[attrs])
                and _places(ends, names)):
            return False
    return True


def _places(numbers: list[int], size: int) -> bool:
    """Whether ``numbers`` are all places in a list of ``size`` items."""
    return not numbers or (min(numbers) >= 0 and max(numbers) < size)


def _externals(file: str, part: dict[str, Any]) -> list[tuple[str, str, tuple[str, ...], Problem]]:
    return [(prog, local, tuple(kinds), Problem(file, line, column, path, "", "warning"))
            for prog, local, kinds, line, column, path in part["external"]]


def _by_place(p: Problem) -> tuple[str, int, int, str]:
    """Problems by file, line and column, whatever the order the files were read in."""
    return p.file, p.line or 0, p.column or 0, str(p)


def load(*paths: str | Path, progress: Progress | None = None, jobs: int | None = None,
         cache: bool | str | Path = True, digests: dict[str, str | None] | None = None
         ) -> nx.MultiDiGraph:
    """Load contract files or folders into one graph (no argument: the bundled data).

    Raises :class:`~dinnet.errors.ContractError` listing every problem of every file.
    Unresolved references into programmes that are not loaded are kept in
    ``G.graph["unresolved"]`` as warnings. ``progress`` is as for
    :func:`load_contracts`.

    Files are read by ``jobs`` processes (default: one per CPU; only when
    there is enough to read, :mod:`dinnet.io.batch`), and a file read before
    comes from the cache (:mod:`dinnet.io.cache`): ``cache`` is True (the
    default folder), False (none) or the folder to use. The graph is the
    same either way. ``digests``, when given, gets the SHA-256 of the bytes
    each contract file was read from, by path, in the order of the files
    (None for standard input): what the graph was made of
    (:mod:`dinnet.io.memo`).

    >>> G = load("tests/assets/minimal.yaml", jobs=1, cache=False)
    >>> G.graph["files"]
    {'mini': 'tests/assets/minimal.yaml'}
    """
    from .cache import Cache, default_folder

    files = _files(paths)
    store = None if cache is False else Cache(default_folder() if cache is True else cache)
    writers: list[int] = []  # workers that keep their files' entries while the graph is built
    try:
        G = _load(paths, files, store, progress, jobs, digests, writers)
    except BaseException as exc:
        wait_for(writers, kill=not isinstance(exc, Exception))  # Ctrl-C: at once
        raise
    wait_for(writers)  # the cache holds every entry when this returns
    return G


def _load(paths: tuple[str | Path, ...], files: list[Path], store: Cache | None,
          progress: Progress | None, jobs: int | None, digests: dict[str, str | None] | None,
          writers: list[int]) -> nx.MultiDiGraph:
    """:func:`load`, the workers that write the cache left in ``writers``."""
    from .batch import read_many

    with collector_paused():
        read: list[str | None] = []
        items = read_many(files, _read_any, jobs=jobs, cache=store, progress=progress,
                          usable=_is_part, decode=unpack_part, prepare=_validators,
                          digests=read if digests is not None else None, writers=writers)
        if digests is not None:
            digests.update(zip(map(str, files), read, strict=True))
        parts = [(str(path), item) for path, item in zip(files, items, strict=True)
                 if isinstance(item, dict)]
        records = [(part["programme"], file, (part["id_at"][0], part["id_at"][1]),
                    part["kinds"], _externals(file, part)) for file, part in parts]
        _raise_errors([item for item in items if isinstance(item, ContractError)], records)
        warnings = _external_warnings(records)
        G = assemble([part for _, part in sorted(parts, key=lambda fp: fp[1]["programme"])],
                     index=[i.model_dump(mode="json") for i in items  # the rest are indexes
                            if not isinstance(i, dict | ContractError)])
        G.graph["files"] = {part["programme"]: file for file, part in parts}
        G.graph["locations"] = Locations(parts)
    G.graph["warnings"] = [ProblemLine(w) for w in sorted(warnings, key=_by_place)]
    attach_measurements(G, read_measurement_files(measurement_files(paths)))
    return G
