"""Dutch numbers in numeric fields: read by the one rule of docs/format.md, or refused, located.

Covers issue 16 (``200.000``, ``1.250,50``, ``€ 200.000``, ``1,22%``, ``13%``) and issue
19's items 1 (numbers longer than Python's 4,300 digits), 10 (``1e309``, ``.inf``,
``.nan``) and 20 (``50.000`` read as 50.0).
"""

from __future__ import annotations

import json
import math
import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import dinnet
from dinnet.cli import main
from dinnet.contract.numbers import parse_dutch, plain_number
from dinnet.errors import ContractError
from dinnet.io.export import to_json
from dinnet.io.loading import read_contract
from dinnet.io.yamlwrite import contract_yaml

HEAD = """\
programme:
  id: t
  name: T
  municipality: M
  period: {start: 2019, end: 2022}
  source: t.txt:1
goals:
  - {id: SD1, level: strategic, label: G, source: t.txt:2}
"""


def contract(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "t.yaml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return path


def budget(tmp_path: Path, value: str) -> Path:
    return contract(tmp_path, f"""\
        efforts:
          - id: E1
            label: E
            budget:
              amounts:
                2024: {value}
            source: t.txt:3
        """)


def amount(tmp_path: Path, value: str) -> float:
    return read_contract(budget(tmp_path, value)).contract.efforts[0].budget.amounts[2024]


def refused(path: Path) -> str:
    """The one located error line of a file that must not load."""
    with pytest.raises(ContractError) as info:
        dinnet.load(path)
    (problem,) = info.value.problems
    assert problem.line is not None and problem.column is not None
    return str(problem)


@pytest.mark.parametrize(("written", "value"), [
    ('"200.000"', 200_000.0),
    ("1.250.000", 1_250_000.0),
    ('"1.250,50"', 1250.5),
    ("1.250,50", 1250.5),
    ("€ 200.000", 200_000.0),
    ("'€ 200.000,-'", 200_000.0),
    ("EUR 1.250", 1250.0),
    ("200000", 200_000.0),
    ("1250.5", 1250.5),
    ("12.5", 12.5),
    ("0.125", 0.125),  # no Dutch whole number starts with 0: not ambiguous
    ('"1,250"', 1.25),  # quoted: the Dutch way, as asked
    ("1,25", 1.25),  # not three digits after the comma: not a thousands separator
    ("1.250,500", 1250.5),
])
def test_amounts_are_read_by_the_one_rule(tmp_path: Path, written: str, value: float) -> None:
    assert amount(tmp_path, written) == value


@pytest.mark.parametrize(("written", "says"), [
    ("200.000", 'ambiguous (YAML reads 200, Dutch 200000): write 200000, or "200.000" in quotes'),
    ("50.000", "ambiguous (YAML reads 50, Dutch 50000)"),  # issue 19, item 20
    ("1.250", "ambiguous (YAML reads 1.25, Dutch 1250)"),
    ("-1.250", "ambiguous (YAML reads -1.25, Dutch -1250)"),
    ("1,250", 'ambiguous (Dutch reads 1.25, English 1250): write 1250, or 1.25, or "1,250" in '
              "quotes to have it read the Dutch way"),
    ("-12,500", "ambiguous (Dutch reads -12.5, English -12500)"),
    ('"1.5"', "'1.5' is not a number; write a plain number with a dot as decimal sign"),
    ("13%", "'13%' is a percentage, not an amount"),
    ("1e309", "1e309 is not a finite number"),  # issue 19, item 10
    (".inf", ".inf is not a finite number"),
    ("-.Inf", "-.Inf is not a finite number"),
    (".nan", ".nan is not a finite number"),
    ('"inf"', "'inf' is not a number"),
    ("9" * 5000, "a number of 5,000 characters is too long (at most 40)"),  # issue 19, item 1
])
def test_bad_amounts_are_refused_at_their_place(tmp_path: Path, written: str, says: str) -> None:
    line = refused(budget(tmp_path, written))
    assert line.startswith(f"{tmp_path / 't.yaml'}:14:15:") and line.count("\n") == 0
    assert "efforts[0].budget.amounts[2024]: " in line
    assert says in line, line
    assert len(line) < 400


def test_a_huge_number_fails_cleanly_through_the_cli(tmp_path: Path) -> None:
    path = budget(tmp_path, "9" * 5000)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert "too long" in result.output and "Traceback" not in result.output


def test_every_numeric_field_follows_the_rule(tmp_path: Path) -> None:
    path = contract(tmp_path, """\
        indicators:
          - id: I1
            label: Werkloosheid
            measures: [SD1]
            baseline: {value: "1,22%", year: 2018}
            targets: {2019: 13%, 2020: "€ 1.250", 2021: n.t.b., 2022: "circa 9%"}
            expected: {2019: "9%"}
            realised: {2018: "8,5"}
            source: t.txt:4
        budgets:
          - id: B1
            title: Begroting
            unit: x 1.000 euro
            scale: "1.000"
            lines:
              - {label: a, amounts: {2019: "1.250,50", 2020: "ruim 40"}}
            stated_totals: {2019: € 1.250, 2020: "circa 40"}
            source: t.txt:5
        capacity:
          - id: C1
            title: Uren
            unit: uren per week
            lines:
              - {label: b, amounts: {2019: "16"}}
            source: t.txt:6
        """)
    c = read_contract(path).contract
    ind = c.indicators[0]
    assert ind.baseline is not None and ind.baseline.value == 1.22
    assert ind.targets == {2019: 13.0, 2020: 1250.0, 2021: "n.t.b.", 2022: 9.0}
    assert ind.approximate == {"targets": {2022: "circa"}}
    assert ind.expected == {2019: 9.0} and ind.realised == {2018: 8.5}
    table = c.budgets[0]
    assert table.scale == 1000.0
    assert table.lines[0].amounts == {2019: 1250.5, 2020: 40.0}
    assert table.lines[0].approximate == {2020: "ruim"}
    assert table.stated_totals == {2019: 1250.0, 2020: 40.0}
    assert table.approximate_totals == {2020: "circa"}
    assert c.capacity[0].lines[0].amounts == {2019: 16.0}


@pytest.mark.parametrize("field", [
    "baseline: {value: 200.000, year: 2018}",
    "targets: {2019: 200.000}",
    "expected: {2019: 1e309}",
    "realised: {2019: .nan}",
])
def test_indicator_values_are_refused_too(tmp_path: Path, field: str) -> None:
    path = contract(tmp_path, f"""\
        indicators:
          - id: I1
            label: L
            measures: [SD1]
            {field}
            source: t.txt:4
        """)
    line = refused(path)
    assert re.search(r"t\.yaml:13:\d+: error: indicators\[0\]\.", line), line


def test_approximate_amounts_are_marked_not_dropped(tmp_path: Path) -> None:
    c = read_contract(budget(tmp_path, "ruim € 200.000")).contract
    assert c.efforts[0].budget is not None
    assert c.efforts[0].budget.amounts == {2024: 200_000.0}
    assert c.efforts[0].budget.approximate == {2024: "ruim"}
    path = contract(tmp_path, """\
        budgets:
          - {id: B1, title: T, unit: EUR, scale: ruim 1.000, source: t.txt:5}
        """)
    assert "scale: 'ruim 1.000' is approximate; write 1000 (only per-year" in refused(path)


@pytest.mark.parametrize(("element", "says", "amount"), [
    ("efforts:\n  - {id: E1, label: E, budget: {amounts: {2024: ruim 5}, approximate: 1}, "
     "source: t.txt:3}", "budget.approximate: expected a mapping", True),
    ("efforts:\n  - {id: E1, label: E, budget: {amounts: {2024: ruim 5}, approximate: [1]}, "
     "source: t.txt:3}", "budget.approximate: expected a mapping", True),
    ("indicators:\n  - {id: I1, label: L, targets: {2024: circa 5}, approximate: {targets: 1}, "
     "source: t.txt:3}", "approximate.targets: expected a mapping", False),
    ("indicators:\n  - {id: I1, label: L, targets: {2024: circa 5}, approximate: x, "
     "source: t.txt:3}", "indicators[0].approximate: expected a mapping", False),
    ("budgets:\n  - {id: B1, title: T, unit: EUR, stated_totals: {2024: ruim 5}, "
     "approximate_totals: 0, source: t.txt:3}", "approximate_totals: expected a mapping", True),
])
def test_marks_that_are_not_a_mapping_are_refused_beside_an_approximate_value(
        tmp_path: Path, element: str, says: str, amount: bool) -> None:
    """Approximate text is not moved into marks of the wrong type: they are refused, located,
    and so is the text where an amount is due (an indicator keeps it as printed)."""
    with pytest.raises(ContractError) as info:
        dinnet.load(contract(tmp_path, element + "\n"))
    lines = [str(problem) for problem in info.value.problems]
    assert any(says in line for line in lines), lines
    assert any("is approximate; write 5" in line for line in lines) is amount, lines
    assert len(lines) == 1 + amount
    assert all(problem.line is not None for problem in info.value.problems)


@pytest.mark.parametrize(("element", "says"), [
    ("efforts:\n  - {id: E1, label: E, budget: {amounts: {2024: 5}, approximate: {2025: ruim}}, "
     "source: t.txt:3}",
     "efforts[0].budget: 2025 marked approximate, but there is no number for that year in the budget"),
    ("budgets:\n  - {id: B1, title: T, unit: EUR, lines: [{label: L, amounts: {2024: null}, "
     "approximate: {2024: circa}}], source: t.txt:3}",
     "budgets[0].lines[0]: 2024 marked approximate, but there is no number for that year in the line"),
    ("budgets:\n  - {id: B1, title: T, unit: EUR, stated_totals: {2024: 5}, "
     "approximate_totals: {2023: ruim, 2022: ruim}, source: t.txt:3}",
     "budgets[0]: 2022, 2023 marked approximate, but there is no number for that year in the stated totals"),
    ("indicators:\n  - {id: I1, label: L, targets: {2024: n.t.b.}, "
     "approximate: {targets: {2024: circa}}, source: t.txt:3}",
     "indicators[0]: 2024 marked approximate, but there is no number for that year in the targets"),
    ("indicators:\n  - {id: I1, label: L, baseline: {value: onbekend, approximate: ruim}, "
     "source: t.txt:3}", "indicators[0].baseline: the baseline is marked approximate (ruim), "
                         "but is no number; write the number, or remove the mark"),
])
def test_a_mark_needs_a_number(tmp_path: Path, element: str, says: str) -> None:
    """Marks given in the file for a year without a number are refused, located."""
    line = refused(contract(tmp_path, element + "\n"))
    assert says in line, line


@pytest.mark.parametrize(("element", "en", "nl"), [
    ("indicators:\n  - {id: I1, label: L, targets: {2024: n.t.b.}, "
     "approximate: {targets: {2024: circa}}, source: t.txt:3}",
     "2024 marked approximate, but there is no number for that year in the targets; "
     "write the number, or remove the mark",
     "2024 gemarkeerd als benadering, maar in de streefwaarden staat voor dat jaar geen getal; "
     "schrijf het getal, of haal de markering weg"),
    ("indicators:\n  - {id: I1, label: L, baseline: {value: onbekend, approximate: ruim}, "
     "source: t.txt:3}",
     "the baseline is marked approximate (ruim), but is no number; write the number, or "
     "remove the mark",
     "de nulmeting is gemarkeerd als benadering (ruim), maar is geen getal; schrijf het getal, "
     "of haal de markering weg"),
])
def test_a_mark_without_a_number_reads_well_in_both_languages(
        tmp_path: Path, element: str, en: str, nl: str) -> None:
    """The message agrees with a plural (the targets, de streefwaarden) and names no year
    where there is none (the baseline: it said "0 marked approximate")."""
    with pytest.raises(ContractError) as info:
        dinnet.load(contract(tmp_path, element + "\n"))
    (problem,) = info.value.problems
    assert en in problem.text("en") and nl in problem.text("nl")


def test_stated_totals_and_scale_are_refused_too(tmp_path: Path) -> None:
    path = contract(tmp_path, """\
        budgets:
          - id: B1
            title: T
            unit: EUR
            scale: 1.000
            stated_totals: {2019: 450.000, 2020: 1e400}
            source: t.txt:5
        """)
    with pytest.raises(ContractError) as info:
        dinnet.load(path)
    lines = [str(p) for p in info.value.problems]
    assert [p.line for p in info.value.problems] == [13, 14, 14], lines
    assert "scale: 1.000 is ambiguous" in lines[0]
    assert "stated_totals[2019]: 450.000 is ambiguous" in lines[1]
    assert "stated_totals[2020]: 1e400 is not a finite number" in lines[2]


def test_text_fields_keep_what_looks_like_a_dutch_number(tmp_path: Path) -> None:
    path = contract(tmp_path, """\
        efforts:
          - {id: E1, label: 1.250, planning: 50.000, source: t.txt:3}
          - id: E2
            label: 1,250
            planning: '1,250'
            source: t.txt:4
        """)
    efforts = read_contract(path).contract.efforts
    assert (efforts[0].label, efforts[0].planning) == ("1.250", "50.000")
    assert (efforts[1].label, efforts[1].planning) == ("1,250", "1,250")


def test_json_export_stays_valid_json(tmp_path: Path) -> None:
    """Non-finite numbers never get in, so the export is strict JSON (issue 19, item 10)."""
    path = budget(tmp_path, '"€ 1.250,50"')
    text = to_json(dinnet.load(path))
    json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in the JSON export"))


def test_written_yaml_reads_back_to_the_same_numbers(tmp_path: Path) -> None:
    """50.125 would read as ambiguous; the writer adds a zero (50.1250)."""
    path = budget(tmp_path, "50.125e0")
    c = read_contract(path).contract
    assert c.efforts[0].budget.amounts[2024] == 50.125
    again = tmp_path / "again.yaml"
    again.write_text(contract_yaml(c), encoding="utf-8")
    assert read_contract(again).contract == c


def test_parse_dutch_is_strict() -> None:
    assert parse_dutch("1.25") is None  # groups of three only
    assert parse_dutch("1.2500") is None
    assert parse_dutch("2,5 miljoen") is None
    found = parse_dutch("Ruim € 200.000")
    assert found is not None and (found.value, found.approx) == (200_000.0, "ruim")
    assert math.isfinite(parse_dutch("9" * 30).value)  # type: ignore[union-attr]
    assert plain_number("2019") == 2019


@pytest.mark.parametrize("field", ["budget", "target", "baseline", "scale", "stated_total"])
def test_an_int_past_1e308_from_a_program_is_refused_as_not_finite(field: str) -> None:
    """A program (not YAML, which is read as text) can pass an int too large for a float:
    refused with the message for numbers that are not finite, never an OverflowError."""
    import pydantic

    from dinnet.contract.model import Contract

    huge = -(10 ** 400) if field == "baseline" else 10 ** 400
    element = {
        "budget": {"efforts": [{"id": "E1", "label": "E", "source": "t:2",
                                "budget": {"amounts": {2024: huge}}}]},
        "target": {"indicators": [{"id": "I1", "label": "L", "source": "t:2",
                                   "targets": {2024: huge}}]},
        "baseline": {"indicators": [{"id": "I1", "label": "L", "source": "t:2",
                                     "baseline": {"value": huge}}]},
        "scale": {"budgets": [{"id": "B1", "title": "T", "unit": "EUR", "source": "t:3",
                               "scale": huge}]},
        "stated_total": {"budgets": [{"id": "B1", "title": "T", "unit": "EUR", "source": "t:3",
                                      "stated_totals": {2024: huge}}]},
    }[field]
    programme = {"id": "p", "name": "P", "municipality": "M",
                 "period": {"start": 2019, "end": 2022}, "source": "t:1"}
    with pytest.raises(pydantic.ValidationError) as info:
        Contract.model_validate({"programme": programme, **element})
    sign = "-" if field == "baseline" else ""
    assert f"{sign}1.000e+400 is not a finite number; write a number below 1e308" in str(info.value)
