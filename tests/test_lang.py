"""Dutch by default, English on request: every command, every message.

The Dutch output of the commands on the bundled data and on broken contracts
may hold only Dutch words of the glossary, words of the data itself (labels,
titles and texts, as written), and the few stable English tokens the
glossary allows: severities that editors parse, codes, rule names, ids,
paths and YAML field names.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import dinnet
from dinnet import glossary
from dinnet.cli import main

pytestmark = pytest.mark.dutch

ROOT = Path(__file__).parents[1]
ASSETS = ROOT / "tests" / "assets"
DATA = ROOT / "data" / "contracts" / "almelo-2019"

#: English tokens that stay English in Dutch output: severities, as editors and CI parse them.
ALLOWED_ENGLISH = {"error", "warning", "info", "ok", "yaml"}
_STRIP = re.compile(
    r"'[^'\n]*'"                       # quoted data (labels, ids, values)
    r"|\"[^\"\n]*\""                   # double-quoted data
    r"|\S*[/\\]\S*"                    # paths and file:line:col
    r"|\S+:\S+"                        # ids (zorg:SD3), sources (02-x.txt:12)
    r"|\bDIN\d{3}\b"                   # codes
    r"|\b[a-z_]+(?:\[\d+\]|\.[a-z_]+)+"  # YAML field paths (efforts[0].contributes_to)
    r"|\b[a-z]+(?:[-_][a-z]+)+\b"      # rule names and YAML fields (goal-without-effort, part_of)
    r"|\[[^\]\n]*\]"                   # field paths and nodes in brackets
    r"|`[^`\n]*`"                      # code in explanations
)
_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _dutch_vocabulary() -> set[str]:
    found: set[str] = set()
    for t in glossary.TERMS.values():
        found |= _words(f"{t.nl} {t.nl_plural or ''}")
    for nl, _ in glossary.PHRASES.values():
        found |= _words(_STRIP.sub(" ", re.sub(r"\{[^}]*\}", " ", nl)))
    return found


def _values(data: object) -> list[str]:
    if isinstance(data, dict):
        return [v for value in data.values() for v in _values(value)]
    if isinstance(data, list):
        return [v for value in data for v in _values(value)]
    return [str(data)]


def _data_words(*files: Path) -> set[str]:
    """Every word of the values in the YAML files (the data as written; not the field names)."""
    found: set[str] = set()
    for f in files:
        try:
            data = yaml.safe_load(f.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            data = None
        found |= _words(" ".join(_values(data)))
    return found


def _foreign(text: str, *files: Path) -> set[str]:
    allowed = _dutch_vocabulary() | _data_words(*files) | ALLOWED_ENGLISH
    return _words(_STRIP.sub(" ", text)) - allowed


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _english_only() -> set[str]:
    english: set[str] = set()
    for t in glossary.TERMS.values():
        english |= _words(f"{t.en} {t.en_plural or ''}")
    for _, en in glossary.PHRASES.values():
        english |= _words(re.sub(r"\{[^}]*\}", " ", en))
    return english - _dutch_vocabulary() - ALLOWED_ENGLISH


BUNDLED = sorted(DATA.glob("*.yaml"))


@pytest.mark.parametrize("args", [
    ("audit", "--fail-on", "never"),
    ("audit", "--fail-on", "never", "--format", "markdown"),
    ("validate",),
    ("query", "gaps"),
    ("query", "shared"),
    ("query", "why", "zorg:E1"),
    ("query", "how", "zorg:SD1"),
    ("query", "impact", "zorg:E1"),
    ("audit", "--explain", "DIN101"),
    ("audit", "--explain", "DIN204"),
])
def test_dutch_output_on_the_bundled_data(args: tuple[str, ...]) -> None:
    code, out = _run(*args)
    assert code == 0, out
    assert not _foreign(out, *BUNDLED), out[:400]


def test_english_on_request_and_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    nl = _run("audit", "--fail-on", "never")[1]
    en = _run("audit", "--fail-on", "never", "--lang", "en")[1]
    assert "geen inspanning draagt bij aan" in nl and "no effort contributes to" not in nl
    assert "no effort contributes to" in en and "geen inspanning draagt bij aan" not in en
    assert re.match(r"\d+ bevindingen: \d+ fouten, \d+ waarschuwingen, \d+ info$", nl.splitlines()[-1])
    monkeypatch.setenv("DINNET_LANG", "en")
    assert _run("audit", "--fail-on", "never")[1] == en
    assert _run("audit", "--fail-on", "never", "--lang", "nl")[1] == nl


def test_audit_lines_start_with_the_yaml_location() -> None:
    out = _run("audit", "--fail-on", "never")[1].splitlines()
    line = re.compile(r"^data/contracts/almelo-2019/[\w-]+\.yaml:\d+:\d+: (error|warning|info): "
                      r"DIN\d{3} [a-z-]+ \[[^\]]+\] .+ \(bron: [\w.-]+\.txt:\d+(-\d+)?\)$")
    assert all(line.match(text) for text in out[:-1]), [t for t in out if not line.match(t)][:3]


def test_the_finding_points_at_the_element_in_the_yaml() -> None:
    findings = dinnet.run_audit(dinnet.load())
    (f,) = [f for f in findings if f.node == "binnenstad:1a" and f.code == "DIN101"]
    assert f.location is not None
    file, line, _ = f.location
    text = Path(file).read_text(encoding="utf-8").splitlines()
    assert text[line - 1].strip() == "- id: 1a"


BROKEN = {
    "unknown-field": ("contributes_to:", "contributes:"),
    "bad-reference": ("contributes_to: [SD1.a]", "contributes_to: [SD9]"),
    "not-a-number": ("year: 2018", "year: achttien"),
    "ambiguous-number": ("targets: {2022: 25}", "targets: {2022: 25.000}"),
    "year-out-of-range": ("targets: {2022: 25}", "targets: {2222: 25}"),
    "misspelt-choice": ("role: regie", "role: regi"),
    "empty-text": ("label: Minder auto's", "label: ''"),
    "list-not-text": ("name: Mini", "name: [Mini]"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_dutch_errors_for_broken_contracts(name: str, tmp_path: Path) -> None:
    old, new = BROKEN[name]
    text = (ASSETS / "minimal.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "minimal.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for command in ("validate", "audit"):
        code, out = _run(command, str(path))
        assert code == 1, out
        assert re.search(r"minimal\.yaml:\d+:\d+: error: ", out), out
        assert not _foreign(out, path), out


def test_no_english_glossary_word_leaks_into_dutch_messages() -> None:
    out = _run("audit", "--fail-on", "never")[1] + _run("validate")[1]
    leaked = _words(_STRIP.sub(" ", out)) & _english_only() - _data_words(*BUNDLED)
    assert not leaked


def test_the_word_check_catches_english() -> None:
    en = _run("audit", "--fail-on", "never", "--lang", "en")[1]
    assert {"contributes", "findings", "deliberately", "measured"} <= _foreign(en, *BUNDLED)


@pytest.mark.parametrize("args", [
    ("validate", "no/such/folder"),
    ("query", "why", "zorg:XX"),
    ("query", "impact", "zorg:SD1"),
    ("audit", "-o", "data/contracts/almelo-2019/zorg.yaml"),
    ("export", "--format", "csv"),
    ("audit", "--explain", "DIN999"),
    ("render", "--programme", "nope", "-o", "x.svg"),
    ("render", "--portrait", "-o", "x.svg"),
    ("diff", "-", "-"),
    ("render", "--pagina", "a4"),
    ("rendr",),
    ("render", "--page", "a5"),
    ("validate", "--jobs"),
    ("schema", "--index", "--measurements"),
])
def test_dutch_errors_of_the_command_line(args: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    # click's own frame ("Gebruik: ...", "Probeer ... voor hulp", "Fout:") is Dutch too;
    # the usage line names the options as click writes them
    lines = [line for line in result.output.splitlines() if not line.startswith("Gebruik: ")]
    assert not _foreign("\n".join(lines), *BUNDLED), result.output


@pytest.mark.parametrize("text", ["", "programme:\n  id: a\n  id: b\n"])
def test_dutch_errors_for_broken_yaml(text: str, tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    code, out = _run("validate", str(path))
    assert code == 1 and re.search(r"c\.yaml:\d+:\d+: error: ", out), out
    assert not _foreign(out, path), out


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_progress_reasons_write_numbers_and_dates_the_dutch_way(fmt: str) -> None:
    code, out = _run("progress", "examples/zonnedal", "--as-of", "2025-12-31", "--format", fmt)
    assert code == 0, out
    assert "voortgang op 31-12-2025" in out
    assert "4.050 gemeten op 31-12-2025 haalt de streefwaarde van 2025 (4.000)" in out
    assert not re.search(r"\b\d{4}-\d\d-\d\d\b", out), out      # no ISO date
    assert not re.search(r"(?<![\d.,])\d{5,}", out), out          # no 13600 without its dot
    en = _run("progress", "examples/zonnedal", "--as-of", "2025-12-31", "--lang", "en")[1]
    assert "4,050 measured on 2025-12-31 meets the target of 2025 (4,000)" in en


def _broken_workbook(tmp_path: Path) -> Path:
    """The minimal contract as a workbook, with a problem of every kind the import reports."""
    openpyxl = pytest.importorskip("openpyxl")
    from dinnet.io.loading import load_contracts
    from dinnet.io.xlsx import export_xlsx

    loaded, indexes, _ = load_contracts(ASSETS / "minimal.yaml")
    book = tmp_path / "plan.xlsx"
    book.write_bytes(export_xlsx([i.contract for i in loaded], indexes))
    wb = openpyxl.load_workbook(book)
    wb.create_sheet("efortz")                                    # unknown sheet
    wb["goals"].cell(3, 3, "SD9")                                # unknown parent
    wb["goals"].cell(2, 4, "strategisch")                        # not a level
    wb["indicators"].cell(1, 13, "colour")                       # unknown column
    wb["links"].cell(2, 8, "causes")                             # unknown link kind
    wb["links"].cell(3, 2, "E9")                                 # unknown effort
    wb["budget_lines"].append(["mini", "B9", "Regel", None, None, "mini.txt:1"])  # unknown table
    wb["programmes"].append(["mini", "Mini", "X", 2019, 2022])   # a programme twice
    wb["tracks"].append(["nope", "S9", "Spoor", None, None, None, "m.txt:1"])  # no such programme
    wb["efforts"]["B5"].value = "=1+1"                           # a formula without its result
    wb.save(book)
    return book


def test_dutch_problems_of_a_workbook(tmp_path: Path) -> None:
    book = _broken_workbook(tmp_path)
    code, out = _run("import-xlsx", str(book), "-o", str(tmp_path / "out"))
    assert code == 1 and out.endswith("11 fouten\n"), out
    # after the place (plan.xlsx[sheet]:row:col: error: column:) only Dutch words remain,
    # and the column names a misspelt column could be
    said = [re.sub(r"^\S+ error: (\w+: )?|; bekend: .*", "", line)
            for line in out.splitlines()[:-1]]
    assert len(said) == 11 and not _foreign("\n".join(said), ASSETS / "minimal.yaml"), out
    assert "onbekend blad 'efortz'; bedoel je 'efforts'?" in out
    en = _run("import-xlsx", str(book), "-o", str(tmp_path / "out"), "--lang", "en")[1]
    assert "unknown sheet 'efortz'; did you mean 'efforts'?" in en


_UNICODE_NAMES = re.compile(r"U\+[0-9A-F]{4,6} [A-Z][A-Z0-9 -]*[A-Z0-9]")  # stay English


@pytest.mark.parametrize(("old", "new", "said"), [
    ("contributes_to: [SD1.a]", "contributes_to: [SD1.a, zorg:SD3]",
     "'zorg:SD3' verwijst naar programma 'zorg', dat niet geladen is"),   # a warning
    ("implements: [E1]", "implements: [\u04151]",                          # Cyrillic Е
     "bedoel je 'E1'? 'Е1' ziet er hetzelfde uit, maar heeft"),
    ("implements: [E1]", "implements: [zorg:\u04151]",                     # in another file
     "bedoel je 'E1'? 'Е1' ziet er hetzelfde uit, maar heeft"),
])
def test_dutch_loader_warnings_and_look_alikes(old: str, new: str, said: str,
                                                tmp_path: Path) -> None:
    text = (ASSETS / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "minimal.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    zorg = DATA / "zorg.yaml"
    out = _run("validate", str(path), *([str(zorg)] if "zorg:" in new and "SD3" not in new
                                        else []))[1]
    assert said in out, out
    assert not _foreign(_UNICODE_NAMES.sub(" ", out), path), out


#: Edits of tests/assets/diff/v1.yaml that change a field of every kind of value.
DIFF_EDITS = [
    ("period: {start: 2019, end: 2022}", "period: {start: 2019, end: 2023}\n  version: '2'"),
    ("        label: Minder fijnstof\n", "        label: Minder fijnstof\n        note: nieuw\n"),
    ("    label: Meer groen in de stad\n", "    label: Meer groen in de stad\n    open: true\n"),
    ("targets: {2020: 28, 2022: 25}", "targets: {2020: 28, 2022: 13600.5, 2023: 12}"),
    ("direction: decrease", "direction: increase\n    unit: ug"),
    ("    contributes_to: [SD1.a]\n", "    contributes_to:\n      - {goal: SD1.a, strength: weak, "
     "inferred: true, source: mini.txt:8}\n    budget: {amounts: {2020: 13600}}\n"),
    ("strength: strong", "strength: medium"),
    ("    track: S1\n    contributes_to: [SD2]", "    contributes_to: [SD2]"),
    ("role: regie", "role: afstemming\n    lijnproject: true"),
    ("implements: [E1]", "implements: [E1, E3]"),
]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_dutch_diff_text(fmt: str, tmp_path: Path) -> None:
    old = ASSETS / "diff" / "v1.yaml"
    text = old.read_text(encoding="utf-8")
    for a, b in DIFF_EDITS:
        assert a in text, a
        text = text.replace(a, b, 1)
    new = tmp_path / "v3.yaml"
    new.write_text(text, encoding="utf-8")
    code, out = _run("diff", str(old), str(new), "--format", fmt)
    assert code == 0, out
    for said in ("richting: dalen | stijgen" if fmt == "markdown" else "richting: dalen -> stijgen",
                 "mini:E1 draagt bij aan mini:SD1.a", "13.600,5", "2019-2023", "rol", "afstemming",
                 "bewust open", "sterkte", "zwak", "mini:E3 hoort bij mini:S1", "begroting"):
        assert said.replace("richting: dalen | ", "richting | dalen | ") in out, (said, out)
    # no Python values (None, True, [..], {..}) and no code words of links or values (the
    # words of the data, which the word check allows); field names are left to the word check
    assert not re.search(r"\bNone\b|\bTrue\b|\bFalse\b|\[\d|\{\d|\{\}|\(contributes_to\)"
                         r"|\b(decrease|increase|strong|medium|weak)\b", out), out
    assert not _foreign(out, old, new), out
    en = _run("diff", str(old), str(new), "--format", fmt, "--lang", "en")[1]
    assert "mini:E1 contributes to mini:SD1.a" in en and "13,600.5" in en


def _commands() -> list[tuple[str, ...]]:
    """Every command and group of the command line, as the words that name it."""
    import click

    found: list[tuple[str, ...]] = [()]
    for name, command in main.commands.items():
        found.append((name,))
        if isinstance(command, click.Group):
            found += [(name, sub) for sub in command.commands]
    return found


#: What --help shows that is syntax, not words: the usage line, the names of commands
#: and options, metavars and variables in capitals, choices.
_HELP_SYNTAX = re.compile(r"^Gebruik: .*$|^  [\w-]+(?=  )|(?<!\w)--?[\w-]+|\b[A-Z][A-Z_0-9]*\b"
                          r"|\[[^\]]*\]", re.MULTILINE)


@pytest.mark.parametrize("words", _commands(), ids=lambda w: " ".join(w) or "dinnet")
def test_dutch_help_of_every_command_and_option(words: tuple[str, ...]) -> None:
    code, out = _run(*words, "--help")
    assert code == 0, out
    assert "Opties:" in out and "Toon deze hulp en stop." in out, out
    joined = re.sub(r"-\n\s+", "-", out)  # a word wrapped at its hyphen
    assert not _foreign(_HELP_SYNTAX.sub(" ", joined)), out
    en = CliRunner().invoke(main, [*words, "--help"], env={"DINNET_LANG": "en"}).output
    assert "Options:" in en and "Show this message and exit." in en, en


def test_every_help_text_of_the_command_line_is_in_the_glossary() -> None:
    """A new option with English help only fails here: its Dutch goes into the glossary."""
    import inspect

    import click

    english = {en for key, (_, en) in glossary.PHRASES.items() if key.startswith("help.")}

    def texts(command: click.Command) -> list[str]:
        found = [inspect.cleandoc(command.help).partition("\f")[0]] if command.help else []
        found += [p.help for p in command.params if getattr(p, "help", None)]
        if isinstance(command, click.Group):
            found += [t for sub in command.commands.values() for t in texts(sub)]
        return found

    missing = [t for t in texts(main) if t not in english]
    assert not missing, missing


def test_a_new_contract_explains_itself_in_dutch() -> None:
    code, out = _run("new", "Groen en Blauw")
    assert code == 0, out
    head = out.split("\ndinnet: 1", 1)[0].splitlines()[1:]          # after the schema line
    trailing = re.findall(r"\S {2,}# ([^#\n]*)$", out, re.MULTILINE)  # after a field
    said = "\n".join([*head, *trailing])
    assert "Vervang elke" in said and "de doelen die het dient" in said, said
    assert not _words(_STRIP.sub(" ", said)) & _english_only(), said
    assert "Replace every" in _run("new", "Groen en Blauw", "--lang", "en")[1]


def test_files_imported_from_a_workbook_say_so_in_dutch(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    book = tmp_path / "plan.xlsx"
    assert _run("export-xlsx", str(ASSETS / "minimal.yaml"), "-o", str(book))[0] == 0
    code, out = _run("import-xlsx", str(book), "-o", str(tmp_path / "back"))
    assert code == 0, out
    text = (tmp_path / "back" / "mini.yaml").read_text(encoding="utf-8")
    assert "# Geïmporteerd uit plan.xlsx door dinnet import-xlsx.\n" in text
