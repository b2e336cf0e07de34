"""The forked children that share a job's items (:func:`dinnet._forking.run_forked`): every
result once, whatever happens to a child; no child left behind."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from dinnet import _forking
from dinnet._forking import run_forked

pytestmark = pytest.mark.skipif(not (hasattr(os, "fork") and sys.platform in ("linux", "darwin")),
                                reason="needs fork")

PARENT = os.getpid()


def _made(i: int, pid: int | None = None) -> bytes:
    """Item ``i``'s result: the process that made it (this one, or ``pid``), and some bytes
    (none, a few, more than a pipe holds at once: up to 1.3 of its :data:`~dinnet._forking.PIPE_SIZE`)."""
    return b"%d:%d;" % (i, pid or os.getpid()) + bytes([i % 251]) * (i % 5 * _forking.PIPE_SIZE // 3)


def _by(result: bytes | bytearray) -> int:
    """The process that made a result of :func:`_made`."""
    return int(bytes(result[:result.index(b";")]).split(b":")[1])


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The children forked during the test, checked at its end to be gone (not even zombies)."""
    pids: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    yield pids
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pipe sizes are set on Linux only")
def test_a_child_writes_results_ahead_of_the_parent() -> None:
    """A child's pipe holds :data:`~dinnet._forking.PIPE_SIZE` bytes: it writes a few
    contracts' parts (100 KB each) and goes on before the parent reads any (a pipe of the
    system's default, 64 KiB, would hold it up)."""
    pid, pipe = _forking.fork_child(lambda out: os.write(out, b"x" * (_forking.PIPE_SIZE * 3 // 4)))
    try:
        deadline = time.monotonic() + 10
        while (status := os.waitpid(pid, os.WNOHANG)) == (0, 0):
            assert time.monotonic() < deadline, "the child waits for the parent to read"
            time.sleep(0.01)
        assert os.waitstatus_to_exitcode(status[1]) == 0
        assert len(os.read(pipe, _forking.PIPE_SIZE)) == _forking.PIPE_SIZE * 3 // 4
    finally:
        os.close(pipe)
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def _all(work: Callable[[int], bytes], count: int, children: int
         ) -> list[tuple[int, bytes | bytearray]]:
    return list(run_forked(work, list(range(count)), children))


def test_every_result_once_made_by_the_children(forked: list[int]) -> None:
    got = _all(_made, 40, 2)
    assert sorted(i for i, _ in got) == list(range(40))
    assert all(bytes(result) == _made(i, _by(result)) for i, result in got)
    assert {_by(result) for _, result in got} == set(forked) and len(forked) == 2


def test_one_child_delivers_in_the_order_of_the_items(forked: list[int]) -> None:
    assert [i for i, _ in _all(_made, 12, 1)] == list(range(12))
    assert sorted(i for i, _ in _all(_made, 3, 5)) == [0, 1, 2]
    assert len(forked) == 1 + 3  # at most one child per item


def test_what_a_killed_child_owed_is_made_here(forked: list[int]) -> None:
    def work(i: int) -> bytes:
        if i == 7 and os.getpid() != PARENT:
            os.kill(os.getpid(), signal.SIGKILL)
        return _made(i)

    got = dict(_all(work, 30, 2))
    assert sorted(got) == list(range(30))
    assert _by(got[7]) == PARENT  # and what the dead child held besides, at most one more
    assert 1 <= sum(_by(result) == PARENT for result in got.values()) <= _forking.AHEAD
    assert {_by(result) for result in got.values()} == {PARENT, *forked}


def test_everything_is_made_here_when_every_child_fails(forked: list[int]) -> None:
    def work(i: int) -> bytes:
        if os.getpid() != PARENT:
            os._exit(3)
        return _made(i)

    got = dict(_all(work, 9, 2))
    assert sorted(got) == list(range(9)) and {_by(r) for r in got.values()} == {PARENT}


def test_a_child_that_sends_what_it_does_not_owe_is_stopped(forked: list[int],
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    real_send = _forking.send

    def send(fd: int, head: bytes, result: bytes) -> None:  # runs in the children
        i, length = _forking._FRAME.unpack(head)
        real_send(fd, _forking._FRAME.pack(i + 1 if i == 4 else i, length), result)

    monkeypatch.setattr(_forking, "send", send)
    got = dict(_all(_made, 20, 2))
    assert sorted(got) == list(range(20)) and _by(got[4]) == PARENT


def test_a_bug_in_work_raises_here(forked: list[int]) -> None:
    def work(i: int) -> bytes:
        if i == 5:
            raise ZeroDivisionError("a bug")
        return _made(i)

    with pytest.raises(ZeroDivisionError, match="a bug") as caught:
        _all(work, 20, 2)
    assert caught.traceback[-1].name == "work"  # where it happened, in this process
    assert len(forked) == 2


def test_stopping_early_stops_the_children(forked: list[int]) -> None:
    results = run_forked(_made, list(range(50)), 2)
    first = next(results)
    assert len(forked) == 2 and _by(first[1]) in forked
    results.close()  # (the fixture checks that they are gone)


def test_stopping_early_does_not_wait_for_busy_children(forked: list[int]) -> None:
    def work(i: int) -> bytes:
        if i > 0:
            time.sleep(60)  # a child busy for long
        return _made(i)

    results = run_forked(work, list(range(6)), 2)
    assert next(results)[0] == 0
    started = time.monotonic()
    results.close()  # killed, not waited for until they end
    assert time.monotonic() - started < 10


def test_children_leave_ctrl_c_to_the_parent(forked: list[int]) -> None:
    def work(i: int) -> bytes:
        if os.getpid() != PARENT:
            os.kill(os.getpid(), signal.SIGINT)
        return _made(i)

    got = _all(work, 6, 2)
    assert {_by(result) for _, result in got} == set(forked)


def test_without_a_child_everything_is_made_here(forked: list[int],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def fork() -> int:
        raise OSError("no more processes")

    monkeypatch.setattr(os, "fork", fork)
    got = _all(_made, 5, 2)
    assert [i for i, _ in got] == list(range(5)) and {_by(r) for _, r in got} == {PARENT}


def test_then_runs_after_the_last_item_and_the_parent_goes_on(forked: list[int],
                                                              tmp_path: Path) -> None:
    """``then`` runs in each child once it delivered its items; with ``left`` the results
    are all here while the children still run it (here: wait for a byte), and
    :func:`wait_for` waits for them."""
    release_read, release_write = os.pipe()
    made: list[int] = []  # in each child: the items it made

    def work(i: int) -> bytes:
        made.append(i)
        return _made(i)

    def then() -> None:
        os.read(release_read, 1)  # until the test lets it go on
        (tmp_path / str(os.getpid())).write_text(" ".join(map(str, made)))

    left: list[int] = []
    got = dict(run_forked(work, list(range(12)), 2, then=then, left=left))
    assert sorted(got) == list(range(12)) and sorted(left) == sorted(forked)
    assert all(os.waitpid(pid, os.WNOHANG) == (0, 0) for pid in left)  # still at work
    os.write(release_write, b"go")
    _forking.wait_for(left)
    assert left == [] and not made  # (this process made none)
    by_child = {int(f.name): sorted(map(int, f.read_text().split())) for f in tmp_path.iterdir()}
    assert by_child == {pid: sorted(i for i, r in got.items() if _by(r) == pid) for pid in forked}
    os.close(release_read)
    os.close(release_write)


def test_then_runs_here_for_the_items_made_here(forked: list[int]) -> None:
    called: list[int] = []

    def work(i: int) -> bytes:
        if os.getpid() != PARENT:
            os._exit(3)
        return _made(i)

    left: list[int] = []
    got = run_forked(work, list(range(5)), 2, then=lambda: called.append(os.getpid()), left=left)
    assert sorted(i for i, _ in got) == list(range(5)) and called == [PARENT] and left == []
