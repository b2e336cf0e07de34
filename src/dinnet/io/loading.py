"""Load contract files into a graph, with errors that point at file, line and column.

>>> G = load()                       # the bundled Almelo 2019 data set
>>> G.nodes["zorg:SD3"]["kind"], G.nodes["zorg:SD3"]["level"]
('goal', 'strategic')
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import pydantic
import yaml

from ..contract.explain import describe_value, loc_path, validation_message
from ..contract.model import Contract, Index
from ..contract.references import Issue, Loc, check_contract
from ..contract.similar import Suggester
from ..errors import (
    ContractError,
    DinnetError,
    Problem,
    UnknownReferenceError,
    ValidationError,
    one_line,
)
from ..glossary import Message, message
from ..graph import build_graph, location_key, node_id
from .measurements import (
    attach_measurements,
    is_measurements_file,
    measurement_files,
    read_measurement_files,
)
from .yamlread import construct, locate, parse_text, read_text

__all__ = ["LoadError", "bundled_data_path", "contract_files", "load", "load_contracts", "read_contract"]

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
        if str(raw) == "-":
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


def _parse(path: Path) -> tuple[Any, Any, str]:
    file = str(path)
    text = read_text(path)
    root = parse_text(text, file)
    return root, construct(root, file, text), file


def read_contract(path: str | Path) -> Loaded:
    """Read and check one contract file; raise :class:`ContractError` with all its problems."""
    root, data, file = _parse(Path(path))
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
    external = tuple(
        (ext.programme, ext.local, ext.kinds, _located(root, file, ext.loc, "", severity="warning"))
        for ext in checked.external
    )
    return Loaded(contract, file, external, checked.kinds, locate(root, ("programme", "id")),
                  _locations(root, contract, file))


_ELEMENTS = ("goals", "indicators", "tracks", "efforts", "results", "projects", "stakeholders")


def _where(file: str, node: Any) -> tuple[str, int, int]:
    return file, node.start_mark.line + 1, node.start_mark.column + 1


def _items(node: Any) -> dict[str, Any]:
    """The values of a YAML mapping node by key (nothing for other nodes)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): v for k, v in node.value}


def _elements(node: Any, pid: str, file: str, found: dict[str, tuple[str, int, int]]) -> None:
    """Every mapping with an ``id`` in ``node`` (nested ones too), by node id."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _elements(item, pid, file, found)
    elif isinstance(node, yaml.MappingNode):
        fields = _items(node)
        if isinstance(fields.get("id"), yaml.ScalarNode):
            found.setdefault(node_id(pid, str(fields["id"].value)), _where(file, node))
        for key, value in fields.items():
            if key != "id":
                _elements(value, pid, file, found)


def _locations(root: Any, contract: Contract, file: str) -> dict[str, tuple[str, int, int]]:
    """Where each element (by node id) and each table, relation and gap stands in the YAML."""
    pid = contract.programme.id
    top = _items(root)
    found = {pid: _where(file, top.get("programme", root))}
    if contract.vision is not None and "vision" in top:
        found[node_id(pid, contract.vision.id)] = _where(file, top["vision"])
    for section in _ELEMENTS:
        _elements(top.get(section), pid, file, found)
    for section in ("budgets", "capacity"):
        for table, node in zip(getattr(contract, section), _sequence(top.get(section)),
                               strict=False):
            found.setdefault(location_key(pid, "table", table.id), _where(file, node))
    for relation, node in zip(contract.relations, _sequence(top.get("relations")), strict=False):
        found.setdefault(location_key(pid, "relation", relation.programme), _where(file, node))
    for n, node in enumerate(_sequence(top.get("not_in_text"))):
        found[location_key(pid, "not_in_text", n)] = _where(file, node)
    return found


def _sequence(node: Any) -> list[Any]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


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


def read_index(path: str | Path) -> Index:
    """Read a data set's ``index.yaml``."""
    root, data, file = _parse(Path(path))
    try:
        return Index.model_validate(data)
    except pydantic.ValidationError as exc:
        raise ValidationError(_validation_problems(root, file, exc)) from None


# -- many files ----------------------------------------------------------------------------


#: ``progress(done, total)``: called after every file (see :class:`dinnet.cli.progress.ProgressBar`).
Progress = Callable[[int, int], None]


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading.

    Loading allocates millions of small objects that all stay alive (node
    trees, models, the graph) and makes no reference cycles, so the
    collector's passes over the growing heap find nothing; they cost up to
    three times the work of loading itself. Reference counting still frees
    everything as usual; the collector is switched back on afterwards.

    The objects made meanwhile (millions for a national data set) would all
    sit in the youngest generation, and the next collections would walk
    them three times over (young, middle, old) in whatever the caller does
    next. ``freeze`` + ``unfreeze`` moves them to the oldest generation in
    one step instead; this is skipped when the program froze objects itself.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


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


def load_contracts(*paths: str | Path, progress: Progress | None = None
                   ) -> tuple[list[Loaded], list[Index], list[Problem]]:
    """Read every file; return contracts, indexes and warnings, or raise with all errors.

    ``progress``, when given, is called as ``progress(done, total)`` after
    every file (the command line passes a :class:`~dinnet.cli.progress.ProgressBar`).
    """
    files = [f for f in contract_files(paths or (bundled_data_path(),))
             if not is_measurements_file(f)]  # read by load(), beside the contracts
    if not files:
        raise DinnetError.of(message("error.no_yaml", paths=[str(p) for p in paths]))
    with _gc_paused():
        return _load_files(files, progress)


def _load_files(files: list[Path], progress: Progress | None
                ) -> tuple[list[Loaded], list[Index], list[Problem]]:
    loaded: list[Loaded] = []
    indexes: list[Index] = []
    errors: list[Problem] = []
    failures: list[ContractError] = []
    for item in _read_all(files, progress):
        if isinstance(item, ContractError):
            failures.append(item)
            errors.extend(item.problems)
        elif isinstance(item, Index):
            indexes.append(item)
        else:
            loaded.append(item)
    seen: dict[str, Loaded] = {}
    for item in loaded:
        pid = item.contract.programme.id
        if pid in seen:
            first = seen[pid]
            errors.append(_problem(item.file, *item.id_at, "programme.id",
                                   message("load.programme_twice", pid=pid,
                                           file=one_line(first.file), line=first.id_at[0],
                                           column=first.id_at[1])))
        seen.setdefault(pid, item)
    if len(failures) == 1 and len(errors) == len(failures[0].problems):
        raise failures[0]
    if errors:
        raise LoadError(errors)
    warnings = _external_warnings(loaded)
    return loaded, indexes, warnings


def _external_warnings(loaded: list[Loaded]) -> list[Problem]:
    kinds = {item.contract.programme.id: item.kinds for item in loaded}
    suggesters: dict[tuple[str, tuple[str, ...]], Suggester] = {}
    problems: list[Problem] = []
    for item in loaded:
        for prog, local, wanted, where in item.external:
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
    """``; did you mean 'X'?`` in either language (a look-alike character named in English)."""
    close, suggestion = suggester.closest(local), suggester.suggest(local)
    if close is None or suggestion is None:
        return ""
    if suggestion == f"did you mean '{close}'?":
        return message("load.did_you_mean", close=close)
    return f"; {suggestion}"


def _with(p: Problem, said: Message | str, severity: str) -> Problem:
    return _problem(p.file, p.line, p.column, p.path, said, severity)


def load(*paths: str | Path, progress: Progress | None = None) -> nx.MultiDiGraph:
    """Load contract files or folders into one graph (no argument: the bundled data).

    Raises :class:`~dinnet.errors.ContractError` listing every problem of every file.
    Unresolved references into programmes that are not loaded are kept in
    ``G.graph["unresolved"]`` as warnings. ``progress`` is as for
    :func:`load_contracts`.
    """
    with _gc_paused():
        loaded, indexes, warnings = load_contracts(*paths, progress=progress)
        G = build_graph([item.contract for item in loaded], indexes=indexes)
    G.graph["files"] = {item.contract.programme.id: item.file for item in loaded}
    # lists, not tuples: the graph's attributes survive a JSON round trip unchanged
    G.graph["locations"] = {key: list(where) for item in loaded
                            for key, where in item.locations.items()}
    G.graph["warnings"] = [str(w) for w in warnings]
    attach_measurements(G, read_measurement_files(measurement_files(paths)))
    return G
