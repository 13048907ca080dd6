"""The toolkit's error types, each carrying the exit status the CLI returns.

Leaf module. Exceptions mean "could not do the job"; invalid documents are
reported as diagnostics, not raised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


class TeiError(Exception):
    """Base of every error the toolkit raises on purpose; ``exit_status`` for the CLI."""

    exit_status = 1

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        return f"{where}{self.message}"


class InputError(TeiError):
    """An input could not be read or decoded, or was used wrongly (exit 2)."""

    exit_status = 2


class UsageError(TeiError):
    """The command was used wrongly: conflicting options, missing -d (exit 2)."""

    exit_status = 2


class OutputError(TeiError):
    """A result could not be written; nothing the user had was changed (exit 2)."""

    exit_status = 2


class ProcessingError(TeiError):
    """A document failed in the pipeline for a reason of its own (exit 1)."""

    exit_status = 1


def read_error(exc: OSError, path: str, *, folder: str = "is a folder; name the files in it") -> InputError:
    """The one-line InputError for a file that could not be read, by what the system said.

    ``folder`` is the message for a folder given where a file was expected
    (each command says what to do instead).
    """
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file; check the path", path=path)
    if isinstance(exc, IsADirectoryError):
        return InputError(folder, path=path)
    if isinstance(exc, PermissionError):
        return InputError("permission denied: the file cannot be read", path=path)
    return InputError(f"cannot read: {exc.strerror or exc}", path=path)


def each(
    items: Iterable[T],
    work: Callable[[T], None],
    tell: Callable[[TeiError], None],
    *,
    name: Callable[[T], str] = str,
) -> int:
    """Do ``work`` on every item; a TeiError is told (one line) and the next item goes on.

    The one way a command reports a failing file and carries on (encode,
    convert, validate): an error without a file gets the item's ``name``.
    Returns the worst exit status (0 when every item went through).
    """
    status = 0
    for item in items:
        try:
            work(item)
        except TeiError as exc:
            if not exc.path:
                exc.path = name(item)
            tell(exc)
            status = max(status, exc.exit_status)
    return status
