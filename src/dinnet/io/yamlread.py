"""Safe, strict YAML reading that remembers where every value stands.

The text is parsed into a node tree with PyYAML's composer (the C one when
present) and turned into plain Python data by :func:`construct`, which

* refuses object tags (``!!python/...``), merge keys and alias bombs,
* refuses duplicate keys, naming both lines,
* reads scalars by the YAML 1.2 core schema: ``true``/``false`` are booleans,
  plain decimal numbers are numbers, ``~``/``null``/empty is None, and
  everything else (``no``, ``on``, ``0151``, ``10:30``, dates) stays text;
  a plain number dinnet will not guess at (``200.000``: Dutch or not?,
  ``1e309``, ``.inf``, 5,000 digits) is kept as a
  :class:`~dinnet.contract.numbers.PlainNumber` text, which numeric fields
  refuse with a message that shows how to write it.

:func:`locate` maps a field path back to ``(line, column)``.

>>> doc = parse_text("a: no\\nb: [1, 2.5, ~]\\n", "x.yaml")
>>> construct(doc, "x.yaml")
{'a': 'no', 'b': [1, 2.5, None]}
>>> locate(doc, ("b", 1))
(2, 8)
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import unicodedata
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..contract.numbers import non_finite, plain_number, plain_text
from ..errors import DuplicateKeyError, Problem, UnsafeYamlError, YamlSyntaxError
from ..glossary import Message, message
from . import limits

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = [
    "MAX_ALIAS_RATIO",
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "MAX_FILE_BYTES",
    "construct",
    "decode_text",
    "locate",
    "parse_text",
    "read_text",
]

#: Largest contract file accepted, in bytes.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Deepest nesting of mappings and lists accepted.
MAX_DEPTH = 64
#: Most values a document may expand to through aliases...
MAX_ELEMENTS = 2_000_000
#: ...and at most this many times the values it actually holds.
MAX_ALIAS_RATIO = 50
#: A document that expands to at most this many values is never an alias bomb.
_ALIAS_FLOOR = 100_000

_TAG = "tag:yaml.org,2002:"
#: The tag :class:`_Reader` gives a plain scalar without a tag of its own: read by its text
#: (a number, a boolean, null or text), unlike an explicit ``!!str`` that keeps it text.
_PLAIN = "tag:dinnet,2024:plain"
_ALLOWED_TAGS = {_PLAIN} | {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp",
                                               "map", "seq")}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(
    r"[-+]?(?:0|[1-9][0-9]*)?(?:\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?(?:0|[1-9][0-9]*)[eE][-+]?[0-9]+"
)
_NON_FINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
#: Bytes that are no part of a :data:`_CONTROL` character in UTF-8 (tab, line ends, the
#: printable ASCII, and every byte of a multi-byte sequence): what :func:`_may_hold_control`
#: deletes.
_NOT_CONTROL = bytes([9, 10, 13, *range(0x20, 0x7F), *range(0x80, 0x100)])
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NUMBER_START = frozenset("0123456789+-.~")
_STR, _SEQ, _MAP, _MERGE = (_TAG + t for t in ("str", "seq", "map", "merge"))
_SPECIAL = {"<<": _MERGE}
_WORDS = frozenset(_NULLS) | frozenset(_BOOLS)  # plain words that are not text
_ScalarNode, _SequenceNode = yaml.ScalarNode, yaml.SequenceNode


def _problem(file: str, mark: Any, said: str | Message) -> Problem:
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    translated = said if isinstance(said, Message) else None
    return Problem(file, line, column, "", str(said), said=translated)


def _said(file: str, line: int | None, column: int | None, said: Message) -> Problem:
    """A problem with its message from the glossary (either language)."""
    return Problem(file, line, column, "", str(said), said=said)


def _too_large(name: str, size: int | None) -> YamlSyntaxError:
    key = "yaml.too_large" if size is not None else "yaml.too_large_stream"
    return YamlSyntaxError([_said(name, None, None, message(key, size_amount=size or 0,
                                                            limit_amount=MAX_FILE_BYTES))])


#: The bytes read from standard input, per stream (a test runner gives each run its own).
_READ: weakref.WeakKeyDictionary[Any, bytes] = weakref.WeakKeyDictionary()


def read_bytes(path: Path) -> bytes:
    """The bytes of a contract file, at most :data:`MAX_FILE_BYTES`.

    A pipe or another file that is not a regular file (``<(cat c.yaml)``,
    ``/dev/stdin``) is read as a stream; the path ``-`` reads standard input.
    A file that cannot be read gives a :class:`YamlSyntaxError` naming the reason.
    Standard input can be read only once, so its bytes are kept: reading ``-`` again
    in the same run (``validate - --sources DIR`` checks the sources of the contract it
    loaded) gives the same bytes, not an empty file.
    """
    name = str(path)
    if name == "-":  # standard input (`dinnet validate -`)
        stream = sys.stdin.buffer
        if stream not in _READ:
            _READ[stream] = stream.read(MAX_FILE_BYTES + 1)
        data = _READ[stream]
        if len(data) > MAX_FILE_BYTES:
            raise _too_large(name, None)
        return data
    try:
        with open(path, "rb") as fh:
            if os.path.isfile(path):
                size = os.fstat(fh.fileno()).st_size
                if size > MAX_FILE_BYTES:
                    raise _too_large(name, size)
                data = fh.read()
            else:  # a stream: read in pieces, never more than the limit
                chunks, total = [], 0
                while total <= MAX_FILE_BYTES and (chunk := fh.read(1 << 20)):
                    chunks.append(chunk)
                    total += len(chunk)
                data = b"".join(chunks)
    except OSError as exc:
        raise YamlSyntaxError([_said(name, None, None, message(
            "yaml.unreadable", reason=exc.strerror or exc))]) from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, None)
    return data


def read_text(path: Path) -> str:
    """Read a contract file as text: UTF-8 (a BOM is fine), NFC-normalised.

    A file with a UTF-16 byte order mark (as Windows Notepad saves "Unicode")
    is read as UTF-16. Raises :class:`YamlSyntaxError` for files that are too
    large, unreadable or in another encoding.
    """
    return decode_text(str(path), read_bytes(path))


def decode_text(name: str, data: bytes) -> str:
    """The text of a contract file's bytes (as :func:`read_text`); ``name`` is for messages.

    >>> decode_text("x.yaml", "\ufeffnaam: Cafe\u0301".encode())
    'naam: Café'
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(
            codecs.BOM_UTF32_LE):
        try:
            return _checked(name, data.decode("utf-16"))
        except UnicodeDecodeError:
            raise YamlSyntaxError([_said(name, 1, 1, message("yaml.bad_utf16"))]) from None
    if b"\x00" in data:
        raise YamlSyntaxError([_said(name, 1, 1, message("yaml.nul"))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        key = "yaml.not_utf8"
        try:
            data.decode("cp1252")
            key = "yaml.not_utf8_cp1252"
        except UnicodeDecodeError:
            pass
        raise YamlSyntaxError(
            [_said(name, line, column, message(key, byte=f"0x{data[exc.start]:02x}"))]
        ) from None
    return _checked(name, text, data)  # (a byte order mark is no control character)


def _may_hold_control(text: str, data: bytes) -> bool:
    """Whether ``text`` (from the UTF-8 bytes ``data``) may hold a :data:`_CONTROL`
    character: a quick screen (the search itself costs four times as much on a contract).

    The ASCII ones are bytes that :data:`_NOT_CONTROL` lacks; U+0080-U+009F start with
    the byte C2 (a text with one is searched); U+FFFE and U+FFFF are looked for in ``text``.

    >>> [_may_hold_control(t, t.encode()) for t in ("Café €", "a\x0bb", "\x85", "\uffff")]
    [False, True, True, True]
    """
    return (bool(data.translate(None, _NOT_CONTROL)) or b"\xc2" in data or "\ufffe" in text
            or "\uffff" in text)


def _checked(name: str, text: str, data: bytes | None = None) -> str:
    """``text`` NFC-normalised, when it holds no control character (``data``: its UTF-8
    bytes, when at hand, for :func:`_may_hold_control`)."""
    bad = _CONTROL.search(text) if data is None or _may_hold_control(text, data) else None
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise YamlSyntaxError([_said(name, line, column, message(
            "yaml.control", char=f"U+{ord(bad.group()):04X}"))])
    return unicodedata.normalize("NFC", text)


class _Reader(_Loader):
    """The C parser and composer with a constant-time tag resolver.

    PyYAML resolves every plain scalar against the YAML 1.1 regular
    expressions (in Python) only to label it ``!!int``, ``!!bool`` and so on;
    :func:`construct` reads scalars by their text and style instead, so the
    guess is wasted work. Only the tag :func:`construct` looks at is kept:
    ``<<`` (merge key, refused). A plain ``=`` (YAML 1.1's value key) is text.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                return _SPECIAL.get(value, _PLAIN)
            return _STR  # quoted
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def parse_text(text: str, file: str) -> yaml.Node:
    """Parse one YAML document into a node tree (no Python objects built)."""
    loader = _Reader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = " ".join(m for m in (exc.context, exc.problem) if m)  # PyYAML's (English) words
        said: str | Message = message("yaml.syntax", detail=detail)
        if "exceeded maximum nesting depth" in detail:
            said = message("yaml.too_deep", detail=detail, depth=MAX_DEPTH)
        if "expected a single document" in detail:
            said = message("yaml.documents")
        elif mark is not None and "\t" in _line_of(text, mark.line)[:mark.column + 1]:
            said = message("yaml.tab_indents" if mark.column == 0 else "yaml.tab_in_line",
                           detail=detail)
        raise YamlSyntaxError([_problem(file, mark, said)]) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError([_said(file, None, None, message("yaml.syntax", detail=str(exc)))]
                              ) from None
    except RecursionError:
        raise YamlSyntaxError(
            [_said(file, None, None, message("yaml.too_deep_plain", depth=MAX_DEPTH))]
        ) from None
    finally:
        loader.dispose()
    if node is None:
        raise YamlSyntaxError([_said(file, 1, 1, message("yaml.empty"))])
    return node


def _line_of(text: str, index: int) -> str:
    """Line ``index`` (0-based) of ``text``, or ``""``."""
    start = 0
    for _ in range(index):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)]


def _scalar(node: yaml.ScalarNode) -> Any:
    value = node.value
    if node.style or node.tag == _STR:  # quoted, block or tagged !!str: always text
        return value
    return _plain(value)


def plain_key(text: str) -> Any:
    """The key a plain (unquoted) mapping key ``text`` stands for: as :func:`plain_scalar`,
    but a key that would be None stays its text.

    >>> plain_key("2019"), plain_key("null"), plain_key("true")
    (2019, 'null', True)
    """
    value = _plain(text)
    return text if value is None else value


def _plain(value: str) -> Any:
    """A plain scalar by the YAML 1.2 core schema (text unless it is clearly not)."""
    if not value or value[0] in _NUMBER_START:
        if value in _NULLS:
            return None
        if _INT.fullmatch(value) or _FLOAT.fullmatch(value):
            return plain_number(value)  # 200.000, 1e309 and 5,000 digits: refused by number fields
        if _NON_FINITE.fullmatch(value):
            return non_finite(value)
        return plain_text(value)  # 1,250: refused by number fields
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    return value


def construct(root: yaml.Node, file: str, text: str | None = None) -> Any:
    """Build plain Python data from a node tree, refusing unsafe constructs.

    One pass over the tree, counting the values as aliases expand them. The
    full check of :func:`_check_size` (alias bombs, cycles) runs only when
    it can fail: on a cycle, on an alias to a large mapping or list, when
    the count passes :data:`_ALIAS_FLOOR`, or before the document fails for
    another reason; so every document gets the same outcome as if the check
    had run first, and a typical contract (a few thousand values) skips it.

    With the ``text`` the node tree was parsed from, a document that may hold
    aliases (its text has ``&`` and ``*``) is also checked for the characters
    its aliases expand to (an anchor on a long text aliased many times), at
    most :data:`~dinnet.io.limits.ALIAS_MAX_RATIO` times the file's own and
    never more than :data:`~dinnet.io.limits.ALIAS_MAX_CHARS`. The build
    counts those characters too (every key and scalar as aliases expand
    them: what the check sums for the whole document, the most of any part
    of it), so the check's walk runs only when the total passes the limit.
    """
    builder = _Constructor(file, root, len(text) if text is not None else None)
    data = builder.build(root, 0)
    if builder.count > _ALIAS_FLOOR or (
            text is not None and "&" in text and "*" in text  # aliases possible: bound their text
            and builder.chars > (_text_limit(len(text)) or 0)):
        builder.check()
    return data


#: The reading of a plain scalar (for :mod:`~dinnet.io.yamlfast`): text that is not one of
#: :data:`PLAIN_WORDS` and does not start with one of :data:`PLAIN_STARTS` is itself.
plain_scalar = _plain
PLAIN_WORDS, PLAIN_STARTS = _WORDS, _NUMBER_START


#: Aliases that expand a document to at most this many characters are always fine.
_ALIAS_TEXT_FLOOR = 1024 * 1024


def alias_text_limit(length: int | None) -> int | float | None:
    """The most characters a document of ``length`` characters may expand to through aliases.

    A float when a program set the limits (:mod:`~dinnet.io.limits`) to floats
    (``limits.ALIAS_MAX_CHARS = 5e5``): the compiled quick reader checks the type it is
    told (:mod:`~dinnet.io.speedup`), so the annotation says so.

    >>> alias_text_limit(100), alias_text_limit(None)
    (1048576, None)
    """
    if length is None:
        return None
    return min(limits.ALIAS_MAX_CHARS, max(_ALIAS_TEXT_FLOOR, limits.ALIAS_MAX_RATIO * length))


_text_limit = alias_text_limit


def _check_size(root: yaml.Node, file: str, length: int | None = None) -> None:
    """Refuse documents whose aliases expand beyond :data:`MAX_ELEMENTS` values
    or (given the ``length`` of the file's text) beyond :func:`_text_limit` characters.

    A depth-first walk over the mappings and lists, each summed once (so an
    alias bomb costs its distinct nodes, not its expansion). Scalars are
    counted inline, in the order a walk that visited them one by one would
    reach them, so the limit (which grows with the distinct values seen so
    far) is the same at every mapping and list.
    """
    if type(root) is _ScalarNode:
        return
    sizes: dict[int, int] = {}  # mapping or list -> values it expands to
    chars: dict[int, int] = {}  # mapping or list -> characters it expands to
    scalars: set[int] = set()  # distinct scalars reached so far
    text_limit = _text_limit(length)
    active: set[int] = set()
    # (0, node): expand a mapping or list; (1, node): sum it up; (2, ids): scalars reached
    stack: list[tuple[int, Any]] = [(0, root)]
    push, pop = stack.append, stack.pop
    while stack:
        step, item = pop()
        if step == 2:
            scalars.update(item)
            continue
        node: yaml.Node = item
        key = id(node)
        if step == 1:
            active.discard(key)
            total, text = 1, 0
            for child in _children(node):
                if type(child) is _ScalarNode:
                    total += 1
                    text += len(child.value)
                else:
                    total += sizes[id(child)]
                    text += chars[id(child)]
            if text_limit is not None and text > text_limit:
                raise UnsafeYamlError([_problem(file, node.start_mark, message(
                    "yaml.alias_text", limit_amount=text_limit, length_amount=length,
                    name="ALIAS_MAX_RATIO"))])
            chars[key] = text
            limit = min(MAX_ELEMENTS, max(_ALIAS_FLOOR, MAX_ALIAS_RATIO * (len(sizes) + len(scalars))))
            if total > limit:
                raise UnsafeYamlError([_problem(file, node.start_mark, message(
                    "yaml.alias_values", limit_amount=limit))])
            sizes[key] = total
            continue
        if key in sizes:
            continue
        if key in active:
            raise UnsafeYamlError([_problem(file, node.start_mark, message("yaml.alias_cycle"))])
        active.add(key)
        push((1, node))
        run: list[int] = []  # scalars pushed since the last mapping or list
        for child in _children(node):
            ident = id(child)
            if type(child) is _ScalarNode:
                if ident not in scalars:
                    run.append(ident)
                continue
            if ident in active:
                raise UnsafeYamlError([_problem(file, child.start_mark,
                                                message("yaml.alias_cycle"))])
            if ident not in sizes:
                if run:
                    push((2, run))
                    run = []
                push((0, child))
        if run:
            push((2, run))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


#: An alias to a mapping or list bigger than this triggers the full size check.
_ALIAS_CHECK_SIZE = 1000


class _Constructor:
    """Builds the data and counts the values it builds (an alias counts every time).

    Scalars inside mappings and lists are read inline (no call per scalar):
    most of a contract is short plain text.
    """

    def __init__(self, file: str, root: yaml.Node, length: int | None = None) -> None:
        self.file = file
        self.root = root
        self.length = length
        self.count = 1  # the root
        self.chars = 0  # characters of the keys and scalars built (an alias counts every time)
        self.sizes: dict[int, int] = {}  # collection node -> values it expands to (-1: building)
        self.checked = False

    def fail(self, node: yaml.Node, said: str | Message, cls: type = UnsafeYamlError) -> None:
        self.check()  # an alias bomb or cycle is reported first, as if checked up front
        raise cls([_problem(self.file, node.start_mark, said)])

    def check(self) -> None:
        if not self.checked:
            _check_size(self.root, self.file, self.length)
            self.checked = True

    def build(self, node: yaml.Node, depth: int) -> Any:
        """The Python value of ``node``, nested ``depth`` levels deep."""
        if type(node) is _ScalarNode:
            if node.tag not in _ALLOWED_TAGS and node.tag != _MERGE:
                self.refuse_tag(node)
            self.chars += len(node.value)
            return _scalar(node)
        before = self.enter(node, depth)
        mapping = type(node) is not _SequenceNode
        items = node.value
        self.count += (2 if mapping else 1) * len(items)
        names: list[Any] = []
        values: list[Any] = []
        append = values.append
        allowed, words, starts = _ALLOWED_TAGS, _WORDS, _NUMBER_START
        depth += 1
        chars = 0
        for child in items:
            if mapping:
                key_node, child = child
                name = key_node.value
                chars += len(name)
                if type(key_node) is not _ScalarNode or key_node.tag != _PLAIN or not (
                        name and name[0] not in starts and name not in words):
                    name = self.key(key_node)
                names.append(name)
            # the fast path: a scalar is read inline, not by a call per scalar (most of a
            # contract is short plain text, which is its own value)
            if type(child) is _ScalarNode and child.tag in allowed:
                value = child.value
                chars += len(value)
                if child.style or child.tag == _STR or (
                        value and value[0] not in starts and value not in words):
                    append(value)
                else:
                    append(_plain(value))
            else:
                append(self.build(child, depth))
        self.chars += chars
        if not mapping:
            result: Any = values
        else:
            result = dict(zip(names, values, strict=True))
            if len(result) < len(names):
                self.duplicate(items, names)
        if self.sizes[id(node)] < 0:
            self.sizes[id(node)] = self.count - before + 1
        return result

    def refuse_tag(self, node: yaml.Node) -> None:
        self.fail(node, message("yaml.tag", tag=repr(node.tag.replace(_TAG, "!!"))))

    def enter(self, node: yaml.Node, depth: int) -> int:
        """Check a mapping or list before building it; the count of values so far.

        Refuses other tags and deep nesting; an alias to a big or unfinished
        node (a cycle) runs the full size check first.
        """
        if node.tag not in _ALLOWED_TAGS:
            self.refuse_tag(node)
        if depth >= MAX_DEPTH:
            self.fail(node, message("yaml.nested", depth=MAX_DEPTH), YamlSyntaxError)
        ident = id(node)
        sizes = self.sizes
        if ident in sizes and not self.checked:  # an alias (or a cycle: still building)
            size = sizes[ident]
            if size < 0 or size > _ALIAS_CHECK_SIZE or self.count + size > _ALIAS_FLOOR:
                self.check()
        sizes.setdefault(ident, -1)
        return self.count

    def key(self, node: yaml.Node) -> Any:
        """The key a mapping key node stands for; merge keys and complex keys are refused."""
        if node.tag == _MERGE:
            self.fail(node, message("yaml.merge_key"))
        if type(node) is not _ScalarNode:
            self.fail(node, message("yaml.complex_key"), YamlSyntaxError)
        if node.tag not in _ALLOWED_TAGS:
            self.refuse_tag(node)
        return _key(node)

    def duplicate(self, pairs: list[tuple[yaml.Node, yaml.Node]], names: list[Any]) -> None:
        """Refuse the first key that repeats an earlier one, naming both lines."""
        seen: dict[Any, yaml.Node] = {}
        for (key_node, _), name in zip(pairs, names, strict=True):
            if name in seen:
                self.fail(key_node, message("yaml.duplicate_key", key=repr(key_node.value),
                                            line=seen[name].start_mark.line + 1),
                          DuplicateKeyError)
            seen[name] = key_node


def _key(node: yaml.Node) -> Any:
    """The Python key of a mapping key node (as :class:`_Constructor` builds it)."""
    if node.style or node.tag == _STR:  # type: ignore[attr-defined]
        return node.value
    return plain_key(node.value)


def locate(root: yaml.Node, loc: Sequence[int | str], *, key: bool = False) -> tuple[int, int]:
    """The 1-based ``(line, column)`` of the value at ``loc``.

    Walks as far as the path exists; with ``key=True`` a final mapping key
    points at the key rather than its value. ``root`` is a node tree of
    :func:`parse_text` or of :func:`dinnet.io.yamlfast.read` (the same shape).
    """
    node: Any = root
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        kind = node.id
        if kind == "mapping":
            for key_node, value_node in node.value:
                if key_node.value == str(part):
                    node = key_node if last and key else value_node
                    break
            else:
                continue  # not here (a union tag, a missing field): stay
        elif (kind == "sequence" and isinstance(part, int)
              and 0 <= part < len(node.value)):
            node = node.value[part]
        # other parts (pydantic union tags) do not move
    return node.start_mark.line + 1, node.start_mark.column + 1
