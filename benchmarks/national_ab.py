"""A first (cold) and a second (warm) load + audit with two versions of dinnet, in turn (issue 22).

What ``benchmarks/run.py`` times as ``national.cold_s`` and ``warm_s``
(``dinnet.cli.audited.audit_paths`` in a fresh interpreter, an empty cache,
then the cache filled), for the dinnet this runs (``new``) and for the one in
another source tree (``--base``, e.g. a ``git archive`` of an earlier commit),
round after round, the order alternating, so that a machine whose speed
changes between minutes (docs/performance.md, sessions 13-17) treats both
alike. Whole runs of 3,400 contracts differ by 10-20 % from one minute to the
next on a shared machine: compare medians of ten rounds or more, and count
the rounds each side won. Prints each run, then the medians::

    python benchmarks/generate.py /tmp/d3400 --count 3400 --seed 1
    mkdir -p /tmp/base && git archive b8d642d src | tar -x -C /tmp/base
    cp src/dinnet/io/*.so /tmp/base/src/dinnet/io/   # the compiled modules, when the
                                                      # two trees' sources of them agree
    python benchmarks/national_ab.py /tmp/d3400 --base /tmp/base/src --rounds 10

Each tree runs with its own modules (``PYTHONPATH``); the reader each used
is printed, since a tree without compiled modules reads as Python
(``tools/compile_speedups.py``), which is no comparison of the code.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from pathlib import Path

from run import ab_parser, national_run  # the benchmark's own run (this folder is on the path)


def main() -> None:
    parser = ab_parser(__doc__, rounds=10)
    parser.add_argument("--cold-only", action="store_true", help="no warm run after each cold one")
    args = parser.parse_args()
    files = sorted(args.data.glob("*.yaml"))
    trees = {"base": args.base.resolve(), "new": Path(__file__).resolve().parents[1] / "src"}
    kinds = ("cold",) if args.cold_only else ("cold", "warm")
    got: dict[str, dict[str, list[float]]] = {name: {k: [] for k in kinds} for name in trees}
    readers: dict[str, set[str]] = {name: set() for name in trees}
    with tempfile.TemporaryDirectory(prefix="national-ab-") as folder:
        for i in range(args.rounds):
            for name in (["base", "new"] if i % 2 == 0 else ["new", "base"]):
                cache = Path(folder) / name
                shutil.rmtree(cache, ignore_errors=True)
                line = []
                for kind in kinds:  # cold fills the cache that warm reads
                    run = national_run("load", files, cache, src=trees[name])
                    got[name][kind].append(run["total_s"])
                    readers[name].add(run["reader"])
                    line.append(f"{kind} {run['total_s']:.2f} s (load {run['load_s']:.2f}, "
                                f"audit {run['audit_s']:.2f})")
                print(f"round {i + 1} {name}: " + ", ".join(line), flush=True)
    for name in trees:
        medians = ", ".join(f"{kind} {statistics.median(got[name][kind]):.2f} s" for kind in kinds)
        print(f"{name}: median {medians}; reader {', '.join(sorted(readers[name]))}")
    for kind in kinds:
        won = sum(n < b for n, b in zip(got["new"][kind], got["base"][kind], strict=True))
        print(f"{kind}: new quicker in {won} of {args.rounds} rounds")
    if readers["base"] != readers["new"]:
        print("national_ab: the two trees used different readers; compile both or neither")


if __name__ == "__main__":
    main()
