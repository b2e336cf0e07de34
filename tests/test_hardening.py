"""Issue 19: the defects of an independent hostile-input probe, one test (or more) per item.

Items 1, 10 and 20 (over-long numbers, non-finite numbers, ``50.000``) are
pinned with the Dutch numbers (issue 16); the rest are here, each named
``test_item<N>_...``. See docs/robustness.md, cases 15 and up.
"""

from __future__ import annotations

import builtins
import errno
import functools
import os
import re
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import dinnet
from dinnet.cli import main
from dinnet.errors import ContractError, OutputError, Problem
from dinnet.io import yamlread
from dinnet.io.export import to_csv_tables
from dinnet.io.output import write_output

ASSETS = Path(__file__).parent / "assets"
MINIMAL = (ASSETS / "minimal.yaml").read_text(encoding="utf-8")


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def lines_of(result: Any) -> list[str]:
    return [line for line in result.output.splitlines() if line]


def load_error(path: Path) -> ContractError:
    with pytest.raises(ContractError) as info:
        dinnet.load(path)
    return info.value


# 2. a full disk while writing
def test_item2_full_disk_is_one_located_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "out.json"
    result = run("export", str(ASSETS / "minimal.yaml"), "-o", str(out))
    assert result.exit_code == 1
    assert lines_of(result) == [f"error: {out}: cannot write (the disk is full; free some space "
                                "or choose another -o); the previous file, if any, is unchanged"]
    assert list(tmp_path.iterdir()) == []  # no temporary file left


def test_item2_permission_denied_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    def denied(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(OutputError, match=r"out.txt: cannot write \(Permission denied; choose "):
        write_output(tmp_path / "out.txt", "x")


# 3. unreadable files and folders inside a contract folder
def test_item3_unreadable_file_in_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    secret = tmp_path / "b.yaml"
    secret.write_text(MINIMAL.replace("id: mini", "id: other"), encoding="utf-8")
    real_open = builtins.open

    def guarded(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(secret):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    err = load_error(tmp_path)
    assert [str(p) for p in err.problems] == [
        f"{secret}: error: cannot read the file (Permission denied); check its permissions"]


def test_item3_unreadable_sub_folder_is_not_skipped(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.yaml").write_text(MINIMAL.replace("id: mini", "id: other"), encoding="utf-8")
    real_scandir = os.scandir

    def guarded(path: Any = ".") -> Any:
        if str(path) == str(sub):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)
    result = run("validate", str(tmp_path))
    assert result.exit_code == 1
    assert lines_of(result)[0] == (f"{sub}: error: cannot read this folder (Permission denied); "
                                   "check its permissions, or leave it out")


# 5. aliases bounded by the text they expand to
def test_item5_alias_on_a_large_text_is_refused_early(tmp_path: Path) -> None:
    big = "x" * 100_000
    lines = MINIMAL.replace("  name: Mini\n", f'  name: &big "{big}"\n').rstrip("\n").split("\n")
    lines += [f"  - {{id: s{i}, label: *big, source: mini.txt:1}}" for i in range(300)]
    path = tmp_path / "c.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tracemalloc.start()
    err = load_error(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    size = path.stat().st_size
    assert f"more than {10 * size:,} characters of text (the file holds {size:,};" in str(err)
    assert "ALIAS_MAX_RATIO" in str(err) and err.line is not None
    assert peak < 20 * size  # 30 MB of text is never built


def test_item5_alias_limit_is_adjustable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dinnet.io import limits

    text = MINIMAL.replace("  name: Mini\n", f'  name: &big "{"y" * 1_000}"\n') + "".join(
        f"  - {{id: s{i}, label: *big, source: mini.txt:1}}\n" for i in range(300))
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    assert dinnet.load(path).nodes["mini:s299"]["label"] == "y" * 1_000
    monkeypatch.setattr(limits, "ALIAS_MAX_CHARS", 100_000)
    with pytest.raises(ContractError, match="more than 100,000 characters of text"):
        dinnet.load(path)


def _outcome(run: Any) -> Any:
    try:
        return run()
    except ContractError as exc:
        return [str(p) for p in exc.problems]


@pytest.mark.parametrize("limit", [0, 500, 5_000, 40_000, 10**9])
def test_item5_the_text_bound_without_its_walk_decides_as_the_walk(
        limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """``construct`` counts the aliased text while building and walks the document
    (``_check_size``) only past the limit: the same data or the same error as walking it
    first, for texts and lists aliased at every depth, with and without other errors."""
    from dinnet.io import limits

    monkeypatch.setattr(limits, "ALIAS_MAX_CHARS", limit)
    documents = []
    for size, uses in [(10, 3), (1_000, 30), (3_000, 13), (200, 500)]:
        word = "w" * size
        documents += [
            f"a: &t {word}\nb: [*t, *t]\nc: {{d: *t}}\n" + "".join(f"e{i}: *t\n" for i in range(uses)),
            f"a: &l [{word}, {word}]\nb:\n" + "  - *l\n" * uses,
            f"k: &m {{x: {word}, y: [{word}]}}\nm: [*m, {{z: *m}}]\n"
            + "".join(f"n{i}: *m\n" for i in range(uses)),
            "a: &t x\n" + "".join(f"{word[:900]}{i}: *t\n" for i in range(uses)),  # long keys
            f"a: &t {word}\nb: *t\nb: {word}\n",  # a duplicate key after the aliases
            f"a: &t {word}\nb: [*t, *t]\nc: !!python/name:os.system x\n",  # a refused tag
        ]
    for text in documents:
        root = yamlread.parse_text(text, "t.yaml")

        def walk_first(text: str = text, root: Any = root) -> Any:
            yamlread._check_size(root, "t.yaml", len(text))
            return yamlread.construct(root, "t.yaml")

        built = functools.partial(yamlread.construct, root, "t.yaml", text)
        assert _outcome(built) == _outcome(walk_first)


# 7. formula injection through the CSV export
@pytest.mark.parametrize("label", ["=HYPERLINK(\"http://x\",\"klik\")", "+31 6", "-2", "@SUM(A1)"])
def test_item7_csv_cells_that_look_like_formulas_are_neutralised(tmp_path: Path, label: str
                                                                 ) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.replace("label: Bomen planten", f"label: '{label}'"), encoding="utf-8")
    nodes = to_csv_tables(dinnet.load(path))["nodes.csv"]
    assert f"'{label}" in nodes.replace('""', '"')
    assert f",{label}" not in nodes and f'"{label}' not in nodes


def test_item7_tab_and_carriage_return_cells() -> None:
    from dinnet.io.export import _cell

    assert _cell("\t=1") == "'\t=1" and _cell("\r=1") == "'\r=1"
    assert _cell("gewoon") == "gewoon" and _cell(-3) == "-3"


# 8. "did you mean" is not quadratic
def dangling(n: int) -> str:
    lines = ["programme: {id: p, name: P, municipality: M, period: {start: 2019, end: 2022}, "
             "source: p.txt:1}", "goals:"]
    lines += [f"  - {{id: SD{i}, level: strategic, label: Doel {i}, source: p.txt:2}}"
              for i in range(n)]
    lines.append("efforts:")
    lines += [f"  - {{id: E{i}, label: Inspanning {i}, contributes_to: [XD{i}, SD{i}q], "
              "source: p.txt:3}" for i in range(n)]
    return "\n".join(lines) + "\n"


def test_item8_many_dangling_references_validate_fast(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(dangling(1200), encoding="utf-8")
    start = time.perf_counter()
    err = load_error(path)
    elapsed = time.perf_counter() - start
    assert len(err.problems) == 2400
    assert err.problems[0].message.endswith("did you mean 'SD0'?")
    assert elapsed < 10, elapsed  # was about 50 s (every reference against every id)


# 11. never replace a symlink or a device
def test_item11_output_onto_a_symlink_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = run("export", str(ASSETS / "minimal.yaml"), "-o", str(link))
    assert result.exit_code == 1
    assert lines_of(result) == [f"error: {link}: is a symbolic link; refusing to replace it, "
                                "choose another -o"]
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "keep"


def test_item11_output_onto_a_device_or_pipe_is_refused(tmp_path: Path) -> None:
    # a named pipe stands in for a device: the real /dev/null must never be at stake
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = run("schema", "-o", str(pipe))
    assert result.exit_code == 1
    assert lines_of(result) == [f"error: {pipe}: is not a regular file (a device or a pipe); "
                                "refusing to replace it: choose another -o, or -o - for standard "
                                "output"]
    assert pipe.is_fifo()


# 13. a very long source
def test_item13_long_source_is_rejected_at_validation(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.replace("source: mini.txt:8", "source: " + "a" * 16_000 + ".txt:8"),
                    encoding="utf-8")
    err = load_error(path)
    assert [str(p) for p in err.problems] == [
        f"{path}:42:13: error: efforts[0].source: source is 16,006 characters long, more than "
        "255; write 'file:line' or 'file:start-end' (for example '07-zorg.txt:120-134')"]


# 15. a huge label is not echoed
def test_item15_huge_label_gives_a_short_line(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.replace("label: Minder auto's", "label: " + "L" * 3_000_000),
                    encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 1
    first = lines_of(result)[0]
    assert first.startswith(f"{path}:38:12: error: efforts[0].label: expected text of at most "
                            "2000 characters")
    assert "characters left out" in first and len(first) < 400


def test_item15_every_problem_line_is_bounded() -> None:
    line = str(Problem("a.yaml", 1, 1, "x", "y" * 50_000))
    assert len(line) < 1100 and "\n" not in line


# 16. UTF-16
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_item16_utf16_with_bom_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes(("\ufeff" if encoding == "utf-16-be" else "") .encode(encoding)
                     + MINIMAL.encode(encoding))
    assert dinnet.load(path).nodes["mini:E1"]["label"] == "Minder auto's"


def test_item16_utf16_without_bom_is_named(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes(MINIMAL.encode("utf-16-le"))
    assert "looks like UTF-16" in str(load_error(path))


# 17. pipes and other files that are not regular files
def test_item17_process_substitution_is_read_as_a_stream() -> None:
    read, write = os.pipe()
    data = MINIMAL.encode("utf-8")

    def feed() -> None:
        with os.fdopen(write, "wb") as fh:
            fh.write(data)

    threading.Thread(target=feed).start()
    try:
        result = run("validate", f"/dev/fd/{read}")
    finally:
        os.close(read)
    assert result.exit_code == 0, result.output
    assert "ok: 1 programme" in result.output


# 18. look-alike ids
@pytest.mark.parametrize(("defined", "used", "named"), [
    ("\u04151", "E1", "U+0415 CYRILLIC CAPITAL LETTER IE"),        # Cyrillic defined, Latin used
    ("E1", "\u04151", "U+0415 CYRILLIC CAPITAL LETTER IE"),        # and the other way round
    ("E1", "\u00c91", "U+00C9 LATIN CAPITAL LETTER E WITH ACUTE"),  # an accent (NFC of E + U+0301)
    ("E1", "E\u03311", "U+0331 COMBINING MACRON BELOW"),             # a combining mark
])
def test_item18_lookalike_ids_get_a_hint_naming_the_characters(tmp_path: Path, defined: str,
                                                                used: str, named: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.replace("- id: E1", f"- id: {defined}").replace(
        "implements: [E1]", f"implements: [{used}]"), encoding="utf-8")
    message = load_error(path).problems[0].message
    assert f"did you mean '{defined}'?" in message and named in message, message


@pytest.mark.parametrize(("used", "named"), [("E\u200b1", "U+200B ZERO WIDTH SPACE"),
                                             ("E1\u2060", "U+2060 WORD JOINER")])
def test_item18_invisible_characters_are_named(tmp_path: Path, used: str, named: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.replace("implements: [E1]", f"implements: [{used}]"),
                    encoding="utf-8")
    message = load_error(path).problems[0].message
    assert f"it holds {named}: delete or retype it" in message, message


# 19. locations and one-line errors
def test_item19_duplicate_programme_id_across_files_is_located(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("# copy\n" + MINIMAL, encoding="utf-8")
    err = load_error(tmp_path)
    assert [str(p) for p in err.problems] == [
        f"{tmp_path / 'b.yaml'}:3:7: error: programme.id: programme id 'mini' is also used by "
        f"{tmp_path / 'a.yaml'}:2:7; give each programme its own id"]


def test_item19_newline_in_a_file_name_stays_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "a\nb.yaml"
    path.write_text("programme: [\n", encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert len(lines_of(result)) == 2  # the problem and the count
    assert lines_of(result)[0].startswith(f"{tmp_path}/a\\nb.yaml:")


def test_item19_output_ending_in_a_slash(tmp_path: Path) -> None:
    result = run("export", str(ASSETS / "minimal.yaml"), "--format", "json", "-o", f"{tmp_path}/newdir/")
    assert result.exit_code == 1
    assert "newdir/: ends with '/', so it names a folder; give a file name" in result.output
    assert not (tmp_path / "newdir").exists()
    # without --format a folder means the csv tables (issue 20: the format from the output)
    result = run("export", str(ASSETS / "minimal.yaml"), "-o", f"{tmp_path}/tables/")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["edges.csv", "nodes.csv"]
    result = run("render", str(ASSETS / "minimal.yaml"), "--format", "dot",
                 "-o", f"{tmp_path}/din/")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "din" / "mini.dot").is_file()


@pytest.mark.parametrize(("text", "column"), [("programme:\n\tid: x\n", 1),
                                              ("programme:\n  id: x\n\t  name: y\n", 1)])
def test_item19_tab_message_mentions_the_tab(tmp_path: Path, text: str, column: int) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    err = load_error(path)
    assert err.column == column
    assert "a tab character indents this line" in str(err)
    assert "replace the tab by spaces" in str(err)


def test_stream_reading_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlread, "MAX_FILE_BYTES", 100)
    read, write = os.pipe()

    def feed() -> None:
        with os.fdopen(write, "wb") as fh:
            fh.write(b"#" * 1000)

    threading.Thread(target=feed).start()
    try:
        with pytest.raises(ContractError, match="file is more than 100 bytes"):
            dinnet.load(f"/dev/fd/{read}")
    finally:
        os.close(read)


# 4. values near the largest float in charts and the report
HUGE = MINIMAL.replace("baseline: {value: 30, year: 2018}", "baseline: {value: 1.7e308, year: 2018}"
                       ).replace("targets: {2022: 25}", "targets: {2021: -1.7e308, 2022: 1.79e308}")
HUGE += """budgets:
  - id: B1
    title: Budget
    unit: euro
    lines:
      - {label: a, amounts: {2019: 1.7e308, 2020: 5}}
      - {label: b, amounts: {2019: 1.7e308, 2020: 7}}
    stated_totals: {2019: 1.0e308, 2020: 12}
    source: mini.txt:3
"""


def test_item4_charts_with_values_near_the_largest_float(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(HUGE, encoding="utf-8")
    result = run("charts", str(path), "--format", "png", "-o", str(tmp_path / "charts"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "charts" / "budget.png").stat().st_size > 1000


def test_item4_report_figures_with_values_near_the_largest_float(tmp_path: Path) -> None:
    from dinnet.render.charts import budget_chart, indicator_chart
    from dinnet.report import build_report

    path = tmp_path / "c.yaml"
    path.write_text(HUGE.replace("1.79e308", "25"), encoding="utf-8")
    G = dinnet.load(path)
    page = build_report(G)  # the report's own sparklines: no matplotlib
    assert "</html>" in page and not re.search(r'points="[^"]*(nan|inf)', page)
    assert "too large" in " ".join(t.get_text() for t in budget_chart(G, "mini", lang="en").texts)
    assert [t.get_text() for t in indicator_chart(G, "mini:SD1.a.i1").texts]  # written, not drawn


# 9. output names that cannot collide
def test_item9_file_names_and_svg_ids_never_collide(tmp_path: Path) -> None:
    from dinnet.render.dot import svg_id
    from dinnet.report.figures import din_svg

    (tmp_path / "a.yaml").write_text(MINIMAL.replace("id: mini", "id: a").replace(
        "id: SD1\n", "id: b-c\n"), encoding="utf-8")
    (tmp_path / "ab.yaml").write_text(MINIMAL.replace("id: mini", "id: a-b").replace(
        "id: SD1\n", "id: c\n"), encoding="utf-8")
    out = tmp_path / "out"
    result = run("render", str(tmp_path / "a.yaml"), str(tmp_path / "ab.yaml"),
                 "--by-strategic-goal", "--format", "dot", "-o", str(out))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["a--SD2.dot", "a--b-c.dot", "a-b--SD2.dot", "a-b--c.dot"]
    assert svg_id("a:b-c") != svg_id("a-b:c")
    G = dinnet.load(tmp_path / "a.yaml", tmp_path / "ab.yaml")
    import re

    ids = [re.findall(r' id="([^"]+)"', din_svg(G, p)) for p in ("a", "a-b")]
    assert len(ids[0] + ids[1]) == len(set(ids[0] + ids[1]))  # one report, no id twice


@pytest.mark.parametrize("pid", ["a--b", "a-", "-a"])
def test_item9_programme_ids_that_could_collide_are_refused(tmp_path: Path, pid: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.replace("id: mini", f"id: '{pid}'"), encoding="utf-8")
    err = load_error(path)
    assert (err.line, err.column) == (2, 7)
    assert "is not a valid programme id" in str(err) and "no '--'" in str(err)


# 6 and 12. the xlsx reader: bounded, and no formula dropped
def minimal_workbook(tmp_path: Path) -> Path:
    from dinnet.io.loading import load_contracts
    from dinnet.io.xlsx import export_xlsx

    loaded, indexes, _ = load_contracts(ASSETS / "minimal.yaml")
    book = tmp_path / "din.xlsx"
    book.write_bytes(export_xlsx([item.contract for item in loaded], indexes))
    return book


def xlsx_problems(book: Path) -> list[str]:
    from dinnet.io.xlsx_import import read_workbook

    with pytest.raises(ContractError) as info:
        read_workbook(book)
    return [str(p) for p in info.value.problems]


def test_item6_uncompressed_size_is_checked_before_inflating(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    import openpyxl

    from dinnet.io import limits

    book = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(minimal_workbook(tmp_path)) as src, \
            zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        out.writestr("xl/media/zeros.bin", b"\0" * 40_000_000)  # 40 MB in about 40 KB
    assert book.stat().st_size < 200_000

    def never(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("openpyxl must not open a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    monkeypatch.setattr(limits, "XLSX_MAX_UNCOMPRESSED", 30_000_000)
    [line] = xlsx_problems(book)
    assert line.startswith(f"{book}: error: the workbook unpacks to 40,")
    assert "(a zip bomb?); raise the limit XLSX_MAX_UNCOMPRESSED" in line


def test_item6_a_sheet_declaring_a_million_rows_is_refused_quickly(tmp_path: Path) -> None:
    import openpyxl

    book = minimal_workbook(tmp_path)
    wb = openpyxl.load_workbook(book)
    wb["goals"].cell(row=1_000_000, column=1, value="x")
    wb.save(book)
    start = time.perf_counter()
    lines = xlsx_problems(book)
    assert time.perf_counter() - start < 10
    assert lines == ["din.xlsx[goals]: error: the sheet declares 1,000,000 rows, more than 100,000; "
                     "split the workbook, or raise the limit XLSX_MAX_ROWS (set "
                     "DINNET_XLSX_MAX_ROWS to raise it)"]


def test_item6_cells_and_rows_are_counted_while_reading(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from dinnet.io import limits

    book = minimal_workbook(tmp_path)
    monkeypatch.setattr(limits, "XLSX_MAX_CELLS", 40)
    [line] = xlsx_problems(book)
    assert "error: the workbook has more cells, more than 40; split the workbook" in line
    assert line.startswith("din.xlsx[") and ":" in line.split("]", 1)[1]


def test_item6_error_lines_are_capped(tmp_path: Path) -> None:
    import openpyxl

    book = minimal_workbook(tmp_path)
    wb = openpyxl.load_workbook(book)
    ws = wb["stakeholders"]
    for i in range(500):
        ws.append(["nergens", f"s{i}", "S", "mini.txt:1"])
    wb.save(book)
    lines = xlsx_problems(book)
    assert len(lines) == 201
    assert "programme 'nergens' is not on the programmes sheet" in lines[0]
    assert lines[-1].endswith("... and 300 more problems not shown (see the limit XLSX_MAX_ERRORS "
                              "(set DINNET_XLSX_MAX_ERRORS to raise it)); fix these first")


def test_item12_formula_without_a_saved_result_is_located(tmp_path: Path) -> None:
    import openpyxl

    book = minimal_workbook(tmp_path)
    wb = openpyxl.load_workbook(book)
    ws = wb["efforts"]
    header = [c.value for c in ws[1]]
    column = header.index("label") + 1
    ws.cell(row=2, column=column, value='=CONCAT("Minder ", "auto\'s")')  # openpyxl saves no result
    wb.save(book)
    result = run("import-xlsx", str(book), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert (f"din.xlsx[efforts]:2:{column}: error: label: a formula without a saved result (the "
            "cell would read as empty); open and save the workbook in Excel or LibreOffice, or "
            "type the value") in lines_of(result)
    assert not (tmp_path / "out").exists()


# 14. the portfolio of 200 interlinked programmes
def interlinked(tmp_path: Path, n: int) -> list[Path]:
    import random

    rng = random.Random(19)
    paths = []
    for i in range(n):
        text = MINIMAL.replace("id: mini", f"id: p{i}").replace("name: Mini", f"name: P {i}")
        text += "relations:\n" + "".join(
            f"  - {{programme: p{j}, topics: [Thema {j % 7}], source: mini.txt:1}}\n"
            for j in rng.sample([j for j in range(n) if j != i], 5))
        paths.append(tmp_path / f"p{i}.yaml")
        paths[-1].write_text(text, encoding="utf-8")
    return paths


@pytest.mark.graphviz
def test_item14_portfolio_of_200_interlinked_programmes(tmp_path: Path) -> None:
    from dinnet.render import portfolio

    G = dinnet.load(*interlinked(tmp_path, 200))
    start = time.perf_counter()
    svg = portfolio(G).render("svg", timeout=60)
    assert time.perf_counter() - start < 30  # circo: more than ten minutes
    assert svg.count(b'class="node') == 200 and b'id="prog&#45;p199"' in svg


def test_item14_a_timeout_advises_only_what_the_command_has(tmp_path: Path) -> None:
    from dinnet.errors import GraphvizError
    from dinnet.render import din, portfolio

    G = dinnet.load(ASSETS / "minimal.yaml")
    slow = tmp_path / "dot"
    slow.write_text("#!/bin/sh\nsleep 5\n", encoding="utf-8")
    slow.chmod(0o755)
    from dinnet.render.run import render

    for diagram, says, never in [(portfolio(G), "give fewer contracts", "--by-strategic-goal"),
                                 (din(G, "mini"), "--by-strategic-goal", "fewer contracts")]:
        with pytest.raises(GraphvizError) as info:
            render(diagram.text(), "svg", timeout=0.2, executable=str(slow), hint=diagram.hint)
        assert says in str(info.value) and never not in str(info.value)
        assert "raise the timeout" not in str(info.value)
