"""Label text: the fast wrap and plain agree with textwrap and the regular expressions."""

from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dinnet.render.labels import html_lines, html_text, natural_key, plain, wrap

# words, runs of (also non-ASCII) whitespace, control characters and long words
_TEXT = st.lists(st.one_of(
    st.text(alphabet="abcdéëij-.:/", min_size=1, max_size=40),
    st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u2003", "\x07", "\x1c", "\x00", ""]),
), max_size=30).map("".join)


def _plain_by_regex(text: str) -> str:
    no_control = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    return re.sub(r"\s+", " ", no_control).strip()


@given(_TEXT)
def test_plain_collapses_whitespace_like_the_regular_expression(text: str) -> None:
    assert plain(text) == _plain_by_regex(text)


@given(_TEXT, st.integers(min_value=1, max_value=45))
def test_wrap_gives_the_lines_of_textwrap_without_splitting_words(text: str, width: int) -> None:
    plain_text = _plain_by_regex(text).replace("-", "x")  # hyphens: the test below
    expected = textwrap.wrap(plain_text, width=width, break_long_words=False,
                             break_on_hyphens=False) or [""]
    assert wrap(plain_text, width) == expected


@given(st.lists(st.text("ab-", min_size=1, max_size=30).filter(lambda w: not w.endswith("-")),
                min_size=1, max_size=8),
       st.integers(min_value=1, max_value=20))
def test_wrap_breaks_a_long_word_only_after_a_hyphen(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = wrap(text, width)
    # nothing lost or added: a line ending in a hyphen continues the word
    assert "".join(line if line.endswith("-") else line + " " for line in lines).strip() == text
    for line in lines:  # too long only as one word that has no hyphen to break at in time
        assert len(line) <= width or (" " not in line and "-" not in line[:width])


def test_wrap_keeps_a_dutch_compound_whole() -> None:
    assert wrap("stad die in stappen naar 2050 bijna energieneutraal is", 12) == [
        "stad die in", "stappen naar", "2050 bijna", "energieneutraal", "is"]


def test_plain_takes_any_value() -> None:
    assert plain(12.5) == "12.5"


def _tuple_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """The natural sort key as first written: numbers (0, value), text (1, text)."""
    return tuple((0, int(p), "") if i % 2 else (1, 0, p)
                 for i, p in enumerate(re.split(r"(\d+)", text)) if p)


_ID = st.text(alphabet=st.sampled_from("aAbE0123456789.-:_é٣"), max_size=12)


@given(_ID, _ID)
def test_natural_key_orders_like_the_tuple_key(a: str, b: str) -> None:
    def sign(x: object, y: object) -> int:
        return (x > y) - (x < y)  # type: ignore[operator]

    assert sign(natural_key(a), natural_key(b)) == sign(_tuple_key(a), _tuple_key(b))


@given(_TEXT, st.integers(min_value=1, max_value=45))
def test_html_lines_escape_each_wrapped_line_like_html_text(text: str, width: int) -> None:
    text += '&<>"\'\\'[width % 6]  # with one character to escape
    assert html_lines(text, width) == "<BR/>".join(html_text(line) for line in wrap(text, width))


@pytest.mark.parametrize(("char", "escaped"), [
    ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"),
    ("\\", "&#92;&#92;"),
])
def test_each_special_character_is_escaped_on_its_own(char: str, escaped: str) -> None:
    # the only special character of the text: the fast path must not let it through
    assert html_text(f"a{char}b") == f"a{escaped}b"
    assert html_lines(f"a{char}b", 40) == f"a{escaped}b"


def test_plain_text_is_left_as_it_is() -> None:
    assert html_text("Zorg en welzijn (2019-2022): 100%") == "Zorg en welzijn (2019-2022): 100%"
