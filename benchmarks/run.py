"""Benchmarks of issue 6: how close dinnet stays to PyYAML and Graphviz, up to national scale.

Usage::

    python benchmarks/run.py [--quick] [--json] [--data DIR] [--seed N]

One run generates synthetic contracts (``benchmarks/generate.py``) and
measures, on the same files:

1. ``load_ratio``: ``dinnet.load(files)`` (parse + validate + graph)
   / bare ``yaml.load(f, Loader=yaml.CSafeLoader)`` of the same
   files. Target <= 2.0.
2. ``render_ratio``: the library rendering one ~300-node DIN to SVG in-process
   (``render(iter_din_dot(G, p), "svg")``: the text goes to ``dot`` while it
   is built) / ``dot -Tsvg`` on the DOT text it produced. Target <= 1.15.
   The details also give the ratio of building the whole text first
   (``render(din_dot(G, p), "svg")``).
3. ``audit_scaling`` and ``query_scaling``: time per node of
   ``run_audit(G, jobs=1)`` (one process; the national runs below audit on
   two) and of the whole query set at 10N nodes / at N nodes: 340 and 3,400
   contracts (50 and 500 with ``--quick``). Targets <= 1.15 (the audit,
   issue 22) and <= 1.3 (the queries).
4. ``national``: 3,400 contracts (~700k nodes; 340 with ``--quick``), each
   measure in a fresh process, in turn, ``--reps`` rounds (medians):
   ``parse_s`` (PyYAML's ``CSafeLoader`` on every file, one process),
   ``cold_s`` (load + audit as ``dinnet audit`` does them,
   ``dinnet.cli.audited.audit_paths``, with the default settings: worker
   processes for the files and for the audit, an empty cache), ``warm_s``
   (the same with the cache filled: the contracts from the contracts' cache,
   the findings from the audit's memo, ``dinnet.io.memo``) and
   ``one_edit_s`` (after one file changed: that file read, every rule run);
   load and audit times
   and the peak RSS (``getrusage(RUSAGE_CHILDREN).ru_maxrss``) of the first
   cold run. Targets: ``cold_s`` <= 0.6 x ``parse_s``, ``warm_s`` <= 0.15 x
   ``parse_s``, load + audit under 60 s and under 6 GiB.
5. ``cli_validate_s``: ``dinnet validate ONE_FILE`` as a fresh process.
   Target <= 0.5 s.
6. ``memory_per_input_byte``: the peak memory of ``dinnet validate`` (on the
   contracts of the load ratio) and of ``dinnet import-xlsx`` (on a workbook
   of the same contracts), each in a fresh process, over the size of its
   input: the growth of the peak RSS (``VmHWM``) after the imports,
   divided by the input's bytes (for the workbook: its bytes on disk, and
   in the details also its unpacked bytes). Targets: validate <= 40, import-xlsx
   <= 400 per byte on disk (docs/robustness.md).
7. ``report_140``: ``dinnet report`` on 140 contracts (a region) as a fresh
   process: seconds, megabytes of the one HTML file, and the seconds relative
   to ``dinnet validate`` on the same files, run in turn in this run. Targets:
   at most 25 MB and 10 times validate. The report keeps ``dot``'s drawings
   in the cache folder (``dinnet.render.drawings``): every timed report starts
   without them (cold, the figure the target is about); ``warm_s`` is one
   more report with the drawings the last one kept.

Times are medians of several repetitions, run alternately where two things
are compared, with the garbage collector emptied before each. ``--json``
prints one JSON object instead of the table. Every load in this run keeps
its cache in a temporary folder (``DINNET_CACHE_DIR``), never the user's; the
load ratio and the scaling read every file in one process without a cache
(``jobs=1, cache=False``), as they always did.
"""

from __future__ import annotations

import argparse
import functools
import gc
import inspect
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, generate_large_programme  # noqa: E402

TARGETS = {
    "load_ratio": 2.0,
    "render_ratio": 1.15,
    # a tenth of the 3,544 crossing pairs of the seven Almelo DINs before issue 15
    "crossings": 354,
    "audit_scaling": 1.15,
    "query_scaling": 1.3,
    "cli_validate_s": 0.5,
    "national_s": 60.0,
    "national_mib": 6 * 1024,
    # load + audit of every file, over PyYAML's bare parse of them (issue 22)
    "national_cold_ratio": 0.6,
    "national_warm_ratio": 0.15,
    "memory_validate": 40.0,
    "memory_import_xlsx": 400.0,
    "report_mb": 25.0,
    "report_ratio": 10.0,
}

# Peak memory of one command in a fresh process: the growth of the peak RSS after
# the imports (so the interpreter and the libraries are not counted), as JSON.
# (VmHWM of /proc, not ru_maxrss: Linux carries ru_maxrss over from the parent.)
MEMORY = """
import json, sys, tempfile
import dinnet, openpyxl, pydantic, yaml
from dinnet.cli import main
from click.testing import CliRunner

def high_water():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])

before = high_water()
with tempfile.TemporaryDirectory() as out:
    args = sys.argv[1:] if sys.argv[1] == "validate" else [*sys.argv[1:], "-o", out]
    result = CliRunner().invoke(main, ["-q", *args])
peak = high_water()
print(json.dumps({"exit": result.exit_code, "output": result.output[-300:],
                  "growth_kib": peak - before, "peak_kib": peak}))
"""

# The national runs: a fresh interpreter parses (``parse``) or loads and audits
# (``load``) every file, then reports as JSON.
NATIONAL = """
import json, sys, time
mode, files = sys.argv[1], sys.argv[2:]
if mode == "parse":
    import yaml
    t0 = time.perf_counter()
    for path in files:
        with open(path, encoding="utf-8") as fh:
            yaml.load(fh, Loader=yaml.CSafeLoader)
    print(json.dumps({"parse_s": time.perf_counter() - t0}))
    raise SystemExit(0)
t0 = time.perf_counter()
from dinnet.cli.audited import audit_paths
from dinnet.io.loading import yamlfast as reader
files = sys.argv[2:]
t1 = time.perf_counter()
seconds = {}
G, findings = audit_paths(files, timings=seconds)  # what `dinnet audit` does
print(json.dumps({"contracts": len(files), "nodes": G.number_of_nodes(),
                  "edges": G.number_of_edges(), "findings": len(findings),
                  "import_s": t1 - t0, "load_s": seconds["load"], "audit_s": seconds["audit"],
                  "reader": reader.__name__}))
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure(fn: Callable[[], Any], reps: int) -> tuple[float, Any]:
    """Median wall time of ``reps`` calls (after emptying the garbage collector), and the last result."""
    times = []
    result = None
    for _ in range(reps):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def alternate(*fns: Callable[[], Any], reps: int) -> tuple[float, ...]:
    """Median times of each of ``fns``, run in turn so drifts in machine speed hit all."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(reps):
        for fn, ts in zip(fns, times, strict=True):
            ts.append(measure(fn, 1)[0])
    return tuple(statistics.median(ts) for ts in times)


# -- 1. load ratio --------------------------------------------------------------------------


def bare_parse(files: Sequence[Path]) -> None:
    """The floor: PyYAML's C loader on every file, nothing else."""
    import yaml

    for path in files:
        with open(path, encoding="utf-8") as fh:
            yaml.load(fh, Loader=yaml.CSafeLoader)


def load_ratio(files: Sequence[Path], reps: int) -> dict[str, Any]:
    import dinnet

    nodes = []

    def lib() -> None:
        nodes.append(dinnet.load(*files, jobs=1, cache=False).number_of_nodes())

    lib_s, yaml_s = alternate(lib, lambda: bare_parse(files), reps=reps)
    return {"files": len(files), "nodes": nodes[-1], "yaml_s": yaml_s, "load_s": lib_s,
            "ratio": lib_s / yaml_s}


# -- 2. render ratio ------------------------------------------------------------------------


def render_ratio(folder: Path, reps: int) -> dict[str, Any]:
    import dinnet
    from dinnet.render import din_dot, iter_din_dot, render
    from dinnet.render.select import select_din

    path = generate_large_programme(folder)
    G = dinnet.load(path)
    programme = next(n for n, k in G.nodes(data="kind") if k == "programme")
    drawn = len(select_din(G, programme).nodes)
    source = din_dot(G, programme).source.encode("utf-8")
    dot = shutil.which("dot") or "dot"

    def lib() -> bytes:
        return render(iter_din_dot(G, programme), "svg")

    def whole() -> bytes:
        return render(din_dot(G, programme), "svg")

    def bare() -> bytes:
        return subprocess.run([dot, "-Tsvg"], input=source, capture_output=True, check=True).stdout

    lib()  # warm up: imports, caches
    whole()
    bare()
    lib_s, dot_s, whole_s = alternate(lib, bare, whole, reps=reps)
    build_s = measure(lambda: din_dot(G, programme).source, reps)[0]
    return {"din_nodes": drawn, "dot_bytes": len(source), "dot_s": dot_s, "library_s": lib_s,
            "whole_text_s": whole_s, "din_dot_s": build_s, "ratio": lib_s / dot_s,
            "whole_text_ratio": whole_s / dot_s}


def almelo_crossings() -> dict[str, int]:
    """Pairs of crossing links in each bundled Almelo DIN, read from its SVG."""
    import dinnet
    from dinnet.render import din_diagrams
    from dinnet.render.geometry import crossings, read_svg

    G = dinnet.load()
    return {d.name: crossings(read_svg(d.render("svg"))) for d in din_diagrams(G)}


# -- 3. audit and query scaling -------------------------------------------------------------


def query_calls(G: Any) -> list[tuple[str, Callable[[], Any]]]:
    """Every public query that takes the graph first, with arguments picked from ``G``."""
    from dinnet import queries

    programmes = sorted(n for n, k in G.nodes(data="kind") if k == "programme")
    effort = min(n for n, k in G.nodes(data="kind") if k == "effort")
    goal = min(n for n, d in G.nodes(data=True) if d["kind"] == "goal" and d.get("level") == "strategic")
    picks = {"node": effort, "effort": effort, "goal": goal, "source": programmes[0],
             "target": programmes[-1], "programme": programmes[0]}
    calls: list[tuple[str, Callable[[], Any]]] = []
    for name in sorted(queries.__all__):
        fn = getattr(queries, name)
        if not inspect.isfunction(fn):
            continue
        params = list(inspect.signature(fn).parameters.values())
        if not params or params[0].name != "G":
            continue
        required = [p for p in params[1:] if p.default is inspect.Parameter.empty
                    and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        if any(p.name not in picks for p in required):
            log(f"  (query {name} skipped: no argument for {[p.name for p in required]})")
            continue
        calls.append((name, functools.partial(_call, fn, G, [picks[p.name] for p in required])))
    return calls


def _call(fn: Callable[..., Any], G: Any, args: list[Any]) -> Any:
    return _consume(fn(G, *args))


def query_pass(calls: list[tuple[str, Callable[[], Any]]]) -> dict[str, float]:
    """The time of each query, called once each, after emptying the collector once.

    Once per pass, not per query: with a large graph alive a full collection
    costs more than most queries.
    """
    gc.collect()
    times = {}
    for name, call in calls:
        start = time.perf_counter()
        call()
        times[name] = time.perf_counter() - start
    return times


def _consume(result: Any) -> Any:
    if inspect.isgenerator(result) or isinstance(result, Iterator):
        return list(result)
    return result


def scaling(small: Sequence[Path], large: Sequence[Path], reps: int = 3) -> dict[str, Any]:
    """Audit and query time per node at N and at 10N nodes.

    Both graphs are loaded, then measured in turn (N, 10N, N, 10N, ...), so
    a drift in the machine's speed hits both sizes alike; ``reps`` rounds,
    medians per size (for the queries: per query, then summed).

    The rounds run with the loaded graphs frozen (``gc.freeze()``, as
    ``docs/performance.md`` advises for analyses of large data sets).
    Unfrozen, the queries' own garbage sets off one full collection of the
    whole heap per pass over the set (2 s on the national graph), always in
    the same query: that measures Python's collector, not the queries. One
    unfrozen pass per size comes first and is reported beside the target.
    """
    import dinnet
    from dinnet.audit import run_audit

    files = {"n": small, "10n": large}
    graphs = {label: dinnet.load(*paths, jobs=1, cache=False) for label, paths in files.items()}
    calls = {label: query_calls(G) for label, G in graphs.items()}
    unfrozen = {label: sum(query_pass(calls[label]).values()) for label in graphs}
    audits: dict[str, list[float]] = {label: [] for label in graphs}
    queries: dict[str, dict[str, list[float]]] = {
        label: {name: [] for name, _ in calls[label]} for label in graphs}
    gc.collect()
    gc.freeze()
    try:
        for _ in range(reps):
            for label, G in graphs.items():
                # one process: the per-node cost of the rules' own work (a fork would add
                # a cost of the whole heap, both graphs, to each size alike)
                audits[label].append(measure(functools.partial(run_audit, G, jobs=1), 1)[0])
                for name, seconds in query_pass(calls[label]).items():
                    queries[label][name].append(seconds)
    finally:
        gc.unfreeze()
    out: dict[str, Any] = {}
    for label, G in graphs.items():
        per_query = {name: statistics.median(t) for name, t in queries[label].items()}
        out[label] = {"contracts": len(files[label]),
                      "nodes": G.number_of_nodes(), "audit_s": statistics.median(audits[label]),
                      "query_s": sum(per_query.values()), "queries": per_query,
                      "query_unfrozen_s": unfrozen[label]}
        log(f"  {label}: {out[label]['nodes']:,} nodes, audit {out[label]['audit_s']:.3f} s, "
            f"{len(per_query)} queries {out[label]['query_s']:.3f} s "
            f"(as they come {unfrozen[label]:.3f} s)")
    n, n10 = out["n"], out["10n"]
    out["audit_ratio"] = (n10["audit_s"] / n10["nodes"]) / (n["audit_s"] / n["nodes"])
    out["query_ratio"] = (n10["query_s"] / n10["nodes"]) / (n["query_s"] / n["nodes"])
    out["query_ratio_unfrozen"] = ((n10["query_unfrozen_s"] / n10["nodes"])
                                   / (n["query_unfrozen_s"] / n["nodes"]))
    return out


# -- 4. national ----------------------------------------------------------------------------


def national_run(mode: str, files: Sequence[Path], cache: Path, src: Path | None = None
                  ) -> dict[str, Any]:
    """One ``national`` run in a fresh interpreter (with the dinnet of ``src``, a source tree,
    when given: ``national_ab.py``): the snippet's JSON, with ``total_s`` for a load."""
    env = {**os.environ, "DINNET_CACHE_DIR": str(cache)}
    if src is not None:
        env["PYTHONPATH"] = str(src)
    proc = subprocess.run([sys.executable, "-c", NATIONAL, mode, *map(str, files)],
                          capture_output=True, text=True, check=False, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"national run ({mode}) failed:\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout)
    if mode != "parse":
        result["total_s"] = result["load_s"] + result["audit_s"]
    return result


def _edited(original: bytes, rep: int) -> bytes:
    """The file with one label changed (a new content, still a valid contract)."""
    text = original.decode("utf-8")
    at = text.index("label: ") + len("label: ")
    return (text[:at] + f"Bewerkt {rep} " + text[at:]).encode("utf-8")


def national(files: Sequence[Path], folder: Path, reps: int) -> dict[str, Any]:
    """Bare parse, cold, warm and one-edit load + audit, each in a fresh process, in turn.

    Each round empties the cache (a folder of this run), loads and audits
    (cold: it fills the cache), again (warm), changes one file in the middle
    and again (one edit), puts the file back and parses every file with
    PyYAML alone. The first cold run is the first child process of the
    benchmark, so ``RUSAGE_CHILDREN`` gives its peak RSS.
    """
    cache = folder / "national-cache"
    edited = files[len(files) // 2]
    original = edited.read_bytes()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    runs: dict[str, list[dict[str, Any]]] = {"cold": [], "warm": [], "one_edit": [], "parse": []}
    peak_kib = 0
    load = [os.getloadavg()[0]]
    try:
        for rep in range(reps):
            shutil.rmtree(cache, ignore_errors=True)
            runs["cold"].append(national_run("load", files, cache))
            if rep == 0:
                peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            runs["warm"].append(national_run("load", files, cache))
            edited.write_bytes(_edited(original, rep))
            runs["one_edit"].append(national_run("load", files, cache))
            edited.write_bytes(original)
            runs["parse"].append(national_run("parse", files, cache))
            load.append(os.getloadavg()[0])
            log(f"  round {rep + 1}: parse {runs['parse'][-1]['parse_s']:.2f} s, "
                f"cold {runs['cold'][-1]['total_s']:.2f} s, warm {runs['warm'][-1]['total_s']:.2f} s, "
                f"one edit {runs['one_edit'][-1]['total_s']:.2f} s (load average {load[-1]:.1f})")
    finally:
        edited.write_bytes(original)
        shutil.rmtree(cache, ignore_errors=True)
    if before >= peak_kib and before:
        log("  (an earlier child process used more memory; the peak is not this run's)")

    def median(kind: str, key: str = "total_s") -> float:
        return statistics.median(r[key] for r in runs[kind])

    first = runs["cold"][0]
    parse_s = median("parse", "parse_s")
    result: dict[str, Any] = {
        "contracts": first["contracts"], "nodes": first["nodes"], "edges": first["edges"],
        "findings": first["findings"], "load_s": median("cold", "load_s"),
        "audit_s": median("cold", "audit_s"), "peak_rss_mib": peak_kib / 1024,
        "rss_bytes_per_node": peak_kib * 1024 / max(first["nodes"], 1),
        "parse_s": parse_s, "cold_s": median("cold"), "warm_s": median("warm"),
        "one_edit_s": median("one_edit"), "reps": reps, "load_average": load, "runs": runs,
        "warm_load_s": median("warm", "load_s"), "warm_audit_s": median("warm", "audit_s"),
        "reader": first["reader"],
    }
    for kind in ("cold", "warm", "one_edit"):
        result[f"{kind}_ratio"] = result[f"{kind}_s"] / parse_s
    same = {(r["nodes"], r["edges"], r["findings"]) for r in runs["cold"] + runs["warm"]}
    if len(same) != 1:
        raise SystemExit(f"national: cold and warm loads differ: {same}")
    return result


# -- 5. command-line latency ----------------------------------------------------------------


def cli_validate(path: Path, reps: int) -> dict[str, Any]:
    exe = Path(sys.executable).with_name("dinnet")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "dinnet.cli"]
    command += ["validate", str(path)]

    def run() -> None:
        subprocess.run(command, capture_output=True, check=True)

    run()  # warm the file cache and the byte code
    seconds, _ = measure(run, reps)
    return {"command": " ".join(["dinnet", "validate", path.name]), "seconds": seconds}


# -- 6. memory per input byte --------------------------------------------------------------


def _peak_growth(*args: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-c", MEMORY, *args], capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        raise SystemExit(f"memory run failed:\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout)
    if result["exit"] != 0:
        raise SystemExit(f"memory run: dinnet {args[0]} failed:\n{result['output']}")
    return result


def memory_per_input_byte(files: Sequence[Path], folder: Path) -> dict[str, Any]:
    """Peak RSS growth of ``validate`` and ``import-xlsx`` over their input's bytes."""
    import zipfile

    from dinnet.io.loading import load_contracts
    from dinnet.io.xlsx import export_xlsx

    size = sum(p.stat().st_size for p in files)
    validate = _peak_growth("validate", *map(str, files))
    loaded, indexes, _ = load_contracts(*files)
    book = folder / "memory.xlsx"
    book.write_bytes(export_xlsx([item.contract for item in loaded], indexes))
    with zipfile.ZipFile(book) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    xlsx = _peak_growth("import-xlsx", str(book))
    return {
        "validate": validate["growth_kib"] * 1024 / size,
        "import_xlsx": xlsx["growth_kib"] * 1024 / book.stat().st_size,
        "import_xlsx_unpacked": xlsx["growth_kib"] * 1024 / unpacked,
        "validate_input_bytes": size, "validate_growth_mib": validate["growth_kib"] / 1024,
        "xlsx_bytes": book.stat().st_size, "xlsx_unpacked_bytes": unpacked,
        "xlsx_growth_mib": xlsx["growth_kib"] / 1024, "contracts": len(files),
    }
# -- 7. the HTML report of a region --------------------------------------------------------


def report_region(files: Sequence[Path], reps: int) -> dict[str, Any]:
    """``dinnet report`` and ``dinnet validate`` on the same files, fresh processes, in turn."""
    exe = Path(sys.executable).with_name("dinnet")
    base = [str(exe)] if exe.exists() else [sys.executable, "-m", "dinnet.cli"]
    with tempfile.TemporaryDirectory(prefix="dinnet-report-") as tmp:
        out = Path(tmp) / "report.html"

        def validate() -> None:
            subprocess.run([*base, "validate", *map(str, files)], capture_output=True, check=True)

        def report() -> None:
            subprocess.run([*base, "-q", "report", *map(str, files), "-o", str(out)],
                           capture_output=True, check=True)

        def cold_report() -> None:
            drawings.clear()  # timed too: a few milliseconds
            report()

        from dinnet.io.cache import default_folder
        from dinnet.render.drawings import Drawings

        drawings = Drawings(default_folder())
        validate()  # warm the file cache and the byte code
        validate_s, report_s = alternate(validate, cold_report, reps=reps)
        size = out.stat().st_size
        warm_s = measure(report, 1)[0]  # the drawings of the last cold report are kept
        drawings.clear()
    return {"contracts": len(files), "seconds": report_s, "validate_s": validate_s,
            "megabytes": size / 1e6, "ratio": report_s / validate_s, "warm_s": warm_s,
            "warm_ratio": warm_s / validate_s}



# -- the report -----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    import graphviz
    import networkx
    import pydantic
    import yaml

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=False).stderr.strip()
    return {"cpus": os.cpu_count(), "cpu": cpu, "ram_gib": round(mem, 1),
            "python": platform.python_version(), "pyyaml": yaml.__version__,
            "libyaml": yaml.__with_libyaml__, "pydantic": pydantic.VERSION,
            "networkx": networkx.__version__, "graphviz_py": graphviz.__version__, "dot": dot}


@contextmanager
def data_folder(given: Path | None) -> Iterator[Path]:
    if given is not None:
        given.mkdir(parents=True, exist_ok=True)
        yield given
        return
    with tempfile.TemporaryDirectory(prefix="dinnet-bench-") as tmp:
        yield Path(tmp)


def run(quick: bool, data: Path | None, seed: int) -> dict[str, Any]:
    count = 340 if quick else 3400
    # N is chosen past the size where the graph stops fitting in the CPU caches
    # (about 10k nodes here): below it even a bare loop over the nodes gets 1.5
    # times slower per node from N to 10N, which says nothing about our algorithms.
    n = 50 if quick else 340
    reps = 3 if quick else 5
    ratio_count = 100 if quick else 340
    # three rounds in full too: a median of three stands against one slow spell of the
    # machine (rounds of the same code have differed by a quarter), a mean of two does not
    reps_national = 3
    started = time.perf_counter()
    steps: dict[str, float] = {}

    def step(name: str) -> None:
        steps[name] = round(time.perf_counter() - started - sum(steps.values()), 1)

    with data_folder(data) as folder, tempfile.TemporaryDirectory(prefix="dinnet-cache-") as tmp:
        os.environ["DINNET_CACHE_DIR"] = tmp  # never the user's cache
        made = max(count, 10 * n)
        log(f"generating {made} contracts in {folder} ...")
        files = generate(folder / "contracts", made, seed=seed)
        log(f"national: parse, cold, warm and one-edit load + audit of {count} contracts, "
            f"fresh processes, {reps_national} rounds ...")
        step("generate")
        nat = national(files[:count], folder, reps_national)
        step("national")
        log(f"  {nat['nodes']:,} nodes: parse {nat['parse_s']:.2f} s, cold {nat['cold_s']:.2f} s "
            f"({nat['cold_ratio']:.2f}), warm {nat['warm_s']:.2f} s ({nat['warm_ratio']:.2f}), "
            f"one edit {nat['one_edit_s']:.2f} s ({nat['one_edit_ratio']:.2f}); "
            f"peak {nat['peak_rss_mib']:,.0f} MiB; reader {nat['reader']}")
        if not nat["reader"].endswith("_compiled"):
            log("  (the quick reader ran as Python, not compiled: `make test` or "
                "tools/compile_speedups.py compiles it; docs/performance.md's figures are of "
                "the compiled reader, a first load of 3,400 contracts was 0.69 of a parse without it)")
        ratio_files = files[:ratio_count]
        log(f"load ratio on {len(ratio_files)} contracts ...")
        load = load_ratio(ratio_files, reps)
        step("load_ratio")
        log(f"  yaml {load['yaml_s']:.2f} s, dinnet {load['load_s']:.2f} s -> {load['ratio']:.2f}")
        log("render ratio ...")
        rend = render_ratio(folder / "large", 15)  # short runs: more of them, same cost
        step("render_ratio")
        log(f"  {rend['din_nodes']} DIN nodes: dot {rend['dot_s']:.3f} s, "
            f"library {rend['library_s']:.3f} s -> {rend['ratio']:.3f} "
            f"(whole text first: {rend['whole_text_ratio']:.3f})")
        crossed = almelo_crossings()
        step("crossings")
        log(f"  crossing links per Almelo DIN: {crossed} (sum {sum(crossed.values())})")
        log(f"audit and query scaling: {n} vs {10 * n} contracts ...")
        scale = scaling(files[:n], files[:10 * n])
        step("scaling")
        log("command-line latency ...")
        cli = cli_validate(files[0], 5)
        step("cli")
        log(f"memory per input byte: validate and import-xlsx of {len(ratio_files)} contracts ...")
        memory = memory_per_input_byte(ratio_files, folder)
        step("memory")
        log(f"  validate {memory['validate']:.1f}, import-xlsx {memory['import_xlsx']:.1f} "
            "bytes of peak memory per input byte")
        log("HTML report of 140 contracts against dinnet validate ...")
        rep = report_region(files[:140], 1 if quick else 3)
        step("report_140")
        log(f"  report {rep['seconds']:.1f} s, {rep['megabytes']:.1f} MB; "
            f"validate {rep['validate_s']:.2f} s -> {rep['ratio']:.1f}; "
            f"warm (drawings kept) {rep['warm_s']:.1f} s -> {rep['warm_ratio']:.1f}")
    result = {
        "load_ratio": round(load["ratio"], 3),
        "render_ratio": round(rend["ratio"], 3),
        "crossings": crossed,
        "audit_scaling": round(scale["audit_ratio"], 3),
        "query_scaling": round(scale["query_ratio"], 3),
        "cli_validate_s": round(cli["seconds"], 3),
        "memory_per_input_byte": {"validate": round(memory["validate"], 1),
                                  "import_xlsx": round(memory["import_xlsx"], 1)},
        "report_140": {"seconds": round(rep["seconds"], 1), "megabytes": round(rep["megabytes"], 1),
                       "ratio": round(rep["ratio"], 2), "warm_s": round(rep["warm_s"], 1),
                       "warm_ratio": round(rep["warm_ratio"], 2)},
        "national": {
            "contracts": nat["contracts"], "nodes": nat["nodes"], "edges": nat["edges"],
            "load_s": round(nat["load_s"], 2), "audit_s": round(nat["audit_s"], 2),
            "peak_rss_mib": round(nat["peak_rss_mib"], 1),
            "parse_s": round(nat["parse_s"], 2), "cold_s": round(nat["cold_s"], 2),
            "warm_s": round(nat["warm_s"], 2), "one_edit_s": round(nat["one_edit_s"], 2),
            "cold_ratio": round(nat["cold_ratio"], 3), "warm_ratio": round(nat["warm_ratio"], 3),
            "one_edit_ratio": round(nat["one_edit_ratio"], 3), "reader": nat["reader"],
        },
        "details": {"mode": "quick" if quick else "full", "seed": seed, "load": load,
                    "render": rend, "scaling": scale, "national": nat, "cli": cli,
                    "memory": memory, "report": rep,
                    "machine": machine(), "targets": TARGETS, "steps_s": steps,
                    "run_s": time.perf_counter() - started},
    }
    result["details"]["ok"] = checks(result)
    return result


def checks(r: dict[str, Any]) -> dict[str, bool]:
    nat = r["national"]
    return {
        "load_ratio": r["load_ratio"] <= TARGETS["load_ratio"],
        "render_ratio": r["render_ratio"] <= TARGETS["render_ratio"],
        "crossings": sum(r["crossings"].values()) <= TARGETS["crossings"],
        "audit_scaling": r["audit_scaling"] <= TARGETS["audit_scaling"],
        "query_scaling": r["query_scaling"] <= TARGETS["query_scaling"],
        "cli_validate_s": r["cli_validate_s"] <= TARGETS["cli_validate_s"],
        "memory_per_input_byte": (
            r["memory_per_input_byte"]["validate"] <= TARGETS["memory_validate"]
            and r["memory_per_input_byte"]["import_xlsx"] <= TARGETS["memory_import_xlsx"]),
        "report_140": (r["report_140"]["megabytes"] <= TARGETS["report_mb"]
                       and r["report_140"]["ratio"] <= TARGETS["report_ratio"]),
        "national": (nat["load_s"] + nat["audit_s"] <= TARGETS["national_s"]
                     and nat["peak_rss_mib"] <= TARGETS["national_mib"]),
        "national_cold": nat["cold_ratio"] <= TARGETS["national_cold_ratio"],
        "national_warm": nat["warm_ratio"] <= TARGETS["national_warm_ratio"],
    }


def table(r: dict[str, Any]) -> str:
    d, ok = r["details"], r["details"]["ok"]
    nat, load, rend, sc = r["national"], d["load"], d["render"], d["scaling"]
    mem = d["memory"]

    def mark(key: str) -> str:
        return "yes" if ok[key] else "NO"

    rows = [
        ("load ratio", f"{r['load_ratio']:.2f}", "<= 2.0", mark("load_ratio"),
         f"{load['files']} contracts, {load['nodes']:,} nodes: dinnet {load['load_s']:.2f} s, "
         f"yaml.load {load['yaml_s']:.2f} s"),
        ("render ratio", f"{r['render_ratio']:.3f}", "<= 1.15", mark("render_ratio"),
         f"{rend['din_nodes']} DIN nodes: library {rend['library_s']:.3f} s, "
         f"dot -Tsvg {rend['dot_s']:.3f} s; whole text first {rend['whole_text_s']:.3f} s "
         f"({rend['whole_text_ratio']:.2f}), din_dot alone {rend['din_dot_s']:.3f} s"),
        ("crossings", str(sum(r["crossings"].values())), "<= 354", mark("crossings"),
         ", ".join(f"{k} {v}" for k, v in r["crossings"].items())),
        ("audit scaling", f"{r['audit_scaling']:.2f}", f"<= {TARGETS['audit_scaling']}",
         mark("audit_scaling"),
         f"{sc['n']['nodes']:,} nodes {sc['n']['audit_s']:.3f} s, "
         f"{sc['10n']['nodes']:,} nodes {sc['10n']['audit_s']:.3f} s"),
        ("query scaling", f"{r['query_scaling']:.2f}", "<= 1.3", mark("query_scaling"),
         f"{len(sc['n']['queries'])} queries: {sc['n']['query_s']:.3f} s, "
         f"{sc['10n']['query_s']:.3f} s (graph frozen; as it comes "
         f"{sc['query_ratio_unfrozen']:.2f})"),
        ("national load+audit", f"{nat['load_s'] + nat['audit_s']:.1f} s", "< 60 s", mark("national"),
         f"{nat['contracts']:,} contracts, {nat['nodes']:,} nodes, {nat['edges']:,} edges: "
         f"load {nat['load_s']:.1f} s, audit {nat['audit_s']:.1f} s"),
        ("national cold", f"{nat['cold_ratio']:.2f}", "<= 0.6", mark("national_cold"),
         f"load + audit, empty cache {nat['cold_s']:.2f} s / bare parse {nat['parse_s']:.2f} s "
         f"(one edit {nat['one_edit_s']:.2f} s, {nat['one_edit_ratio']:.2f}; "
         f"reader {nat['reader'].rsplit('.', 1)[-1]})"),
        ("national warm", f"{nat['warm_ratio']:.2f}", "<= 0.15", mark("national_warm"),
         f"load + audit, cache filled {nat['warm_s']:.2f} s (load {d['national']['warm_load_s']:.2f}"
         f" s, audit {d['national']['warm_audit_s']:.2f} s); load average "
         + ", ".join(f"{x:.1f}" for x in d["national"]["load_average"])),
        ("national peak RSS", f"{nat['peak_rss_mib']:,.0f} MiB", "< 6144 MiB", mark("national"),
         f"{d['national']['rss_bytes_per_node']:,.0f} bytes per node"),
        ("dinnet validate", f"{r['cli_validate_s']:.3f} s", "<= 0.5 s", mark("cli_validate_s"),
         "one contract, fresh process"),
        ("memory: validate", f"{r['memory_per_input_byte']['validate']:.1f} x", "<= 40 x",
         mark("memory_per_input_byte"),
         f"peak RSS growth {mem['validate_growth_mib']:.0f} MiB for {mem['contracts']} contracts "
         f"of {mem['validate_input_bytes'] / 2**20:.1f} MiB"),
        ("memory: import-xlsx", f"{r['memory_per_input_byte']['import_xlsx']:.1f} x", "<= 400 x",
         mark("memory_per_input_byte"),
         f"peak RSS growth {mem['xlsx_growth_mib']:.0f} MiB for a {mem['xlsx_bytes'] / 2**20:.1f} "
         f"MiB workbook ({mem['import_xlsx_unpacked']:.1f} x its "
         f"{mem['xlsx_unpacked_bytes'] / 2**20:.1f} MiB unpacked)"),
        ("report_140", f"{r['report_140']['ratio']:.1f}", "<= 10, <= 25 MB", mark("report_140"),
         f"{d['report']['contracts']} contracts: dinnet report {d['report']['seconds']:.1f} s, "
         f"{d['report']['megabytes']:.1f} MB; dinnet validate {d['report']['validate_s']:.2f} s"),
    ]
    head = ("measure", "value", "target", "met", "detail")
    widths = [max(len(str(row[i])) for row in (head, *rows)) for i in range(4)]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(head[:4], widths, strict=True)) + "  " + head[4]]
    lines.append("  ".join("-" * w for w in widths) + "  " + "-" * 6)
    for row in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(row[:4], widths, strict=True))
                     + "  " + row[4])
    m = d["machine"]
    lines.append("")
    lines.append(f"machine: {m['cpus']} CPUs ({m['cpu']}), {m['ram_gib']} GiB, Python {m['python']}, "
                 f"PyYAML {m['pyyaml']} (libyaml {m['libyaml']}), pydantic {m['pydantic']}, "
                 f"networkx {m['networkx']}, {m['dot']}; run took {d['run_s']:.0f} s")
    return "\n".join(lines)


def ab_parser(doc: str, rounds: int) -> argparse.ArgumentParser:
    """The arguments of the side-by-side scripts (``validate_ab.py``, ``national_ab.py``):
    the data, the other tree (``--base``) and ``--rounds``; ``doc``'s first paragraph
    describes the script."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="a folder of contracts (*.yaml)")
    parser.add_argument("--base", type=Path, required=True,
                        help="the src folder of the other tree (it holds dinnet/)")
    parser.add_argument("--rounds", type=int, default=rounds)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="340 contracts instead of 3,400")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--data", type=Path, help="write the generated contracts here (kept)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    result = run(args.quick, args.data, args.seed)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(table(result))
    return 0 if all(result["details"]["ok"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
