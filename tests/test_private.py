"""Private names stay private: no module imports another module's ``_name``, and a
private module (``_common``) is imported only from inside its own package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def private_imports(source: str, name: str, *, package: bool = False) -> list[str]:
    """``line: what`` for every import of a private name or a foreign private module.

    ``name`` is the importing module's dotted name (``package``: it is an ``__init__``).
    """
    package_name = name if package else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            base = package_name.split(".")
            target = ".".join(base[: len(base) - node.level + 1] + ([node.module] if node.module else [])
                              ) if node.level else node.module or ""
            modules = [target]
            names = [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            modules, names = [a.name for a in node.names], []
        else:
            continue
        found += [f"{node.lineno}: {n}" for n in names if n.startswith("_") and not n.startswith("__")]
        for m in modules:
            parts = m.split(".")
            for i, part in enumerate(parts):
                owner = ".".join(parts[:i])
                if part.startswith("_") and not part.startswith("__") and not (
                        name == owner or name.startswith(owner + ".")):
                    found.append(f"{node.lineno}: {m}")
    return sorted(set(found))


FILES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_private_import_across_modules(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert private_imports(source, module_name(path), package=path.name == "__init__.py") == []


def test_the_check_sees_a_private_import() -> None:
    source = ("from .loading import _message\nfrom ..queries._common import reach\n"
              "from .._optional import optional\nimport dinnet.render._example\n"
              "from ._common import reach\n")
    assert private_imports(source, "dinnet.io.xlsx_import") == [
        "1: _message", "2: dinnet.queries._common", "4: dinnet.render._example"]
    assert private_imports(source, "dinnet.queries.shared") == [
        "1: _message", "4: dinnet.render._example"]
