"""A quick reader for the plain block YAML that contract files are written in.

PyYAML's C parser builds a node tree (a Python object with a mark per
value) that :func:`~dinnet.io.yamlread.construct` then walks; for a typical
contract that is most of the time it takes to load it. :func:`read` reads
the subset of YAML that dinnet's contracts use, line by line, straight into
the same plain data, with a *position tree* of the same shape as PyYAML's
node tree (nodes with ``id``, ``value`` and ``start_mark``), so that
:func:`~dinnet.io.yamlread.locate` and the loader's walks work on either.
Most of its nodes (the keys and values of ``key: value`` lines) are made only when
they are asked for (:class:`Mapping`), and :func:`keyed` finds the mappings with an
``id`` without making them: a contract's tree is read for a few places only.

The subset: block mappings and lists (also a list at the indentation of its
key, and ``- key: value`` items), plain and quoted scalars on one line,
flow mappings and lists (``{start: 2019, end: 2022}``, ``[SD1.a, SD1.b]``;
also over several lines, broken after a comma), folded and literal block scalars (``>-``, ``|`` ...),
comments, and anchors and aliases (``&cs1`` / ``*cs1``).

The one rule: whatever :func:`read` returns is exactly what the PyYAML path
gives: the data equal, with the same types all the way down, to
``construct(parse_text(text))``, and every node at the same line and column.
Anything else, and anything that could be an error, a warning or a limit
(tabs, ``\\r``, directives, tags, ``?`` keys, merge keys, a key twice,
scalars over several lines, a ``: `` inside a plain scalar, deep nesting,
large aliases, odd indentation, unknown escapes ...), gives ``None``: the
caller then reads the text the slow way, which reports what is wrong. It
never raises.

>>> data, root = read("a: [1, x]\\nb: >-\\n  one\\n  two\\n")
>>> data
{'a': [1, 'x'], 'b': 'one two'}
>>> root.value[1][1].start_mark.line, root.value[1][1].start_mark.column
(1, 3)
>>> read("a: 1\\na: 2\\n") is None  # a key twice: PyYAML's path reports it
True
"""

from __future__ import annotations

import re
from typing import Any

from . import yamlread
from .yamlnodes import Mapping, Node, Scalar, Sequence

__all__ = ["Mapping", "Scalar", "Sequence", "keyed", "read"]

#: Deepest nesting read here (the PyYAML path refuses :data:`~dinnet.io.yamlread.MAX_DEPTH`).
MAX_DEPTH = 24
#: Longest text read here; a longer file goes the PyYAML way.
MAX_CHARS = 2_000_000
#: Most values and characters that aliases may add to a document read here: far below
#: the limits of :mod:`~dinnet.io.yamlread`, so that a document read here never hits them.
ALIAS_VALUES = 10_000
ALIAS_CHARS = 200_000
#: Longest key read here (libyaml looks no further than 1,024 characters for a key's ``:``).
MAX_KEY = 1000

#: Characters that never occur in a text read here (tabs, carriage returns, Unicode line
#: breaks, a byte order mark, and everything PyYAML does not take as printable).
_UNREAD = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                     "\U00010000-\U0010ffff]")
#: The bytes of a text in UTF-8 that are no ASCII character of :data:`_UNREAD` (and the
#: characters of it beyond U+009F): for :func:`_unread`.
_READ_BYTES = bytes([10, *range(0x20, 0x7F), *range(0x80, 0x100)])
_UNREAD_WIDE = "\u2028\u2029\ufeff\ufffe\uffff"
#: First characters of a plain scalar that PyYAML reads otherwise (or refuses).
_INDICATORS = frozenset(",[]{}#&*!|>'\"%@`?:")
#: What a flow collection read in one go (:meth:`_Reader.flat`) does not hold, and the
#: double-quoted scalars it may hold.
_NESTED = re.compile("[][{}'\"#]")
_FLAT_QUOTED = re.compile(r'"[^"\\,]*"')
#: The commonest flow collections, matched in one go (:meth:`_Reader.flat`): plain words
#: (letters, digits, ``_``, ``.``, ``-``, and ``:`` before a letter or digit; each a whole
#: plain scalar of :data:`_FLOW_PLAIN`) after ``, ``, and a map's values may also be
#: double-quoted texts without ``\\``, ``"``, ``,`` or brackets.
_WORD = r"\w[\w.-]*(?::\w[\w.-]*)*"
_ITEM = f'{_WORD}: (?:{_WORD}|"[^"\\\\,\\[\\]{{}}]*")'
_FLAT_LIST = re.compile(f"{_WORD}(?:, {_WORD})*")
_FLAT_MAP = re.compile(f"{_ITEM}(?:, {_ITEM})*")
#: A flow map whose values may also be such flow maps and lists (:meth:`_Reader.nested`);
#: and one of its parts, with the key, then the inner map's or list's body, or the
#: quoted text's, or the plain value.
_QUOTED = r'"[^"\\,\[\]{}]*"'
_FLAT_NESTED = re.compile(f"{_WORD}: (?:{_WORD}|{_QUOTED}|{{{_ITEM}(?:, {_ITEM})*}}"
                          f"|\\[{_WORD}(?:, {_WORD})*\\])"
                          f"(?:, {_WORD}: (?:{_WORD}|{_QUOTED}|{{{_ITEM}(?:, {_ITEM})*}}"
                          f"|\\[{_WORD}(?:, {_WORD})*\\]))*")
_NESTED_PART = re.compile(f'({_WORD}): (?:{{([^{{}}]*)}}|\\[([^]]*)]|"([^"]*)"|({_WORD}))')
#: First characters of a key or value that the common line's quick reading leaves to the rest.
_SPECIAL = _INDICATORS | {"-", " "}
#: An anchor or alias name, and what may follow it.
_NAME = re.compile(r"[0-9A-Za-z_-]+(?= |$)")
#: A block scalar's header after ``|`` or ``>``: chomping, then a comment at most.
_HEADER = re.compile(r"([-+]?)(?: +#.*| *)")
#: A double-quoted scalar on one line.
_DOUBLE = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')
_ESCAPE = re.compile(r"\\(?:([0abtnvfre \"\\N_LP])|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})"
                     r"|U([0-9A-Fa-f]{8})|)")
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f",
            "r": "\r", "e": "\x1b", " ": " ", '"': '"', "\\": "\\", "N": "\x85", "_": "\xa0",
            "L": "\u2028", "P": "\u2029"}
#: A plain scalar inside a flow collection: no flow indicators, no ``#``, no ``:`` that
#: could end it.
_FLOW_PLAIN = re.compile(r"(?:[^ ,\[\]{}#&*!|>'\"%@`?:-]|-(?=[^ ,\[\]{}]))"
                         r"(?:[^,\[\]{}#:]|:(?=[^ ,\[\]{}?]))*")
_WORDS, _STARTS = yamlread.PLAIN_WORDS, yamlread.PLAIN_STARTS
_plain, _key = yamlread.plain_scalar, yamlread.plain_key


class _Bail(Exception):
    """The text is not in the subset read here."""


def read(text: str) -> tuple[Any, Mapping] | None:
    """The data and position tree of ``text``, or None when it is not in the subset.

    >>> read("k: 'it''s'  # note\\n")[0]
    {'k': "it's"}
    >>> read("k: [a\\n") is None, read("k: !!str 1\\n") is None, read("k:\\tv\\n") is None
    (True, True, True)
    """
    if (not text.endswith("\n") or len(text) > MAX_CHARS or _unread(text)
            or "\n---" in text or "\n..." in text or text.startswith(("---", "..."))):
        return None
    reader = _Reader(text)
    try:
        return reader.document()
    except (_Bail, IndexError, ValueError, KeyError, TypeError, RecursionError):
        return None
    finally:
        reader.anchors.clear()  # its nodes refer to the reader: no cycle for the collector


def _unread(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`_UNREAD`. Quicker than the search alone
    (a tenth of the time on a contract): the ASCII ones are bytes that :data:`_READ_BYTES`
    lacks in its UTF-8 form (which a lone surrogate has none of), U+0080-U+009F start with
    the byte C2 there, and the others are looked for one by one; only a text with a C2
    byte is searched."""
    try:
        data = text.encode()
    except UnicodeEncodeError:
        return True
    if data.translate(None, _READ_BYTES) or any(char in text for char in _UNREAD_WIDE):
        return True
    return b"\xc2" in data and _UNREAD.search(text) is not None


def _entry(line: str, col: int) -> bool:
    """Whether ``line`` holds a list entry (``-`` and a space, or ``-`` alone) at ``col``."""
    return line.startswith("-", col) and (len(line) == col + 1 or line[col + 1] == " ")


def _rest_is_empty(line: str, end: int) -> bool:
    """Whether nothing but spaces and a comment follow ``end`` in ``line``."""
    rest = line[end:].lstrip(" ")
    return not rest or (rest[0] == "#" and len(rest) < len(line) - end)


def _unescape(body: str) -> str:
    """The text of a double-quoted scalar's ``body`` (bails on an escape not known here)."""
    def one(match: re.Match[str]) -> str:
        simple, *codes = match.groups()
        if simple is not None:
            return _ESCAPES[simple]
        code = next((c for c in codes if c is not None), None)
        if code is None:
            raise _Bail
        point = int(code, 16)
        if 0xD800 <= point <= 0xDFFF or point > 0x10FFFF:
            raise _Bail
        return chr(point)
    return _ESCAPE.sub(one, body)


class _Reader:
    """One document, read line by line (a method per construct, each bails when unsure)."""

    def __init__(self, text: str) -> None:
        self.lines = text[:-1].split("\n")
        self.n = len(self.lines)
        self.anchors: dict[str, tuple[Any, Node]] = {}
        self.sizes: dict[str, tuple[int, int]] = {}  # anchor -> values and characters
        self.alias_values = 0
        self.alias_chars = 0
        self.length = len(text)
        self.max_depth = min(MAX_DEPTH, yamlread.MAX_DEPTH // 2)
        self.known: dict[str, Any] = {}  # plain text -> its value, for texts not their own value
        self.keys: dict[str, Any] = {}  # the same for plain keys
        self.plains: set[str] = set()  # texts known to be whole plain scalars in a flow

    def document(self) -> tuple[Any, Mapping]:
        i, indent = self.next(0)
        if indent != 0:
            raise _Bail  # empty, or not a mapping at the left margin
        data, root, i, indent = self.mapping(i, 0, 0)
        if i < self.n:
            raise _Bail
        # far from the characters construct lets a document (and its aliases) expand to
        if 2 * (self.length + self.alias_chars) >= (yamlread.alias_text_limit(self.length) or 0):
            raise _Bail
        assert isinstance(root, Mapping)
        return data, root

    def next(self, i: int) -> tuple[int, int]:
        """The first line from ``i`` on that holds more than spaces and a comment, and its
        indentation (``(n, -1)`` at the end)."""
        lines = self.lines
        n = self.n
        while i < n:
            line = lines[i]
            rest = line.lstrip(" ")
            if rest and rest[0] != "#":
                return i, len(line) - len(rest)
            i += 1
        return n, -1

    # -- block collections -----------------------------------------------------------------

    def block(self, i: int, indent: int, depth: int, start: Node | None = None
              ) -> tuple[Any, Node, int, int]:
        """The mapping or list whose first line is ``i``, at ``indent``."""
        if _entry(self.lines[i], indent):
            return self.sequence(i, indent, depth, start)
        return self.mapping(i, indent, depth, start)

    def mapping(self, i: int, col: int, depth: int, start: Node | None = None
                ) -> tuple[Any, Node, int, int]:
        """A block mapping whose keys stand at ``col``, the first on line ``i``.

        Returns the data, the node, and the next line with content and its indentation.
        """
        if depth >= self.max_depth:
            raise _Bail
        lines = self.lines
        n = self.n
        data: dict[Any, Any] = {}
        pairs: list[Any] = []  # (key, value) nodes, or the number of a common line
        node = Mapping(pairs, *((i, col) if start is None else (start.line, start.column)),
                       self, col)
        common = self.common
        # what keyed(node, "id") finds in this mapping's own pairs, as it would find it
        own: str | None = None
        inner: list[Any] = []
        flow = False  # a common line that may hold a flow mapping with an id: keyed looks
        while True:
            line = lines[i]
            found = common(line, col, i)
            if found is None:
                key, key_node, after = self.key(line, col, i)
                value, value_node, i, indent = self.value(line, after, i, col, depth)
                pairs.append((key_node, value_node))
                text = _made_pair(key_node, value_node, "id", inner)
                if text is not None:
                    own = text
            else:  # the next line with content, as :meth:`next` finds it
                key, value = found
                pairs.append(i)
                if line.startswith("id: ", col):
                    own = _common_text(line, col + 4)
                elif line[-1] == "}" and "id" in line:
                    flow = True
                i += 1
                while i < n:
                    line = lines[i]
                    rest = line.lstrip(" ")
                    if rest and rest[0] != "#":
                        indent = len(line) - len(rest)
                        break
                    i += 1
                else:
                    indent = -1
            data[key] = value
            if indent != col:
                break
        if len(data) < len(pairs) or indent > col:
            raise _Bail  # a key twice; a line indented oddly
        if not flow:
            node.ids = (own, inner)
        return data, node, i, indent

    def common(self, line: str, col: int, i: int) -> tuple[Any, Any] | None:
        """The key and value of the common line, ``key: text``, ``key: "text"`` or
        ``key: {...}`` (plain text, double-quoted text without escapes, or a flow
        collection on the line that :meth:`flat` reads) with nothing after it; None for any
        other line (:meth:`key` and :meth:`value` read it). Its nodes are made when they
        are asked for (:meth:`nodes`)."""
        colon = line.find(": ", col)
        at = colon + 2
        if (colon <= col or at >= len(line) or line[col] in _SPECIAL or line[colon - 1] == " "
                or colon - col > MAX_KEY or line.find(" #", col) >= 0):
            return None
        name = line[col:colon]
        first = line[at]
        last = line[-1]
        if first not in _SPECIAL:
            if last == ":" or last == " " or line.find(": ", at) >= 0:
                return None
            text = line[at:]
            value = text if text[0] not in _STARTS and text not in _WORDS else self.plain(text)
            if text == "<<":
                raise _Bail
        elif first == last == '"' and line.find('"', at + 1) == len(line) - 1 and (
                line.find("\\", at) < 0):
            value = line[at + 1:-1]  # a double-quoted text without escapes
        elif (first == "{" and last == "}") or (first == "[" and last == "]"):
            found = self.flat(line, at, len(line) - 1, i, False)
            if found is None and first == "{":
                found = self.nested(line, at, i, False)
            if found is None:
                return None
            value = found[0]
        else:
            return None
        if name == "<<":
            raise _Bail
        key = name if name[0] not in _STARTS and name not in _WORDS else self.plain_key(name)
        return key, value

    def nodes(self, i: int, col: int) -> tuple[Scalar, Node]:
        """The key's and value's nodes of line ``i``, a line :meth:`common` read (with its
        key at ``col``), as it read it."""
        line = self.lines[i]
        colon = line.find(": ", col)
        at = colon + 2
        first = line[at]
        node: Node | None
        if first == "{" or first == "[":
            found = self.flat(line, at, len(line) - 1, i)
            if found is None:
                found = self.nested(line, at, i)
            assert found is not None  # :meth:`common` read it
            node = found[1]
        elif first == '"':
            node = Scalar(line[at + 1:-1], i, at)
        else:
            node = Scalar(line[at:], i, at)
        assert node is not None
        return Scalar(line[col:colon], i, col), node

    def plain(self, text: str) -> Any:
        """The value of a plain scalar (each text read once per document).

        A text with a ``:`` or a space in it (``01-zorg.txt:45``, ``2 mei 2019``) is no
        number, null or boolean: itself, as :func:`~dinnet.io.yamlread.plain_scalar`
        reads it, without its patterns.
        """
        if text[0] not in _STARTS and text not in _WORDS:
            if text == "<<":
                raise _Bail
            return text
        if ":" in text or " " in text:
            return text
        known = self.known
        if text in known:
            return known[text]
        value = known[text] = _plain(text)
        return value

    def plain_key(self, text: str) -> Any:
        """The key a plain key ``text`` stands for, when it is not ``text`` itself (each
        text read once per document)."""
        keys = self.keys
        if text in keys:
            return keys[text]
        key = keys[text] = _key(text)
        return key

    def flat(self, line: str, at: int, end: int, i: int, with_nodes: bool = True
             ) -> tuple[Any, Node | None] | None:
        """The flow mapping or list from ``at`` to ``end`` (its brackets) of line ``i``, when
        it holds nothing but plain scalars and double-quoted ones without ``\\``, ``,`` or
        ``"`` in them; else None (:meth:`flow` reads it then). Without ``nodes``, the node
        may be None (:meth:`words` makes none then)."""
        mapping = line[at] == "{"
        body = line[at + 1:end]
        if (_FLAT_MAP if mapping else _FLAT_LIST).fullmatch(body) and len(body) <= MAX_KEY:
            return self.words(body, mapping, at, i, with_nodes)
        if line.find("}" if mapping else "]", at) != end:
            return None
        if '"' in body:
            if _NESTED.search(_FLAT_QUOTED.sub("", body)):
                return None
        elif _NESTED.search(body) or not body.strip(" "):
            return None
        p = at + 1
        scalar = self.flat_scalar
        if mapping:
            data: dict[Any, Any] = {}
            pairs: list[tuple[Node, Node]] = []
            for part in body.split(","):
                left, colon, right = part.partition(": ")
                name = left.strip(" ")
                found = scalar(right, i, p + len(left) + 2)
                if (found is None or not colon or len(name) > MAX_KEY
                        or (name not in self.plains and not self.is_plain(name))):
                    return None
                key = name if name[0] not in _STARTS and name not in _WORDS else self.plain_key(name)
                data[key] = found[0]
                pairs.append((Scalar(name, i, p + len(left) - len(left.lstrip(" "))), found[1]))
                p += len(part) + 1
            if len(data) < len(pairs):
                return None
            return data, Mapping(pairs, i, at)
        items: list[Any] = []
        nodes: list[Node] = []
        for part in body.split(","):
            found = scalar(part, i, p)
            if found is None:
                return None
            items.append(found[0])
            nodes.append(found[1])
            p += len(part) + 1
        return items, Sequence(nodes, i, at)

    def words(self, body: str, mapping: bool, at: int, i: int, with_nodes: bool = True
              ) -> tuple[Any, Node | None] | None:
        """:meth:`flat`'s result for a ``body`` that :data:`_FLAT_LIST` or :data:`_FLAT_MAP`
        matches (so every key and plain value is a whole plain scalar, every part is
        followed by ``, ``, and a key by ``: ``), without looking at each part again.
        Without ``nodes``, the data alone (and None for the node)."""
        data = self.words_data(body, mapping)
        if data is None:
            return None  # a key twice: PyYAML's path reports it
        if not with_nodes:
            return data, None
        p = at + 1
        if not mapping:
            nodes: list[Node] = []
            for text in body.split(", "):
                nodes.append(Scalar(text, i, p))
                p += len(text) + 2
            return data, Sequence(nodes, i, at)
        pairs: list[tuple[Node, Node]] = []
        for part in body.split(", "):
            name, _, text = part.partition(": ")
            pairs.append((Scalar(name, i, p), Scalar(text[1:-1] if text[0] == '"' else text,
                                                     i, p + len(name) + 2)))
            p += len(part) + 2
        return data, Mapping(pairs, i, at)

    def words_data(self, body: str, mapping: bool) -> Any:
        """:meth:`words`'s data (None for a key twice)."""
        plain = self.plain
        if not mapping:
            return [text if text[0] not in _STARTS and text not in _WORDS else plain(text)
                    for text in body.split(", ")]
        data: dict[Any, Any] = {}
        parts = body.split(", ")
        for part in parts:
            name, _, text = part.partition(": ")
            key = name if name[0] not in _STARTS and name not in _WORDS else self.plain_key(name)
            if text[0] == '"':
                data[key] = text[1:-1]
            else:
                data[key] = text if text[0] not in _STARTS and text not in _WORDS else plain(text)
        return data if len(data) == len(parts) else None

    def nested(self, line: str, at: int, i: int, with_nodes: bool = True
               ) -> tuple[Any, Node | None] | None:
        """The flow map from ``at`` to the end of line ``i`` when :data:`_FLAT_NESTED`
        matches its body (``{amounts: {2019: 924}, text: "..."}``); else None. Without
        ``nodes``, the data alone (and None for the node)."""
        body = line[at + 1:-1]
        if len(body) > MAX_KEY or not _FLAT_NESTED.fullmatch(body):
            return None
        words = self.words
        data: dict[Any, Any] = {}
        pairs: list[tuple[Node, Node | None]] = []
        count = 0  # the pairs not made (without nodes)
        p = at + 1
        for match in _NESTED_PART.finditer(body):
            name, inner, items, quoted, text = match.groups()
            node: Node | None = None
            if inner is not None or items is not None:
                found = words(inner if inner is not None else items, inner is not None,
                              p + match.start(2 if inner is not None else 3) - 1, i, with_nodes)
                if found is None:
                    return None
                value, node = found
            elif quoted is not None:
                value = quoted
                if with_nodes:
                    node = Scalar(quoted, i, p + match.start(4) - 1)
            else:
                value = text if text[0] not in _STARTS and text not in _WORDS else self.plain(text)
                if with_nodes:
                    node = Scalar(text, i, p + match.start(5))
            data[name if name[0] not in _STARTS and name not in _WORDS else self.plain_key(name)] = value
            if with_nodes:
                pairs.append((Scalar(name, i, p + match.start()), node))
            else:
                count += 1
        if len(data) < len(pairs) + count:
            return None  # a key twice: PyYAML's path reports it
        return data, Mapping(pairs, i, at) if with_nodes else None

    def flat_scalar(self, part: str, i: int, p: int) -> tuple[Any, Scalar] | None:
        """The value and node of a scalar of :meth:`flat` (``part`` starts at ``p``)."""
        text = part.strip(" ")
        at = p + len(part) - len(part.lstrip(" "))
        if text[:1] == '"':
            if len(text) < 2 or text[-1] != '"' or '"' in text[1:-1]:
                return None
            text = text[1:-1]
            return text, Scalar(text, i, at)
        if text not in self.plains and not self.is_plain(text):
            return None
        if text[0] not in _STARTS and text not in _WORDS:
            return text, Scalar(text, i, at)
        return self.plain(text), Scalar(text, i, at)

    def is_plain(self, text: str) -> bool:
        """Whether ``text`` is a whole plain scalar in a flow collection (remembered)."""
        if _FLOW_PLAIN.fullmatch(text) is None or text == "<<":
            return False
        self.plains.add(text)
        return True

    def key(self, line: str, col: int, i: int) -> tuple[Any, Node, int]:
        """The key at ``col`` of ``line``, its node, and where its ``:`` ends."""
        first = line[col]
        if first == "'" or first == '"':
            text, end = self.quoted(line, col)
            key: Any = text
            colon = len(line) - len(line[end:].lstrip(" "))
            if not line.startswith(":", colon) or line[colon + 1:colon + 2] not in ("", " "):
                raise _Bail
        else:
            colon = line.find(": ", col)
            if colon < 0:
                if not line.endswith(":"):
                    raise _Bail
                colon = len(line) - 1
            text = line[col:colon].rstrip(" ")
            if (first in _INDICATORS or (first == "-" and line[col + 1] == " ")
                    or " #" in text or text == "<<"):
                raise _Bail
            key = text if text[0] not in _STARTS and text not in _WORDS else _key(text)
        if colon - col > MAX_KEY:
            raise _Bail
        return key, Scalar(text, i, col), colon + 1

    def is_key(self, line: str, col: int) -> bool:
        """Whether the item at ``col`` of ``line`` (after a ``-``) is a ``key: value``."""
        first = line[col]
        if first == "'" or first == '"':
            _, end = self.quoted(line, col)
            rest = line[end:].lstrip(" ")
            return rest.startswith(":") and (len(rest) == 1 or rest[1] == " ")
        if first in _INDICATORS:
            return False
        cut = line.find(" #", col)
        text = line[col:] if cut < 0 else line[col:cut]
        return ": " in text or text.endswith(":")

    def value(self, line: str, after: int, i: int, col: int, depth: int
              ) -> tuple[Any, Node, int, int]:
        """The value after a key's ``:`` (at ``after`` of line ``i``), in a mapping at
        ``col``; and the next line with content and its indentation."""
        rest = line[after:].lstrip(" ")
        at = len(line) - len(rest)
        start = None
        name = ""
        if rest and rest[0] == "&":
            name, at = self.anchor(line, at)
            start = Scalar(None, i, len(line) - len(rest))
            rest = line[at:].lstrip(" ")
            at = len(line) - len(rest)
        if not rest or rest[0] == "#":  # the value is on the lines below
            j, indent = self.next(i + 1)
            lines = self.lines
            if indent > col:
                data, node, j, indent = self.block(j, indent, depth + 1, start)
            elif indent == col and _entry(lines[j], col):  # a list at its key's indentation
                data, node, j, indent = self.sequence(j, col, depth + 1, start)
            elif start is None:
                return None, Scalar("", i, after), j, indent
            else:
                raise _Bail  # an anchor on nothing
        else:
            data, node, j = self.inline(line, at, i, col, depth + 1, start)
            j, indent = self.next(j)
        if start is not None:
            self.keep(name, data, node)
        if indent > col:
            raise _Bail  # more lines to a scalar, or a line indented oddly
        return data, node, j, indent

    def sequence(self, i: int, col: int, depth: int, start: Node | None = None
                 ) -> tuple[Any, Node, int, int]:
        """A block list whose ``-`` stand at ``col``, the first on line ``i``."""
        if depth >= self.max_depth:
            raise _Bail
        lines = self.lines
        items: list[Any] = []
        nodes: list[Node] = []
        node = Sequence(nodes, i, col) if start is None else Sequence(nodes, start.line,
                                                                      start.column)
        while True:
            line = lines[i]
            rest = line[col + 1:].lstrip(" ")
            at = len(line) - len(rest)
            if not rest or rest[0] == "#" or at == col + 1 or _entry(line, at):
                raise _Bail  # an item on the lines below, a `-x`, a list in a list
            if rest[0] == "&" or rest[0] == "*" or not self.is_key(line, at):
                value, item, i = self.item(line, at, i, col, depth + 1)
                i, indent = self.next(i)
            else:
                value, item, i, indent = self.mapping(i, at, depth + 1)
            items.append(value)
            nodes.append(item)
            if indent != col or not _entry(lines[i], col):
                break
        if indent > col:
            raise _Bail
        return items, node, i, indent

    def item(self, line: str, at: int, i: int, col: int, depth: int
             ) -> tuple[Any, Node, int]:
        """A list item that is not a mapping, with its anchor if it has one."""
        if line[at] != "&":
            return self.inline(line, at, i, col, depth)
        name, end = self.anchor(line, at)
        rest = line[end:].lstrip(" ")
        start = Scalar(None, i, at)
        value_at = len(line) - len(rest)
        if not rest or rest[0] == "#" or self.is_key(line, value_at):
            raise _Bail
        data, node, j = self.inline(line, value_at, i, col, depth, start)
        self.keep(name, data, node)
        return data, node, j

    # -- anchors and aliases ---------------------------------------------------------------

    def anchor(self, line: str, at: int) -> tuple[str, int]:
        """The anchor name at ``at`` (its ``&``) and where it ends."""
        match = _NAME.match(line, at + 1)
        if match is None:
            raise _Bail
        return match.group(), match.end()

    def keep(self, name: str, data: Any, node: Node) -> None:
        if name in self.anchors:
            raise _Bail  # PyYAML refuses an anchor twice
        self.anchors[name] = (data, node)

    def alias(self, line: str, at: int) -> tuple[Any, Node, int]:
        """The data and node an alias at ``at`` stands for (the same objects as its anchor's)."""
        name, end = self.anchor(line, at)
        data, node = self.anchors[name]  # an unknown anchor: KeyError, a bail
        if name not in self.sizes:
            self.sizes[name] = _size(node)
        values, chars = self.sizes[name]
        self.alias_values += values
        self.alias_chars += chars
        if self.alias_values > ALIAS_VALUES or self.alias_chars > ALIAS_CHARS:
            raise _Bail
        return data, node, end

    # -- scalars and flow collections --------------------------------------------------------

    def inline(self, line: str, at: int, i: int, col: int, depth: int,
               start: Node | None = None) -> tuple[Any, Node, int]:
        """The value that starts at ``at`` of line ``i`` (in a collection at ``col``),
        and the line after it."""
        first = line[at]
        where = (i, at) if start is None else (start.line, start.column)
        if first == "*":
            if start is not None:
                raise _Bail
            data, node, end = self.alias(line, at)
        elif first == "'" or first == '"':
            data, end = self.quoted(line, at)
            node = Scalar(data, *where)
        elif first == "[" or first == "{":
            data, node, i, end = self.flow(i, at, col, depth)
            node.line, node.column = where
            line = self.lines[i]
        elif first == "|" or first == ">":
            return self.block_scalar(line, at, i, col, where)
        else:
            if first in _INDICATORS or (first == "-" and (len(line) == at + 1
                                                           or line[at + 1] == " ")):
                raise _Bail
            cut = line.find(" #", at)
            text = (line[at:] if cut < 0 else line[at:cut]).rstrip(" ")
            if ": " in text or text[-1] == ":" or text == "<<":
                raise _Bail
            data = text if text[0] not in _STARTS and text not in _WORDS else _plain(text)
            return data, Scalar(text, *where), i + 1
        if not _rest_is_empty(line, end):
            raise _Bail
        return data, node, i + 1

    def quoted(self, line: str, at: int) -> tuple[str, int]:
        """The text of the quoted scalar at ``at`` and where it ends (on this line)."""
        if line[at] == '"':
            match = _DOUBLE.match(line, at)
            if match is None:
                raise _Bail
            body = match.group(1)
            return (_unescape(body) if "\\" in body else body), match.end()
        parts = []
        start = at + 1
        while True:
            end = line.index("'", start)  # not closed on this line: ValueError, a bail
            if line.startswith("'", end + 1):
                parts.append(line[start:end + 1])
                start = end + 2
                continue
            parts.append(line[start:end])
            return "".join(parts), end + 1

    def flow(self, i: int, at: int, col: int, depth: int) -> tuple[Any, Node, int, int]:
        """The flow mapping or list at ``at`` (its ``{`` or ``[``) of line ``i``, in a block
        collection at ``col``: its data, node, and the line and place where it ends.

        It may go on over lines indented deeper than ``col``, after an opening
        bracket or a comma (never inside a scalar, never with a comment).
        """
        if depth >= self.max_depth:
            raise _Bail
        line = self.lines[i]
        start = (i, at)
        mapping = line[at] == "{"
        close = "}" if mapping else "]"
        end = line.find(close, at)
        if end > at + 1:
            flat = self.flat(line, at, end, i)
            if flat is not None:
                assert flat[1] is not None  # made with its nodes
                return flat[0], flat[1], i, end + 1
        keys: list[Any] = []
        values: list[Any] = []
        nodes: list[Any] = []
        key_node = None
        i, p = self.gap(i, at + 1, col)
        line = self.lines[i]
        if line[p] == close:
            return ({} if mapping else []), (Mapping if mapping else Sequence)(nodes, *start), i, p + 1
        while True:
            if mapping:
                key, key_node, p = self.flow_scalar(line, p, i, True)
                p = self.skip(line, p)
                if not line.startswith(": ", p):
                    raise _Bail
                p = self.skip(line, p + 2)
                keys.append(key)
            if line[p] == "[" or line[p] == "{":
                value, node, i, p = self.flow(i, p, col, depth + 1)
                line = self.lines[i]
            else:
                value, node, p = self.flow_scalar(line, p, i, False)
            values.append(value)
            nodes.append((key_node, node) if mapping else node)
            p = self.skip(line, p)
            if line[p] == close:
                break
            if line[p] != ",":
                raise _Bail
            i, p = self.gap(i, p + 1, col)
            line = self.lines[i]
            if line[p] in ",]}#":
                raise _Bail  # an empty entry, a comment
        if mapping:
            data: Any = dict(zip(keys, values, strict=True))
            if len(data) < len(keys):
                raise _Bail
            return data, Mapping(nodes, *start), i, p + 1
        return values, Sequence(nodes, *start), i, p + 1

    def gap(self, i: int, p: int, col: int) -> tuple[int, int]:
        """Past the spaces from ``p`` of line ``i``, and past the line's end to the next
        line when that holds more of a flow collection (indented deeper than ``col``)."""
        line = self.lines[i]
        p = self.skip(line, p)
        if p < len(line):
            return i, p
        i += 1
        line = self.lines[i]
        p = self.skip(line, 0)
        if p <= col or p == len(line) or line[p] == "#":
            raise _Bail
        return i, p

    def flow_scalar(self, line: str, p: int, i: int, key: bool) -> tuple[Any, Scalar, int]:
        """A quoted or plain scalar inside a flow collection, as a key or a value."""
        first = line[p]
        if first == "'" or first == '"':
            text, end = self.quoted(line, p)
            value: Any = text
        else:
            match = _FLOW_PLAIN.match(line, p)
            if match is None:
                raise _Bail
            text = match.group().rstrip(" ")
            end = p + len(text)
            if text == "<<":
                raise _Bail
            value = text if text[0] not in _STARTS and text not in _WORDS else (
                _key(text) if key else _plain(text))
        if key and end - p > MAX_KEY:
            raise _Bail
        return value, Scalar(text, i, p), end

    @staticmethod
    def skip(line: str, p: int) -> int:
        while line.startswith(" ", p):
            p += 1
        return p

    def block_scalar(self, line: str, at: int, i: int, col: int, where: tuple[int, int]
                     ) -> tuple[str, Scalar, int]:
        """A folded (``>``) or literal (``|``) scalar: its text, node and the line after it.

        Folding and chomping as libyaml does them; lines indented deeper than the first
        (in a folded scalar), lines of spaces only and an indentation digit are not read here.
        """
        header = _HEADER.fullmatch(line, at + 1)
        if header is None:
            raise _Bail
        chomp = header.group(1)
        literal = line[at] == "|"
        lines = self.lines
        n = self.n
        j = i + 1
        while j < n and not lines[j]:
            j += 1
        leading = j - i - 1  # empty lines before the first line of text
        if j == n:
            raise _Bail
        first = lines[j]
        indent = len(first) - len(first.lstrip(" "))
        if indent <= col or indent == len(first):
            raise _Bail  # an empty scalar, or a line of spaces
        parts: list[str] = []
        blank = 0  # empty lines since the last line of text
        k = j
        while k < n:
            text = lines[k]
            if not text:
                blank += 1
                k += 1
                continue
            rest = text.lstrip(" ")
            depth = len(text) - len(rest)
            if not rest:
                raise _Bail
            if depth < indent:
                break
            if parts:
                if literal:
                    parts.append("\n" * (blank + 1))
                else:
                    if depth > indent:
                        raise _Bail
                    parts.append("\n" * blank if blank else " ")
            elif depth > indent and not literal:
                raise _Bail
            parts.append(text[indent:])
            blank = 0
            k += 1
        body = "\n" * leading + "".join(parts)
        if chomp == "":
            body += "\n"
        elif chomp == "+":
            body += "\n" * (blank + 1)
        return body, Scalar(body, *where), k


def keyed(node: Any, key: str) -> list[tuple[str, Mapping]]:
    """Every mapping in ``node`` (itself and the mappings nested in it, in the order of the
    text) whose ``key`` holds a scalar, with that scalar's text. The walk does not step
    into scalars, nor into the value of ``key``; it makes no node that is not made yet.
    For the key ``id`` (the loader's walk for elements), a block mapping's own lines are
    not looked at again: the reader noted its ``id`` and its values that may hold
    mappings as it read it (``Mapping.ids``), unless a line of it may hold a flow
    mapping with an ``id``.

    >>> data, root = read("a:\\n  - id: x\\n    b: {id: y}\\n  - id: [z]\\n")
    >>> [(text, node.line, node.column) for text, node in keyed(root, "id")]
    [('x', 1, 4), ('y', 2, 7)]
    """
    if ": " in key:
        raise ValueError(f"a key with ': ' in it: {key!r}")
    found: list[tuple[str, Mapping]] = []
    if isinstance(node, Mapping | Sequence):
        _keyed(node, key, found)
    return found


def _keyed(node: Mapping | Sequence, key: str, found: list[tuple[str, Mapping]]) -> None:
    if isinstance(node, Sequence):
        for item in node.value:
            if item.id != "scalar":
                _keyed(item, key, found)
        return
    if key == "id" and node.ids is not None:  # noted by the reader as it read the mapping
        text, noted = node.ids
        if text is not None:
            found.append((text, node))
        for value in noted:
            _keyed(value, key, found)
        return
    own: str | None = None
    inner: list[Any] = []
    reader = node.reader  # None once every pair is made
    pairs = node.pairs
    # A common line's key is ``key`` when the line holds ``key: `` at the key's column
    # (its first ``: ``; ``key`` holds none). Its value is a scalar (``"text"`` or
    # plain) unless it starts with ``{`` (and ends with ``}``) or ``[``: a flow list
    # holds scalars alone, and a flow mapping's keys stand as they are on the line
    # (:meth:`_Reader.flat`, :meth:`_Reader.nested`), so one without ``key`` in its
    # line holds no mapping with ``key``.
    col = node.indent
    head = key + ": "
    at = col + len(head)
    for n, pair in enumerate(pairs):
        if pair.__class__ is tuple:  # made: its nodes
            text = _made_pair(pair[0], pair[1], key, inner)
            if text is not None:
                own = text
            continue
        assert reader is not None  # a line's number stands only until every pair is made
        line = reader.lines[pair]
        if line.startswith(head, col):
            own = _common_text(line, at)
        elif line[-1] == "}" and key in line and line[line.find(": ", col) + 2] == "{":
            pairs[n] = made = reader.nodes(pair, col)
            inner.append(made[1])
    if own is not None:
        found.append((own, node))
    for value in inner:
        _keyed(value, key, found)


def _made_pair(key_node: Node, value: Node, key: str, inner: list[Any]) -> str | None:
    """What :func:`keyed` takes from a mapping's made pair: the text of ``key``'s value when
    the pair is ``key``'s and its value a scalar (keys are unique: a key twice is not read
    here); another key's value that may hold mappings goes into ``inner``."""
    if key_node.value == key:
        return value.value if value.id == "scalar" else None
    if value.id != "scalar":
        inner.append(value)
    return None


def _common_text(line: str, at: int) -> str | None:
    """The text of a common line's value that starts at ``at`` (``"text"`` or plain), or
    None when it is a flow collection."""
    first = line[at]
    if first == "{" or first == "[":
        return None
    return line[at + 1:-1] if first == '"' else line[at:]


def _size(node: Node) -> tuple[int, int]:
    """The values and characters ``node`` expands to (as :func:`yamlread.construct`
    counts them: every key and value; an alias inside counts in full)."""
    if node.id == "scalar":
        return 1, len(node.value)
    values, chars = 1, 0
    for child in node.value:
        for part in (child if node.id == "mapping" else (child,)):
            more, text = _size(part)
            values += more
            chars += text
    return values, chars
