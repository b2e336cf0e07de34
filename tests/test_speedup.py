"""The compiled copies of the hot modules of reading (:mod:`dinnet.io.speedup`): used only
when built from their module's text as it is now, and giving what the modules give.

tests/test_yamlfast.py runs every test of the quick reader on both forms; here every file
of the repository and sixty generated contracts are read with the compiled reference
checks and fragment and with the Python ones, and the parts (or errors) compared. ``make
test`` builds the copies and sets ``DINNET_EXPECT_COMPILED``, so that a build that went
missing fails here instead of leaving the comparisons with nothing to compare.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import importlib.util
import os
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest

from dinnet import graph
from dinnet.contract import references
from dinnet.errors import ContractError
from dinnet.io import loading, speedup, yamlfast
from dinnet.io.cache import pack

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(p for folder in ("data", "examples", "tests/assets")
               for p in (ROOT / folder).rglob("*.y*ml"))
MODULES = [importlib.import_module(name) for name in speedup.COMPILED]


def _planted(monkeypatch: pytest.MonkeyPatch, module: types.ModuleType,
             **names: object) -> types.ModuleType:
    """A stand-in for a build of ``module``, with ``names`` in it."""
    copy = types.ModuleType(speedup.COMPILED[module.__name__][0])
    copy.__dict__.update(names)
    monkeypatch.setitem(sys.modules, copy.__name__, copy)
    return copy


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_a_build_of_this_text_is_used(module: types.ModuleType,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    built = _planted(monkeypatch, module, COMPILED_FROM=speedup.source_digest(module))
    assert speedup.compiled(module) is built
    assert speedup.quick(module) is built


@pytest.mark.parametrize("names", [{"COMPILED_FROM": "0" * 64}, {"COMPILED_FROM": None}, {}],
                         ids=["other-text", "none", "no-digest"])
def test_a_build_of_another_text_is_not(names: dict[str, object],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit of the module after the build (or a build that does not say what it was
    built from) leaves the Python module in use."""
    _planted(monkeypatch, yamlfast, **names)
    assert speedup.compiled(yamlfast) is None
    assert speedup.quick(yamlfast) is yamlfast


def test_an_unreadable_source_uses_no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    _planted(monkeypatch, yamlfast, COMPILED_FROM=speedup.source_digest(yamlfast))
    monkeypatch.setattr(yamlfast, "__file__", str(ROOT / "no-such-file.py"))
    assert speedup.source_digest(yamlfast) is None
    assert speedup.compiled(yamlfast) is None


def test_no_build_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, speedup.COMPILED["dinnet.io.yamlfast"][0], None)
    assert speedup.quick(yamlfast) is yamlfast


def test_the_digest_is_that_of_the_module_and_what_it_imports() -> None:
    digest = hashlib.sha256()
    for name in ("io/yamlfast.py", "io/yamlread.py", "io/yamlnodes.py"):
        text = (ROOT / "src/dinnet" / name).read_bytes()
        digest.update(f"{Path(name).name} {len(text)}\n".encode() + text)
    assert speedup.source_digest(yamlfast) == digest.hexdigest()


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_a_copy_depends_on_every_dinnet_module_it_imports(module: types.ModuleType) -> None:
    """An edit of a module the compiled code calls into (whose annotations it checks) makes
    the build stale, so every dinnet module it imports is in its list (also the ones
    imported for type checking only)."""
    package = module.__name__.rpartition(".")[0]
    imported = set()
    for node in ast.walk(ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith(
                "dinnet")):
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
            for alias in node.names:  # a module of the package, or a name in one
                full = f"{base}.{alias.name}"
                is_module = (ROOT / "src" / Path(*full.split("."))).with_suffix(".py").exists()
                imported.add(full if is_module else base)
    assert {n for n in imported if n.startswith("dinnet.")} == set(
        speedup.COMPILED[module.__name__][1])


def test_an_edit_of_an_imported_module_makes_the_build_stale(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _planted(monkeypatch, yamlfast, COMPILED_FROM=speedup.source_digest(yamlfast))
    assert speedup.compiled(yamlfast) is not None
    package = tmp_path / "dinnet"
    (package / "io").mkdir(parents=True)
    for name in ("yamlfast.py", "yamlread.py", "yamlnodes.py"):
        (package / "io" / name).write_bytes((ROOT / "src/dinnet/io" / name).read_bytes())
    monkeypatch.setattr(speedup, "_PACKAGE", package)
    monkeypatch.setattr(yamlfast, "__file__", str(package / "io" / "yamlfast.py"))
    assert speedup.compiled(yamlfast) is not None
    with (package / "io" / "yamlnodes.py").open("a") as fh:
        fh.write("# an edit\n")
    assert speedup.compiled(yamlfast) is None


def test_the_loader_reads_with_the_quick_forms() -> None:
    assert loading.yamlfast is speedup.quick(yamlfast)
    assert loading.check_contract is speedup.quick(references).check_contract
    assert loading.contract_fragment is speedup.quick(graph).contract_fragment


@pytest.mark.skipif(not os.environ.get("DINNET_EXPECT_COMPILED"),
                    reason="only where the build is expected (make test sets it)")
def test_make_test_builds_every_copy() -> None:
    assert all(speedup.compiled(m) is not None for m in MODULES), [
        m.__name__ for m in MODULES if speedup.compiled(m) is None]


def _part(path: Path) -> bytes:
    """``read_part``'s result as MessagePack bytes, or its problems, one per line."""
    try:
        return pack(loading.read_part(path))
    except ContractError as exc:
        return "\n".join(repr(p) for p in exc.problems).encode()


def test_compiled_and_python_read_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        generate_contracts: Callable[[Path, int, int], list[Path]]) -> None:
    """Every file of the repository (errors too) and sixty generated contracts: the same
    parts with the compiled reference checks and fragment as with the Python ones."""
    paths = FILES + generate_contracts(tmp_path, 60, 5)
    quick = [_part(p) for p in paths]
    monkeypatch.setattr(loading, "check_contract", references.check_contract)
    monkeypatch.setattr(loading, "contract_fragment", graph.contract_fragment)
    assert [_part(p) for p in paths] == quick


def _fragments() -> list[dict[str, object]]:
    """Two contracts' fragments: a node of both, links within and between them, a link to
    an id in no fragment, and a relation twice (merged)."""
    return [{"programme": "p", "nodes": ["p", "p:A", "q"], "attrs": [
                {"kind": "programme"}, {"kind": "goal"}, {"kind": "programme", "x": 1}],
             "others": ["q:B", "r:C"], "links": [1, 0], "link_keys": ["serves"],
             "link_attrs": [{"kind": "serves"}], "pending": [1, 3, 1, 4, 0, 2, 0, 2],
             "pending_keys": ["refines", "refines", "depends_on", "depends_on"],
             "pending_attrs": [{"kind": "refines"}, {"kind": "refines"},
                               {"topics": ["a"], "nodes": [], "source": "s:1"},
                               {"topics": ["b"], "nodes": [], "source": "s:2", "text": "t"}]},
            {"programme": "q", "nodes": ["q", "q:B"], "attrs": [{"kind": "programme"},
                                                                {"kind": "goal"}],
             "others": [], "links": [1, 0], "link_keys": ["serves"],
             "link_attrs": [{"kind": "serves"}], "pending": [], "pending_keys": [],
             "pending_attrs": []}]


def test_compiled_and_python_assemble_alike() -> None:
    """The compiled copy of :mod:`dinnet.graph` is truthful beyond ``contract_fragment``:
    its ``assemble`` gives what the module's gives, also where a link's end is in no
    fragment (``_fill`` holds None for its dicts; its annotation said a dict)."""
    def graph_of(module: types.ModuleType) -> tuple[object, ...]:
        G = module.assemble(_fragments())
        return (list(G.nodes(data=True)), list(G.edges(keys=True, data=True)), G.graph)

    expected = graph_of(graph)
    assert expected[2]["unresolved"] == [{"from": "p:A", "to": "r:C", "kind": "refines"}]
    assert graph_of(speedup.quick(graph)) == expected
