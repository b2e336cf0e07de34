"""The docs cannot drift: the CLI reference is generated, examples run, commands and links exist."""

from __future__ import annotations

import doctest
import importlib.util
import re
from pathlib import Path

import pytest

from dinnet.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _gen_cli():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_cli", DOCS / "gen_cli.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cli_markdown = _gen_cli().cli_markdown
GUIDES = ["getting-started.md", "api.md", "own-municipality.md", "editors.md", "export.md",
          "xlsx.md"]


def test_cli_reference_is_generated_from_the_cli() -> None:
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == cli_markdown(), (
        "docs/cli.md is out of date: run  .venv/bin/python docs/gen_cli.py")


def test_api_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(DOCS / "api.md"), module_relative=False, verbose=False,
                              optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 20


@pytest.mark.parametrize("name", GUIDES)
def test_guides_name_real_commands_and_files(name: str) -> None:
    text = (DOCS / name).read_text(encoding="utf-8")
    code = "\n".join(re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.S)
                     + re.findall(r"`([^`\n]+)`", text))
    commands = re.findall(r"(?:^|[\s/(])dinnet ([a-z][a-z-]+)", code, flags=re.M)
    assert name == "api.md" or commands, name
    for command in commands:
        assert command in main.commands, f"{name}: dinnet {command}"
    for target in re.findall(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)", text):
        assert (DOCS / target).is_file(), f"{name}: link to {target}"


def test_rules_reference_is_generated_from_the_rule_registry() -> None:
    from dinnet.audit.explain import rules_markdown

    assert (DOCS / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is out of date: run  .venv/bin/python docs/gen_rules.py")
