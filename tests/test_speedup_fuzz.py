"""The compiled copies of the hot modules of reading (:mod:`dinnet.io.speedup`) against the
Python modules, on mutated contracts.

mypyc's compiled code checks the types its annotations name as it runs: where an
annotation says less than what really flows there, the copy raises ``TypeError`` where the
module works. The quick reader would then give None (and the text be read the slow way:
the speed-up lost without a word); the reference checks and the fragment would give the
user a traceback. Hypothesis mutates whole contracts (the Almelo files, the examples and
generated ones: ids and references swapped, goal levels changed, odd values, lines
dropped or doubled, YAML's special characters) so that they reach the reference checks'
errors and the fragment, not only the reader; every mutation is read by
:func:`~dinnet.io.loading.read_part` with the compiled forms and with the Python ones, and
must give the same bytes or the same problems, and nothing but :class:`ContractError`.
Without a build, both readings are Python's (tests/test_speedup.py fails in ``make test``
when a build is missing). ``HYPOTHESIS_PROFILE=fuzz`` runs 1,700 examples.
"""

from __future__ import annotations

import difflib
import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from dinnet import graph
from dinnet.contract import references
from dinnet.errors import ContractError, UnknownReferenceError
from dinnet.io import loading, speedup, yamlfast, yamlread
from dinnet.io.cache import pack

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = sorted([*(ROOT / "data/contracts/almelo-2019").glob("*.yaml"),
                    ROOT / "examples/groene-stad.yaml", *(ROOT / "examples/zonnedal").glob("*.yaml")])
CONTRACTS = [p for p in CONTRACTS if p.name not in ("index.yaml", "measurements.yaml")]

#: The compiled forms, where built from the modules' text (else the modules themselves).
QUICK_READER = speedup.quick(yamlfast)
QUICK_CHECK = speedup.quick(references).check_contract
QUICK_FRAGMENT = speedup.quick(graph).contract_fragment

_ID = re.compile(r"^ *(?:- )?id: ([^\s#]+)", re.MULTILINE)
_LEVEL = re.compile(r"level: (main|strategic|operational)")
_VALUE = re.compile(r"(?<=: )[^\s\[{&*|>#][^#\n]*$", re.MULTILINE)
#: Values put in place of another: numbers of every kind YAML and the contract read,
#: booleans, nulls, texts that look like numbers, flow collections, an empty value.
VALUES = ["1", "0", "-3", "1.5", "1e3", "0x10", "0o7", ".inf", "-.nan", "true", "no", "null",
          "~", "''", '"1"', "2019", "1900", "2101", "200.000", '"€ 1.250,50"', "1,5", "12%",
          "ruim 300", "circa 2", "[a, b]", "[]", "{a: 1}", "{}", "[2019, 2020]",
          "{2019: 1, 2020: x}", "x: y", "strong", "weak", "operational", "main", "visie",
          "a:b", "p:SD1", "2 mei 2019", "t.txt:1", "t.txt:3-2", "é", '"\\u00e9"', ""]
#: Characters put into a line (as tests/test_yamlfast.py's mutations).
INSERTS = [": ", " #", "'", '"', "\t", "&x ", "*x", "!!str ", "\\", ">", "|", "- ", "-", "  ",
           " ", "{", "}", "[", "]", ",", "x", "<<", "?", "\r", "''", "1", ".5", "~", "\n"]


class Sources(dict[str, str]):
    """Texts by file name, shown by their names alone (Hypothesis shows a failing
    example's arguments)."""

    def __repr__(self) -> str:
        return f"Sources({sorted(self)})"


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory,
            generate_contracts: Callable[[Path, int, int], list[Path]]) -> Sources:
    """The texts mutated, by file name: the Almelo contracts, the examples' and three
    generated ones."""
    generated = generate_contracts(tmp_path_factory.mktemp("generated"), 3, 17)
    return Sources({f"{p.parent.name}/{p.name}": yamlread.read_text(p)
                    for p in CONTRACTS + generated})


def mutate(text: str, choice: Callable[[Sequence[Any]], Any],
           integer: Callable[[int, int], int]) -> str:
    """``text`` with one to four edits, each chosen with ``choice`` (an item of a sequence)
    and ``integer`` (a number from ... to, both included): Hypothesis's draws, or a
    :class:`random.Random`'s. Half the time only ids, references and goal levels change
    (most such contracts are valid YAML and valid models, for the reference checks and
    the fragment), else anything."""
    ids = sorted(set(_ID.findall(text))) or ["x"]
    edits = (["id", "id", "id", "level"] if choice([True, False])
             else ["id", "level", "value", "value", "line", "drop", "insert"])
    for _ in range(integer(1, 4)):
        lines = text.split("\n")
        match choice(edits):
            case "id":  # a reference or an id to another (its own, a new one, elsewhere)
                old = choice(ids)
                found = [m.start() for m in re.finditer(
                    rf"(?<![\w.:-]){re.escape(old)}(?![\w.:-])", text)]
                if found:
                    at = choice(found)
                    new = choice([choice(ids), old + "x", "zorg:" + old, "x-y:" + old,
                                  old + ".1", "visie", "2019", old.lower()])
                    text = text[:at] + new + text[at + len(old):]
            case "level":
                found = list(_LEVEL.finditer(text))
                if found:
                    m = choice(found)
                    text = (text[:m.start(1)] + choice(["main", "strategic", "operational"])
                            + text[m.end(1):])
            case "value":
                found = list(_VALUE.finditer(text))
                if found:
                    m = choice(found)
                    text = text[:m.start()] + choice(VALUES) + text[m.end():]
            case "line":  # a line twice, or moved
                i, j = integer(0, len(lines) - 1), integer(0, len(lines) - 1)
                lines.insert(j, lines[i] if choice([True, False]) else lines.pop(i))
                text = "\n".join(lines)
            case "drop":
                del lines[integer(0, len(lines) - 1)]
                text = "\n".join(lines)
            case "insert":
                i = integer(0, len(lines) - 1)
                at = integer(0, len(lines[i]))
                lines[i] = lines[i][:at] + choice(INSERTS) + lines[i][at:]
                text = "\n".join(lines)
    return text


def _part(text: str) -> tuple[str, bytes]:
    """``read_part``'s result as MessagePack bytes (``"part"``), or the kind of
    :class:`ContractError` and its problems, one per line."""
    try:
        return "part", pack(loading.read_part("fuzz.yaml", text.encode("utf-8")))
    except ContractError as exc:
        return type(exc).__name__, "\n".join(repr(p) for p in exc.problems).encode()


def _read(text: str, python: bool) -> tuple[str, bytes]:
    """:func:`_part` with the loader reading with the Python modules (``python``) or with
    the quick forms (compiled where built)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loading, "yamlfast", yamlfast if python else QUICK_READER)
        patch.setattr(loading, "check_contract",
                      references.check_contract if python else QUICK_CHECK)
        patch.setattr(loading, "contract_fragment",
                      graph.contract_fragment if python else QUICK_FRAGMENT)
        return _part(text)


def both_agree(text: str) -> tuple[str, bytes]:
    """``read_part`` of ``text`` with the quick forms and with the Python ones: the same
    (any exception but :class:`ContractError` fails the test), and the quick reader
    reads whatever the Python one reads. Returns the outcome."""
    python, quick = yamlfast.read(text), QUICK_READER.read(text)
    assert not (quick is None and python is not None), (
        "the compiled reader gave up on a text the Python one reads (a TypeError of an "
        "annotation that says less than what flows, caught by yamlfast.read)")
    assert not (python is None and quick is not None)
    compiled = _read(text, python=False)
    assert _read(text, python=True) == compiled
    return compiled


@settings(max_examples=max(settings.default.max_examples, 60),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_compiled_and_python_read_mutated_contracts_alike(
        sources: dict[str, str], data: st.DataObject) -> None:
    text = sources[data.draw(st.sampled_from(sorted(sources)), label="source")]

    def choice(items: Sequence[T]) -> T:
        return data.draw(st.sampled_from(items))

    def integer(low: int, high: int) -> int:
        return data.draw(st.integers(low, high))

    mutated = mutate(text, choice, integer)
    note("".join(difflib.unified_diff(text.splitlines(True), mutated.splitlines(True), n=1)))
    both_agree(mutated)


def test_the_mutations_reach_every_module(sources: dict[str, str]) -> None:
    """The mutations are read by the quick reader, checked, and drawn, not only refused:
    of 150 seeded ones, many are read quickly, many fail the reference checks (so
    their errors are built), many are whole contracts (so fragments are made); and the
    compiled reader never gives up where the Python one reads."""
    rng = random.Random(12)
    read = references_failed = whole = 0
    for _ in range(150):
        text = mutate(sources[rng.choice(sorted(sources))], rng.choice, rng.randint)
        outcome = both_agree(text)
        read += yamlfast.read(text) is not None
        references_failed += outcome[0] == UnknownReferenceError.__name__
        whole += outcome[0] == "part"
    assert read >= 100 and references_failed >= 20 and whole >= 20, (
        read, references_failed, whole)
