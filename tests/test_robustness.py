"""Hostile and broken input: every bad file ends in one clear DinnetError (docs/robustness.md)."""

from __future__ import annotations

import time
import tracemalloc
import unicodedata
from pathlib import Path

import pytest

import dinnet
from dinnet.errors import ContractError, DinnetError, OutputError

ASSETS = Path(__file__).parent / "assets"
MINIMAL = (ASSETS / "minimal.yaml").read_text(encoding="utf-8")


def error_of(tmp_path: Path, text: str | bytes, name: str = "c.yaml") -> ContractError:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ContractError) as info:
        dinnet.load(path)
    return info.value


# 1. object tags
@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/name:os.system",
                                 "!!binary", "!!set", "!custom"])
def test_object_tags_refused(tmp_path: Path, tag: str) -> None:
    err = error_of(tmp_path, f"programme: {tag} ['echo hacked']\n")
    assert (err.line, err.column) == (1, 12)
    assert "is not allowed" in str(err)


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!python/name:os.system",
                                 "!custom"])
def test_object_tags_on_mapping_keys_refused(tmp_path: Path, tag: str) -> None:
    """A tag on a key is as unsafe as on a value: refused, not read as the key's text."""
    err = error_of(tmp_path, f"programme:\n  {tag} id: x\n")
    assert (err.line, err.column) == (2, 3)
    assert "is not allowed" in str(err)


def test_an_explicit_str_tag_keeps_a_number_as_text() -> None:
    """``!!str 200.000`` is the text '200.000' (YAML's own way to say so), neither refused
    as an ambiguous number nor read as one."""
    from dinnet.io.yamlread import construct, parse_text

    text = "a: !!str 200.000\nb: !!str 12\nc: !!str true\nd: 200000\ne: !!str\n"
    read = construct(parse_text(text, "t.yaml"), "t.yaml")
    assert read == {"a": "200.000", "b": "12", "c": "true", "d": 200000, "e": ""}
    assert type(read["a"]) is str  # not a PlainNumber, which a number field refuses
    assert construct(parse_text("!!str 5: x\n", "t.yaml"), "t.yaml") == {"5": "x"}


# 2. alias bombs and self-references
def test_billion_laughs_refused_quickly(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    start = time.perf_counter()
    err = error_of(tmp_path, "\n".join(lines) + "\n")
    assert time.perf_counter() - start < 2
    assert "alias bomb" in str(err)


def test_self_referencing_alias(tmp_path: Path) -> None:
    err = error_of(tmp_path, "a: &x [1, *x]\n")
    assert (err.line, err.column) == (1, 4)
    assert "remove the cycle" in str(err)


def test_honest_aliases_work(tmp_path: Path) -> None:
    text = MINIMAL.replace("  source: mini.txt:1\n", "  source: &src mini.txt:1\n", 1) \
        .replace("source: mini.txt:2", "source: *src")
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    assert dinnet.load(tmp_path / "c.yaml").nodes["mini:visie"]["source"] == "mini.txt:1"


# 3. deep nesting
@pytest.mark.parametrize("depth", [100, 1_000, 50_000])
def test_deep_flow_nesting(tmp_path: Path, depth: int) -> None:
    err = error_of(tmp_path, "a: " + "[" * depth + "]" * depth + "\n")
    assert err.line == 1
    assert "nested" in str(err)


def test_deep_block_nesting(tmp_path: Path) -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(1_500)) + " " * 1_500 + "x\n"
    err = error_of(tmp_path, text)
    assert err.line is not None and "nested" in str(err)


# 4. duplicate keys: see test_loading.py::test_duplicate_key_names_both_lines
# 5. YAML 1.1 surprises
def test_yaml11_words_are_text(tmp_path: Path) -> None:
    text = MINIMAL.replace("label: Een betere stad", "label: no") \
        .replace("label: Fietsersbond", "label: 0151") \
        .replace("label: Spoor 1", "label: 10:30") \
        .replace("label: Fietspad", "label: =")
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    G = dinnet.load(tmp_path / "c.yaml")
    assert G.nodes["mini:visie"]["label"] == "no"
    assert G.nodes["mini:fietsersbond"]["label"] == "0151"
    assert G.nodes["mini:S1"]["label"] == "10:30"
    assert G.nodes["mini:P1"]["label"] == "="


@pytest.mark.parametrize("value", ["~", "", "null"])
def test_empty_where_text_is_required(tmp_path: Path, value: str) -> None:
    err = error_of(tmp_path, MINIMAL.replace("label: Een betere stad", f"label: {value}"))
    (p,) = err.problems
    assert (p.line, p.path) == (8, "vision.label")
    assert "expected text, got nothing" in p.message


def test_number_where_text_is_required(tmp_path: Path) -> None:
    err = error_of(tmp_path, MINIMAL.replace("label: Een betere stad", "label: 2019"))
    assert "put the text in quotes" in str(err)


def test_date_stays_text(tmp_path: Path) -> None:
    text = MINIMAL.replace("  municipality: Teststad\n", "  municipality: Teststad\n  date: 2019-05-21\n")
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    assert dinnet.load(tmp_path / "c.yaml").nodes["mini"]["date"] == "2019-05-21"


# 6. documents, empty files, lists
@pytest.mark.parametrize(("text", "expected"), [
    ("programme: {}\n---\nb: 1\n", "more than one YAML document"),
    ("", "the file is empty"),
    ("# only a comment\n", "the file is empty"),
    ("- a\n- b\n", "not a list"),
    ("just text\n", "not 'just text'"),
])
def test_document_shape(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in str(error_of(tmp_path, text))


# 7. encodings
def test_utf8_bom_is_fine(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert "mini" in dinnet.load(tmp_path / "c.yaml")


def test_cp1252_is_reported(tmp_path: Path) -> None:
    err = error_of(tmp_path, MINIMAL.replace("Teststad", "Almeloërs").encode("cp1252"))
    assert (err.line, err.column) == (4, 23)
    assert "Windows-1252" in str(err) and "save the file as UTF-8" in str(err)


def test_control_character(tmp_path: Path) -> None:
    err = error_of(tmp_path, MINIMAL.replace("Teststad", "Test\x0bstad"))
    assert (err.line, err.column) == (4, 21)
    assert "control character U+000B" in str(err)


@pytest.mark.parametrize(("char", "column"), [("\xa0", None), ("\x86", 21), ("\uffff", 21),
                                             ("\ufffd", None), ("\x7f", 21), ("\x9f", 21)])
def test_control_characters_beyond_ascii(tmp_path: Path, char: str, column: int | None) -> None:
    """C1 controls and U+FFFE/U+FFFF are refused at their place; the characters beside
    them read."""
    text = MINIMAL.replace("Teststad", f"Test{char}stad")
    if column is None:
        (tmp_path / "ok.yaml").write_text(text, encoding="utf-8")
        assert dinnet.load(tmp_path / "ok.yaml", cache=False).number_of_nodes() > 0
        return
    err = error_of(tmp_path, text)
    assert (err.line, err.column) == (4, column)
    assert f"control character U+{ord(char):04X}" in str(err)


def test_the_control_screen_misses_no_control_character() -> None:
    """Every character the search refuses makes the bytes screen look (the screen may look
    needlessly, never skip a text that holds one)."""
    from dinnet.io import yamlread

    every = (chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    refused = [c for c in every if yamlread._CONTROL.match(c)]
    assert len(refused) == 63
    for char in refused:
        text = f"Café{char}€"
        assert yamlread._may_hold_control(text, text.encode()), hex(ord(char))


def test_nfc_and_nfd_ids_are_the_same(tmp_path: Path) -> None:
    nfc = unicodedata.normalize("NFC", "Café")
    nfd = unicodedata.normalize("NFD", "Café")
    assert nfc != nfd
    text = MINIMAL.replace("  - id: SD2\n", f"  - id: {nfd}\n") \
        .replace("      - goal: SD2\n", f"      - goal: {nfc}\n") \
        .replace("Teststad", nfd)
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    G = dinnet.load(path)
    assert G.has_edge("mini:E2", f"mini:{nfc}", "contributes_to")
    assert G.nodes["mini"]["municipality"] == nfc


# 8. misspelt field names: see test_loading.py::test_unknown_field_suggests_the_right_one
# 9. wrong types and values
@pytest.mark.parametrize(("old", "new", "message"), [
    ("targets: {2022: 25}", "targets: {2222: 25}", "expected at most 2100, got the number 2222"),
    ("targets: {2022: 25}", "targets: {1022: 25}", "expected at least 1900, got the number 1022"),
    ("baseline: {value: 30, year: 2018}", "baseline: {value: 30, year: twenty}",
     "baseline.year: expected a number, got 'twenty'"),
    ("role: regie", "role: baas", "expected 'regie', 'afstemming' or 'faciliterend', got 'baas'"),
    ("- id: E2", "- id: E 2", "not a valid id"),
    ("- id: E2", "- id: 'a:b'", "not a valid id"),
    ("period: {start: 2019, end: 2022}", "period: {start: 2022, end: 2019}",
     "period ends (2019) before it starts (2022)"),
    ("source: mini.txt:11", "source: mini.txt", "is not 'file:line'"),
    ("source: mini.txt:11", "source: mini.txt:0", "'mini.txt:0' is not 'file:line' or "
     "'file:start-end', with lines from 1"),
    ("source: mini.txt:11", "source: mini.txt:11-3", "source range 11-3 ends before it starts"),
    ("source: mini.txt:11", "source: {file: mini.txt, start: 11, end: 11}",
     "source: expected text, got a mapping"),
    ("    source: mini.txt:9\n", "    budget: {amounts: {2019: -5}}\n    source: mini.txt:9\n",
     "expected at least 0, got the number -5"),
    ("targets: {2022: 25}", "targets: {2022: 25,5}",
     "targets[5]: expected at least 1900, got the number 5"),
])
def test_wrong_values(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in MINIMAL
    err = error_of(tmp_path, MINIMAL.replace(old, new, 1))
    assert message in str(err)
    assert all(p.line is not None for p in err.problems)


def test_a_source_is_text_with_its_parts() -> None:
    from dinnet.contract.model import Goal, Source
    from dinnet.errors import SaidValueError

    def source(text: object) -> object:
        return Goal.model_validate({"id": "G1", "level": "strategic", "label": "G",
                                    "source": text}).source

    for text, parts in [("a.txt:3", ("a.txt", 3, 3)), (" a b.txt:3-12 ", ("a b.txt", 3, 12)),
                        ("x.txt:7-7", ("x.txt", 7, 7))]:
        got = source(text)
        assert type(got) is Source and got == text.strip() and str(got) == text.strip()
        assert (got.file, got.start, got.end) == parts == (lambda s: (s.file, s.start, s.end))(
            Source(text))
    for bad in ["a.txt:0", "a.txt:03", "a.txt:3-0", "a.txt", ":3", "a.txt:3-", "a.txt:9-3",
                "a.txt:3-4-5", 3, None, {"file": "a.txt", "start": 3, "end": 3}]:
        with pytest.raises(ValueError):
            source(bad)
        with pytest.raises(SaidValueError):
            Source(bad)  # type: ignore[arg-type]


def test_decimal_comma_hint(tmp_path: Path) -> None:
    err = error_of(tmp_path, MINIMAL.replace("baseline: {value: 30, year: 2018}",
                                             "baseline: {value: 30, year: '20,18'}"))
    assert "dot as decimal sign" in str(err)


# 10. dangling and cyclic references
def test_reference_to_itself_of_wrong_kind(tmp_path: Path) -> None:
    err = error_of(tmp_path, MINIMAL.replace("track: S1", "track: E1"))
    assert "'E1' is an effort, not a track" in str(err)


def test_relation_cycle_does_not_hang(tmp_path: Path) -> None:
    a = MINIMAL + "relations:\n  - {programme: other, topics: [x], source: mini.txt:20}\n"
    b = MINIMAL.replace("id: mini", "id: other") + \
        "relations:\n  - {programme: mini, topics: [x], source: mini.txt:20}\n"
    (tmp_path / "a.yaml").write_text(a, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(b, encoding="utf-8")
    from dinnet.audit import run_audit
    from dinnet.queries import path_between

    G = dinnet.load(tmp_path)
    assert path_between(G, "mini", "other") == ["mini", "other"]
    assert not [f for f in run_audit(G) if f.rule == "one-sided-dependency"]


def test_relation_to_itself(tmp_path: Path) -> None:
    err = error_of(tmp_path, MINIMAL + "relations:\n  - {programme: mini, source: mini.txt:20}\n")
    assert "cannot depend on itself" in str(err)


# 13. output paths
def test_output_never_overwrites_a_contract(tmp_path: Path) -> None:
    from dinnet.io.output import write_output

    contract = tmp_path / "c.yaml"
    contract.write_text(MINIMAL, encoding="utf-8")
    with pytest.raises(OutputError):
        write_output(contract, "x")
    with pytest.raises(OutputError):
        write_output(tmp_path / "other.json", "x", protect=[tmp_path / "other.json"])
    assert contract.read_text(encoding="utf-8") == MINIMAL


def test_output_into_missing_folder(tmp_path: Path) -> None:
    from dinnet.io.output import write_output

    write_output(tmp_path / "a" / "b" / "out.json", "{}")
    assert (tmp_path / "a" / "b" / "out.json").read_text() == "{}"


def test_output_write_failure_keeps_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from dinnet.io.output import write_output

    target = tmp_path / "out.svg"
    target.write_text("previous", encoding="utf-8")

    def boom(*args: object) -> None:
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_output(target, "new")
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]


# 14. large honest input
def test_large_folder_bounded_memory(tmp_path: Path) -> None:
    """About 5 MB of contracts load with memory proportional to the data (the 50 MB run is
    in benchmarks/run.py)."""
    for i in range(120):
        (tmp_path / f"c{i}.yaml").write_text(
            MINIMAL.replace("id: mini", f"id: p{i}") + "# " + "x" * 40_000 + "\n", encoding="utf-8")
    tracemalloc.start()
    G = dinnet.load(tmp_path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert G.number_of_nodes() == 120 * 11
    assert peak < 100 * 1024 * 1024


def test_every_error_is_a_dinnet_error(tmp_path: Path) -> None:
    with pytest.raises(DinnetError):
        dinnet.load(tmp_path / "missing.yaml")
    with pytest.raises(DinnetError):
        dinnet.load(tmp_path)  # empty folder


# 12. Graphviz failing: the previous output stays, no partial or temporary file is left
@pytest.mark.parametrize("body", ["echo 'Error: syntax error' >&2; exit 1",
                                  "printf '<svg'; exit 3"])
def test_failing_graphviz_keeps_previous_output(tmp_path: Path, body: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from dinnet.cli import main

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "dot"
    fake.write_text(f"#!/bin/sh\ncat >/dev/null\n{body}\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "zorg.svg"
    target.write_text("previous", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(ASSETS / "minimal.yaml"), "--programme",
                                       "mini", "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in out_dir.iterdir()] == ["zorg.svg"]
