"""The cache of drawings: the same bytes as drawing again, no dot run when kept, never wrong."""

from __future__ import annotations

import os
import stat
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import dinnet
from dinnet.cli import main
from dinnet.errors import GraphvizMissingError
from dinnet.render import render
from dinnet.render import run as run_module
from dinnet.render.drawings import MAGIC, SUBFOLDER, Drawings
from dinnet.report.figures import SCREEN, din_svg

TEXT = 'digraph g { a [label="Almeloërs"]; b [tooltip="B"]; a -> b }'


class _Runs:
    """Counts the dot runs (every run goes through ``run._run``)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = run_module._run

        def counted(*args: object, **kwargs: object) -> bytes:
            self.count += 1
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(run_module, "_run", counted)


def test_a_kept_drawing_is_the_same_bytes_without_a_dot_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _Runs(monkeypatch)
    plain = render(TEXT, "svg")
    cache = Drawings(tmp_path)
    first = render(TEXT, "svg", cache=cache)
    assert runs.count == 2 and len(cache.entries()) == 1
    again = render(iter([TEXT[:10], TEXT[10:]]), "svg", cache=cache)  # the text in pieces
    assert runs.count == 2  # from the cache
    assert plain == first == again
    assert b"<title>B</title>" in again  # made accessible as a fresh drawing is
    assert render(TEXT, "png", cache=cache)[:4] == b"\x89PNG"  # another format: drawn
    assert runs.count == 3
    render(TEXT.replace("Almeloërs", "Almeloers"), "svg", cache=cache)  # one letter: drawn
    assert runs.count == 4


@pytest.mark.parametrize("damage", ["truncate", "flip", "other key", "other drawing", "empty"])
def test_a_damaged_entry_is_drawn_again(tmp_path: Path, damage: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Drawings(tmp_path)
    good = render(TEXT, "svg", cache=cache)
    (entry,) = cache.entries()
    raw = entry.read_bytes()
    if damage == "truncate":
        entry.write_bytes(raw[:-20])
    elif damage == "flip":
        entry.write_bytes(raw[:-30] + bytes([raw[-30] ^ 1]) + raw[-29:])
    elif damage == "other key":
        other = Drawings(tmp_path).key("digraph { x }", "svg")
        assert other is not None
        entry.write_bytes(raw.replace(entry.parent.name.encode() + entry.stem.encode(),
                                      other.encode()))
    elif damage == "other drawing":  # whole and well packed, but not what was kept
        head = raw[:raw.index(b"\n", raw.index(b"\n", len(MAGIC)) + 1) + 1]
        entry.write_bytes(head + zlib.compress(good.replace(b"Almelo", b"Almere")))
    else:
        entry.write_bytes(b"")
    runs = _Runs(monkeypatch)
    assert render(TEXT, "svg", cache=cache) == good
    assert runs.count == 1


def test_the_key_holds_the_dot_that_drew(tmp_path: Path) -> None:
    """Another dot (version, plugins, fonts) never meets an old entry; no dot: no key."""
    fake = tmp_path / "dot-other"
    fake.write_text('#!/bin/sh\nif [ "$1" = "-V" ]; then echo "dot - graphviz version 99" >&2; '
                    'exit 0; fi\nexec dot "$@"\n', encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    ours, other = Drawings(tmp_path), Drawings(tmp_path, executable=str(fake))
    assert ours.key(TEXT, "svg") != other.key(TEXT, "svg") is not None
    assert ours.key(TEXT, "svg") != ours.key(TEXT, "png")
    missing = Drawings(tmp_path, executable=str(tmp_path / "no-dot-here"))
    assert missing.key(TEXT, "svg") is None
    with pytest.raises(GraphvizMissingError):
        render(TEXT, "svg", executable=missing.executable, cache=missing)
    assert missing.entries() == []


def test_prune_keeps_the_recently_used(tmp_path: Path) -> None:
    cache = Drawings(tmp_path)
    texts = [f"digraph {{ n{i} }}" for i in range(4)]
    for i, text in enumerate(texts):
        render(text, "svg", cache=cache)
        key = cache.key(text, "svg")
        assert key is not None
        os.utime(cache._path(key), (1000 + i, 1000 + i))  # oldest first
    assert cache.get(texts[0], "svg") is not None  # used now: kept longest
    size = cache.size()
    assert cache.prune(most=size - 1) == 1
    assert cache.get(texts[1], "svg") is None and cache.get(texts[0], "svg") is not None
    newest = cache._path(cache.key(texts[0], "svg") or "").stat().st_size
    assert cache.prune(most=newest) == 2
    assert cache.get(texts[0], "svg") is not None and len(cache.entries()) == 1


def test_a_split_din_drawn_again_takes_no_dot_run(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Zorg comes in parts (dozens of dot runs); from the cache the same SVG with none."""
    G = dinnet.load()
    runs = _Runs(monkeypatch)
    plain = din_svg(G, "zorg", screen=SCREEN)
    cold = runs.count
    cache = Drawings(tmp_path)
    first = din_svg(G, "zorg", screen=SCREEN, cache=cache)
    assert runs.count == 2 * cold and 'class="din-part"' in first
    again = din_svg(G, "zorg", screen=SCREEN, cache=cache)
    assert runs.count == 2 * cold
    assert plain == first == again


def test_the_report_command_keeps_drawings_in_the_cache_folder(tmp_path: Path) -> None:
    store = tmp_path / "store"
    runner = CliRunner()
    out = tmp_path / "r.html"
    args = ["report", "tests/assets/minimal.yaml", "-o", str(out), "--cache-dir", str(store)]
    assert runner.invoke(main, args).exit_code == 0
    drawn = Drawings(store).entries()
    assert drawn and all(p.is_relative_to(store / SUBFOLDER) for p in drawn)
    first = out.read_text(encoding="utf-8")
    assert runner.invoke(main, args).exit_code == 0
    assert out.read_text(encoding="utf-8") == first
    none = tmp_path / "none"
    assert runner.invoke(main, [*args[:-2], "--cache-dir", str(none), "--no-cache"]).exit_code == 0
    assert not (none / SUBFOLDER).exists()
    cleared = runner.invoke(main, ["cache", "clear", "--cache-dir", str(store), "--lang", "en"])
    assert cleared.exit_code == 0 and Drawings(store).entries() == []
    # the contract's entry and the findings of the report's audit (io/memo.py) too
    assert f"removed {len(drawn) + 2} files" in cleared.output
