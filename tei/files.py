"""Reading the files a user names: regular files only, never more than a size limit.

Why one module: a FIFO named as an input hangs a reader that waits for a
writer, and ``/dev/zero`` or ``/dev/urandom`` never end; a size check made
with ``stat`` means nothing for them. Every file the toolkit reads (inputs,
sidecars, registers, schemas, stylesheets' inputs, bag files) is read here:
it must be a regular file (symbolic links to one are fine) or standard input
(``-``), and no more than ``limit`` bytes are ever read, whatever ``stat``
said. Leaf module: imports only :mod:`tei.errors`.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from tei.errors import InputError, UsageError, read_error

__all__ = [
    "HUGE_MAX_BYTES",
    "MAX_BYTES",
    "MAX_SIDECAR_BYTES",
    "file_kind",
    "is_regular",
    "read_regular",
    "read_stdin",
    "size_text",
]

#: Largest input read without ``--huge`` (text or XML): 50 MiB, far above any real document.
MAX_BYTES = 50 * 1024 * 1024
#: The largest input even with ``--huge`` (4 GiB is beyond what the toolkit holds sensibly in memory).
HUGE_MAX_BYTES = 4 * 1024 * 1024 * 1024
#: Largest metadata sidecar (a TOML file of a few short strings).
MAX_SIDECAR_BYTES = 1024 * 1024

HINT_HUGE = "if the file is trusted, use --huge to lift the limit"

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words (for messages)."""
    for test, words in _KINDS:
        if test(mode):
            return words
    return "a special file"


def size_text(count: int) -> str:
    """``52428800`` -> ``50 MB``; small sizes in bytes."""
    return f"{count / (1024 * 1024):.0f} MB" if count >= 1024 * 1024 else f"{count} bytes"


def is_regular(path: str | Path) -> bool:
    """True for a regular file or a symbolic link to one (never raises)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _not_regular(name: str, mode: int) -> InputError:
    return InputError(
        f"is {file_kind(mode)}, not a regular file; tei reads only regular files (or - for standard input)",
        path=name,
    )


def too_big(name: str, size: int | None, limit: int, *, what: str = "", hint: str | None = HINT_HUGE) -> InputError:
    """The one-line error for a file over a size limit (``size`` None: only known to be over it)."""
    amount = f"is {size_text(size)}, over" if size is not None else "is over"
    kind = f" for {what}" if what else ""
    advice = f"; {hint}" if hint else ""
    return InputError(f"the file {amount} the limit of {size_text(limit)}{kind}{advice}", path=name)


def read_regular(
    path: str | Path,
    *,
    limit: int = MAX_BYTES,
    what: str = "",
    hint: str | None = HINT_HUGE,
    folder: str = "is a folder; name the files in it",
) -> bytes:
    """The bytes of a regular file, refused (InputError, exit 2) when it is special, unreadable or over ``limit``.

    The file is opened without blocking and checked again on the open
    descriptor, so a FIFO swapped in after the first check cannot hang the
    read, and at most ``limit + 1`` bytes are read even if the file grows.
    """
    name = str(path)
    try:
        status = os.stat(path)
    except OSError as exc:
        raise read_error(exc, name, folder=folder) from exc
    except ValueError as exc:  # a NUL byte in the name
        raise InputError("the file name holds a NUL byte", path=name.replace("\x00", "\\0")) from exc
    if stat.S_ISDIR(status.st_mode):
        raise InputError(folder, path=name)
    if not stat.S_ISREG(status.st_mode):
        raise _not_regular(name, status.st_mode)
    if status.st_size > limit:
        raise too_big(name, status.st_size, limit, what=what, hint=hint)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise read_error(exc, name, folder=folder) from exc
    try:
        opened = os.fstat(descriptor)
        if not stat.S_ISREG(opened.st_mode):
            raise _not_regular(name, opened.st_mode)
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as exc:
        raise read_error(exc, name, folder=folder) from exc
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise too_big(name, None, limit, what=what, hint=hint)
    return data


def read_stdin(*, limit: int = MAX_BYTES, what: str = "", hint: str | None = HINT_HUGE) -> bytes:
    """Standard input's bytes, no more than ``limit``; a closed standard input is a usage error."""
    stream = sys.stdin
    if stream is None or getattr(stream, "closed", False):
        raise UsageError("standard input is closed; give a file name instead of -")
    try:
        data = stream.buffer.read(limit + 1)
    except (OSError, ValueError) as exc:
        raise UsageError(f"standard input cannot be read ({exc}); give a file name instead of -") from exc
    if len(data) > limit:
        kind = f" for {what}" if what else ""
        raise InputError(
            f"standard input is over the limit of {size_text(limit)}{kind}" + (f"; {hint}" if hint else ""),
            path="<stdin>",
        )
    return data
