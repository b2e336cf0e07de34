"""One difference between two versions: the :class:`Change` every part of the diff returns.

>>> c = Change("removed", "link", link_id("p:E1", "p:SD1", "contributes_to"))
>>> c.id, link_parts(c.id)
('p:E1 -> p:SD1 (contributes_to)', ('p:E1', 'p:SD1', 'contributes_to'))
>>> print(c.text("nl")); print(c)
- verband    p:E1 draagt bij aan p:SD1
- link       p:E1 contributes to p:SD1
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..graph import EDGE_KINDS, NODE_KINDS

__all__ = ["ELEMENT_KINDS", "LINK_KINDS", "Action", "Approximate", "Change", "link_id",
           "link_parts"]

Action = Literal["added", "removed", "renamed", "changed"]

#: Element kinds compared node by node.
ELEMENT_KINDS = NODE_KINDS
#: Edge kinds compared as links (``belongs_to`` follows from the elements).
LINK_KINDS = tuple(k for k in EDGE_KINDS if k != "belongs_to")


@dataclass(frozen=True)
class Change:
    """One difference between two versions.

    ``kind`` is an element kind, ``"link"``, ``"target"``, ``"measurement"`` (a value of
    an indicator; ``field`` is ``"2025 realised"``) or ``"realisation"`` (the state of an
    effort or project; ``field`` is ``"2025"``). ``id`` is the
    element's id in the new version (in the old one when removed); a link's id
    is ``"from -> to (kind)"`` (:func:`link_id`). For a rename ``old_id`` is the old id
    when it changed, and ``old``/``new`` are the labels; for a change ``field`` names
    what changed (a year for a target).
    """

    action: Action
    kind: str
    id: str
    label: str = ""
    field: str | None = None
    old: Any = None
    new: Any = None
    old_id: str | None = None

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "nl") -> str:
        """The change as one line in ``lang`` (kinds, fields and values in words, data as
        written).

        >>> print(Change("renamed", "effort", "p:E3", old="A", new="B", old_id="p:E2").text())
        ~ inspanning p:E2 -> p:E3 hernoemd: 'A' -> 'B'
        """
        from .wording import change_line  # the wording reads changes: imported when used

        return change_line(self, lang)


def link_id(u: str, v: str, kind: str) -> str:
    """The id of a link in a :class:`Change`: ``"u -> v (kind)"``."""
    return f"{u} -> {v} ({kind})"


def link_parts(link: str) -> tuple[str, str, str]:
    """The two ends and the kind of a link's id (ids hold no ``" -> "`` nor ``" ("``)."""
    ends, kind = link.rsplit(" (", 1)
    u, v = ends.split(" -> ", 1)
    return u, v, kind.rstrip(")")


class Approximate(str):
    """An amount printed approximately, as compared and shown: ``'ruim 1250.5'``.

    A plain string to JSON and ``==``; it keeps its word and number, so the
    text of a change writes the number the way of its language.

    >>> a = Approximate("ruim", 1250.5)
    >>> a == "ruim 1250.5", a.word, a.value
    (True, 'ruim', 1250.5)
    """

    word: str
    value: float

    def __new__(cls, word: str, value: float) -> Approximate:
        shown = int(value) if isinstance(value, float) and value.is_integer() else value
        text = super().__new__(cls, f"{word} {shown!r}")
        text.word, text.value = word, value
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.word, self.value)
