"""The whole pipeline on one generated document, and the documents: shared by the property tests and bench/fuzz.py.

``check_pipeline`` asserts what the toolkit promises for any input: encode
raises nothing but TeiError; its output is well-formed, valid against the
project's schema and rules, keeps every word, and is the same bytes twice;
every output format converts. The generators:

- ``documents`` (in test_properties) and ``noisy_documents``: structure,
  lists, footers, dual dates, Markdown, with noise spliced in;
- ``metadata_documents``: a document with a sidecar of drawn values (control
  characters, impossible dates, odd languages and URLs, long values): the
  sidecar is refused with a TeiError or the output is valid;
- ``repeated_documents``: one line repeated up to thousands of times, on
  lines of their own or as one huge line (footers, ``[a](``, markers…);
- ``folder_cases`` and ``check_folder``: a source folder holding regular
  files with odd names (spaces, ``%``, line breaks, quotes, leading dashes,
  long names), sidecars, FIFOs, links to a secret outside the folder, to a
  sibling and to a folder, a link to ``/dev/zero``, run through ``tei batch``
  and ``tei deposit``: nothing hangs, no traceback, the secret is never read,
  every refused entry says why, and a bag that is made verifies intact.
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import strategies as st
from test_properties import documents

from tei import safexml
from tei.encode import EncodeOptions, encode
from tei.errors import TeiError
from tei.metadata import KEYS, Metadata, parse_meta
from tei.serialize import to_bytes
from tei.source import decode
from tei.transform import FORMATS, convert_tree
from tei.validate import validate_bytes
from tei.wordcheck import first_difference, source_words, tei_words

#: Fragments that stress the readers: unbalanced Markdown, controls, odd Unicode, long words, markup-like text.
NOISE = st.sampled_from(
    [
        "**unclosed bold",
        "*half",
        "_under",
        "`code",
        "[link](http://x",
        "<sup>[A]",
        "</sup>",
        "> quote",
        "# ",
        "&amp; &lt;tag&gt; <p> </TEI> ]]> <!-- -->",
        "\x01\x02\x0b\x0c\x1b\x7f",
        "\u200b\u200e\ufeff",
        "\u0301\u0308",
        "Ḉhicherin Ωmega 你好 مرحبا",
        "x" * 300,
        "1917-02-30",
        "31 February 1918",
        "(12) [25] December, 1917",
        "O.S.",
        "N.S.",
        "\t\t",
        "---",
        "1.",
        "*",
    ]
)


@st.composite
def noisy_documents(draw: st.DrawFn) -> tuple[str, bool]:
    """A generated document with noise spliced in at random line starts and word gaps."""
    text, markdown = draw(documents())
    pieces = text.split(" ")
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(pieces)))
        pieces.insert(at, draw(NOISE))
    return " ".join(pieces), markdown


def check_pipeline(text: str, markdown: bool, meta: Metadata | None = None) -> bool:
    """Run encode -> validate -> convert on ``text``; False when encode refused it (a TeiError), else True."""
    data = text.encode("utf-8")
    options = EncodeOptions(
        input_format="markdown" if markdown else "plain", change_date="2026-01-01", meta=meta or Metadata()
    )
    try:
        root = encode(data, options, name="generated.txt")
    except TeiError:
        return False
    first = to_bytes(root)
    assert to_bytes(encode(data, options, name="generated.txt")) == first, "same input, different bytes"
    reparsed = safexml.fromstring(first, "generated.xml")
    problems = validate_bytes(first, name="generated.xml")
    assert problems == [], [d.format() for d in problems]
    source = decode(data, path="generated.txt").text
    lost = first_difference(source_words(source, markdown=markdown), tei_words(reparsed))
    assert lost is None, lost
    for fmt in FORMATS:
        assert convert_tree(reparsed, fmt), fmt
    return True


# -- metadata values ---------------------------------------------------------------------------------

_META_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from("\x00\x01\x0b\x1f\x7f\u2028"),
    max_size=40,
)
_META_VALUES = st.one_of(
    _META_TEXT,
    st.sampled_from(["", " ", "1917", "1917-11", "1917-11-08", "1917-02-30", "0000", "9999-12-31", "2024-W05-3"]),
    st.sampled_from(["en", "ru", "de-AT", "not a lang!!", "x" * 9, "en-", "-en", "EN-gb"]),
    st.sampled_from(["https://example.org/a b", "https://example.org/a%20b", "javascript:alert(1)", "::", "#x"]),
    st.sampled_from(["CC BY-SA 4.0", "public domain", "All rights reserved"]),
    st.integers(0, 30_000).map(lambda n: "Long " * n),
)


@st.composite
def metadata_documents(draw: st.DrawFn) -> tuple[str, bool, bytes]:
    """A generated document and the bytes of a TOML sidecar with drawn keys and values."""
    text, markdown = draw(documents())
    keys = draw(st.lists(st.sampled_from([key for key in KEYS if key != "corrections"]), max_size=6, unique=True))
    lines = [f"{key} = {json.dumps(draw(_META_VALUES), ensure_ascii=False)}" for key in keys]
    if draw(st.booleans()):
        printed = draw(st.sampled_from(["the", "peace", "Government", "", "\u0007", "Russia"]))
        lines.append(f"[corrections]\n{json.dumps(printed)} = {json.dumps(draw(_META_TEXT))}")
    return text, markdown, ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


def check_metadata(text: str, markdown: bool, sidecar: bytes) -> bool:
    """The sidecar is refused with a TeiError, or the document encodes to valid TEI with it."""
    try:
        meta = parse_meta(sidecar, "generated.meta.toml")
    except TeiError:
        return False
    return check_pipeline(text, markdown, meta)


# -- one line, many times ----------------------------------------------------------------------------

_REPEATED = st.sampled_from(
    [
        "*Source: Marxist Internet Archive*",
        "Source: Marxist Internet Archive",
        "[a](",
        "[Subject] [Author] [Date]",
        "<sup>[A]</sup>",
        "**",
        "1. To proclaim",
        "---",
        "(*Applause*)",
        "October 26 (November 8), 1917",
        "the Government of Russia and Germany",
        "> ",
        "# ",
        "x" * 80,
    ]
)


@st.composite
def repeated_documents(draw: st.DrawFn) -> tuple[str, bool]:
    """A title, then one fragment repeated up to 2,000 times: on lines of their own, or as one long line."""
    fragment = draw(_REPEATED)
    count = draw(st.integers(1, 2000))
    joiner = draw(st.sampled_from(["\n", "\n\n", " "]))
    body = joiner.join([fragment] * count)
    return f"A NOTE\n\n{body}\n\nThe end.\n", draw(st.booleans())


# -- folders with special files, links and odd names -------------------------------------------------

SECRET = "FUZZ-SECRET-0c41"
_ODD_NAMES = st.sampled_from(
    [
        "note",
        "with space",
        "50%",
        "a%0Ab",
        "line\nbreak",
        "tab\there",
        "quote'\"",
        "-leading-dash",
        "#hash",
        "Ωmega Чичерин",
        "n" * 180,
        "..dots",
        "semi;colon",
        "back\\slash",
    ]
)
_KINDS = st.sampled_from(["text", "text", "markdown", "xml", "sidecar", "fifo", "secret-link", "sibling-link",
                          "folder-link", "zero-link", "subfolder"])  # fmt: skip


@st.composite
def folder_cases(draw: st.DrawFn) -> list[tuple[str, str, str]]:
    """Entries of a source folder: (name, kind, text), names unique."""
    entries: list[tuple[str, str, str]] = []
    names: set[str] = set()
    for _ in range(draw(st.integers(1, 6))):
        name = draw(_ODD_NAMES)
        if name in names:
            continue
        names.add(name)
        text, _ = draw(documents())
        entries.append((name, draw(_KINDS), text))
    return entries


class Hang(Exception):
    """A step took longer than the watchdog allows (a FIFO read, a loop)."""


@contextmanager
def watchdog(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise Hang(f"no answer in {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _make_folder(root: Path, entries: list[tuple[str, str, str]]) -> Path:
    source = root / "src"
    source.mkdir()
    (root / "private").mkdir()
    (root / "private" / "secret.txt").write_text(f"The secret is {SECRET}.\n", encoding="utf-8")
    for name, kind, text in entries:
        if kind in ("text", "markdown"):
            body = text if kind == "text" else f"**{text.splitlines()[0]}**\n\n{text}"
            (source / f"{name}.{'txt' if kind == 'text' else 'md'}").write_text(body, encoding="utf-8")
        elif kind == "xml":
            root_element = encode(text.encode(), EncodeOptions(change_date="2026-01-01"), name="x.txt")
            (source / f"{name}.xml").write_bytes(to_bytes(root_element))
        elif kind == "sidecar":
            (source / f"{name}.txt").write_text(text, encoding="utf-8")
            (source / f"{name}.meta.toml").write_text(f"title = {json.dumps(name)}\n", encoding="utf-8")
        elif kind == "fifo":
            os.mkfifo(source / f"{name}.txt")
        elif kind == "secret-link":
            (source / f"{name}.txt").symlink_to(root / "private" / "secret.txt")
        elif kind == "sibling-link":
            (source / "sibling.txt").write_text(text, encoding="utf-8")
            if name != "sibling":
                (source / f"{name}.txt").symlink_to(source / "sibling.txt")
        elif kind == "folder-link":
            (source / name).symlink_to(root / "private")
        elif kind == "zero-link":
            (source / f"{name}.txt").symlink_to("/dev/zero")
        else:
            (source / name).mkdir(exist_ok=True)
            (source / name / "inner.txt").write_text(text, encoding="utf-8")
    return source


def _has_secret(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and SECRET.encode() in path.read_bytes():
            found.append(str(path))
    return found


def check_folder(entries: list[tuple[str, str, str]]) -> int:
    """Run a folder case through batch and deposit; return how many inputs the batch met."""
    from tei.batch import BatchOptions, Record, run_batch
    from tei.batch.state import STATE_NAME
    from tei.deposit import DepositOptions, make_deposit, verify_bag

    with tempfile.TemporaryDirectory(prefix="tei-fuzz-") as temporary:
        root = Path(temporary)
        source = _make_folder(root, entries)
        records: list[Record] = []
        with watchdog(120):
            run_batch([str(source)], BatchOptions(outdir=root / "out"), jobs=1, on_record=records.append)
        for record in records:
            assert not (record.error or "").startswith("internal error"), record
            linked = Path(record.input).is_symlink() or not Path(record.input).exists()
            if linked:
                assert record.status == "failed" and "symbolic link" in (record.error or ""), record
            elif Path(record.input).exists() and not Path(record.input).is_dir() and not Path(record.input).is_file():
                assert record.status == "failed" and "not a regular file" in (record.error or ""), record
        json.loads((root / "out" / STATE_NAME).read_text(encoding="utf-8"))
        assert not _has_secret(root / "out"), _has_secret(root / "out")
        bag = root / "bag"
        try:
            with watchdog(120):
                make_deposit([str(source)], bag, DepositOptions(bagging_date="2026-01-01"))
        except TeiError as exc:
            assert "\n" not in str(exc), str(exc)  # one line, whatever the names hold
            assert not bag.exists()
        else:
            problems, _ = verify_bag(bag)
            assert problems == [], problems
            import bagit

            bagit.Bag(str(bag)).validate()
            assert not _has_secret(bag), _has_secret(bag)
        return len(records)
