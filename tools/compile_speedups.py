"""Compile the hot modules of reading a contract to C with mypyc.

    python tools/compile_speedups.py [--force]

``make test`` runs this after installing the development tools (mypyc comes
with mypy; a C compiler and Python's headers are needed). Each module of
:data:`dinnet.io.speedup.COMPILED` is copied, with its relative imports made
absolute and the SHA-256 of its text and of the modules it imports
(:func:`dinnet.io.speedup.source_digest`) as ``COMPILED_FROM``, to the name of its
compiled copy in a temporary folder, and compiled there (one mypyc run per
module, two at a time); the extension modules they give are put into
``src/dinnet/io/`` (each written to a temporary file beside it, then renamed:
:func:`dinnet.io.cache.replace_atomically`).
:mod:`dinnet.io.speedup` uses a copy only while its module and the modules
it imports are the texts it was built from; a module whose copy is already
of those texts is not built again (unless ``--force``). Exits 1, saying why, when a build fails.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "dinnet"
#: What mypy needs to know to compile (the settings of pyproject.toml that matter here).
MYPY_INI = "[mypy]\npython_version = 3.11\nignore_missing_imports = True\n"


def absolute_imports(text: str, package: str) -> str:
    """``text`` with its relative imports (``from .x import``, ``from .. import``) written
    from the top, as they mean in ``package``.

    >>> absolute_imports("from .model import A\\nfrom .. import b\\n", "dinnet.contract")
    'from dinnet.contract.model import A\\nfrom dinnet import b\\n'
    """
    parts = package.split(".")

    def absolute(match: re.Match[str]) -> str:
        indent, dots, rest = match.groups()
        base = ".".join(parts[: len(parts) - len(dots) + 1])
        return f"{indent}from {base}{'.' if rest else ''}{rest} import"
    return re.sub(r"^( *)from (\.+)([\w.]*) import", absolute, text, flags=re.MULTILINE)


def copy_text(module: ModuleType, digest: str) -> str:
    """The text compiled for ``module``: its own, imports made absolute, and its digest."""
    text = Path(str(module.__file__)).read_text(encoding="utf-8")
    return (absolute_imports(text, module.__name__.rpartition(".")[0])
            + f'\n#: The SHA-256 of the text this copy was compiled from.\n'
              f'COMPILED_FROM = "{digest}"\n')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="build even when up to date")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from dinnet.io import speedup
    from dinnet.io.cache import replace_atomically

    todo = {}
    for name, (copy, _) in speedup.COMPILED.items():
        module = importlib.import_module(name)
        if args.force or speedup.compiled(module) is None:
            todo[copy] = module
    if not todo:
        print("compile_speedups: every compiled module is up to date")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        runs = []
        for copy, module in todo.items():
            folder = Path(tmp) / copy
            tree = folder / "dinnet"
            shutil.copytree(PACKAGE, tree, ignore=shutil.ignore_patterns("*.so", "__pycache__"))
            (folder / "mypy.ini").write_text(MYPY_INI, encoding="ascii")
            path = Path(*copy.split(".")).with_suffix(".py")
            (folder / path).write_text(copy_text(module, speedup.source_digest(module) or ""),
                                       encoding="utf-8")
            runs.append((copy, folder, path))
        failed = []
        # Without PYTHONPATH: with one set (PYTHONPATH=src, as for the tests; even a folder
        # that does not exist), mypyc's run reported errors in the modules the copy imports
        # (pydantic's models, checked without their plugin) and built nothing.
        env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
        for group in (runs[i:i + 2] for i in range(0, len(runs), 2)):  # two at a time
            started = [(copy, folder, path, subprocess.Popen(
                [sys.executable, "-m", "mypyc", "--config-file", "mypy.ini", str(path)],
                cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                text=True))
                for copy, folder, path in group]
            for copy, folder, path, process in started:
                output = process.communicate()[0]
                if process.returncode != 0 or not _built(folder, path):
                    failed.append(f"{copy} (exit {process.returncode}):\n{output[-3000:]}")
        if failed:
            print("compile_speedups: mypyc failed for " + "\n".join(failed), file=sys.stderr)
            return 1
        for _, folder, path in runs:
            stem = path.stem
            for old in (PACKAGE / "io").glob(f"{stem}*.so"):
                old.unlink()
            for built in _built(folder, path):
                replace_atomically(PACKAGE / "io" / built.name, built.read_bytes())
    print(f"compile_speedups: built {', '.join(sorted(todo))}")
    return 0


def _built(folder: Path, path: Path) -> list[Path]:
    """The extension modules a mypyc run of ``path`` left next to it."""
    return sorted((folder / path).parent.glob(f"{path.stem}*.so"))


if __name__ == "__main__":
    raise SystemExit(main())
