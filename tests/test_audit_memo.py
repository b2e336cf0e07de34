"""The audit's findings kept between runs of the same files (issue 22): the same findings,
never for other files, another date, other code, or from an entry that is not sound."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import threading
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

import dinnet
from dinnet.audit import run_audit
from dinnet.audit.findings import Finding
from dinnet.audit.plain import findings_from_data, findings_to_data
from dinnet.cli import audited, main
from dinnet.cli.audited import audit_paths
from dinnet.glossary import message
from dinnet.io import batch
from dinnet.io import memo as memo_module
from dinnet.io.cache import MAGIC, pack, unpack
from dinnet.io.loading import input_files
from dinnet.io.memo import MOST_ENTRIES, Memo

ROOT = Path(__file__).resolve().parents[1]
ALMELO = ROOT / "data" / "contracts" / "almelo-2019"
GROENE = [ROOT / "examples" / "groene-stad.yaml", ROOT / "examples" / "groene-stad.measurements.yaml"]
DAY = dt.date(2028, 1, 1)  # late enough for the monitoring rules to find stale measurements


def _full(findings: list[Any]) -> list[Any]:
    """Findings with their glossary messages (``said`` is left out of ``==``)."""
    return [(f, f.said) for f in findings]


@pytest.fixture
def almelo(tmp_path: Path) -> Path:
    shutil.copytree(ALMELO, tmp_path / "almelo")
    return tmp_path / "almelo"


class _NoAudit:
    """Stands in for run_audit: a run that gets its findings from the memo never calls it."""

    calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        type(self).calls += 1
        return run_audit(*args, **kwargs)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> type[_NoAudit]:
    _NoAudit.calls = 0
    monkeypatch.setattr(audited, "run_audit", _NoAudit())
    return _NoAudit


@pytest.mark.parametrize("source", ["almelo", "groene", "generated"])
def test_findings_survive_plain_data(source: str, generated_graph: nx.MultiDiGraph) -> None:
    G = {"almelo": lambda: dinnet.load(ALMELO), "groene": lambda: dinnet.load(*GROENE),
         "generated": lambda: generated_graph}[source]()
    findings = run_audit(G, as_of=DAY)
    assert len({f.code for f in findings}) > 5
    data = findings_to_data(findings)
    back = findings_from_data(unpack(pack(data)))
    assert back is not None and _full(back) == _full(findings)
    assert repr(_full(back)) == repr(_full(findings))  # lists, tuples, ints, floats as they were
    assert [f.text("nl") for f in back] == [f.text("nl") for f in findings]


def test_no_findings_and_findings_without_a_place_survive_plain_data() -> None:
    placed = Finding("p", "DIN101", None, "r", "info", "m", "a.txt:1", ("p.yaml", 3, 4))
    unplaced = Finding("p", "DIN104", "p:E1", "r", "error", "m", None)
    for findings in ([], [unplaced], [placed, unplaced]):
        assert findings_from_data(unpack(pack(findings_to_data(findings)))) == findings


class _Text(str):
    """Text that is not exactly ``str`` (no unpacker makes it)."""


_LABEL = ["audit.effort_without_goal", ["label"], [["A"]]]  # a group of one message


def _one(**change: Any) -> dict[str, list[Any]]:
    """The data of one finding, with ``change`` made to it."""
    data: dict[str, list[Any]] = {
        "programme": ["p"], "code": ["DIN101"], "node": ["p:A"], "rule": ["r"],
        "severity": ["error"], "message": ["m"], "source": [None], "file": ["p.yaml"],
        "line": [3], "column": [5], "said": [0], "messages": [_LABEL]}
    return data | change


def _two(*groups: list[Any], said: tuple[Any, Any] = (0, 0)) -> dict[str, list[Any]]:
    """The data of two findings, their messages in ``groups``."""
    return {name: column * 2 for name, column in _one().items()} | {
        "said": list(said), "messages": list(groups)}


def _said(data: dict[str, list[Any]]) -> list[Any] | None:
    """The messages of the findings read back from ``data`` (None: refused)."""
    back = findings_from_data(data)
    return None if back is None else [f.said for f in back]


def test_the_data_of_one_finding_reads_back() -> None:
    [f] = findings_from_data(_one()) or []
    assert (f.node, f.location, f.said) == ("p:A", ("p.yaml", 3, 5),
                                           message("audit.effort_without_goal", label="A"))


@pytest.mark.parametrize("bad", [
    _one(severity=["fatal"]),                                   # no such severity
    _one(line=["3"]),                                           # a line as text
    _one(line=[True]),                                          # a line as a truth value
    _one(line=[None]),                                          # half a location
    _one(file=[None]),
    _one(column=[None]),
    _one(file=[None], line=[None]),
    _one(code=["DIN101", "DIN102"]),                            # columns of other lengths
    _one(programme=[1]),
    {k: v for k, v in _one().items() if k != "said"},           # a column short
    {k: v for k, v in _one().items() if k != "messages"},
    _one(extra=[1]),
    [["p", "DIN101"]], "findings", None,
    # the layout before session 11: a message per finding
    {k: v for k, v in _one(said=[["audit.effort_without_goal", [["label", "A"]]]]).items()
     if k != "messages"},
])
def test_data_that_is_not_findings_is_refused(bad: Any) -> None:
    assert findings_from_data(bad) is None


@pytest.mark.parametrize("said, messages", [
    ([1], [_LABEL]),                                            # no such group
    ([-1], [_LABEL]),
    ([True], [_LABEL]),                                         # a number as a truth value
    (["0"], [_LABEL]),
    ([0.0], [_LABEL]),
    ([None], [_LABEL]),                                         # a group no finding has
    ([0], [_LABEL, _LABEL]),
    ([0], [_LABEL, ["audit.effort_without_goal", ["label"], [[]]]]),
    ([0], {"0": _LABEL}),                                       # the groups not a list
    ([0], [_LABEL[:2]]),                                        # a group not of three
    ([0], [[*_LABEL, 1]]),
    ([0], ["audit.effort_without_goal"]),
    ([0], [[3, ["label"], [["A"]]]]),                           # a key that is not text
    ([0], [[_Text("audit.effort_without_goal"), ["label"], [["A"]]]]),
    ([0], [["no.such.phrase", [], []]]),                        # a phrase the glossary lacks
    ([0], [["audit.effort_without_goal", [], []]]),             # a field the text needs
    ([0], [["audit.effort_without_goal", ["lbl"], [["A"]]]]),
    ([0], [["audit.effort_without_goal", "label", [["A"]]]]),   # the names not a list
    ([0], [["audit.effort_without_goal", [_Text("label")], [["A"]]]]),   # text, not str
    ([0], [["audit.effort_without_goal", ["label", 1], [["A"], ["x"]]]]),
    ([0], [["audit.effort_without_goal", ["label"], []]]),      # fewer columns than names
    ([0], [["audit.effort_without_goal", ["label"], [["A"], ["B"]]]]),
    ([0], [["audit.effort_without_goal", ["label"], [["A", "B"]]]]),    # values of two
    ([0], [["audit.effort_without_goal", ["label"], [[]]]]),
    ([0], [["audit.effort_without_goal", ["label"], ["A"]]]),   # a column not a list
    ([0], [["audit.effort_without_goal", ["label"], [[_Text("A")]]]]),  # a value of a kind
    ([0], [["audit.effort_without_goal", ["label"], [[{"a": 1}]]]]),
    ([0], [["audit.effort_without_goal", ["label"], [[["code", "print(1)"]]]]]),
    ([0], [["audit.effort_without_goal", ["label"], [[["list"]]]]]),
    ([0], [["audit.effort_without_goal", ["label"], [[["date", "2027-02-30"]]]]]),
    ([0], [["audit.goal_open", ["level_term", "label"], [["no such term"], ["A"]]]]),
    ([0], [["audit.goal_open", ["level_term", "label"], [[3], ["A"]]]]),
    ([0], [["audit.goal_open", ["level_term", "label"], [[["list", ["strategic"]]], ["A"]]]]),
    ([0], [["meas.unknown_ref", ["kinds_terms", "local", "prog", "hint"],
            [[["list", ["goal", "no such term"]]], ["x"], ["p"], [""]]]]),
    ([0], [["audit.and", ["a", "b"], [["x"], [["message", "no.such.phrase", []]]]]]),
    ([0], [["audit.and", ["a", "b"], [["x"], [["message", "audit.effort_without_goal",
                                                 [["lbl", "A"]]]]]]]),
    ([0], [["audit.and", ["a", "b"], [["x"], [["message", "audit.goal_open",
                                                 [["level_term", "nope"], ["label", "A"]]]]]]]),
    ([0], [["audit.and", ["a", "b"], [["x"], [["message", "audit.effort_without_goal",
                                                 [["label"]]]]]]]),
    ([0], [["audit.and", ["a", "b"], [["x"], [["message", "audit.effort_without_goal",
                                                 "label"]]]]]),
    ([0], [["audit.and", ["a", "b"], [["x"], [["message", 3, [["label", "A"]]]]]]]),
    ([0], [["audit.and", ["a", "b"], [["x"], [["message", _Text("audit.effort_without_goal"),
                                                 [["label", "A"]]]]]]]),
    ([0], [["audit.and", ["a", "b"], [["x"], [["message", "audit.and", ["ax", "by"]]]]]]),
    ([0], [["audit.and", ["a", "b"], [["x"], [["message", "audit.effort_without_goal",
                                                 [[_Text("label"), "A"]]]]]]]),
])
def test_messages_that_are_not_what_was_written_are_refused(said: list[Any], messages: Any
                                                            ) -> None:
    assert findings_from_data(_one()) is not None
    assert findings_from_data(_one(said=said, messages=messages)) is None


def test_each_finding_gets_its_own_message_back() -> None:
    """Two groups, the findings' messages interleaved and one finding without: each gets
    its message back, with its values of the right kinds (a list stays a list, a tuple a
    tuple, a date a date, a number an int or a float, a message inside a message)."""
    said = [message("audit.goal_open", level_term="operational", label=["B", 2]),
            None,
            message("audit.and", a=message("audit.no_topics"),
                    b=(dt.date(2027, 1, 2), 1.0, True, [message("audit.goal_open",
                                                                  level_term="strategic",
                                                                  label="C")])),
            message("audit.goal_open", level_term="strategic", label="A"),
            message("audit.no_topics"),
            message("audit.and", a="x", b="y")]
    findings = [Finding("p", "DIN101", None, "r", "error", f"m{n}", None, said=m)
                for n, m in enumerate(said)]
    data = findings_to_data(findings)
    assert data is not None and data["said"] == [0, None, 1, 0, 2, 1]
    back = findings_from_data(unpack(pack(data)))
    assert back is not None and _full(back) == _full(findings)
    assert repr([f.said for f in back]) == repr(said)  # 1.0 is not 1, True is not 1


def test_messages_of_one_shape_are_each_checked() -> None:
    """What a phrase and its field names allow is worked out once; the values of every
    message are still read and checked, a whole column at a time or one by one."""
    group = ["audit.goal_open", ["level_term", "label"], [["operational", "strategic"],
                                                          ["A", ["list", ["B", 2]]]]]
    assert _said(_two(group)) == [
        message("audit.goal_open", level_term="operational", label="A"),
        message("audit.goal_open", level_term="strategic", label=["B", 2])]
    group[2][0][1] = "no such term"
    assert _said(_two(group)) is None
    group[2][0][1] = 2
    assert _said(_two(group)) is None
    group[2][0][1] = "strategic"
    group[2][1][1] = ["list", ["B", _Text("2")]]
    assert _said(_two(group)) is None
    group[2][1][1] = ["list", ["B", 2]]
    assert _said(_two(group)) is not None


def test_a_value_plain_data_cannot_hold_keeps_nothing() -> None:
    odd = Finding("p", "DIN101", None, "r", "error", "m", None,
                  said=message("audit.effort_without_goal", label={1, 2}))
    assert findings_to_data([odd]) is None


def test_an_unchanged_run_takes_its_findings_from_the_memo(almelo: Path, tmp_path: Path,
                                                           counted: type[_NoAudit]) -> None:
    cache = tmp_path / "cache"
    fresh = run_audit(dinnet.load(almelo, cache=False), as_of=DAY)
    G1, first = audit_paths([almelo], as_of=DAY, cache=cache)
    assert counted.calls == 1 and len(Memo(cache).cache.entries()) == 1
    G2, again = audit_paths([almelo], as_of=DAY, cache=cache)
    assert counted.calls == 1  # no rule ran
    assert _full(again) == _full(first) == _full(fresh)
    assert nx.utils.graphs_equal(G1, G2)


@pytest.mark.parametrize("change", ["content", "date", "code", "networkx", "path", "added file"])
def test_anything_else_audits_again(change: str, almelo: Path, tmp_path: Path,
                                    counted: type[_NoAudit], monkeypatch: pytest.MonkeyPatch
                                    ) -> None:
    cache = tmp_path / "cache"
    audit_paths([almelo], as_of=DAY, cache=cache)
    paths: list[Path] = [almelo]
    day = DAY
    if change == "content":
        zorg = almelo / "zorg.yaml"
        zorg.write_text(zorg.read_text(encoding="utf-8").replace("label: \"", "label: \"Bewerkt ", 1),
                        encoding="utf-8")
    elif change == "date":
        day = dt.date(2019, 6, 1)
    elif change == "code":
        monkeypatch.setattr(memo_module, "code_version", lambda: "another dinnet")
    elif change == "networkx":
        monkeypatch.setattr(nx, "__version__", "2.0")
    elif change == "path":
        paths = [shutil.copytree(almelo, tmp_path / "elsewhere")]
    else:
        shutil.copy(GROENE[0], almelo / "groene-stad.yaml")
    _, findings = audit_paths(paths, as_of=day, cache=cache)
    assert counted.calls == 2
    assert _full(findings) == _full(run_audit(dinnet.load(*paths, cache=False), as_of=day))


@pytest.mark.parametrize("how", ["bytes", "findings"])
def test_an_entry_that_is_not_sound_is_ignored(how: str, almelo: Path, tmp_path: Path,
                                               counted: type[_NoAudit]) -> None:
    cache = tmp_path / "cache"
    _, first = audit_paths([almelo], as_of=DAY, cache=cache)
    memo = Memo(cache)
    [entry] = memo.cache.entries()
    if how == "bytes":
        raw = bytearray(entry.read_bytes())
        raw[-10] ^= 0xFF
        entry.write_bytes(bytes(raw))
    else:  # a well-made entry (right key, right checksum) whose findings are not findings
        key = memo.key(Memo.digests(input_files(almelo)), DAY.isoformat())
        assert key is not None
        memo.put(key, [["p", "DIN999", None, "r", "fatal", "m", None, None, None]])
        assert entry.read_bytes().startswith(MAGIC)
    _, again = audit_paths([almelo], as_of=DAY, cache=cache)
    assert counted.calls == 2
    assert _full(again) == _full(first)


def _editing(monkeypatch: pytest.MonkeyPatch, edited: Path) -> None:
    """The load of audit_paths changes ``edited`` right after it has read everything."""
    real = audited.load

    def load_then_edit(*args: Any, **kwargs: Any) -> nx.MultiDiGraph:
        G = real(*args, **kwargs)
        edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        return G

    monkeypatch.setattr(audited, "load", load_then_edit)


def test_findings_are_kept_for_the_bytes_that_were_read(almelo: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        counted: type[_NoAudit]) -> None:
    cache = tmp_path / "cache"
    with monkeypatch.context() as m:
        _editing(m, almelo / "zorg.yaml")
        audit_paths([almelo], as_of=DAY, cache=cache)
    _, findings = audit_paths([almelo], as_of=DAY, cache=cache)  # the file as edited
    assert counted.calls == 2
    assert _full(findings) == _full(run_audit(dinnet.load(almelo, cache=False), as_of=DAY))


def test_a_measurements_file_changed_during_the_load_keeps_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path in GROENE:
        shutil.copy(path, tmp_path / path.name)
    _editing(monkeypatch, tmp_path / GROENE[1].name)
    audit_paths([tmp_path / GROENE[0].name, tmp_path / GROENE[1].name], as_of=DAY,
                cache=tmp_path / "cache")
    assert Memo(tmp_path / "cache").cache.entries() == []


def test_no_cache_keeps_nothing(almelo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                ) -> None:
    monkeypatch.setenv("DINNET_CACHE_DIR", str(tmp_path / "cache"))
    audit_paths([almelo], as_of=DAY, cache=False)
    assert not (tmp_path / "cache").exists()


def test_the_memo_keeps_the_most_recently_used(tmp_path: Path) -> None:
    memo = Memo(tmp_path)
    files = Memo.digests([ROOT / "tests" / "assets" / "minimal.yaml"])
    keys = [memo.key(files, str(n)) for n in range(MOST_ENTRIES + 3)]
    for n, key in enumerate(keys):
        assert key is not None
        memo.put(key, [n])
        os.utime(memo.cache.path(key), (1000 + n, 1000 + n))  # written one after another
    assert len(memo.cache.entries()) == MOST_ENTRIES
    assert memo.get(keys[-1]) == [MOST_ENTRIES + 2] and memo.get(keys[0]) is None


def test_standard_input_is_never_kept(tmp_path: Path) -> None:
    assert Memo.digests([Path("-")]) == [("-", None)]
    assert Memo(tmp_path).key(Memo.digests([Path("-")]), "x") is None


def test_the_command_gives_the_same_report_twice_and_clear_empties_the_memo(
        almelo: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["audit", str(almelo), "--as-of", "2028-01-01", "--cache-dir", str(tmp_path / "c"),
            "--fail-on", "never"]
    first = runner.invoke(main, args)
    again = runner.invoke(main, args)
    assert first.exit_code == again.exit_code == 0, first.output
    assert again.output == first.output and "DIN" in first.output
    assert len(Memo(tmp_path / "c").cache.entries()) == 1
    cleared = runner.invoke(main, ["cache", "clear", "--cache-dir", str(tmp_path / "c")])
    assert cleared.exit_code == 0
    assert Memo(tmp_path / "c").cache.entries() == []


@pytest.mark.parametrize("how", ["here", "here, cache", "workers", "workers, cache",
                                 "from the cache"])
def test_the_load_gives_the_digests_of_the_bytes_it_read(how: str, almelo: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    jobs = 1
    if how.startswith("workers"):
        monkeypatch.setattr(batch, "POOL_MIN_BYTES", 0)  # workers for a small set too
        monkeypatch.setattr(threading, "active_count", lambda: 1)  # an earlier test's thread
        monkeypatch.setattr(batch, "_here", None)  # and nothing read here
        jobs = 2
    cache: bool | Path = tmp_path / "cache" if "cache" in how else False
    if how == "from the cache":
        dinnet.load(almelo, cache=cache)  # every contract from the cache (the index is read)
    got: dict[str, str | None] = {}
    dinnet.load(almelo, jobs=jobs, cache=cache, digests=got)
    assert got == {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
                   for p in input_files(almelo)}
    assert list(got) == [str(p) for p in input_files(almelo)]


@pytest.mark.graphviz
def test_the_report_takes_the_findings_of_an_unchanged_run_too(
        almelo: Path, tmp_path: Path, counted: type[_NoAudit], monkeypatch: pytest.MonkeyPatch
        ) -> None:
    import dinnet.audit
    import dinnet.report
    import dinnet.report.figures

    def never(*_: Any, **__: Any) -> None:
        raise AssertionError("the report audits again")

    for module in (dinnet.audit, dinnet.report, dinnet.report.figures):
        monkeypatch.setattr(module, "run_audit", never)  # the findings come from audit_paths
    runner = CliRunner()
    pages = []
    for n in range(2):
        out = tmp_path / f"report-{n}.html"
        result = runner.invoke(main, ["report", str(almelo), "-o", str(out), "--jobs", "1",
                                      "--cache-dir", str(tmp_path / "c")])
        assert result.exit_code == 0, result.output
        pages.append(out.read_text(encoding="utf-8"))
    assert counted.calls == 1
    assert pages[0] == pages[1] and "DIN101" in pages[0]
