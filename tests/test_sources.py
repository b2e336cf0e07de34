"""``dinnet validate --sources DIR``: every ``source:`` checked against the source texts."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from dinnet.cli import main
from dinnet.io.loading import load_contracts, read_contract
from dinnet.io.sources import check_sources, normalise

ROOT = Path(__file__).resolve().parents[1]
ALLOWED = Path(__file__).parent / "assets" / "source-paraphrases.txt"


def seeds() -> Path:
    """The Almelo texts: ``../shared/seeds`` of the clone (or of a folder above a worktree)."""
    for parent in ROOT.parents:
        found = parent / "shared" / "seeds"
        if (found / "07-zorg.txt").is_file():
            return found
    pytest.fail("the Almelo source texts are not in ../shared/seeds (CI puts them there)",
                pytrace=False)


def allowed() -> list[tuple[str, str, str]]:
    rows = []
    for line in ALLOWED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            file, label, why = (part.strip() for part in line.split("|", 2))
            rows.append((file, label, why))
    return rows


def test_the_bundled_data_matches_its_texts(capsys: pytest.CaptureFixture[str]) -> None:
    loaded, _, _ = load_contracts()
    warnings = check_sources([(i.file, i.contract) for i in loaded], seeds())
    rules = allowed()
    unexplained = []
    for w in warnings:
        label = w.message.split("' does not stand in")[0].lstrip("'").rstrip("…")
        reason = next((why for file, start, why in rules
                       if Path(w.file).name == file and (label.startswith(start)
                                                         or start.startswith(label))), None)
        if reason is None:
            unexplained.append(str(w))
        else:
            print(f"{Path(w.file).name}:{w.line}: {label[:50]}: {reason}")
    assert not unexplained, "\n".join(unexplained)
    # no file missing and no line past the end anywhere
    assert not [w for w in warnings if "does not stand in" not in w.message]


HEAD = """\
programme:
  id: t
  name: T
  municipality: M
  period: {start: 2019, end: 2022}
  source: t.txt:1
"""


def contract(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "t.yaml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return path


def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "t.txt").write_text(
        "Programma T\n"
        "Wij willen een \u201cschone\u201d en werk-\n"
        "gelegenheid rijke stad.\n"
        "Regel vier.\n", encoding="utf-8")
    return folder


def warnings_for(tmp_path: Path, body: str) -> list[str]:
    path = contract(tmp_path, body)
    found = check_sources([(str(path), read_contract(path).contract)], texts(tmp_path))
    return [str(p) for p in found]


def test_labels_across_lines_hyphens_and_quotes_match(tmp_path: Path) -> None:
    assert warnings_for(tmp_path, """\
        goals:
          - {id: SD1, level: strategic, label: 'een "schone" en werkgelegenheid rijke stad',
             source: t.txt:2-3}
        """) == []


def test_a_missing_file_a_line_past_the_end_and_a_wrong_label_are_located(tmp_path: Path) -> None:
    found = warnings_for(tmp_path, """\
        goals:
          - {id: SD1, level: strategic, label: Schoon, source: other.txt:2}
          - {id: SD2, level: strategic, label: Regel vier, source: t.txt:9}
          - {id: SD3, level: strategic, label: Een veilige haven, source: t.txt:4}
        """)
    assert len(found) == 3
    assert ":8:" in found[0] and "source file 'other.txt' is not in" in found[0]
    assert ":9:" in found[1] and "cites line 9, but 't.txt' has 4 lines" in found[1]
    assert ":10:" in found[2] and "'Een veilige haven' does not stand in t.txt:4" in found[2]
    assert all(": warning: goals[" in w for w in found)


def test_cli_reports_them_as_warnings(tmp_path: Path) -> None:
    path = contract(tmp_path, """\
        goals:
          - {id: SD1, level: strategic, label: Een veilige haven, source: t.txt:4}
        """)
    result = CliRunner().invoke(main, ["validate", str(path), "--sources", str(texts(tmp_path)),
                                       "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert f"{path}:8:" in result.output and "does not stand in t.txt:4" in result.output
    assert "1 warning" in result.output


def test_cli_checks_the_sources_of_standard_input(tmp_path: Path) -> None:
    """``validate - --sources DIR`` reads standard input once: the sources are checked on the
    contract that was loaded, not on an empty second read."""
    path = contract(tmp_path, """\
        goals:
          - {id: SD1, level: strategic, label: Een veilige haven, source: t.txt:4}
        """)
    result = CliRunner().invoke(main, ["validate", "-", "--sources", str(texts(tmp_path)),
                                       "--lang", "en"], input=path.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert "-:8:" in result.output and "does not stand in t.txt:4" in result.output
    assert "1 warning" in result.output


def test_normalise() -> None:
    assert normalise("A\u2019s  \u2013 B-\n c") == "a's - bc"
