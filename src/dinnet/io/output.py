"""Writing output files safely: atomically, never over an input file.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_output(d / "sub" / "out.txt", "hallo")
>>> (d / "sub" / "out.txt").read_text()
'hallo'
>>> write_output(f"{d}/new/", "hallo")  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
dinnet.errors.OutputError: .../new/: ends with '/', so it names a folder;
give a file name (such as .../new/out.txt)
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError
from ..glossary import Message, message

__all__ = ["check_folder", "check_output", "write_output"]


def write_output(path: str | Path, data: str | bytes, *, protect: Iterable[str | Path] = (),
                 replace_yaml: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; ``-`` means standard output.

    The folder is created when missing. A path in ``protect`` (the input
    files) or any ``.yaml`` file that holds a contract is refused, so an output
    can never overwrite a contract; ``replace_yaml=True`` (``--force`` of
    ``dinnet import-xlsx``) lifts the second rule. A symbolic link, a device
    or anything else that is not a regular file is never replaced, and a
    path ending in ``/`` names a folder, not a file. Every failure (a full
    disk, no permission) is one :class:`~dinnet.errors.OutputError` naming
    the path; no partial or temporary file stays behind.
    """
    if str(path) == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
        return
    target = check_output(path, protect=protect, replace_yaml=replace_yaml)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError.of(message("error.cannot_write_here", path=target,
                                     reason=_reason(exc))) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _file_mode(target))  # mkstemp makes 0600; give the usual mode
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError.of(message("error.cannot_write", path=target,
                                     reason=_reason(exc))) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def check_output(path: str | Path, *, protect: Iterable[str | Path] = (),
                 replace_yaml: bool = False) -> Path:
    """Refuse ``path`` as :func:`write_output` would, without writing anything.

    A command that writes several files checks them all first, so that one
    refused file leaves nothing half written.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> check_output(d / "out.txt") == d / "out.txt"
    True
    >>> check_output(d)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    dinnet.errors.OutputError: ...: is a folder...
    """
    if str(path).endswith(("/", os.sep)):
        raise OutputError.of(message("error.slash", path=path,
                                     example=f"{path}out{Path(str(path)).suffix or '.txt'}"))
    target = Path(path)
    resolved = target.resolve()
    for item in protect:
        if Path(item).resolve() == resolved:
            raise OutputError.of(message("error.input_file", path=target))
    if target.suffix in (".yaml", ".yml") and target.exists() and not replace_yaml:
        raise OutputError.of(message("error.yaml_file", path=target))
    if target.is_symlink():
        raise OutputError.of(message("error.symlink", path=target))
    if target.is_dir():
        raise OutputError.of(message("error.is_folder", path=target))
    if target.exists() and not target.is_file():
        raise OutputError.of(message("error.not_regular", path=target))
    return target


def check_folder(folder: str | Path) -> Path:
    """Refuse ``folder`` for a command that writes several files into it.

    ``-`` is standard output, not a folder, and an existing file is not one either.

    >>> check_folder("-")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    dinnet.errors.OutputError: -: a folder is needed here (several files), not standard output...
    """
    if str(folder) == "-":
        raise OutputError.of(message("error.dash_folder"))
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise OutputError.of(message("error.not_a_folder", path=out))
    return out


def _reason(exc: OSError) -> Message | str:
    if exc.errno == errno.ENOSPC:
        return message("error.disk_full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return message("error.not_allowed", reason=exc.strerror)
    return exc.strerror or str(exc)


def _file_mode(target: Path) -> int:
    """The mode of the file being replaced, or 0666 minus the umask for a new one."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
