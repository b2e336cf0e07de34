"""Package metadata and the README as a package index shows it (fast; the wheel itself: test_wheel)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from click.testing import CliRunner

from dinnet._optional import EXTRAS
from dinnet.cli import main
from dinnet.contract.schema import REPOSITORY

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_licence_is_eupl_in_metadata_file_and_readme() -> None:
    assert PYPROJECT["license"] == "EUPL-1.2"
    assert PYPROJECT["license-files"] == ["LICENSE"]
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in licence
    assert "‘Compatible Licences’ according to Article 5 EUPL are:" in licence
    for text in (licence, README):
        assert "public council documents" in " ".join(text.split())
    assert "MIT" not in README


def test_urls_name_one_repository() -> None:
    urls = PYPROJECT["urls"]
    assert urls["Repository"] == REPOSITORY
    assert all(url.startswith(REPOSITORY) for url in urls.values())
    others = {u for u in re.findall(r"https://github\.com/[^/\s)]+/[^/\s)]+", README)} - {REPOSITORY}
    assert others == set(), "the README names another repository"


def test_readme_links_are_absolute_and_point_at_files_here() -> None:
    links = re.findall(r"\]\(([^)\s]+)\)", README)
    assert links
    for link in links:
        assert link.startswith(("https://", "#")), f"relative link {link} breaks on a package index"
        prefix = re.match(rf"{re.escape(REPOSITORY)}/(?:blob|raw|tree)/main/(.+)", link)
        if prefix:
            assert (ROOT / prefix[1]).exists(), link
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert images and all(i.startswith(f"{REPOSITORY}/raw/main/") for i in images)


def test_readme_installs_with_pip_first_and_keeps_the_make_commands() -> None:
    assert README.index("pip install dinnet") < README.index("make demo") < README.index("make test")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    for system in ("winget install graphviz", "choco install graphviz", "brew install graphviz",
                   "apt-get install graphviz", "conda install -c conda-forge graphviz"):
        assert system in README, system


def test_extras_are_declared_and_named_in_the_readme() -> None:
    extras = PYPROJECT["optional-dependencies"]
    for name, module in EXTRAS.items():
        assert any(dep.startswith(module) for dep in extras[name]), name
        assert f'pip install "dinnet[{name}]"' in README
    assert extras["all"] == ["dinnet[charts,xlsx,pandas,pdf]"]
    assert "dinnet[all]" in extras["dev"]
    base = " ".join(PYPROJECT["dependencies"])
    assert not any(m in base for m in ("matplotlib", "openpyxl", "pandas", "rapidfuzz"))


def test_python_dash_m_dinnet_is_the_cli() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "dinnet", "--version"], capture_output=True,
                            text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("dinnet, version ")
    invoked = CliRunner().invoke(main, ["--version"], prog_name="dinnet")
    assert invoked.exit_code == 0, invoked.output
    assert invoked.output == result.stdout


def test_help_texts_point_at_addresses_not_files_a_pip_user_lacks() -> None:
    for name in main.commands:
        result = CliRunner().invoke(main, [name, "--help"], terminal_width=200)
        assert result.exit_code == 0 and "--help" in result.output, (name, result.output)
        text = result.output
        for path in re.findall(r"(?<![/\w])docs/[\w-]+\.md", text):
            raise AssertionError(f"dinnet {name} --help names {path}; give {REPOSITORY}/blob/main/{path}")
