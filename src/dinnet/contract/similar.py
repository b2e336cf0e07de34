"""'Did you mean': close and look-alike ids, in time linear in the ids.

A :class:`Suggester` is built once over the known ids and answers each
unknown id by looking up an index, not by comparing it with every known id,
so a contract with thousands of dangling references stays fast:

* **look-alikes** first: ids that differ only by characters that look the
  same (Cyrillic ``Е`` for Latin ``E``, zero-width characters, accents and
  other combining marks, case) share a *skeleton*; the hint names the
  characters that differ;
* then **typos**: ids one deletion apart on either side (one character
  added, dropped, changed, or two swapped), found through an index of
  their one-character deletions; the closest by :mod:`difflib` wins;
* small id sets (up to :data:`SCAN_LIMIT`) are also scanned with
  :func:`difflib.get_close_matches`, as before.

The suggestion is a glossary message, in either language:

>>> s = Suggester(["E1", "SD1", "SD3"])
>>> print(s.suggest("SD9"))
did you mean 'SD3'?
>>> print(s.suggest("\\u0415" + "1"))  # doctest: +NORMALIZE_WHITESPACE
did you mean 'E1'? 'Е1' looks the same but has U+0415 CYRILLIC CAPITAL LETTER IE
where 'E1' has U+0045 LATIN CAPITAL LETTER E; retype it
>>> print(s.suggest("\\u0415" + "1").text("nl"))  # doctest: +NORMALIZE_WHITESPACE
bedoel je 'E1'? 'Е1' ziet er hetzelfde uit, maar heeft U+0415 CYRILLIC CAPITAL LETTER IE
waar 'E1' U+0045 LATIN CAPITAL LETTER E heeft; typ het opnieuw
>>> s.suggest("X7") is None
True
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

from ..glossary import Message, message

__all__ = ["SCAN_LIMIT", "Suggester", "skeleton", "unusual_characters"]

#: Up to this many known ids, every one is also compared with difflib.
SCAN_LIMIT = 200

# Letters of other scripts that look like Latin ones (the common cases of
# Unicode's confusables list for ids typed in Dutch documents).
_LOOKALIKE = str.maketrans({
    **dict(zip("АВЕЅІЈКМНОРСТХУ", "ABESIJKMHOPCTXY", strict=True)),      # Cyrillic capitals
    **dict(zip("аеѕіјорсхуԁһ", "aesijopcxydh", strict=True)),            # Cyrillic small
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),        # Greek capitals
    **dict(zip("οι", "oi", strict=True)),                                 # Greek small
    "ı": "i", "ℓ": "l", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
})


def skeleton(word: str) -> str:
    """``word`` with look-alike differences removed: what a reader sees.

    >>> skeleton("E\\u200b1") == skeleton("\\u0415" + "1") == skeleton("É1") == skeleton("e1")
    True
    """
    decomposed = unicodedata.normalize("NFKD", word)
    kept = "".join(c for c in decomposed if unicodedata.category(c) not in ("Mn", "Me", "Cf"))
    return kept.translate(_LOOKALIKE).casefold()


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"


def unusual_characters(word: str) -> list[str]:
    """The invisible characters and combining marks in ``word``, named.

    >>> unusual_characters("E\\u200b1")
    ['U+200B ZERO WIDTH SPACE']
    """
    return [_name(c) for c in dict.fromkeys(word)
            if unicodedata.category(c) in ("Mn", "Me", "Cf", "Zs", "Zl", "Zp", "Cc")
            and c != " "]


def _difference(wrote: str, meant: str) -> list[Message]:
    """Which characters of ``wrote`` stand where ``meant`` has others (at most three places)."""
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wrote, meant, autojunk=False
                                                      ).get_opcodes():
        if op == "equal":
            continue
        parts.append(message("similar.where", meant=meant, theirs=_names(wrote[i1:i2]),
                             ours=_names(meant[j1:j2])))
    return parts[:3]


def _names(chars: str) -> Message | str:
    """The characters named, or 'nothing'."""
    return ", ".join(_name(c) for c in chars) or message("similar.nothing")


def _alignment(word: str, other: str) -> tuple[int, int, str]:
    """How well ``other`` lines up with ``word``: shared ends first, then equal length."""
    prefix = _shared(word, other)
    suffix = _shared(word[prefix:][::-1], other[prefix:][::-1])
    return prefix + suffix, -abs(len(word) - len(other)), other


def _shared(a: str, b: str) -> int:
    """The length of the common start of ``a`` and ``b``."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


class Suggester:
    """Suggestions for unknown ids among ``known`` ids (built once, asked many times)."""

    def __init__(self, known: Iterable[str]) -> None:
        self.known = sorted(set(known))
        self.skeletons: dict[str, list[str]] = {}
        self.deletions: dict[str, list[str]] = {}
        for word in self.known:
            self.skeletons.setdefault(skeleton(word), []).append(word)
            for variant in _deletions(word):
                self.deletions.setdefault(variant, []).append(word)

    def closest(self, word: str) -> str | None:
        """The known id a reader most likely meant by ``word``, or None."""
        alike = [w for w in self.skeletons.get(skeleton(word), []) if w != word]
        if alike:
            return alike[0]
        found = {w for variant in _deletions(word) for w in self.deletions.get(variant, ())}
        found.discard(word)
        if found:
            return max(found, key=lambda w: _alignment(word, w))
        if len(self.known) <= SCAN_LIMIT:
            close = difflib.get_close_matches(word, self.known, n=1)
            return close[0] if close else None
        return None

    def suggest(self, word: str) -> Message | None:
        """``did you mean 'X'?`` (naming look-alike characters), or None."""
        close = self.closest(word)
        if close is None:
            return None
        if skeleton(close) == skeleton(word) and close.casefold() != word.casefold():
            return message("similar.look_alike", close=close, word=word,
                           difference=_difference(word, close))
        return message("similar.did_you_mean", close=close)
