"""Writing results safely: nothing the user had is replaced unless they asked for it.

The rules (``docs/cli.md``, "Where results go"):

- a result goes to a temporary file in the target folder and is renamed into
  place, so a failing run leaves an earlier output untouched;
- an output that is a file the run reads (an input, its sidecar, ``--meta``,
  a register, a stylesheet, a schema) is refused before anything is written;
- an output path that is a symbolic link is refused (tei never writes
  through a link, nor replaces one); a character device (``/dev/null``) or a
  named pipe is written through, never renamed over; any other special file
  (a block device, a socket) is refused;
- a path the user named (``-o``, ``--report``) may replace a regular file
  there; a path tei chose (``-d``, ``tei batch``, ``tei demo``) replaces an
  existing file only when tei wrote it there itself (``.tei-outputs.json``
  in the folder, or a batch's state file, remembers what tei wrote), when it
  holds exactly the new bytes already, or with ``--force``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tei.errors import InputError, OutputError, UsageError
from tei.files import is_regular, read_regular

__all__ = [
    "OWNED_NAME",
    "Writer",
    "check_folder",
    "check_not_read",
    "check_target",
    "file_hashes",
    "install",
    "make_folder",
    "output_path",
    "plan_targets",
    "same_file",
    "write_atomic",
]

#: What tei wrote into a ``-d`` folder (name -> sha256), so that it replaces only its own earlier outputs.
OWNED_NAME = ".tei-outputs.json"
OWNED_FORMAT = 1


def _existing(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}", path=str(path)) from exc


def check_target(path: Path) -> os.stat_result | None:
    """What is at an output path now (None: nothing); OutputError for what tei never writes to.

    A symbolic link, a folder, a block device or a socket is refused; a
    character device or a named pipe is written through (:func:`write_atomic`).
    """
    status = _existing(path)
    if status is None:
        return None
    mode = status.st_mode
    if stat.S_ISLNK(mode):
        raise OutputError(
            "is a symbolic link; tei neither writes through nor replaces a link: name the file itself "
            "(to write to standard output, leave out -o)",
            path=str(path),
        )
    if stat.S_ISDIR(mode):
        raise OutputError("is a folder; give a file name with -o, or use -d for a folder", path=str(path))
    if not (stat.S_ISREG(mode) or stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        raise OutputError(
            "is a special file (a block device or a socket); tei writes only regular files, character devices "
            "such as /dev/null, and named pipes",
            path=str(path),
        )
    return status


def _through(status: os.stat_result | None) -> bool:
    return status is not None and (stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder (or through a device or pipe)."""
    status = check_target(path)
    if _through(status):
        _write_through(path, data)
        return
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("the folder for this output does not exist; create it first", path=str(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}", path=str(path)) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror}", path=str(path)) from exc
    install(Path(temporary), path)


def install(temporary: Path, path: Path) -> None:
    """Put a finished temporary file (in ``path``'s folder) in place by the rules of :func:`write_atomic`."""
    try:
        status = check_target(path)
        if _through(status):
            _write_through(path, temporary.read_bytes())
            temporary.unlink(missing_ok=True)
            return
        os.chmod(temporary, stat.S_IMODE(status.st_mode) if status is not None else 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", path=str(path)) from exc
    finally:
        temporary.unlink(missing_ok=True)


def _write_through(path: Path, data: bytes) -> None:
    """Write to a character device or a named pipe in place: renaming over it would destroy it."""
    try:
        descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", path=str(path)) from exc
    try:
        opened = os.fstat(descriptor)
        if not (stat.S_ISCHR(opened.st_mode) or stat.S_ISFIFO(opened.st_mode)):
            raise OutputError("changed while it was being opened; nothing written", path=str(path))
        view = memoryview(data)
        while view:
            written = os.write(descriptor, view)
            view = view[written:]
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", path=str(path)) from exc
    finally:
        os.close(descriptor)


def output_path(input_path: str, outdir: Path, suffix: str) -> Path:
    """Name an output after its input: ``note.txt`` -> ``OUTDIR/note.xml``."""
    name = "stdin" if input_path == "-" else Path(input_path).name
    stem = name[: -len(".meta.toml")] if name.endswith(".meta.toml") else Path(name).stem
    return outdir / f"{stem}{suffix}"


def same_file(first: Path | str, second: Path | str) -> bool:
    """True when both paths name one existing file (through links, hard links and ``..`` alike)."""
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False


def check_not_read(output: Path, reads: Iterable[Path | str], *, option: str = "output") -> None:
    """Refuse an output that is a file the run reads (input, sidecar, metadata, register, stylesheet, schema)."""
    for item in reads:
        if str(item) != "-" and same_file(output, item):
            which = "" if str(item) == str(output) else f" {item}"
            raise UsageError(f"{option} {output} is the same file as the input{which}; choose another output path")


def plan_targets(
    inputs: list[str],
    output: Path | None,
    outdir: Path | None,
    suffix: str,
    *,
    also_read: Sequence[Path | str] = (),
) -> list[Path | None]:
    """Where each input's result goes by the CLI contract (None: standard output).

    Checked before anything is written: -o and -d together, several inputs
    without -d, two inputs with the same output name, an output that is a
    file the run reads (an input or one of ``also_read``).
    """
    if output is not None and outdir is not None:
        raise UsageError("give either -o FILE or -d FOLDER, not both")
    if not inputs:
        raise UsageError("name at least one input file (or - for standard input)")
    if len(inputs) > 1 and outdir is None:
        raise UsageError("several inputs need -d FOLDER for their results")
    if outdir is not None:
        check_folder(outdir, option="-d")
        targets: list[Path | None] = [output_path(item, outdir, suffix) for item in inputs]
        names = [target for target in targets if target is not None]
        if len(set(names)) != len(names):
            raise UsageError("two inputs would give the same output name in -d; rename one of them")
    else:
        targets = [output]
    reads = [*inputs, *also_read]
    for target in targets:
        if target is not None:
            check_not_read(target, reads)
    return targets


def check_folder(folder: Path, *, option: str) -> None:
    """Refuse an output folder that is a file, or lies under one (``-d somefile/sub``), before anything is written."""
    for candidate in (folder, *folder.parents):
        if candidate.exists() or candidate.is_symlink():
            if not candidate.is_dir():
                what = "is a file, not a folder" if candidate == folder else f"lies under {candidate}, which is a file"
                raise UsageError(f"{option} {folder}: {what}")
            return


def make_folder(folder: Path, *, option: str) -> None:
    """Create an output folder (and its parents), with one-line errors."""
    check_folder(folder, option=option)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder: {exc.strerror}", path=str(folder)) from exc


def file_hashes(path: Path, algorithms: Sequence[str] = ("sha256",)) -> dict[str, str]:
    """Hex digests of a file by algorithm name, read once in 1 MiB blocks (OSError if unreadable).

    Only a regular file is read (a FIFO would block, a device never end): anything
    else raises OSError.
    """
    digests = {name: hashlib.new(name) for name in algorithms}
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(f"{path} is not a regular file")
        for block in iter(lambda: stream.read(1 << 20), b""):
            for digest in digests.values():
                digest.update(block)
    return {name: digest.hexdigest() for name, digest in digests.items()}


def _sha256(path: Path) -> str | None:
    try:
        return file_hashes(path)["sha256"]
    except OSError:
        return None


@dataclass
class Writer:
    """Writes the results of one command by the rules above and remembers, per folder, what it wrote.

    ``force`` lets a tei-chosen path replace a file tei did not write.
    Call :meth:`save` at the end so that the next run may replace these files.
    """

    force: bool = False
    _owned: dict[Path, dict[str, str]] = field(default_factory=dict)
    _written: dict[Path, dict[str, str]] = field(default_factory=dict)

    def owned(self, folder: Path) -> dict[str, str]:
        """What tei wrote into ``folder`` earlier (name -> sha256), from its ``.tei-outputs.json``."""
        key = folder.resolve()
        if key not in self._owned:
            self._owned[key] = _load_owned(folder)
        return self._owned[key]

    def check(self, target: Path, data: bytes) -> None:
        """Refuse (OutputError) to replace a file at a tei-chosen path that tei did not write."""
        if self.force or _existing(target) is None:
            return
        if not target.is_file() or target.is_symlink():
            return  # write_atomic refuses links and folders, and writes through devices
        if target.name in self.owned(target.parent):
            return
        found = _sha256(target)
        if found is None or found == hashlib.sha256(data).hexdigest():
            return
        raise OutputError(
            "a file is already there that tei did not write; it is not replaced: "
            "move it away, choose another output folder, or give --force to replace it",
            path=str(target),
        )

    def write(self, target: Path, data: bytes, *, named: bool = False) -> None:
        """Write one result; ``named``: the user named this path (``-o``), so a file there may be replaced."""
        if not named:
            self.check(target, data)
        write_atomic(target, data)
        if not named and target.is_file() and not target.is_symlink():
            key = target.parent.resolve()
            self._written.setdefault(key, {})[target.name] = hashlib.sha256(data).hexdigest()

    def save(self) -> None:
        """Add what this run wrote to each folder's ``.tei-outputs.json`` (merged with what another run added)."""
        for folder, written in self._written.items():
            owned = {**_load_owned(folder), **written}
            document = {"format": OWNED_FORMAT, "tool": "tei", "files": dict(sorted(owned.items()))}
            # When the record cannot be written the results still are; a later run then asks for --force.
            with contextlib.suppress(OutputError):
                write_atomic(folder / OWNED_NAME, (json.dumps(document, indent=1) + "\n").encode("utf-8"))
        self._written.clear()


def _load_owned(folder: Path) -> dict[str, str]:
    path = folder / OWNED_NAME
    if not is_regular(path) or path.is_symlink():
        return {}
    try:
        raw = json.loads(read_regular(path, limit=64 * 1024 * 1024).decode("utf-8"))
    except (InputError, ValueError):
        return {}
    files = raw.get("files") if isinstance(raw, dict) and raw.get("format") == OWNED_FORMAT else None
    if not isinstance(files, dict):
        return {}
    return {str(name): str(sha) for name, sha in files.items() if isinstance(sha, str)}
