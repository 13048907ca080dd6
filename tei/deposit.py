"""Archival deposit: a BagIt 1.0 package of TEI files, their derivatives and a validation report.

``tei deposit SRC... --bag DIR`` runs the corpus pipeline (:mod:`tei.batch`)
into a temporary folder next to DIR, with the payload laid out by format::

    data/tei/<name>.xml    the TEI (encoded from .txt/.md inputs; .xml inputs as given)
    data/html/<name>.html  the HTML reading edition
    data/text/<name>.txt   the plain reading text
    data/validation-report.json
    data/README.txt        for the archivist

then makes it a bag with the Library of Congress ``bagit`` library (sha256
and sha512 manifests and tag manifests), writes ``bagit.txt`` for BagIt 1.0,
and renames the folder into place. ``bag-info.txt`` is filled from the TEI
headers. With ``SOURCE_DATE_EPOCH`` set the bag is byte-for-byte
reproducible (the bagging date comes from it; every file is written in a
fixed order). A document that does not validate is refused unless
``allow_invalid`` (which ``bag-info.txt`` and the README record).

:func:`verify_bag` re-checks a bag's fixity and names every missing, extra
or altered file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tei import __version__
from tei.batch.pipeline import BatchOptions, Record
from tei.batch.run import run_batch
from tei.encode import EncodeOptions
from tei.errors import InputError, OutputError, ProcessingError, UsageError
from tei.outputs import check_folder, file_hashes
from tei.safexml import XmlOptions

__all__ = ["DepositOptions", "DepositResult", "make_deposit", "verify_bag"]

#: The checksum algorithms of every deposit's manifests.
ALGORITHMS = ("sha256", "sha512")
#: The formats in a deposit's payload, each in its own folder.
FORMATS = ("tei", "html", "text")
REPORT_NAME = "validation-report.json"
README_NAME = "README.txt"
#: How many titles bag-info.txt lists before "and N more".
MAX_TITLES = 10


@dataclass(frozen=True)
class DepositOptions:
    """How to deposit: the bagging date (YYYY-MM-DD), whether invalid documents may go in, encoding options."""

    bagging_date: str
    allow_invalid: bool = False
    encode: EncodeOptions = field(default_factory=EncodeOptions)
    jobs: int = 1
    #: Lift the size limits for trusted inputs (``--huge``): text and XML over 50 MB, deep XML.
    huge: bool = False


@dataclass(frozen=True)
class DepositResult:
    """What went into the bag."""

    bag: Path
    documents: int
    invalid: tuple[str, ...]
    payload_files: int


@dataclass(frozen=True)
class _Doc:
    source: str
    tei: str
    valid: bool
    diagnostics: tuple[dict[str, Any], ...]


def _check_target(bag: Path, sources: Sequence[str]) -> None:
    target = bag.resolve()
    for source in sources:
        folder = Path(source).resolve()
        if Path(source).is_dir() and (target == folder or target.is_relative_to(folder)):
            raise UsageError(
                f"--bag {bag} is inside the source folder {source}; the next deposit would take the bag in as "
                "documents: put the bag outside the sources"
            )
    if bag.is_symlink():
        raise UsageError(f"--bag {bag}: is a symbolic link; name a new folder for the bag")
    check_folder(bag, option="--bag")
    if bag.exists() and any(bag.iterdir()):
        raise UsageError(f"--bag {bag}: the folder is not empty; name a new or empty folder (nothing overwritten)")


#: Characters a payload name may not hold: BagIt 1.0 asks for ``%``, CR and LF to be percent-encoded in
#: manifests, which bagit.py does not do for ``%`` (its own check then fails), and no tool reads control
#: characters in a manifest line the same way.
_UNSAFE_NAME = re.compile(r"[%\x00-\x1f\x7f]")


def _refusal(record: Record, allow_invalid: bool) -> str | None:
    """Why this document cannot go into the bag, or None."""
    bad = _UNSAFE_NAME.search(record.rel)
    if bad:
        shown = repr(bad.group())[1:-1]
        return (
            f"{record.input!r}: the name holds {shown!r}, which a BagIt manifest cannot record unambiguously; "
            "rename the file; nothing deposited"
        )
    if record.error:
        return f"{record.input}: {record.error}; nothing deposited"
    if not record.outputs:
        first = record.diagnostics[0] if record.diagnostics else None
        reason = f"line {first.line}: {first.message} [{first.rule}]" if first else "it could not be processed"
        return f"{record.input}: cannot be deposited: {reason}; nothing deposited"
    errors = [d for d in record.diagnostics if d.severity == "error"]
    if errors and not allow_invalid:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return (
            f"{record.input}: does not validate: line {first.line}: {first.message} [{first.rule}]{more}; "
            "nothing deposited (fix it, or deposit it anyway with --allow-invalid)"
        )
    return None


def _header_facts(payload: Path, docs: Sequence[_Doc]) -> tuple[list[str], list[str]]:
    """Titles (one per document, in order) and the distinct publishers of the TEI headers."""
    from tei import safexml
    from tei.ns import xpath_strings

    titles: list[str] = []
    publishers: set[str] = set()
    for doc in docs:
        try:
            root = safexml.fromstring((payload / doc.tei).read_bytes(), doc.tei)
        except Exception:  # an invalid document deposited with --allow-invalid may lack a header
            continue
        title = xpath_strings(root, "/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1]")
        if title and " ".join(title[0].split()):
            titles.append(" ".join(title[0].split()))
        for name in xpath_strings(root, "/tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:publisher"):
            if " ".join(name.split()):
                publishers.add(" ".join(name.split()))
    return titles, sorted(publishers)


def _readme(docs: Sequence[_Doc], options: DepositOptions) -> str:
    invalid = [doc for doc in docs if not doc.valid]
    lines = [
        f"Deposit made with tei {__version__} on {options.bagging_date}",
        "",
        f"This BagIt 1.0 bag holds {len(docs)} TEI P5 document(s) with their derivatives:",
        "",
        "  data/tei/    the TEI-XML files (the archival master copies)",
        "  data/html/   an HTML reading edition of each, derived from the TEI by XSLT",
        "  data/text/   a plain reading text of each, derived from the TEI by XSLT",
        f"  data/{REPORT_NAME}   every document's validation against the toolkit's",
        "               TEI customisation (XSD and Schematron rules), with each problem found",
        "",
        "A file keeps the relative name of its source: data/tei/a/b.xml, data/html/a/b.html",
        "and data/text/a/b.txt all come from a/b.txt (or a/b.md, a/b.xml).",
        "",
        "Fixity: manifest-sha256.txt and manifest-sha512.txt list every payload file;",
        "tagmanifest-*.txt cover bag-info.txt, bagit.txt and the manifests. Check them with",
        "  python -m bagit --validate BAG",
        "or",
        "  tei deposit --verify BAG",
        "where BAG is this bag's folder.",
        "",
    ]
    if invalid:
        lines += [
            f"WARNING: {len(invalid)} document(s) did not validate and were deposited on purpose",
            "(tei deposit --allow-invalid); their problems are in the validation report:",
            *(f"  data/{doc.tei}" for doc in invalid),
            "",
        ]
    else:
        lines += ["Every document validated without errors.", ""]
    return "\n".join(lines)


def _bag_info(docs: Sequence[_Doc], payload: Path, options: DepositOptions) -> dict[str, Any]:
    import bagit

    titles, publishers = _header_facts(payload, docs)
    shown = "; ".join(titles[:MAX_TITLES])
    if len(titles) > MAX_TITLES:
        shown += f"; and {len(titles) - MAX_TITLES} more"
    invalid = sum(1 for doc in docs if not doc.valid)
    description = (
        f"{len(docs)} TEI P5 document(s) with HTML and plain-text derivatives and a validation report"
        + (f": {shown}" if shown else "")
    )
    info: dict[str, Any] = {
        "External-Description": description,
        "Bagging-Date": options.bagging_date,
        "Bag-Software-Agent": f"tei {__version__} (bagit.py {bagit.VERSION})",
        "TEI-Document-Count": str(len(docs)),
        "TEI-Derivative-Count": str(len(docs) * (len(FORMATS) - 1)),
        "TEI-Invalid-Count": str(invalid),
        "TEI-Allow-Invalid": "yes" if options.allow_invalid else "no",
        "TEI-Validation": (
            f"{invalid} of {len(docs)} document(s) do not validate; deposited with --allow-invalid"
            if invalid
            else f"all {len(docs)} document(s) validate against the toolkit's TEI customisation"
        ),
    }
    if publishers:
        info["Source-Organization"] = publishers if len(publishers) > 1 else publishers[0]
    return info


def _finish_bag(folder: Path) -> None:
    """BagIt 1.0 in bagit.txt (bagit.py writes 0.97) and tag manifests in a fixed order."""
    (folder / "bagit.txt").write_bytes(b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    tag_files = sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and not path.relative_to(folder).parts[0].startswith(("data", "tagmanifest-"))
    )
    for algorithm in ALGORITHMS:
        lines = [f"{hashlib.new(algorithm, (folder / name).read_bytes()).hexdigest()} {name}\n" for name in tag_files]
        (folder / f"tagmanifest-{algorithm}.txt").write_text("".join(lines), encoding="utf-8")


def make_deposit(
    sources: Sequence[str],
    bag: Path,
    options: DepositOptions,
    *,
    tell: Callable[[str], None] | None = None,
) -> DepositResult:
    """Build the bag for ``sources`` at ``bag``; nothing is left behind when it fails.

    Raises UsageError (exit 2) for an existing non-empty ``bag`` or no inputs,
    ProcessingError (exit 1) naming the first document that cannot go in.
    """
    import bagit

    _check_target(bag, sources)
    parent = bag.parent if str(bag.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{bag.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot create the bag here: {exc.strerror}", path=str(bag)) from exc
    try:
        records: list[Record] = []
        batch = BatchOptions(
            outdir=work,
            formats=FORMATS,
            encode=dataclasses.replace(options.encode, huge=options.huge or options.encode.huge),
            format_folders=True,
            xml=XmlOptions(huge_tree=options.huge),
        )
        run_batch(sources, batch, jobs=options.jobs, keep_state=False, on_record=records.append)
        if not records:
            raise UsageError("no .txt, .md or .xml inputs found; nothing deposited")
        records.sort(key=lambda record: record.rel)
        for record in records:
            refusal = _refusal(record, options.allow_invalid)
            if refusal:
                raise ProcessingError(refusal)
        docs = [
            _Doc(
                record.rel,
                next(rel for rel, _ in record.outputs if rel.startswith("tei/")),
                not any(d.severity == "error" for d in record.diagnostics),
                tuple(d.to_json() for d in record.diagnostics),
            )
            for record in records
        ]
        if tell is not None:
            for doc in docs:
                if not doc.valid:
                    tell(f"{doc.source}: does not validate; deposited anyway (--allow-invalid)")
        report = {
            "tool": f"tei {__version__}",
            "schema": "tei-toolkit.xsd + rules.sch + Python rules (the toolkit's TEI customisation)",
            "allow_invalid": options.allow_invalid,
            "documents": [
                {
                    "source": doc.source,
                    "tei": f"data/{doc.tei}",
                    "valid": doc.valid,
                    "diagnostics": list(doc.diagnostics),
                }
                for doc in docs
            ],
        }
        (work / REPORT_NAME).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (work / README_NAME).write_text(_readme(docs, options), encoding="utf-8")
        info = _bag_info(docs, work, options)
        try:
            bagit.make_bag(str(work), info, checksums=list(ALGORITHMS))
        except (bagit.BagError, OSError, RuntimeError) as exc:
            raise OutputError(f"cannot make the bag: {exc}", path=str(bag)) from exc
        _finish_bag(work)
        payload_files = sum(1 for path in (work / "data").rglob("*") if path.is_file())
        os.chmod(work, 0o755)
        try:
            os.rename(work, bag)
        except OSError as exc:
            raise UsageError(f"--bag {bag}: cannot put the bag there ({exc.strerror}); nothing overwritten") from exc
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    invalid = tuple(doc.source for doc in docs if not doc.valid)
    return DepositResult(bag, len(docs), invalid, payload_files)


#: The largest tag file ``--verify`` reads (bag-info.txt, bagit.txt) and the largest manifest.
MAX_TAG_BYTES = 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024 * 1024


def _check_tag_files(bag: Path) -> None:
    """Refuse a bag whose tag files are not regular files of a sane size, before bagit reads them.

    bagit.py reads them whole: a FIFO named bag-info.txt would hang it, a link to /dev/zero exhaust memory.
    """
    from tei import files

    for entry in sorted(bag.iterdir()):
        name = entry.name
        if not (name in ("bagit.txt", "bag-info.txt") or name.startswith(("manifest-", "tagmanifest-"))):
            continue
        if entry.is_symlink() or not files.is_regular(entry):
            kind = "a symbolic link" if entry.is_symlink() else files.file_kind(os.stat(entry).st_mode)
            raise ProcessingError(f"{name} is {kind}, not a regular file: the bag is not intact", path=str(bag))
        limit = MAX_MANIFEST_BYTES if "manifest-" in name else MAX_TAG_BYTES
        if entry.stat().st_size > limit:
            raise ProcessingError(
                f"{name} is over {files.size_text(limit)}: not a tag file tei reads; the bag is not intact",
                path=str(bag),
            )


def _walk_bag(bag: Path) -> tuple[list[str], list[str]]:
    """Every regular file in the bag (relative, POSIX) and a problem for each entry that is not one.

    Links are never followed: a bag holds regular files only, and a linked
    folder could make a bag look intact while its content lives elsewhere.
    """
    from tei import files

    found: list[str] = []
    problems: list[str] = []
    pending = [bag]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as exc:
            problems.append(f"{folder}: cannot be read ({exc.strerror or exc})")
            continue
        for entry in entries:
            path = Path(entry.path)
            rel = path.relative_to(bag).as_posix()
            if entry.is_symlink():
                problems.append(f"{bag / rel}: a symbolic link, not a regular file (links are not followed)")
            elif entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif entry.is_file(follow_symlinks=False):
                found.append(rel)
            else:
                kind = files.file_kind(entry.stat(follow_symlinks=False).st_mode)
                problems.append(f"{bag / rel}: {kind}, not a regular file (a bag holds only regular files)")
    return sorted(found), problems


def _manifest_name(rel: str, algorithm: str) -> str:
    return f"{'manifest' if rel.startswith('data/') else 'tagmanifest'}-{algorithm}.txt"


def verify_bag(bag: Path) -> tuple[list[str], int]:
    """Every problem of a bag (missing, extra, altered or special files), and how many files were checked.

    Raises InputError (exit 2) when ``bag`` is not a bag at all,
    ProcessingError (exit 1) when its tag files cannot be read.
    """
    import bagit

    declaration = bag / "bagit.txt"
    if not bag.is_dir() or not (declaration.exists() or declaration.is_symlink()):
        raise InputError("not a BagIt bag: there is no bagit.txt", path=str(bag))
    _check_tag_files(bag)
    try:
        loaded = bagit.Bag(str(bag))
    except (bagit.BagError, OSError, UnicodeError, ValueError) as exc:
        raise ProcessingError(f"the bag is not intact: bagit refuses it: {exc}", path=str(bag)) from exc
    present, problems = _walk_bag(bag)
    regular = set(present)
    entries: dict[str, dict[str, str]] = dict(loaded.entries)
    for rel in sorted(entries):
        target = bag / rel
        if not target.resolve().is_relative_to(bag.resolve()) or ".." in Path(rel).parts:
            problems.append(f"{bag / rel}: unsafe path in a manifest (outside the bag)")
            continue
        if rel not in regular:
            if not (target.exists() or target.is_symlink()):
                problems.append(f"{bag / rel}: missing (listed in the manifest, not in the bag)")
            continue  # a link or a special file: _walk_bag has said so
        expected = {name: value.lower() for name, value in entries[rel].items() if name in hashlib.algorithms_available}
        try:
            found = file_hashes(target, list(expected))
        except OSError as exc:
            problems.append(f"{bag / rel}: cannot be read ({exc.strerror or exc})")
            continue
        differ = sorted(name for name in expected if expected[name] != found[name])
        agree = sorted(name for name in expected if expected[name] == found[name])
        if differ and agree:
            for name in differ:
                problems.append(
                    f"{bag / _manifest_name(rel, name)}: altered (its {name} of {rel} does not match the file, "
                    f"which matches {' and '.join(_manifest_name(rel, other) for other in agree)})"
                )
        elif differ:
            problems.append(f"{bag / rel}: altered ({' and '.join(differ)} differ from the manifest)")
    known = set(entries)
    for rel in present:
        if rel in known or (rel.startswith("tagmanifest-") and "/" not in rel):
            continue
        problems.append(f"{bag / rel}: extra (in the bag, not in any manifest)")
    if not any(name.startswith("data/") for name in known) and not problems:
        problems.append(f"{bag}: the manifests list no payload file")
    return problems, len(entries)
