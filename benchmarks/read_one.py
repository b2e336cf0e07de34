"""Reading one contract file, several ways, side by side (issue 22; docs/performance.md).

PyYAML's C loader alone (``yaml.load(raw, Loader=yaml.CSafeLoader)``), the quick
reader alone (``yamlfast.read``), and ``read_part`` with the quick reader and
without it (PyYAML's path). Where the hot modules of reading were compiled
(:mod:`dinnet.io.speedup`; ``make test`` builds them), the quick reader and
``read_part`` are also timed with the Python modules instead of the compiled
copies, so the two stand side by side. Every file is read each way in turn (the order
rotating), so that a machine whose load changes treats all four alike; the
medians of the rounds are printed, and each as a fraction of the bare parse::

    python benchmarks/generate.py /tmp/d340 --count 340
    python benchmarks/read_one.py /tmp/d340 --rounds 3
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from dinnet import graph
from dinnet.contract import references
from dinnet.io import loading, speedup, yamlfast

#: The loader's compiled copies, and the Python modules to put in their place.
COMPILED = {"yamlfast": loading.yamlfast, "check_contract": loading.check_contract,
            "contract_fragment": loading.contract_fragment}
PYTHON = {"yamlfast": yamlfast, "check_contract": references.check_contract,
          "contract_fragment": graph.contract_fragment}


def _bare(path: Path, raw: bytes, text: str) -> None:
    yaml.load(raw, Loader=yaml.CSafeLoader)


def _quick(path: Path, raw: bytes, text: str) -> None:
    loading.yamlfast.read(text)


def _quick_python(path: Path, raw: bytes, text: str) -> None:
    yamlfast.read(text)


def _part_python(path: Path, raw: bytes, text: str) -> None:
    vars(loading).update(PYTHON)
    try:
        loading.read_part(path, raw)
    finally:
        vars(loading).update(COMPILED)


def _part_quick(path: Path, raw: bytes, text: str) -> None:
    loading.FAST_READ = True
    loading.read_part(path, raw)


def _part_pyyaml(path: Path, raw: bytes, text: str) -> None:
    loading.FAST_READ = False
    try:
        loading.read_part(path, raw)
    finally:
        loading.FAST_READ = True


WAYS: dict[str, Callable[[Path, bytes, str], None]] = {
    "yaml.load (CSafeLoader)": _bare, "yamlfast.read": _quick,
    "read_part, quick": _part_quick, "read_part, PyYAML": _part_pyyaml}
if speedup.compiled(yamlfast) is not None:
    WAYS |= {"yamlfast.read, Python": _quick_python, "read_part, quick, Python": _part_python}


def measure(files: list[Path], rounds: int) -> dict[str, list[float]]:
    """Seconds per round for each way of reading ``files``."""
    raws = [f.read_bytes() for f in files]
    texts = [r.decode("utf-8") for r in raws]
    taken = sum(yamlfast.read(t) is not None for t in texts)
    print(f"{taken} of {len(files)} files read by the quick reader")
    loading.read_part(files[0])  # build pydantic's validators before timing
    ways = list(WAYS.items())
    times: dict[str, list[float]] = {name: [] for name in WAYS}
    gc.disable()
    try:
        for k in range(rounds):
            spent = dict.fromkeys(WAYS, 0.0)
            for j, item in enumerate(zip(files, raws, texts, strict=True)):
                turn = (j + k) % len(ways)
                for name, way in ways[turn:] + ways[:turn]:
                    start = time.perf_counter()
                    way(*item)
                    spent[name] += time.perf_counter() - start
                if j % 20 == 19:
                    gc.collect()
            for name, seconds in spent.items():
                times[name].append(seconds)
    finally:
        gc.enable()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--count", type=int, default=None, help="read only the first COUNT files")
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.yaml"))[:args.count]
    times = measure(files, args.rounds)
    bare = statistics.median(times["yaml.load (CSafeLoader)"])
    for name, rounds in times.items():
        median = statistics.median(rounds)
        print(f"{name:26s} {median:8.3f} s  {median / bare:5.2f} x bare")


if __name__ == "__main__":
    main()
