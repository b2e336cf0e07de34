"""The docs cannot drift: the CLI reference is generated, examples run, commands and links exist."""

from __future__ import annotations

import doctest
import importlib.util
import json
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
GUIDES = ["getting-started.md", "api.md", "own-municipality.md", "editors.md", "export.md", "ci.md",
          "xlsx.md", "measurements.md", "monitoring.md"]


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


def test_ci_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every dinnet line of docs/ci.md's GitHub and GitLab examples runs, on a contract folder."""
    import shlex
    import shutil

    import yaml
    from click.testing import CliRunner

    text = (DOCS / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    workflow, gitlab = yaml.safe_load(blocks[0]), yaml.safe_load(blocks[1])
    steps = [s["run"] for s in workflow["jobs"]["dinnet"]["steps"] if "run" in s]
    lines = [line for line in steps + gitlab["dinnet"]["script"] if line.startswith("dinnet ")]
    assert len(lines) >= 7
    shutil.copytree(ROOT / "data" / "contracts" / "almelo-2019", tmp_path / "contracts")
    monkeypatch.chdir(tmp_path)
    for line in lines:
        args = shlex.split(line)[1:]
        result = CliRunner().invoke(main, args)
        gate = "--fail-on" not in args and args[0] == "audit"  # the Almelo data has errors
        assert result.exit_code == (1 if gate else 0), (line, result.output[-300:])
    assert json.loads((tmp_path / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert (tmp_path / "dinnet.sarif").read_text(encoding="utf-8").startswith("{")
    assert "<testsuites" in (tmp_path / "dinnet-junit.xml").read_text(encoding="utf-8")
