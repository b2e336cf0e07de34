"""The wheel, installed with its base dependencies only, works outside this repository.

The test builds the wheel (hatchling, no build isolation), makes a fresh
virtual environment without pip and installs the wheel into it with
``pip --python ... --no-index``. The dependencies come from a folder of
wheels packed from the distributions installed here (:func:`pack_installed`),
so the test needs no network, installs the versions the rest of the suite
runs against, and fails if the base install pulls in anything an extra should
bring (matplotlib, pandas, openpyxl).

Slow for a test (a virtual environment and an install): marked ``wheel``;
``make test`` runs it.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import importlib.metadata as md
import io
import json
import os
import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
EXTRAS_MODULES = ("matplotlib", "numpy", "pandas", "openpyxl", "rapidfuzz")

pytestmark = [pytest.mark.wheel, pytest.mark.graphviz]


def build_wheel(out: Path) -> Path:
    """The wheel of this checkout, built by hatchling in a subprocess (as pip would)."""
    code = "import sys; from hatchling.build import build_wheel; print(build_wheel(sys.argv[1]))"
    name = subprocess.run([sys.executable, "-c", code, str(out)], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return out / name


def _record_line(name: str, data: bytes) -> list[str]:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return [name, f"sha256={digest}", str(len(data))]


def pack_installed(dist: md.Distribution, out: Path) -> Path:
    """A wheel of an installed distribution: its files as RECORD lists them.

    Scripts (outside site-packages) and byte code are left out; pip writes
    them again. The file name carries the first tag of the ``WHEEL`` file.
    """
    files = [f for f in dist.files or () if not str(f).startswith("..")
             and "__pycache__" not in f.parts and f.name not in (
                 "RECORD", "INSTALLER", "REQUESTED", "direct_url.json")]
    info = next(f for f in dist.files or () if f.name == "RECORD").parent.as_posix()
    wheel_meta = (dist.read_text("WHEEL") or "")
    tag = re.search(r"^Tag: (\S+)", wheel_meta, re.M)
    assert tag, f"{dist.metadata['Name']}: no Tag in its WHEEL file"
    name = re.sub(r"[-_.]+", "_", dist.metadata["Name"])
    target = out / f"{name}-{dist.version}-{tag[1]}.whl"
    rows = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        for file in files:
            data = Path(str(file.locate())).read_bytes()
            archive.writestr(file.as_posix(), data)
            rows.append(_record_line(file.as_posix(), data))
        record = io.StringIO()
        csv.writer(record, lineterminator="\n").writerows([*rows, [f"{info}/RECORD", "", ""]])
        archive.writestr(f"{info}/RECORD", record.getvalue())
    return target


def base_requirements(wheel: Path) -> list[Requirement]:
    """The ``Requires-Dist`` of the wheel that hold without any extra."""
    with zipfile.ZipFile(wheel) as archive:
        meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        text = archive.read(meta).decode()
    reqs = [Requirement(line.split(":", 1)[1].strip()) for line in text.splitlines()
            if line.startswith("Requires-Dist:")]
    return [r for r in reqs if r.marker is None or r.marker.evaluate({"extra": ""})]


def wheelhouse(requirements: list[Requirement], out: Path) -> list[str]:
    """Pack every installed distribution the requirements need, recursively; their names."""
    todo, done = list(requirements), set()
    while todo:
        req = todo.pop()
        key = canonicalize_name(req.name)
        if key in done:
            continue
        done.add(key)
        dist = md.distribution(req.name)
        assert dist.version in req.specifier or not req.specifier, (req, dist.version)
        pack_installed(dist, out)
        todo.extend(r for r in map(Requirement, dist.requires or ())
                    if r.marker is None or r.marker.evaluate({"extra": ""}))
    return sorted(done)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A fresh virtual environment with the wheel and its base dependencies, and a folder outside."""
    tmp = tmp_path_factory.mktemp("wheel")
    dist = tmp / "dist"
    house = tmp / "wheelhouse"
    dist.mkdir()
    house.mkdir()
    wheel = build_wheel(dist)
    wheelhouse(base_requirements(wheel), house)
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    # no pip configuration or PIP_* variables of this machine: only our wheels
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    "--no-index", "--find-links", str(house), "--no-compile", str(wheel)],
                   check=True, env=env, capture_output=True, text=True)
    work = tmp / "elsewhere"
    work.mkdir()
    return {"wheel": wheel, "python": python, "bin": bindir, "work": work}


def run(installed: dict[str, Path], *args: str, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
    """Run a program of the virtual environment in the folder outside the repository."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PYTHONSAFEPATH"] = "1"
    env["DINNET_LANG"] = "en"  # the English words are pinned below (module fixtures run without conftest's)
    program = args[0] if args[0] != "python" else str(installed["python"])
    if program == "dinnet":
        program = str(installed["bin"] / "dinnet")
    result = subprocess.run([program, *args[1:]], cwd=installed["work"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode in ok, (args, result.returncode, result.stdout[-2000:],
                                     result.stderr[-2000:])
    return result


def test_the_wheel_carries_types_licence_schemas_and_data(installed: dict[str, Path]) -> None:
    with zipfile.ZipFile(installed["wheel"]) as archive:
        names = set(archive.namelist())
        meta = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "dinnet/py.typed" in names
    assert any(re.fullmatch(r"dinnet-[^/]+\.dist-info/licenses/LICENSE", n) for n in names)
    assert "dinnet/_data/contracts/contract.schema.json" in names
    assert "dinnet/_data/contracts/index.schema.json" in names
    assert "dinnet/_data/contracts/measurements.schema.json" in names
    assert "dinnet/__main__.py" in names
    assert "License-Expression: EUPL-1.2" in meta
    assert "Project-URL: Repository, https://github.com/dinnet/dinnet" in meta
    assert "Classifier: Typing :: Typed" in meta
    assert 'Provides-Extra: charts' in meta and 'Provides-Extra: all' in meta
    base = {canonicalize_name(r.name) for r in base_requirements(installed["wheel"])}
    # msgpack: the data-only format of the load cache (issue 22)
    assert base == {"networkx", "pydantic", "pyyaml", "graphviz", "click", "jinja2", "msgspec"}
    # the README on the package index: `pip install dinnet` first, links absolute
    description = meta.partition("\n\n")[2]
    assert description.index("pip install dinnet") < description.index("make demo")
    assert not re.findall(r"\]\((?!https?://|#)[^)]*\)", description)


def test_commands_work_from_the_wheel_outside_the_repository(installed: dict[str, Path]) -> None:
    validated = run(installed, "python", "-m", "dinnet", "validate")
    assert validated.stdout.startswith("ok: 7 programmes"), validated.stdout
    audited = run(installed, "dinnet", "audit", ok=(0, 1))
    assert re.search(r"\d+ findings?", audited.stdout), audited.stdout[-500:]
    run(installed, "dinnet", "render", "--programme", "zorg", "--format", "svg", "-o", "zorg.svg")
    svg = (installed["work"] / "zorg.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith(("<?xml", "<svg")) and "</svg>" in svg and "SD3" in svg
    schema = run(installed, "dinnet", "schema").stdout
    assert schema == (ROOT / "data" / "contracts" / "contract.schema.json").read_text(encoding="utf-8")
    assert json.loads(schema)["$id"] == (
        "https://github.com/dinnet/dinnet/raw/main/data/contracts/contract.schema.json")
    run(installed, "python", "-c", "import dinnet; dinnet.load()")


#: Run inside the fresh environment in one process (each process start costs a second or more).
INSIDE = """
import importlib.util, json, re, sys
from pathlib import Path
from click.testing import CliRunner
import dinnet
from dinnet.cli import main
from dinnet.io.loading import bundled_data_path

out = {"where": dinnet.__file__, "nodes": dinnet.load().number_of_nodes()}
out["extras"] = [m for m in sys.argv[1:] if importlib.util.find_spec(m)]
header = re.compile(r"# yaml-language-server: [$]schema=(\\S+)")
out["headers"] = [[str(p), header.match(p.read_text(encoding="utf-8")).group(1)]
                  for p in sorted(bundled_data_path().rglob("*.yaml"))]

def cli(*args):
    r = CliRunner().invoke(main, list(args))
    return {"code": r.exit_code, "out": r.stdout, "err": r.stderr,
            "crash": None if r.exception is None or isinstance(r.exception, SystemExit)
            else repr(r.exception)}

out["new_online"] = cli("new", "Groen", "-o", "groen.yaml")
out["schema_local"] = cli("schema", "-o", "contract.schema.json")
out["new_local"] = cli("new", "Blauw", "-o", "blauw.yaml")
out["validate_new"] = cli("validate", "groen.yaml", "blauw.yaml")
out["charts"] = cli("charts", "-o", "charts")
out["xlsx"] = cli("export-xlsx", "-o", "din.xlsx")
out["report"] = cli("report", "blauw.yaml", "-o", "report.html")
try:
    from dinnet.io.frames import nodes_frame
    nodes_frame(dinnet.load("blauw.yaml"))
except dinnet.DinnetError as exc:
    out["frames"] = str(exc)
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def inside(installed: dict[str, Path]) -> dict:
    return json.loads(run(installed, "python", "-c", INSIDE, *EXTRAS_MODULES).stdout)


def test_the_base_install_has_no_extras(inside: dict) -> None:
    assert inside["extras"] == []
    assert inside["nodes"] > 400
    assert str(ROOT) not in inside["where"] and "site-packages" in inside["where"]


def test_schema_headers_travel_with_the_wheel(installed: dict[str, Path], inside: dict) -> None:
    assert len(inside["headers"]) >= 8
    for path, target in inside["headers"]:
        assert (Path(path).parent / target).is_file(), (path, target)
    # `dinnet new` from the wheel: the stable address, or a local copy once there is one
    stable = json.loads((ROOT / "data" / "contracts" / "contract.schema.json").read_text())["$id"]
    assert inside["new_online"]["code"] == 0, inside["new_online"]
    assert "dinnet schema -o contract.schema.json" in inside["new_online"]["err"]
    first = (installed["work"] / "groen.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={stable}"
    assert inside["schema_local"]["code"] == inside["new_local"]["code"] == 0
    first = (installed["work"] / "blauw.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=contract.schema.json"
    assert inside["validate_new"]["out"].startswith("ok: 2 programmes"), inside["validate_new"]


def test_commands_that_need_an_extra_say_which(installed: dict[str, Path], inside: dict) -> None:
    for key, extra in (("charts", "charts"), ("xlsx", "xlsx")):
        result = inside[key]
        assert result["code"] == 1 and result["crash"] is None, result
        assert f'pip install "dinnet[{extra}]"' in result["err"], result
    assert 'pip install "dinnet[pandas]"' in inside["frames"]
    assert inside["report"]["code"] == 0, inside["report"]
    # the report draws its own sparklines: nothing to install, nothing missing
    assert "pip install" not in inside["report"]["err"]
    page = (installed["work"] / "report.html").read_text(encoding="utf-8")
    assert "</html>" in page
