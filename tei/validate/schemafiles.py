"""Reading a schema file (and every file it includes): only regular files, never too big, never blocking.

A schema path comes from the user (``--schema``) or from inside another
schema (``include``, ``externalRef``, ``xs:include``), so it may name a FIFO,
a device (``/dev/zero``) or a folder. Those are refused with a line that
says what they are, before anything is read: a FIFO would block the command
forever and a device would be read until memory runs out. The file is opened
without blocking and checked again on the open descriptor (the path cannot
be swapped for a FIFO in between), then read up to :data:`MAX_SCHEMA_BYTES`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tei.errors import InputError

__all__ = ["MAX_SCHEMA_BYTES", "describe_special", "read_schema_file"]

#: The largest schema file read (tei_all.rng is 1.1 MB).
MAX_SCHEMA_BYTES = 32 * 1024 * 1024


def describe_special(mode: int) -> str | None:
    """What a file that is not a regular file is ("a named pipe (FIFO)"…); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_schema_file(path: Path, *, what: str = "schema") -> bytes:
    """The bytes of a schema file; InputError (one line, exit 2) when it is missing, special or too big."""
    name = str(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError(f"no such {what} file; check the path", path=name) from None
    except OSError as exc:
        raise InputError(f"cannot read the {what}: {exc.strerror or exc}", path=name) from exc
    special = describe_special(mode)
    if special is not None:
        raise InputError(f"is {special}, not a {what} file; give the path of a regular file", path=name)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(f"cannot read the {what}: {exc.strerror or exc}", path=name) from exc
    with os.fdopen(descriptor, "rb") as handle:
        opened = os.fstat(handle.fileno())
        special = describe_special(opened.st_mode)
        if special is not None:
            raise InputError(f"is {special}, not a {what} file; give the path of a regular file", path=name)
        if opened.st_size > MAX_SCHEMA_BYTES:
            raise InputError(f"the {what} is over {MAX_SCHEMA_BYTES // (1024 * 1024)} MB; it is refused", path=name)
        data = handle.read(MAX_SCHEMA_BYTES + 1)
    if len(data) > MAX_SCHEMA_BYTES:
        raise InputError(f"the {what} is over {MAX_SCHEMA_BYTES // (1024 * 1024)} MB; it is refused", path=name)
    return data
