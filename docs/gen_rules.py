"""Regenerate docs/rules.md from the audit's rule registry and the glossary.

Run from anywhere:  .venv/bin/python docs/gen_rules.py
(``--check`` exits 1 when docs/rules.md is out of date, without writing.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from dinnet.audit.explain import rules_markdown
from dinnet.io.output import write_output

TARGET = Path(__file__).resolve().parent / "rules.md"


def main(argv: list[str]) -> int:
    text = rules_markdown()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run  .venv/bin/python docs/gen_rules.py")
            return 1
        return 0
    write_output(TARGET, text)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
