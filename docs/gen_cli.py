"""Regenerate docs/cli.md from the command line itself.

Run from anywhere:  .venv/bin/python docs/gen_cli.py
(``--check`` exits 1 when docs/cli.md is out of date, without writing.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from dinnet.clidoc import cli_markdown
from dinnet.output import write_output

TARGET = Path(__file__).resolve().parent / "cli.md"


def main(argv: list[str]) -> int:
    text = cli_markdown()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run  python docs/gen_cli.py", file=sys.stderr)
            return 1
        return 0
    write_output(TARGET, text)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
