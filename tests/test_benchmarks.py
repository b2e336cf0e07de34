"""The benchmark generator writes contracts that validate (no timing here)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import dinnet

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dinnet_bench_generate", BENCHMARKS / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_generated_contracts_validate(tmp_path: Path) -> None:
    gen = _generator()
    paths = gen.generate(tmp_path, 9, seed=3)
    assert len(paths) == 9
    assert all(p.name.startswith("gemeente-1-programma-") for p in paths[:6])
    G = dinnet.load(*paths)
    assert sum(k == "programme" for _, k in G.nodes(data="kind")) == 9
    assert not [w for w in G.graph["warnings"] if "error" in w]
    kinds = {k for _, k in G.nodes(data="kind")}
    assert kinds >= {"vision", "goal", "indicator", "effort", "project", "stakeholder"}
    assert any(kind == "depends_on" for _, _, kind in G.edges(keys=True))  # relations resolve
    assert 100 * 9 <= G.number_of_nodes() <= 330 * 9


def test_generation_is_seeded(tmp_path: Path) -> None:
    gen = _generator()
    a = gen.generate(tmp_path / "a", 3, seed=5)
    b = gen.generate(tmp_path / "b", 3, seed=5)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def test_large_programme_has_a_big_din(tmp_path: Path) -> None:
    gen = _generator()
    G = dinnet.load(gen.generate_large_programme(tmp_path, 300))
    drawn = [n for n, k in G.nodes(data="kind") if k in ("vision", "goal", "effort", "result", "project")]
    assert 200 <= len(drawn) <= 400


def test_fifty_megabyte_folder_loads_with_bounded_memory(tmp_path: Path) -> None:
    """docs/robustness.md case 14: a 50 MB folder of honest contracts loads; the peak
    resident memory of the loading process stays proportional to the input: about 20 times
    the YAML size here (4.7 kB per node, docs/performance.md); the bound is 30 times."""
    import subprocess

    gen = _generator()
    gen.generate(tmp_path, 1_100, seed=7)
    size = sum(p.stat().st_size for p in tmp_path.iterdir())
    assert size >= 50_000_000
    code = (f"import resource, dinnet; G = dinnet.load({str(tmp_path)!r}); "
            "print(G.number_of_nodes(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=600).stdout.split()
    nodes, peak_kib = int(out[0]), int(out[1])
    assert nodes > 150_000
    assert peak_kib * 1024 < 30 * size, (peak_kib, size)


def test_memory_per_input_byte_stays_under_its_bound(tmp_path: Path) -> None:
    """The benchmark's ``memory_per_input_byte`` on a small set: under the stated bounds."""
    spec = importlib.util.spec_from_file_location("dinnet_bench_run", BENCHMARKS / "run.py")
    assert spec is not None and spec.loader is not None
    run = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = run
    spec.loader.exec_module(run)
    files = _generator().generate(tmp_path / "c", 20, seed=3)
    memory = run.memory_per_input_byte(files, tmp_path)
    assert 0 < memory["validate"] <= run.TARGETS["memory_validate"], memory
    assert 0 < memory["import_xlsx"] <= run.TARGETS["memory_import_xlsx"], memory


def test_national_ab_compares_two_trees(tmp_path: Path) -> None:
    """``benchmarks/national_ab.py`` runs (the tree against itself, one round; no timing
    asserted): each tree's cold and warm run, the medians and the count of rounds won."""
    import subprocess

    _generator().generate(tmp_path / "data", 2, seed=3)
    src = Path(dinnet.__file__).parents[1]
    done = subprocess.run([sys.executable, str(BENCHMARKS / "national_ab.py"), str(tmp_path / "data"),
                           "--base", str(src), "--rounds", "1"], capture_output=True, text=True,
                          check=True, env={"PYTHONPATH": str(src), "PATH": "",
                                           "DINNET_CACHE_DIR": str(tmp_path / "cache")})
    lines = done.stdout.splitlines()
    assert len(lines) == 6, done.stdout
    assert [line.split(":")[0] for line in lines[:2]] == ["round 1 base", "round 1 new"]
    assert all(re.search(r"cold \d+\.\d\d s .*, warm \d+\.\d\d s ", line) for line in lines[:2])
    assert lines[2].startswith("base: median cold") and lines[3].startswith("new: median cold")
    assert all(re.fullmatch(rf"{kind}: new quicker in [01] of 1 rounds", line)
               for kind, line in zip(("cold", "warm"), lines[4:], strict=True))


def test_validate_ab_compares_two_trees(tmp_path: Path) -> None:
    """``benchmarks/validate_ab.py`` runs (here the tree against itself; no timing asserted)."""
    import subprocess

    _generator().generate(tmp_path / "data", 2, seed=3)
    src = Path(dinnet.__file__).parents[1]
    done = subprocess.run([sys.executable, str(BENCHMARKS / "validate_ab.py"), str(tmp_path / "data"),
                           "--base", str(src), "--rounds", "2"], capture_output=True, text=True,
                          check=True, env={"PYTHONPATH": str(src), "PATH": ""})
    assert "per pass over 2 contracts" in done.stdout and "new/base: median" in done.stdout
