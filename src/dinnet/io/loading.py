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
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import pydantic

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
from ..graph import build_graph
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


def bundled_data_path() -> Path:
    """The folder of the bundled contracts (in the repository or the wheel)."""
    packaged = resources.files("dinnet") / "_data" / "contracts"
    if packaged.is_dir():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parents[3] / "data" / "contracts"
    if repo.is_dir():
        return repo
    raise DinnetError("the bundled data set is missing from this installation; "
                      "reinstall dinnet or pass contract files")


def contract_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into a sorted list of YAML files.

    A path that is not a folder is taken as it is, also when it is not a
    regular file (``<(cat c.yaml)`` gives a pipe such as ``/dev/fd/63``). A
    sub-folder that cannot be read is an error, never skipped.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_yaml_files(path))
        elif path.exists():
            found.append(path)
        else:
            raise DinnetError(f"{path}: no such file or folder")
    return found


def _yaml_files(folder: Path) -> list[Path]:
    def fail(exc: OSError) -> None:
        raise ContractError([Problem(str(exc.filename or folder), None, None, "",
                                     f"cannot read this folder ({exc.strerror or exc}); check "
                                     "its permissions, or leave it out")])

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
            loc, message, _ = validation_message(err)
            if "did you mean '" in message:
                misspelt.add((*loc[:-1], message.rsplit("'", 2)[-2]))
    problems = []
    seen: set[Loc] = set()
    for err in errors:
        loc, message, key = validation_message(err)
        if err["type"] == "missing" and (*loc, err["loc"][-1]) in misspelt:
            continue
        if loc in seen:  # the other branches of a union (number or text): one line is enough
            continue
        seen.add(loc)
        problems.append(_located(root, file, loc, message, key=key))
    return _sorted(problems)


def _located(root: Any, file: str, loc: Loc, message: str, *, key: bool = False,
             severity: str = "error") -> Problem:
    line, column = locate(root, loc, key=key)
    return Problem(file, line, column, loc_path(loc), message, severity)  # type: ignore[arg-type]


def _parse(path: Path) -> tuple[Any, Any, str]:
    file = str(path)
    text = read_text(path)
    root = parse_text(text, file)
    return root, construct(root, file, text), file


def read_contract(path: str | Path) -> Loaded:
    """Read and check one contract file; raise :class:`ContractError` with all its problems."""
    root, data, file = _parse(Path(path))
    if not isinstance(data, dict):
        raise ValidationError([Problem(file, 1, 1, "", f"a contract is a mapping that starts "
                                       f"with 'programme:', not {describe_value(data)}")])
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
    return Loaded(contract, file, external, checked.kinds, locate(root, ("programme", "id")))


def _reference_problems(root: Any, file: str, issues: list[Issue],
                        index_map: dict[str, list[int]] | None = None) -> list[Problem]:
    problems = []
    for issue in issues:
        loc, related = _original(issue.loc, index_map), _original(issue.related, index_map)
        assert loc is not None
        message = issue.message
        if related is not None:
            line, _ = locate(root, related)
            message += f" (first defined at line {line})"
        problems.append(_located(root, file, loc, message))
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
    files = contract_files(paths or (bundled_data_path(),))
    if not files:
        raise DinnetError(f"no .yaml files found in {', '.join(map(str, paths))}")
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
            errors.append(Problem(item.file, *item.id_at, "programme.id",
                                  f"programme id '{pid}' is also used by {one_line(first.file)}:"
                                  f"{first.id_at[0]}:{first.id_at[1]}; give each programme its "
                                  "own id"))
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
                problems.append(_with(where, f"'{prog}:{local}' refers to programme '{prog}', "
                                      "which is not loaded; kept as an unresolved reference",
                                      "warning"))
            elif kinds[prog].get(local) not in wanted:
                key = (prog, wanted)
                if key not in suggesters:
                    suggesters[key] = Suggester(i for i, k in kinds[prog].items() if k in wanted)
                hint = suggesters[key].suggest(local)
                problems.append(_with(where, f"unknown {' or '.join(wanted)} '{local}' in "
                                      f"programme '{prog}'" + (f"; {hint}" if hint else ""),
                                      "error"))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise UnknownReferenceError(errors)
    return problems


def _with(p: Problem, message: str, severity: str) -> Problem:
    return Problem(p.file, p.line, p.column, p.path, message, severity)  # type: ignore[arg-type]


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
    G.graph["warnings"] = [str(w) for w in warnings]
    return G
