"""Loading in worker processes and from the cache gives the same graph and findings
as reading every file here; the cache is checked before it is trusted (issue 22)."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import shutil
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import networkx as nx
import pytest
from click.testing import CliRunner

import dinnet
from dinnet import graph as graph_module
from dinnet._forking import can_fork
from dinnet.audit import run_audit
from dinnet.cli import main
from dinnet.errors import ContractError
from dinnet.graph import contract_fragment
from dinnet.io import batch, cache, loading, lookup
from dinnet.io.cache import Cache, content_digest
from dinnet.io.measurements import attach_measurements, measurement_files, read_measurement_files

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

#: The forked workers and lookups need the fork system call (elsewhere everything is read
#: in-process, which the other tests cover).
fork_only = pytest.mark.skipif(not (hasattr(os, "fork") and sys.platform in ("linux", "darwin")),
                               reason="needs fork")


def _workers_for_any_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes for small sets too, and forking allowed although a thread of an
    earlier test (one feeding Graphviz, say) may still be ending: without that,
    :func:`~dinnet._forking.can_fork` rightly says no, and the files are read here."""
    monkeypatch.setattr(batch, "POOL_MIN_BYTES", 0)
    monkeypatch.setattr(threading, "active_count", lambda: 1)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory,
              generate_contracts: Callable[[Path, int, int], list[Path]]) -> list[Path]:
    """Six generated contracts of two municipalities, with relations between programmes.

    (Three of each: the audit's look-alike check compares the efforts of one
    municipality pairwise, which takes seconds for a whole one.)
    """
    made = generate_contracts(tmp_path_factory.mktemp("generated"), 24, 7)
    return sorted(p for m in ("gemeente-1-", "gemeente-2-")
                  for p in [q for q in made if q.name.startswith(m)][:3])


def _everything(G: nx.MultiDiGraph, *, audit: bool = True) -> tuple[Any, ...]:
    """Nodes, links, the order of every node's neighbours, the graph's attributes, findings."""
    return (list(G.nodes(data=True)), list(G.edges(keys=True, data=True)),
            [(n, list(G._pred[n]), list(G._succ[n])) for n in G], G.graph,
            run_audit(G) if audit else None)


class _Spy:
    """Counts the files read (by ``read_part``) and the worker pools started, in this process."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.read: list[str] = []
        self.pools = 0
        real_read, real_pool = loading.read_part, batch._in_pool

        def read_part(path: Any, raw: bytes | None = None) -> dict[str, Any]:
            self.read.append(Path(path).name)
            return real_read(path, raw)

        def in_pool(*args: Any) -> Any:
            self.pools += 1
            return real_pool(*args)

        monkeypatch.setattr(loading, "read_part", read_part)
        monkeypatch.setattr(batch, "_in_pool", in_pool)


def _reference(paths: list[Path]) -> nx.MultiDiGraph:
    """The graph built through networkx's own add_node and add_edge (not :func:`_fill`)."""
    loaded, _, _ = loading.load_contracts(*paths)
    G = nx.MultiDiGraph()
    fragments = sorted((contract_fragment(i.contract) for i in loaded), key=lambda f: f["programme"])
    for f in fragments:
        for n, attrs in zip(f["nodes"], f["attrs"], strict=True):
            G.add_node(n, **attrs)

    def links(f: dict[str, Any], field: str) -> Any:  # [u, v, key, attrs], ends as ids
        names, ends, (keys, attrs) = f["nodes"] + f["others"], f[field], graph_module.FIELDS[field]
        return list(zip([names[u] for u in ends[0::2]], [names[v] for v in ends[1::2]],
                        f[keys], f[attrs], strict=True))

    for f in fragments:
        for u, v, key, attrs in links(f, "links"):
            G.add_edge(u, v, key, **attrs)
    for f in fragments:
        for u, v, kind, attrs in links(f, "pending"):
            if u in G and v in G:
                if kind == "depends_on" and G.has_edge(u, v, kind):  # a second relation
                    graph_module._merge_relation(G.edges[u, v, kind], attrs)
                else:
                    G.add_edge(u, v, kind, **attrs)
    attach_measurements(G, read_measurement_files(measurement_files(paths)))  # as load() does
    return G


@pytest.mark.parametrize("which", ["almelo", "generated"])
def test_same_graph_and_findings_every_way(which: str, generated: list[Path], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted(loading.bundled_data_path().rglob("*.yaml")) if which == "almelo" else generated
    contracts = sum(p.name not in loading.INDEX_NAMES for p in paths)
    spy = _Spy(monkeypatch)
    here = _everything(dinnet.load(*paths, jobs=1, cache=False))
    assert spy.pools == 0 and len(spy.read) == contracts
    reference = _reference(paths)
    assert list(reference.nodes(data=True)) == here[0]
    assert list(reference.edges(keys=True, data=True)) == here[1]
    assert [(n, list(reference._pred[n]), list(reference._succ[n])) for n in reference] == here[2]

    _workers_for_any_set(monkeypatch)
    graph_only = (*here[:4], None)
    assert _everything(dinnet.load(*paths, jobs=2, cache=False), audit=False) == graph_only
    assert spy.pools == 1
    folder = tmp_path / "cache"
    spy.read.clear()
    assert _everything(dinnet.load(*paths, jobs=2, cache=folder), audit=False) == graph_only
    assert spy.pools == 2  # the workers filled the cache
    assert Cache(folder).info().entries == contracts
    assert _everything(dinnet.load(*paths, jobs=2, cache=folder)) == here  # all from the cache
    assert spy.pools == 2 and spy.read == []
    assert _everything(dinnet.load(*paths, jobs=1, cache=folder), audit=False) == graph_only
    shutil.rmtree(folder)
    assert _everything(dinnet.load(*paths, jobs=1, cache=folder), audit=False) == graph_only
    assert spy.pools == 2 and len(spy.read) == contracts  # filled here


@pytest.mark.parametrize("cached", [False, True])
def test_the_graph_locates_what_read_contract_locates(cached: bool, generated: list[Path],
                                                      tmp_path: Path) -> None:
    """``G.graph["files"]`` and ``["locations"]``, in order, as each file read alone gives
    them (:func:`~dinnet.io.loading.read_contract`, which keeps no places)."""
    paths = [*generated, *sorted(loading.bundled_data_path().glob("*.yaml")),
             Path("tests/assets/minimal.yaml")]
    if cached:
        dinnet.load(*paths, jobs=1, cache=tmp_path)
    G = dinnet.load(*paths, jobs=1, cache=tmp_path if cached else False)
    loaded = [loading.read_contract(p) for p in paths if p.name not in loading.INDEX_NAMES]
    assert list(G.graph["locations"].items()) == [
        (key, list(where)) for one in loaded for key, where in one.locations.items()]
    assert G.graph["files"] == {one.contract.programme.id: one.file for one in loaded}
    assert len(G.graph["locations"]) > 1000


def test_small_loads_and_one_job_start_no_workers(generated: list[Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    spy = _Spy(monkeypatch)
    dinnet.load(jobs=4, cache=False)  # the Almelo data: far below POOL_MIN_BYTES
    size = sum(p.stat().st_size for p in generated)
    monkeypatch.setattr(batch, "POOL_MIN_BYTES", size + 1)
    dinnet.load(*generated, jobs=2, cache=False)
    monkeypatch.setattr(batch, "POOL_MIN_BYTES", size)
    dinnet.load(*generated, jobs=1, cache=False)
    assert spy.pools == 0
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # (see _workers_for_any_set)
    if can_fork():
        dinnet.load(*generated, jobs=2, cache=False)
        assert spy.pools == 1
    pools = spy.pools
    monkeypatch.setattr(threading, "active_count", lambda: 2)  # a notebook's kernel threads:
    monkeypatch.setattr(sys, "platform", "linux")  # forked on Linux (can_fork(other_threads))
    if hasattr(os, "fork"):
        dinnet.load(*generated, jobs=2, cache=False)
        assert spy.pools == pools + 1
        pools = spy.pools
    monkeypatch.setattr(sys, "platform", "darwin")  # not on macOS
    dinnet.load(*generated, jobs=2, cache=False)
    assert spy.pools == pools


def _broken(folder: Path, generated: list[Path]) -> list[Path]:
    """A copy of the generated set with three files broken in three ways."""
    folder.mkdir()
    for path in generated:
        shutil.copy(path, folder)
    files = sorted(folder.iterdir())
    files[1].write_text(files[1].read_text(encoding="utf-8").replace("label:", "lable:", 1),
                        encoding="utf-8")
    files[3].write_text("programme: [\n", encoding="utf-8")
    files[5].write_bytes(b"\xff\xfe\x00")
    return files


def test_errors_in_the_same_order_with_workers(generated: list[Path], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    files = _broken(tmp_path / "broken", generated)
    _workers_for_any_set(monkeypatch)
    said = []
    for jobs in (1, 2):
        with pytest.raises(ContractError) as caught:
            dinnet.load(*files, jobs=jobs, cache=tmp_path / "cache")
        said.append([p.text("en") for p in caught.value.problems])
    assert said[0] == said[1]
    assert [Path(line.split(":")[0]).name for line in said[0][:1]] == [files[1].name]
    assert {Path(p.split(":")[0]).name for p in said[0]} == {files[i].name for i in (1, 3, 5)}
    assert Cache(tmp_path / "cache").info().entries == len(files) - 3  # errors are not kept


@fork_only
def test_what_a_failed_worker_held_is_read_here(generated: list[Path], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker that dies on a file leaves it (and the one it held next) to this process:
    the same graph. The entries it had not written yet (a worker writes them after its last
    file) are missing, and the next load reads those files again, and only them."""
    _workers_for_any_set(monkeypatch)
    parent, real_work = os.getpid(), batch._work

    def work(path: Path, **kwargs: Any) -> bytes:
        if os.getpid() != parent:  # each worker lists the files it was given
            with (tmp_path / f"given-to-{os.getpid()}").open("a") as fh:
                fh.write(path.name + "\n")
            if path.name == generated[2].name:
                os._exit(1)  # as if killed
        return real_work(path, **kwargs)

    monkeypatch.setattr(batch, "_work", work)
    spy = _Spy(monkeypatch)
    G = dinnet.load(*generated, jobs=2, cache=tmp_path / "cache")
    here = set(spy.read)
    assert spy.pools == 1 and generated[2].name in here and len(spy.read) <= 2
    assert _everything(G) == _everything(dinnet.load(*generated, jobs=1, cache=False))
    lost = [set(log.read_text().split()) - here for log in tmp_path.glob("given-to-*")
            if generated[2].name in log.read_text().split()]  # what the dead one had read
    again = _Spy(monkeypatch)
    assert _everything(dinnet.load(*generated, jobs=1, cache=tmp_path / "cache")) == _everything(G)
    assert [set(again.read)] == lost
    assert Cache(tmp_path / "cache").info().entries == len(generated)


@fork_only
def test_stopping_a_load_stops_its_workers(generated: list[Path],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C (here: in the progress callback) while the workers read: they are killed
    and waited for before the load ends."""
    _workers_for_any_set(monkeypatch)
    forked, real_fork = [], os.fork
    monkeypatch.setattr(os, "fork", lambda: forked.append(real_fork()) or forked[-1])

    def progress(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt) as caught:
        dinnet.load(*generated, jobs=2, cache=False, progress=progress)
    assert len(forked) == 2 and all(pid > 0 for pid in forked)
    for pid in forked:  # gone, not even zombies, while the traceback still holds the load
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
    del caught


@fork_only
@pytest.mark.parametrize("stop", [False, True])
def test_a_load_leaves_every_entry_and_no_worker_behind(stop: bool, generated: list[Path],
                                                        tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers write their entries after their last file, while the graph is built:
    the load waits for them (every entry is there when it returns), and Ctrl-C meanwhile
    (here: in ``assemble``) kills them at once."""
    _workers_for_any_set(monkeypatch)
    forked, real_fork, real_keep = [], os.fork, batch._keep_held
    monkeypatch.setattr(os, "fork", lambda: forked.append(real_fork()) or forked[-1])

    def keep(cache: Cache, held: list[tuple[str, bytes]]) -> None:  # in the workers: slow
        time.sleep(60 if stop else 0.5)
        real_keep(cache, held)

    def assemble(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "_keep_held", keep)
    if stop:
        monkeypatch.setattr(loading, "assemble", assemble)
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt) if stop else contextlib.nullcontext():
        dinnet.load(*generated, jobs=2, cache=tmp_path / "cache")
    assert len(forked) == 2 and time.monotonic() - started < 30
    for pid in forked:  # gone, not even zombies
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
    assert Cache(tmp_path / "cache").info().entries == (0 if stop else len(generated))


def test_one_edited_file_is_read_again_and_only_it(generated: list[Path], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data"
    shutil.copytree(generated[0].parent, folder)
    files = sorted(folder.glob("*.yaml"))
    store = tmp_path / "cache"
    dinnet.load(folder, jobs=1, cache=store)
    text = files[4].read_text(encoding="utf-8")
    files[4].write_text(text.replace("label: ", "label: Bewerkt ", 1), encoding="utf-8")
    spy = _Spy(monkeypatch)
    G = dinnet.load(folder, jobs=1, cache=store)
    assert spy.read == [files[4].name]
    assert any(str(label).startswith("Bewerkt ") for _, label in G.nodes(data="label"))
    assert _everything(G, audit=False) == _everything(dinnet.load(folder, jobs=1, cache=False),
                                                      audit=False)
    files[4].write_text(text, encoding="utf-8")  # back as it was: the first entry again
    spy.read.clear()
    dinnet.load(folder, jobs=1, cache=store)
    assert spy.read == []


def _hashes_here(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the files whose digest is taken by this process's lookups (a forked
    child counts in its own copy)."""
    hashed: list[int] = []
    real = lookup.content_digest
    monkeypatch.setattr(lookup, "content_digest", lambda raw: hashed.append(len(raw)) or real(raw))
    return hashed


def test_a_cache_without_entries_is_not_looked_in(generated: list[Path], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A first run does not read and hash every file here only to miss: the workers read them."""
    _workers_for_any_set(monkeypatch)
    hashed = _hashes_here(monkeypatch)  # (the workers count in their own copies)
    store = tmp_path / "cache"
    first = dinnet.load(*generated, jobs=2, cache=store)
    assert hashed == [] and Cache(store).info().entries == len(generated)
    again = dinnet.load(*generated, jobs=2, cache=store)  # now there are entries to look up
    assert len(hashed) == len(generated)
    assert _everything(again, audit=False) == _everything(first, audit=False)
    Cache(store).clear()  # no entries, no folder of entries: not looked in again
    hashed.clear()
    dinnet.load(*generated, jobs=2, cache=store)
    assert hashed == [] and Cache(store).info().entries == len(generated)


@fork_only
def test_many_files_are_looked_up_by_a_forked_child(generated: list[Path], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """With many files (here: any two), a child reads and hashes them and checks their
    entries; this process only unpacks, and the graph is the same."""
    store = tmp_path / "cache"
    first = dinnet.load(*generated, jobs=1, cache=store)
    monkeypatch.setattr(lookup, "FORK_MIN_FILES", 2)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # a test runner's own threads
    spy = _Spy(monkeypatch)
    hashed = _hashes_here(monkeypatch)
    digests: dict[str, str | None] = {}
    again = dinnet.load(*generated, jobs=2, cache=store, digests=digests)
    assert hashed == [] and spy.read == []  # the child looked, and every entry was used
    assert _everything(again, audit=False) == _everything(first, audit=False)
    assert digests == {str(p): content_digest(p.read_bytes()) for p in generated}
    one = dinnet.load(*generated, jobs=1, cache=store)  # one job: no child
    assert len(hashed) == len(generated) and _everything(one) == _everything(again)
    monkeypatch.setattr(threading, "active_count", lambda: 2)  # a fork would copy one thread
    hashed.clear()
    dinnet.load(*generated, jobs=2, cache=store)
    assert len(hashed) == len(generated)


@fork_only
@pytest.mark.parametrize("how", ["ends", "garbles"])
def test_what_a_failing_lookup_child_did_not_deliver_is_looked_up_here(
        how: str, generated: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A child that ends after two records, or sends a third that is not one, leaves the
    rest of the files to this process: every file still comes from the cache."""
    store = tmp_path / "cache"
    first = dinnet.load(*generated, jobs=1, cache=store)
    monkeypatch.setattr(lookup, "FORK_MIN_FILES", 2)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # a test runner's own threads
    real_write, written = lookup.send, []

    def write(fd: int, *parts: bytes) -> None:  # runs in the child
        data = b"".join(parts)
        written.append(fd)
        if len(written) <= 2:
            real_write(fd, data)
        elif how == "garbles":
            real_write(fd, lookup._RECORD.pack(7, 1, b"0" * 64, 3) + b"abc")
        else:
            raise OSError("gone")

    monkeypatch.setattr(lookup, "send", write)
    spy = _Spy(monkeypatch)
    hashed = _hashes_here(monkeypatch)
    again = dinnet.load(*generated, jobs=2, cache=store)
    assert len(hashed) == len(generated) - 2 and spy.read == []
    assert _everything(again, audit=False) == _everything(first, audit=False)


@fork_only
def test_a_lookup_stopped_early_ends_its_child(generated: list[Path], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing the lookups half way (an error, Ctrl-C) stops and reaps the child."""
    store = tmp_path / "cache"
    dinnet.load(*generated, jobs=1, cache=store)
    monkeypatch.setattr(lookup, "FORK_MIN_FILES", 2)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # a test runner's own threads
    forked, real_fork = [], os.fork
    monkeypatch.setattr(os, "fork", lambda: forked.append(real_fork()) or forked[-1])
    found = lookup.looked_up(generated, Cache(store), 2)
    digest, payload, raw = next(found)
    assert digest == content_digest(generated[0].read_bytes()) and payload and raw is None
    assert len(forked) == 1 and forked[0] > 0
    found.close()
    with pytest.raises(ChildProcessError):  # the child is gone, not even a zombie left
        os.waitpid(forked[0], os.WNOHANG)


@pytest.mark.parametrize("change", ["version", "schema", "limits"])
def test_another_version_schema_or_limit_reads_again(change: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "cache"
    before = _everything(dinnet.load(jobs=1, cache=store))
    spy = _Spy(monkeypatch)
    dinnet.load(jobs=1, cache=store)
    assert spy.read == []
    if change == "version":
        monkeypatch.setattr(cache, "_version", lambda: "99.0")
    elif change == "schema":
        monkeypatch.setattr(cache, "schema_version", lambda: "0123456789abcdef")
    else:
        monkeypatch.setattr(cache.limits, "ALIAS_MAX_RATIO", 11)
    assert _everything(dinnet.load(jobs=1, cache=store)) == before
    assert len(spy.read) == len(loading.contract_files([loading.bundled_data_path()])) - 1  # index
    assert Cache(store).info().entries == 2 * len(spy.read)


def test_a_limit_lowered_refuses_a_cached_file(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "cache"
    dinnet.load("tests/assets/minimal.yaml", cache=store)
    monkeypatch.setattr(cache.yamlread, "MAX_DEPTH", 2)
    with pytest.raises(ContractError, match="nest"):
        dinnet.load("tests/assets/minimal.yaml", cache=store)


def test_the_schema_version_follows_the_source(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(cache.__file__).resolve().parents[1]
    copy = tmp_path / "dinnet"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("__pycache__", "_data"))
    assert cache.fingerprint(copy) == cache.fingerprint(root) == cache.schema_version()
    seen = {cache.schema_version()}
    # every module whose code decides what a file reads as (the quick reader too)
    for name in ("contract/model.py", "graph.py", "io/loading.py", "io/yamlread.py",
                 "io/yamlfast.py", "io/limits.py"):
        module = copy / name
        module.write_text(module.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        assert cache.fingerprint(copy) not in seen, name
        seen.add(cache.fingerprint(copy))


def _typed(value: Any) -> Any:
    """``value`` with the type of every key and value beside it (``True == 1`` otherwise)."""
    if isinstance(value, dict):
        return [(type(k).__name__, k, _typed(v)) for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [type(value).__name__, *map(_typed, value)]
    return type(value).__name__, value


def _plain(value: Any) -> bool:
    """Whether ``value`` is plain data: dicts (text or number keys), lists, and scalars."""
    if isinstance(value, dict):
        return all(type(k) in (str, int) and _plain(v) for k, v in value.items())
    if type(value) is list:
        return all(map(_plain, value))
    return type(value) in (str, int, float, bool, type(None))


def test_parts_are_plain_data_and_come_back_from_the_cache_exactly(generated: list[Path]) -> None:
    """The cache's MessagePack (msgspec) would also take a date, a set or a tuple, and give
    back text and lists: a part must hold nothing of the kind."""
    almelo = [p for p in loading.bundled_data_path().rglob("*.yaml") if p.name != "index.yaml"]
    files = [*almelo, *generated, Path("tests/assets/minimal.yaml")]
    for path in files:
        part = loading.read_part(path)
        assert _plain(part), path
        assert _typed(cache.unpack(cache.pack(part))) == _typed(part), path
    assert not _plain({"day": __import__("datetime").date(2024, 1, 1)})
    assert not _plain({"kinds": ("goal",)}) and not _plain({1.5: "x"})


def _literal(annotation: Any) -> set[Any]:
    """The values a ``Literal`` (or ``Literal | None``) annotation allows."""
    return {v for arg in (get_args(annotation) or (annotation,))
            for v in (get_args(arg) or [arg]) if v is not type(None)}


def test_the_typed_part_allows_what_the_model_allows() -> None:
    """The closed sets of values of :class:`~dinnet.io.loading.Part`'s attributes are those of
    the graph and of the contract model (a value they lacked would send the file to be read
    again on every load)."""
    from dinnet.contract import model

    assert get_args(loading.NodeKind) == graph_module.NODE_KINDS
    assert get_args(loading.LinkKind) == graph_module.EDGE_KINDS
    assert _literal(loading.GoalLevel) == _literal(model.GoalLevel)
    assert _literal(loading.Direction) == _literal(model.Indicator.model_fields["direction"].annotation)
    assert _literal(loading.Role) == _literal(model.Project.model_fields["role"].annotation)
    assert _literal(loading.Strength) == _literal(
        model.Contribution.model_fields["strength"].annotation)


def test_the_typed_part_names_every_attribute_and_shares_the_kinds(generated: list[Path]) -> None:
    """Every attribute of every node and link has its name in :class:`~dinnet.io.loading.NodeAttrs`
    or :class:`~dinnet.io.loading.LinkAttrs` (else unpacking would drop it), and the kinds
    unpack into one object per text, not one per node or link."""
    almelo = [p for p in loading.bundled_data_path().rglob("*.yaml") if p.name != "index.yaml"]
    zonnedal = [Path("examples/zonnedal") / f"{name}.yaml"
                for name in ("duurzaam-zonnedal", "werk-en-inkomen")]
    node_names = set(loading.NodeAttrs.__annotations__)
    link_names = set(loading.LinkAttrs.__annotations__)
    seen_nodes: set[str] = set()
    seen_links: set[str] = set()
    for path in [*almelo, *zonnedal, *generated]:
        part = loading.read_part(path)
        for attrs in part["attrs"]:
            seen_nodes |= attrs.keys()
        for attrs in part["link_attrs"] + part["pending_attrs"]:
            seen_links |= attrs.keys()
        back = loading.unpack_part(cache.pack(part))
        assert back == part, path
        kinds = [a["kind"] for a in back["attrs"]] + back["link_keys"] + back["pending_keys"] + [
            a["kind"] for a in back["link_attrs"] + back["pending_attrs"]]
        assert len({id(k) for k in kinds}) == len(set(kinds)), path
    assert seen_nodes <= node_names and seen_links <= link_names
    assert seen_nodes >= {"kind", "programme", "level", "direction", "role", "measurements",
                          "realisations", "not_in_text", "lijnproject", "track_type"}
    assert seen_links >= {"kind", "level", "strength", "topics", "nodes", "inferred"}


def test_a_worker_result_the_typed_decoder_refuses_is_taken_as_it_is() -> None:
    """A worker's part with a value the typed decoder does not know (a model that grew a
    value the part's types lack) is unpacked as it is: the load goes on, none is lost."""
    sent = batch._PACKED + b"0" * 64 + cache.pack({"programme": "p", "attrs": [{"kind": "new"}]})
    assert batch._received(sent, loading.unpack_part) == (
        {"programme": "p", "attrs": [{"kind": "new"}]}, "0" * 64)


def test_a_node_has_room_for_its_measurements_before_they_come(generated: list[Path]) -> None:
    """An indicator's, effort's or project's attributes, unpacked, are not made again when
    the measurements are attached (they were, for most: 0.4 s and 110 MB at 3,400
    contracts), and end with them, as they did."""
    parts = [loading.unpack_part(cache.pack(loading.read_part(path))) for path in generated]
    G = graph_module.assemble(parts)
    sizes = {n: sys.getsizeof(d) for n, d in G.nodes(data=True)}
    attach_measurements(G, [])
    measured = {n: d for n, d in G.nodes(data=True) if d["kind"] in ("indicator", "effort", "project")}
    assert len(measured) > 100
    assert all(sys.getsizeof(d) == sizes[n] for n, d in measured.items())
    assert all(list(d)[-1] == ("measurements" if d["kind"] == "indicator" else "realisations")
               and d[list(d)[-1]].__class__ is tuple for d in measured.values())


class _Planted:
    """Would leave a mark if ever unpickled."""

    def __init__(self, mark: Path) -> None:
        self.mark = mark

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.mark,))


def _tamper(entry: Path, how: str, other: Path, mark: Path) -> None:
    raw = entry.read_bytes()
    if how == "truncated":
        entry.write_bytes(raw[: len(raw) // 2])
    elif how == "empty":
        entry.write_bytes(b"")
    elif how == "garbage":
        entry.write_bytes(os.urandom(len(raw)))
    elif how == "payload":  # one byte of a label changed, the checksum left as it was
        at = raw.rindex(b"Vergroten") if b"Vergroten" in raw else len(raw) - 40
        entry.write_bytes(raw[:at] + bytes([raw[at] ^ 1]) + raw[at + 1:])
    elif how == "foreign":  # another file's entry under this file's name
        entry.write_bytes(other.read_bytes())
    elif how == "pickle":
        entry.write_bytes(cache.MAGIC + pickle.dumps(_Planted(mark)))
    elif how == "wrong_shape":  # a well-formed entry whose payload is not a contract
        digest = content_digest(Path("tests/assets/minimal.yaml").read_bytes())
        entry.unlink()
        Cache(entry.parents[2]).put(digest, {"programme": "mini", "nodes": "everything"})
    elif how in _RESHAPED:  # a well-formed entry of the right fields, one item changed
        digest = content_digest(Path("tests/assets/minimal.yaml").read_bytes())
        part = Cache(entry.parents[2]).get(digest)
        _RESHAPED[how](part)
        Cache(entry.parents[2]).put(digest, part)


def _set(field: str, at: int, value: Callable[[dict[str, Any]], Any]) -> Callable[[Any], None]:
    def change(part: dict[str, Any]) -> None:
        part[field][at] = value(part)
    return change


#: Parts that look right field by field but would build another graph, or none.
_RESHAPED: dict[str, Callable[[Any], None]] = {
    "end_past_the_names": _set("links", 0, lambda p: len(p["nodes"]) + len(p["others"])),
    "end_negative": _set("pending", 1, lambda p: -1),  # names[-1]: another node, silently
    "end_an_id": _set("links", 1, lambda p: p["nodes"][0]),
    "end_true": _set("links", 0, lambda p: True),
    "key_a_list": _set("link_keys", 0, lambda p: ["belongs_to"]),
    "link_attrs_a_list": _set("pending_attrs", 0, lambda p: []),
    "node_attrs_a_list": _set("attrs", 1, lambda p: []),
    "node_id_a_number": _set("nodes", 1, lambda p: 1),
    "other_a_number": lambda p: p["others"].append(7),
    "link_cut_short": lambda p: p["links"].pop(),
    "link_key_missing": lambda p: p["link_keys"].pop(),
    "pending_attrs_missing": lambda p: p["pending_attrs"].pop(),
    "node_attrs_missing": lambda p: p["attrs"].pop(),
    "field_missing": lambda p: p.pop("pending_keys"),
    "location_past_the_nodes": _set("locations", 1, lambda p: len(p["nodes"])),
    "location_negative": _set("locations", 1, lambda p: -2),
    "location_a_list": _set("locations", 1, lambda p: []),
    "positions_cut_short": lambda p: p["positions"].pop(),
    # a key looked up in its programme's part only (dinnet.io.locations): no other's
    "node_of_another_programme": _set("nodes", 1, lambda p: "other:" + p["nodes"][1]),
    "programme_node_not_first": lambda p: p["nodes"].reverse(),
    "location_of_another_programme": _set("locations", -1, lambda p: "other#table:B1"),
    "external_cut_short": lambda p: p["external"].append(["other", "SD1", ["goal"], 1, 1]),
}


def _usable(data: Any) -> bool:
    """Whether a load would use ``data`` as a cached part: it unpacks into a
    :class:`~dinnet.io.loading.Part` and its parts fit together."""
    try:
        part = loading.unpack_part(cache.pack(data))
    except ValueError:
        return False
    return loading._is_part(part)


@pytest.mark.parametrize("how", ["truncated", "empty", "garbage", "payload", "foreign", "pickle",
                                 "wrong_shape", *_RESHAPED])
def test_a_tampered_entry_is_ignored_and_rebuilt(how: str, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    minimal, other = Path("tests/assets/minimal.yaml"), Path("tests/assets/escaping.yaml")
    expected = _everything(dinnet.load(minimal, cache=False))
    dinnet.load(minimal, other, cache=store)
    entry = Cache(store).path(content_digest(minimal.read_bytes()))
    assert entry.is_file()
    mark = tmp_path / "code-ran"
    _tamper(entry, how, Cache(store).path(content_digest(other.read_bytes())), mark)
    tampered = Cache(store).get(content_digest(minimal.read_bytes()))
    reshaped = how in _RESHAPED and tampered is not None and not _usable(tampered)
    assert tampered is None or how == "wrong_shape" or reshaped
    assert _everything(dinnet.load(minimal, cache=store)) == expected
    assert not mark.exists()
    assert _usable(Cache(store).get(content_digest(minimal.read_bytes())))  # rebuilt


def test_an_unwritable_cache_folder_is_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    G = dinnet.load("tests/assets/minimal.yaml", cache=blocker / "cache")
    assert G.number_of_nodes() > 0
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_writes_are_atomic_under_concurrent_runs(tmp_path: Path) -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs fork")  # pragma: no cover
    store = Cache(tmp_path / "cache")
    data = {"programme": "p", "nodes": [["p", {"label": "x" * 2000}]] * 200}
    digest = content_digest(b"same file")
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_write_many, args=(str(store.folder), digest, data))
               for _ in range(2)]
    for w in writers:
        w.start()
    seen = []
    while any(w.is_alive() for w in writers):
        seen.append(store.get(digest))
    for w in writers:
        w.join()
    assert all(got is None or got == data for got in seen)
    assert store.get(digest) == data
    assert not list(store.folder.rglob(".tmp-*"))


def _write_many(folder: str, digest: str, data: Any) -> None:
    for _ in range(30):
        Cache(folder).put(digest, data)


def test_cache_clear_removes_entries_only(tmp_path: Path) -> None:
    store = tmp_path / "mine"
    (store / "contracts" / "ab").mkdir(parents=True)
    keep = [store / "notes.txt", store / "contracts" / "ab" / "readme.md"]
    for path in keep:
        path.write_text("mine", encoding="utf-8")
    dinnet.load(cache=store)
    runner = CliRunner()
    info = runner.invoke(main, ["cache", "info", "--cache-dir", str(store), "--lang", "en"])
    assert info.exit_code == 0 and " 8 files, " not in info.output
    entries = Cache(store).info().entries
    assert entries == 7 and f": {entries} files, " in info.output
    cleared = runner.invoke(main, ["cache", "clear", "--cache-dir", str(store), "--lang", "en"])
    assert cleared.exit_code == 0, cleared.output
    assert cleared.output.startswith("cache cleared: removed 7 files from ")
    assert Cache(store).info().entries == 0
    assert all(path.read_text(encoding="utf-8") == "mine" for path in keep)
    nl = runner.invoke(main, ["cache", "info", "--cache-dir", str(store), "--lang", "nl"])
    assert nl.output.strip() == f"cache: {store}: 0 bestanden, 0 MB"


def test_the_command_line_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = _Spy(monkeypatch)
    runner = CliRunner()
    store = tmp_path / "cache"
    for args in (["--cache-dir", str(store)], ["--cache-dir", str(store), "--jobs", "1"],
                 ["--no-cache", "--jobs", "2"]):
        spy.read.clear()
        result = runner.invoke(main, ["-q", "validate", *args])
        assert result.exit_code == 0, result.output
        reads = len(spy.read)
        if args[:2] == ["--cache-dir", str(store)] and len(args) == 4:
            assert reads == 0  # the second run: everything from the cache
        else:
            assert reads == 7
    assert Cache(store).info().entries == 7
    spy.read.clear()
    result = runner.invoke(main, ["-q", "audit", "--cache-dir", str(store), "--fail-on", "never"])
    assert result.exit_code == 0 and spy.read == []
    # the default folder is DINNET_CACHE_DIR, which the test session points at a folder of its own
    assert os.environ["DINNET_CACHE_DIR"] == str(cache.default_folder())
    assert "dinnet-test-cache-" in os.environ["DINNET_CACHE_DIR"]


def _elements_walking_every_value(node: Any, pid: str, found: dict[str, Any]) -> None:
    """The location walk as it was before it skipped scalars (the reference), over
    PyYAML's node tree or yamlfast's (the same shape)."""
    kind = getattr(node, "id", None)
    if kind == "sequence":
        for item in node.value:
            _elements_walking_every_value(item, pid, found)
    elif kind == "mapping":
        fields = {str(k.value): v for k, v in node.value}
        if getattr(fields.get("id"), "id", None) == "scalar":
            found.setdefault(graph_module.node_id(pid, str(fields["id"].value)),
                             loading._where(node))
        for key, value in fields.items():
            if key != "id":
                _elements_walking_every_value(value, pid, found)


def test_elements_are_located_as_by_the_walk_over_every_value(
        generated: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    files = [*generated, *sorted(loading.bundled_data_path().glob("*.yaml")),
             *sorted(Path("examples").glob("*.yaml")), Path("tests/assets/minimal.yaml")]
    parts = [loading.read_part(f) for f in files if f.name != "index.yaml"
             and not f.name.endswith(".measurements.yaml")]
    monkeypatch.setattr(loading, "_elements", _elements_walking_every_value)
    assert parts == [loading.read_part(f) for f in files if f.name != "index.yaml"
                     and not f.name.endswith(".measurements.yaml")]
    assert sum(len(p["locations"]) for p in parts) > 1000
