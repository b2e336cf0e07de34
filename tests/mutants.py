"""Re-run the mutants of issue 14 against the tests that should kill them.

Each mutant is one textual change to one source file. The script copies
``src/`` to a temporary folder, applies the change there (the checkout is
never touched), runs the given tests against the copy and reports whether the
mutant was killed (a test failed) or survived (all passed)::

    .venv/bin/python tests/mutants.py          # all mutants, about a minute
    .venv/bin/python tests/mutants.py b c      # some of them

The exit status is 0 when every mutant is killed. The normal test suite does
not run the mutants (too slow); ``tests/test_mutants.py`` only checks that
each mutant still applies to the source.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Mutant:
    key: str
    what: str
    file: str  # under src/
    old: str
    new: str
    tests: tuple[str, ...]


MUTANTS = (
    Mutant("a", "programme.version dropped from the xlsx export", "dinnet/io/xlsx.py",
           '"version": p.version, ', "",
           ("tests/test_nothing_dropped.py", "tests/test_xlsx.py")),
    Mutant("b", "budget tolerance widened from 0.005 to 1.0", "dinnet/queries/budget.py",
           "TOLERANCE = 0.005", "TOLERANCE = 1.0",
           ("tests/queries/test_tolerance_and_sides.py",)),
    Mutant("c", "'<' removed from the escaping fast path", "dinnet/render/labels.py",
           '_HTML_SPECIAL = re.compile(r"[&<>\\"\'\\\\]")', '_HTML_SPECIAL = re.compile(r"[&>\\"\'\\\\]")',
           ("tests/render/test_labels.py",)),
    Mutant("d", "one-sided dependency: the back relation ignored", "dinnet/queries/deps.py",
           "for u, v in P.edges if not P.has_edge(v, u))", "for u, v in P.edges)",
           ("tests/queries/test_tolerance_and_sides.py", "tests/audit/test_rules.py")),
)


def applies(mutant: Mutant, src: Path = ROOT / "src") -> bool:
    """Whether the mutant's original text stands exactly once in its file."""
    return (src / mutant.file).read_text(encoding="utf-8").count(mutant.old) == 1


def run(mutant: Mutant) -> str:
    """``killed``, ``survived`` or ``error: ...`` for one mutant."""
    if not applies(mutant):
        return "error: the original text is not (once) in the source"
    with tempfile.TemporaryDirectory(prefix="dinnet-mutant-") as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__"))
        path = src / mutant.file
        path.write_text(path.read_text(encoding="utf-8").replace(mutant.old, mutant.new),
                        encoding="utf-8")
        env = os.environ | {"PYTHONPATH": str(src), "PYTHONDONTWRITEBYTECODE": "1"}
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
             "--no-header", *mutant.tests], cwd=ROOT, env=env, capture_output=True, text=True)
        mutated = subprocess.run(
            [sys.executable, "-c", "import dinnet; print(dinnet.__file__)"], cwd=ROOT, env=env,
            capture_output=True, text=True).stdout.strip()
    if not mutated.startswith(str(src)):
        return f"error: the tests imported {mutated}, not the mutated copy"
    if proc.returncode == 1:
        return "killed"
    if proc.returncode == 0:
        return "survived"
    return f"error: pytest exit {proc.returncode}: {proc.stdout[-300:]}"


def main(argv: list[str]) -> int:
    chosen = [m for m in MUTANTS if not argv or m.key in argv]
    results = {}
    for m in chosen:
        results[m.key] = run(m)
        print(f"{m.key}: {results[m.key]:8}  {m.what}  ({', '.join(m.tests)})", flush=True)
    killed = sum(r == "killed" for r in results.values())
    print(f"{killed} of {len(results)} mutants killed")
    return 0 if killed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
