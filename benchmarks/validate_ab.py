"""Validating contracts with two versions of dinnet, in turn in one process (issue 22).

``Contract.model_validate`` of every contract in DATA, with the dinnet this runs
(``new``) and with the one in another source tree (``--base``, e.g. a ``git
archive`` of an earlier commit), round after round, the order alternating, so
that a machine whose speed changes between minutes treats both alike. Both
read the same data (the quick reader of ``new``). The garbage collector is off,
as in the reading workers (:func:`dinnet.graph.collector_paused`). Prints the CPU
seconds (``time.process_time``) of a pass over DATA, best and median, and the
median of the rounds' ratios new/base::

    python benchmarks/generate.py /tmp/d340 --count 340
    mkdir -p /tmp/base && git archive da6b803 src | tar -x -C /tmp/base
    python benchmarks/validate_ab.py /tmp/d340 --base /tmp/base/src --rounds 24

The other tree's package is imported as ``dinnet_base`` (the contract model
imports only relatively), from a temporary folder with a link to it.
"""

from __future__ import annotations

import gc
import importlib
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from run import ab_parser  # (this folder is on the path)

from dinnet.contract.model import Contract
from dinnet.contract.numbers import PlainNumber
from dinnet.io import yamlfast


def plain_numbers(data: Any) -> int:
    """How many refused plain numbers ``data`` holds (each tree has its own class of them)."""
    if isinstance(data, PlainNumber):
        return 1
    if isinstance(data, dict):
        return sum(plain_numbers(v) for v in data.values())
    if isinstance(data, list):
        return sum(plain_numbers(v) for v in data)
    return 0


def one_pass(model: Any, datas: list[Any]) -> float:
    """CPU seconds of validating every contract of ``datas`` with ``model``."""
    start = time.process_time()
    for data in datas:
        model.model_validate(data)
    return time.process_time() - start


def main() -> None:
    args = ab_parser(__doc__, rounds=12).parse_args()
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "dinnet_base").symlink_to((args.base / "dinnet").resolve())
        sys.path.insert(0, folder)
        base = importlib.import_module("dinnet_base.contract.model").Contract
        datas = [yamlfast.read(p.read_text(encoding="utf-8"))[0]
                 for p in sorted(args.data.glob("*.yaml"))]
        if sum(map(plain_numbers, datas)):
            sys.exit("validate_ab: the data holds refused plain numbers, which the two "
                     "trees read as different classes; use other data")
        models = {"base": base, "new": Contract}
        for model in models.values():
            one_pass(model, datas)  # builds the validators
        gc.collect()
        gc.disable()
        got: dict[str, list[float]] = {name: [] for name in models}
        for i in range(args.rounds):
            for name in (["base", "new"] if i % 2 == 0 else ["new", "base"]):
                got[name].append(one_pass(models[name], datas))
    for name, seconds in got.items():
        print(f"{name}: best {min(seconds):.3f} s, median {statistics.median(seconds):.3f} s "
              f"per pass over {len(datas)} contracts")
    ratios = [n / b for n, b in zip(got["new"], got["base"], strict=True)]
    print(f"new/base: median of the rounds {statistics.median(ratios):.3f}, "
          f"best over best {min(got['new']) / min(got['base']):.3f}")


if __name__ == "__main__":
    main()
