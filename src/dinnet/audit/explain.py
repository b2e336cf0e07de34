"""What each rule means, from the glossary: ``dinnet audit --explain`` and ``docs/rules.md``.

Both print the same words: the rule's title, what it finds (with detail),
why it matters and how to fix it; the command in Dutch or English, the
documentation in English.

>>> print(explain("DIN205", "en", width=100))
DIN205 target-not-numeric: Target not numeric (info)
<BLANKLINE>
What: An indicator whose targets are all text (`n.t.b.`, `pm`), so progress cannot be measured.
<BLANKLINE>
Why it matters: Progress cannot be computed.
<BLANKLINE>
How to fix: Fill in numbers once the contract states them.
"""

from __future__ import annotations

import textwrap

from ..glossary import phrase, term
from . import RULES, Rule

__all__ = ["explain", "find_rule", "rules_markdown"]

#: The sections of docs/rules.md: the first digit of the code and its heading.
SECTIONS = {"1": "Coverage", "2": "Indicators", "3": "Budgets", "4": "Relations between programmes",
            "5": "Missing content", "6": "Monitoring"}


def find_rule(name: str) -> Rule:
    """The rule with code or name ``name`` (any case); a :class:`KeyError` naming the codes.

    >>> find_rule("din101").name, find_rule("budget-mismatch").code
    ('goal-without-effort', 'DIN301')
    """
    for r in RULES.values():
        if name.lower() in (r.code.lower(), r.name):
            return r
    raise KeyError(name)


def explain(name: str, lang: str = "nl", width: int = 88) -> str:
    """The rule ``name`` (code or name) explained in ``lang``, wrapped at ``width``."""
    r = find_rule(name)
    what = " ".join(filter(None, (r.text("summary", lang), r.text("detail", lang))))
    parts = [f"{r.code} {r.name}: {r.text('title', lang)} ({term(r.severity, lang)})"]
    for label, text in (("explain.what", what), ("explain.why", r.text("why", lang)),
                        ("explain.fix", r.text("fix", lang))):
        parts.append(textwrap.fill(f"{phrase(label, lang)}: {text}", width,
                                   break_on_hyphens=False, break_long_words=False))
    return "\n\n".join(parts)


_INTRO = """\
# Audit rules

<!-- Generated from the rule registry and the glossary by docs/gen_rules.py; do not edit by
hand. `dinnet audit --explain CODE [--lang en]` prints the same text. -->

`dinnet audit` (and `dinnet.run_audit(G)`) runs every rule below over the
loaded graph. Each finding has `rule`, `code`, `severity`, `programme`,
`node` (or null), `message`, `source` (the seed text and lines of the
offending element) and `file`, `line`, `column` (where the element stands in
the YAML). Findings are sorted by programme, code, node and message, so the
output is stable. `--fail-on error|warning|never` sets which severity makes
the command exit 1 (default `error`), so it works as a CI gate; `--format
sarif|junit|github|gitlab` writes what CI systems read (see [ci.md](ci.md)).

Each rule is declared once, together with its check, in
`src/dinnet/audit/rules.py` (the monitoring rules, which judge measurements
on the audit date `--as-of`, in `src/dinnet/audit/monitoring.py`;
`@rule(code, name, severity)` registers it in
`dinnet.audit.RULES`); a check only yields where and what (`Hit`),
`Rule.run` adds the code, severity and YAML location. The words below (and
the Dutch ones) stand in the glossary (`src/dinnet/glossary.py`, keys
`rule.CODE.title`, `.summary`, `.detail`, `.why`, `.fix`).

Messages and titles are Dutch by default and English with `--lang en` (or
`DINNET_LANG=en`); the codes and rule names stay the same in both.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def rules_markdown() -> str:
    """docs/rules.md: the intro, then a table per section of every rule, in English."""
    out = [_INTRO]
    for digit, title in SECTIONS.items():
        out += [f"## {title}", "",
                "| code | rule | title (Dutch) | severity | what | why it matters | how to fix |",
                "| --- | --- | --- | --- | --- | --- | --- |"]
        for r in RULES.values():
            if r.code[3] != digit:
                continue
            what = " ".join(filter(None, (r.text("summary", "en"), r.text("detail", "en"))))
            out.append(f"| {r.code} | `{r.name}` | {_cell(r.text('title', 'nl'))} | {r.severity} "
                       f"| {_cell(what)} | {_cell(r.text('why', 'en'))} "
                       f"| {_cell(r.text('fix', 'en'))} |")
        out.append("")
    return "\n".join(out)
