"""The quick YAML reader (issue 22): whenever it reads a text, exactly what PyYAML's path gives.

Exactly: the data equal with the same types all the way down, every node of the position tree
at PyYAML's line and column, and ``read_part`` the same bytes (or the same errors) with and
without it. Every test runs on each form of the reader: the Python module and, when it was
built (``make test`` builds it: :mod:`dinnet.io.speedup`), its compiled copy. Hypothesis
tries random data dumped in several styles and random mutations of real contracts, lines of
YAML's special characters, block scalars and one-line flow collections;
``HYPOTHESIS_PROFILE=fuzz`` runs 1,700 examples per test (the mutations three times, the
special characters and the flow collections five times as many; docs/performance.md has the
command and the last run).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dinnet.errors import ContractError, DinnetError
from dinnet.io import limits, loading, speedup, yamlread, yamlwrite
from dinnet.io import yamlfast as python_reader
from dinnet.io.cache import pack

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(p for folder in ("data", "examples", "tests/assets")
               for p in (ROOT / folder).rglob("*.y*ml"))
ALMELO = [p for p in FILES if "almelo-2019" in p.parts and p.name != "index.yaml"]
#: The forms of the reader: the Python module, and its compiled copy when it was built from it.
READERS = [python_reader, *filter(None, [speedup.compiled(python_reader)])]
#: The reader the tests of this module read with (:func:`reader`), and the loader too.
yamlfast = python_reader


@pytest.fixture(scope="module", autouse=True, params=READERS,
                ids=lambda module: module.__name__.rsplit(".", 1)[-1])
def reader(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test of this module once per form of the reader (:data:`READERS`), the loader
    reading with the same one."""
    global yamlfast
    before = loading.yamlfast
    yamlfast = loading.yamlfast = request.param
    yield
    yamlfast, loading.yamlfast = python_reader, before


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory,
              generate_contracts: Callable[[Path, int, int], list[Path]]) -> list[Path]:
    """Sixty generated contracts (what issue 22's benchmark reads)."""
    return generate_contracts(tmp_path_factory.mktemp("generated"), 60, 11)


# -- the property -----------------------------------------------------------------------------


def _shape(node: Any) -> Any:
    """A node tree as nested tuples: kind, position, and the text of every scalar."""
    mark = node.start_mark
    if node.id == "scalar":
        return ("scalar", node.value, mark.line, mark.column)
    if node.id == "sequence":
        return ("sequence", mark.line, mark.column, [_shape(n) for n in node.value])
    return ("mapping", mark.line, mark.column, [(_shape(k), _shape(v)) for k, v in node.value])


def _typed(value: Any) -> Any:
    """Data as nested tuples that tell apart what ``==`` does not (True and 1, a
    PlainNumber and a str, 1 and 1.0), with a PlainNumber's message."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    problem = getattr(value, "problem", None)
    return (type(value).__name__, value, None if problem is None else str(problem))


def _keyed(node: Any, key: str) -> list[tuple[str, int, int]]:
    """What :func:`yamlfast.keyed` finds, found in any node tree (PyYAML's) the way the
    loader's walk for elements did before it: text, line and column."""
    found = []

    def walk(node: Any) -> None:
        if node.id == "sequence":
            for item in node.value:
                if item.id != "scalar":
                    walk(item)
        elif node.id == "mapping":
            for k, v in node.value:
                if k.value == key:
                    if v.id == "scalar":
                        found.append((v.value, node.start_mark.line, node.start_mark.column))
                    break
            for k, v in node.value:
                if v.id != "scalar" and k.value != key:
                    walk(v)

    walk(node)
    return found


def _keyed_fast(root: Any, key: str) -> list[tuple[str, int, int]]:
    return [(text, node.line, node.column) for text, node in yamlfast.keyed(root, key)]


def agrees(text: str) -> bool:
    """Whether the quick reader read ``text``; when it did, it gave what PyYAML's path gives
    (and that did not raise). Fails the test otherwise.

    Also :func:`yamlfast.keyed` (on the tree as read, and once every node is made) and
    the walk of the loader over PyYAML's tree find the same mappings."""
    quick = yamlfast.read(text)
    if quick is None:
        return False
    data, root = quick
    try:
        node = yamlread.parse_text(text, "x.yaml")
        slow = yamlread.construct(node, "x.yaml", text)
    except DinnetError as exc:
        raise AssertionError(f"PyYAML's path raised {exc}; the quick reader read {data!r}") from exc
    assert _typed(data) == _typed(slow)
    keys = ["id"] + [k for k in list(data)[:1] if isinstance(k, str) and ": " not in k]
    before = [_keyed_fast(root, key) for key in keys]
    assert _shape(root) == _shape(node)  # every node made
    assert before == [_keyed_fast(root, key) for key in keys] == [_keyed(node, k) for k in keys]
    return True


# -- the files of the repository and generated contracts ------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_of_the_repository(path: Path) -> None:
    agrees(yamlread.read_text(path))


def test_almelo_and_generated_contracts_are_read_quickly(generated: list[Path]) -> None:
    """Else the comparisons below prove nothing."""
    for path in ALMELO + generated:
        assert agrees(yamlread.read_text(path)), path


def test_nodes_are_made_when_asked_for(generated: list[Path]) -> None:
    """A common line's nodes wait until a mapping's ``value`` is asked for; ``keyed`` (the
    loader's walk for elements) makes none of them."""
    data, root = yamlfast.read(yamlread.read_text(generated[0]))  # type: ignore[misc]
    goals = dict((key.value, value) for key, value in root.value)["goals"]
    found = yamlfast.keyed(goals, "id")
    assert len(found) == len(loading._ids_in(data["goals"])) > 10
    assert all(node.reader is not None for _, node in found)  # not made yet
    first = found[0][1]
    assert [(k.value, v.value) for k, v in first.value][:2] == [("id", "SD1"), ("level", "strategic")]
    assert first.reader is None


def _part(path: Path) -> bytes:
    """``read_part``'s result as MessagePack bytes, or its problems, one per line."""
    try:
        return pack(loading.read_part(path))
    except ContractError as exc:
        return "\n".join(repr(p) for p in exc.problems).encode()


def test_read_part_is_the_same_with_and_without(generated: list[Path],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file of the repository (errors too) and the generated contracts."""
    read = yamlfast.read
    taken: list[str] = []

    def spy(text: str) -> Any:
        found = read(text)
        if found is not None:
            taken.append(text)
        return found

    monkeypatch.setattr(yamlfast, "read", spy)
    paths = FILES + generated
    quick = [_part(p) for p in paths]
    assert len(taken) >= len(ALMELO) + len(generated)
    monkeypatch.setattr(loading, "FAST_READ", False)
    taken.clear()
    assert [_part(p) for p in paths] == quick
    assert not taken


def test_a_contract_with_a_mistake_is_read_by_pyyaml(tmp_path: Path) -> None:
    """The quick reader reads it, validation fails: the errors are PyYAML's path's, located."""
    path = tmp_path / "c.yaml"
    path.write_text((ROOT / "tests/assets/minimal.yaml").read_text(encoding="utf-8")
                    .replace("level: strategic", "level: strategisch", 1), encoding="utf-8")
    assert yamlfast.read(path.read_text(encoding="utf-8")) is not None
    with pytest.raises(ContractError) as caught:
        loading.read_part(path)
    assert caught.value.problems[0].line is not None


def test_limits_set_to_floats_leave_it_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """A program may set the limits of aliases to floats (``limits.ALIAS_MAX_CHARS = 5e5``):
    the reader still reads what it read (the compiled copy checks the type that
    :func:`yamlread.alias_text_limit` says it gives; it said ``int``, and the copy gave up
    on every text)."""
    text = yamlread.read_text(ALMELO[0])
    before = yamlfast.read(text)
    monkeypatch.setattr(limits, "ALIAS_MAX_CHARS", 5e5)
    monkeypatch.setattr(limits, "ALIAS_MAX_RATIO", 2.5)
    assert yamlread.alias_text_limit(len(text)) == 5e5
    after = yamlfast.read(text)
    assert before is not None and after is not None
    assert _typed(after[0]) == _typed(before[0])


# -- what it reads and what it leaves -------------------------------------------------------


READ = [
    "a: 1\nb: [1, 2.5, ~, x]\nc: {2019: 924, x: 'it''s'}\n",
    "a:\n- 1\n- b: 2\n  c: 3\nd: x\n",
    "a:\n  - &l {x: 1}\n  - *l\nb: &t \"\\u00e9\\\" \\\\\"\nc: *t\n",
    "t: >-\n  one\n  two\n\n  three\nu: |\n  one\n   two\n\n\nv: |+\n  keep\n\n\nw: 1\n",
    "a: yes # a comment: here\n# full line\nb: 200.000\nc: 1,5\nd: .inf\ne: 0151\nf: -\u00e9\n",
    "k: \"\"\nl: ''\nm:\nn: {}\no: []\np: 'a # b'\nq: a#b\nr: x:y\n",
    "a: {x: [1,\n    2], y: {z: 1,\n  w: 2}}\nb:\n  - [1,\n     2]\n",
    "a: [x:y, a:b:c, 2019-05-02, 1_000, 0o7, é]\nb: {start: 2019, x:y: \"a: b\", c: \"\"}\n"
    "c: {amounts: {2019: 924, 2020: pm}, text: \"10 (x €1.000)\", l: [a, 1.5]}\n",
    # mappings with an id (yamlfast.keyed): in flow maps on a common line, quoted, anchored
    "a:\n  - id: x\n    b: {id: y}\n  - id: [z]\n  - c: {d: {id: n}, e: [1]}\n    id: k\n",
    "a:\n  - id: \"q\"\n  - id: 'r'\n  - \"id\": s\n  - {id: t, u: 1}\n  - f: [{id: v}]\n",
    "a: &m\n  id: w\n  b: {id: x, c: [1]}\nd: *m\nid:\n  id: y\ne: {bid: 1}\n",
    "id: a # c\nb:\n  id:\n  c: {id: \"d\"}\n  e: {id: {id: f}}\n  g: {id: [h]}\n",
]
BAIL = [
    "a: 1\na: 2\n",  # a key twice
    "a: !!str 1\n",  # a tag
    "<<: {a: 1}\n",  # a merge key
    "a: b: c\n",  # a `: ` in a plain scalar
    "a: one\n  two\n",  # a plain scalar over two lines
    "a: 'one\n  two'\n",  # a quoted one
    "a:\tb\n",  # a tab
    "a: b\r\n",  # a carriage return
    "a: \u2028\n",  # a Unicode line break
    "--- \na: 1\n",  # a document marker
    "%YAML 1.2\n---\na: 1\n",  # a directive
    "? a\n: b\n",  # an explicit key
    "a: *x\n",  # an unknown alias
    "a: &x 1\nb: &x 2\n",  # an anchor twice
    "a: &x [*x]\n",  # an alias inside its own anchor
    "a: [1,\n2]\n",  # a flow list going on at its key's indentation
    "a: [1, # c\n  2]\n",  # a comment in a flow list
    "a: [x:, b]\n",  # a `:` before a `,` in a flow list (PyYAML refuses it)
    "a: {b: {c: x:}, d: 1}\n",  # and before a `}`
    "a: {b: {c: 1}, b: 2}\n",  # a key twice in a flow map
    "a: {b: {c: 1, c: 2}}\n",  # a key twice in a flow map in a flow map
    "a: [one\n  two]\n",  # a scalar over two lines in a flow list
    "a: >2\n   x\n",  # an indentation digit
    "a: \"\\q\"\n",  # an unknown escape
    "a: 1\n b: 2\n",  # odd indentation
    "- 1\n",  # not a mapping
    "a: 1",  # no final line break
    "",  # empty
    "a: " + "[" * 30 + "]" * 30 + "\n",  # deep nesting
]


@pytest.mark.parametrize("text", READ)
def test_reads(text: str) -> None:
    assert agrees(text)


@pytest.mark.parametrize("text", BAIL)
def test_leaves_to_pyyaml(text: str) -> None:
    assert yamlfast.read(text) is None


def test_the_screen_for_unread_characters_agrees_with_the_search() -> None:
    """``_unread`` says what the search says, for every code point (alone and beside a
    character that makes it search)."""
    for code in range(0x110000):
        char = chr(code)
        for text in (f"a{char}b\n", f"\xa0{char}\n"):
            assert yamlfast._unread(text) is (yamlfast._UNREAD.search(text) is not None), hex(code)


def _plain_is_itself(text: str) -> None:
    value = yamlread.plain_scalar(text)
    assert type(value) is str and value == text


def test_plain_text_with_a_colon_or_a_space_is_itself() -> None:
    """What the quick reader takes for granted (``_Reader.plain``): no number, null or
    boolean has a ``:`` or a space in it."""
    for head in ["0", "12", "-1", "+1.5", "1,250", "200.000", "1e5", ".inf", ".nan", "~", "null",
                 "true", "2019", "0x1f", "1_000"]:
        for mark in ":", " ":
            for tail in "", "x", "1", "0", ":", " ", ",000", ".5":
                _plain_is_itself(head + mark + tail)
                _plain_is_itself(tail + mark + head)


@given(text=st.from_regex(r"[0-9+.~-][^\n]*[: ][^\n]*", fullmatch=True))
def test_any_plain_text_with_a_colon_or_a_space_is_itself(text: str) -> None:
    _plain_is_itself(text)


def test_large_aliases_are_left_to_pyyaml() -> None:
    """Far below the alias limits of yamlread, the quick reader stops."""
    text = "a: &a [" + ", ".join(["x"] * 200) + "]\n" + "".join(
        f"b{i}: *a\n" for i in range(60))
    assert yamlfast.read(text) is None
    assert yamlfast.read(text.split("b40")[0]) is not None


# -- hypothesis: random data, dumped -------------------------------------------------------

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
SCALARS = st.one_of(
    _TEXT, st.sampled_from(["", "yes", "no", "~", "null", "True", "1.000", "1,5", "0151", "-",
                            "a: b", "a #b", "#", "&a", "*a", "!x", "'", '"', "\\", "- a",
                            "é", "e\u0301", "\u2028", "\x85", "line\nbreak", " lead", "trail "]),
    st.integers(-10**6, 10**20), st.floats(allow_nan=False, allow_infinity=False), st.booleans(), st.none())
KEYS = st.one_of(_TEXT, st.integers(0, 3000), st.sampled_from(["id", "2019", "true", "~"]))
DATA = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(KEYS, inner, max_size=4), max_leaves=25)


#: Random nested data is slow to make: at most 150 examples in CI (all of them in the
#: ``fuzz`` profile).
_ALL = settings.default.max_examples
DATA_RUNS = settings(max_examples=_ALL if _ALL >= 1000 else min(_ALL, 150))


@DATA_RUNS
@given(data=st.dictionaries(KEYS, DATA, min_size=1, max_size=5),
       style=st.sampled_from([False, None, True]), width=st.sampled_from([12, 40, 80, 10**6]),
       unicode=st.booleans(), indent=st.sampled_from([2, 3, 4]))
def test_dumped_data(data: dict[Any, Any], style: bool | None, width: int, unicode: bool,
                     indent: int) -> None:
    agrees(yaml.safe_dump(data, default_flow_style=style, width=width, allow_unicode=unicode,
                          indent=indent, sort_keys=False))


@DATA_RUNS
@given(data=st.dictionaries(KEYS, DATA, min_size=1, max_size=5))
def test_data_written_by_yamlwrite(data: dict[Any, Any]) -> None:
    agrees(yamlwrite._dump(data, "# header\n"))


# -- hypothesis: mutated contracts ------------------------------------------------------------

SOURCES = [yamlread.read_text(p) for p in FILES if p.stat().st_size < 200_000]
INSERTS = [": ", " #", "#", "'", '"', "\t", "&x ", "*x", "&y", "!", "!!str ", "---", "...", "\\",
           ">", "|", ">-\n", "|+", "- ", "-", "  ", " ", "\n", "\n\n", "{", "}", "[", "]", ",",
           "x", "<<", "?", "%", "@", "\r", "\u2028", "\\u00e9", "\\x41", "''", "1", ".5", "~"]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A window of a real file's lines (dedented), then a few random edits."""
    lines = draw(st.sampled_from(SOURCES)).splitlines()
    start = draw(st.integers(0, len(lines) - 1))
    window = lines[start:start + draw(st.integers(1, 60))]
    margin = min((len(s) - len(s.lstrip(" ")) for s in window if s.strip()), default=0)
    window = [s[margin:] for s in window]
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(window) - 1))
        line = window[i]
        at = draw(st.integers(0, len(line)))
        match draw(st.sampled_from(["insert", "delete", "replace", "line", "indent", "drop"])):
            case "insert":
                window[i] = line[:at] + draw(st.sampled_from(INSERTS)) + line[at:]
            case "delete":
                window[i] = line[:at] + line[at + draw(st.integers(1, 5)):]
            case "replace":
                window[i] = line[:at] + draw(st.sampled_from(INSERTS)) + line[at + 1:]
            case "line":
                window.insert(i, window[draw(st.integers(0, len(window) - 1))])
            case "indent":
                window[i] = " " * draw(st.integers(0, 8)) + line.lstrip(" ")
            case "drop":
                del window[i]
        if not window:
            window = [""]
    return "\n".join(window) + draw(st.sampled_from(["\n", "", "\n\n"]))


@settings(max_examples=max(settings.default.max_examples * 3, 100))
@given(text=mutated())
def test_mutated_contracts(text: str) -> None:
    agrees(text)


def test_mutations_are_often_read() -> None:
    """The mutation test reaches the quick reader's code, not only its bail-outs: about
    half the unmutated windows of real contracts are read."""
    rng = random.Random(5)
    read = 0
    for _ in range(200):
        lines = rng.choice(SOURCES).splitlines()
        start = rng.randrange(len(lines))
        window = lines[start:start + rng.randint(1, 60)]
        margin = min((len(s) - len(s.lstrip(" ")) for s in window if s.strip()), default=0)
        read += agrees("\n".join(s[margin:] for s in window) + "\n")
    assert read > 40


# -- hypothesis: lines made of YAML's special characters, and block scalars ------------------

PIECES = ["a", "b c", "1", "x:y", ": ", " #", "#", "'", '"', "-", "- ", "[", "]", "{", "}", ",",
          "&a", "*a", "!", "|", ">", "\\", "~", "?", "%", "@", "é", "\u00a0", ".5", "  ", "<<"]
WORD = ["a", "b c", "1", "x:y", "é", ".5"]
SOUP = st.tuples(st.sampled_from(WORD + PIECES), st.sampled_from([*PIECES, ""]),
                 st.sampled_from([*WORD, ""])).map("".join)


@st.composite
def soup(draw: st.DrawFn) -> str:
    """A few ``key: value`` lines (some in lists, some indented) whose values are made of
    the characters that matter to YAML."""
    lines = []
    for n in range(draw(st.integers(1, 4))):
        indent = " " * draw(st.sampled_from([0, 0, 0, 0, 2]))
        dash = draw(st.sampled_from(["", "", "", "- "]))
        key = draw(st.sampled_from(["a{}", "{}", "x y{}", "'q{}'", '"d{}"', "a:b{}"])).format(n)
        lines.append(f"{indent}{dash}{key}:{draw(st.sampled_from([' ', ' ', '  ', '']))}"
                     f"{draw(SOUP)}")
    return "\n".join(lines) + "\n"


@settings(max_examples=settings.default.max_examples * 5)  # tiny texts: quick
@given(text=soup())
def test_special_characters(text: str) -> None:
    agrees(text)


WORDS = st.sampled_from(["een", "twee", "drie:", "# vier", "'vijf'", "- zes", "zeven  acht", ""])


@st.composite
def block_scalars(draw: st.DrawFn) -> str:
    """A folded or literal scalar (any chomping) with empty lines, deeper lines and
    trailing empty lines, then another key or the end."""
    header = draw(st.sampled_from([">", ">-", ">+", "|", "|-", "|+"]))
    indent = draw(st.sampled_from([2, 3]))
    body = []
    for _ in range(draw(st.integers(1, 6))):
        word = draw(WORDS)
        deeper = draw(st.sampled_from([0, 0, 0, 1, 2]))
        body.append(" " * (indent + deeper) + word if word else "")
    tail = "\n" * draw(st.integers(0, 3))
    after = draw(st.sampled_from(["", "b: 1\n", "# c\n", " # c\n"]))
    return f"a: {header}\n" + "\n".join(body) + "\n" + tail + after


@given(text=block_scalars())
def test_block_scalars(text: str) -> None:
    agrees(text)


# -- hypothesis: flow collections on one line --------------------------------------------------

#: Plain scalars that a flow collection may hold (words, ids, numbers, dates, words that
#: are not text), now and then one that YAML reads otherwise or refuses, and double-quoted
#: texts.
FLOW_WORDS = ["a", "SD1.a", "x:y", "a:b:c", "2019", "924", "1_000", "0o7", "0x1F", "2019-05-02",
              "yes", "true", "False", "null", "1.5", "200.000", "0151", "1e3", "é", "ü-1", "a-",
              "a.", "_x", "a'b", "a b"]
FLOW_ODD = ["a#b", "x:", ":x", "x:.", "~", "-1", "+2", ".5", ".inf", "-a", "-", "<<", "a  b", "q?",
            "x\u00a0y", "a,b"]
FLOW_QUOTED = ['""', '"x y"', '"a: b"', '"#c"', '"é"', '"[x]"', '"{y}"', '"a,b"', "'it''s'",
               '"\\u00e9"', '"10 (bedragen x €1.000)"']


def flow(choose: Callable[[list[Any]], Any], odd: bool, depth: int = 0) -> str:
    """A flow list or map of the commonest shapes (``[a, b]``, ``{k: v, k: v}``,
    ``{k: {k: v}, k: "text"}``); when ``odd``, with now and then an odd scalar, odd
    spacing, a trailing comma or an empty collection (``choose`` picks one of a list)."""
    def scalar(words: list[str]) -> str:
        return str(choose(choose([words] * 12 + [FLOW_ODD] * odd + [FLOW_QUOTED] * 4)))

    def now_and_then(usual: str, *other: str) -> str:
        return str(choose([usual] * 9 + list(other))) if odd else usual
    mapping = choose([True, False])
    parts = []
    for _ in range(choose([1, 1, 1, 2, 2, 3, 0] if depth else [1, 2, 2, 3, 4, 0])):
        nest = choose(range(3 if depth == 0 else 8)) == 0 and depth < 2
        part = flow(choose, odd, depth + 1) if nest else scalar(FLOW_WORDS)
        if mapping:
            part = f"{scalar(FLOW_WORDS[:20])}:{now_and_then(' ', '  ', '')}{part}"
        parts.append(part)
    body = "".join((now_and_then(", ", ",", " , ", ",  ") if k else "") + part
                   for k, part in enumerate(parts))
    trailing = now_and_then("", ",") if parts else ""
    return ("{" if mapping else "[") + now_and_then("", " ") + body + trailing + (
        now_and_then("", " ")) + ("}" if mapping else "]")


def flow_lines(choose: Callable[[list[Any]], Any]) -> str:
    """``key: flow`` lines at the left margin, in a nested mapping or in list items; in
    half of the texts with odd scalars, spacing and comments now and then."""
    odd = choose([True, False])

    def line(indent: str, key: str) -> str:
        comment = choose([""] * 20 + [" # c", "  ", "#c"]) if odd else ""
        return f"{indent}{key}: {flow(choose, odd)}{comment}"
    match choose(["flat", "nested", "items"]):
        case "flat":
            return "".join(line("", f"k{n}") + "\n" for n in range(choose([1, 2, 3])))
        case "nested":
            return f"{line('', 'k')}\nouter:\n{line('  ', 'a')}\n{line('  ', 'b')}\n"
    return f"items:\n{line('  - ', 'a')}\n{line('    ', 'b')}\n{line('  - ', 'a')}\n"


@st.composite
def flows(draw: st.DrawFn) -> str:
    return flow_lines(lambda options: draw(st.sampled_from(options)))


@settings(max_examples=settings.default.max_examples * 5)
@given(text=flows())
def test_flow_collections(text: str) -> None:
    agrees(text)


def test_flow_collections_are_often_read() -> None:
    """The test above reaches the quick reader's code, not only its bail-outs."""
    rng = random.Random(7)
    assert sum(agrees(flow_lines(rng.choice)) for _ in range(300)) > 100


@pytest.mark.parametrize("line", [
    "[SD1.a, x:y, 2019, true, 1_000, 2019-05-02, é]", "{start: 2019, end: 2022}",
    '{value: "niet bekend", year: 2018}', "{2019: 924, 2021: pm, yes: null}",
    '{amounts: {2019: 10000}, text: "10 (bedragen x €1.000)"}', "{a: [b, 2], c: {d: e}}"])
def test_common_flow_collections_are_read_in_one_go(line: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The commonest flow collections of contracts are read on their line (by
    :meth:`_Reader.common`), not by the slower reading of any flow collection."""
    def slow(*args: Any) -> None:
        raise AssertionError("read the slow way")

    monkeypatch.setattr(python_reader._Reader, "flow", slow)
    monkeypatch.setattr(python_reader._Reader, "flat_scalar", slow)
    monkeypatch.setattr(sys.modules[__name__], "yamlfast", python_reader)
    assert agrees(f"k: {line}\nl:\n  - m: {line}\n")
