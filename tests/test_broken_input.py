"""Broken input of every kind to every command: one line naming the file and what to do, exit 2, nothing clobbered.

Each case runs the real command in a subprocess. Files the user had (the
inputs and an earlier output) are compared byte for byte before and after.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_tei

TROTSKY = EXAMPLES / "trotsky-note-to-allied-ambassadors-1917-12-06.txt"
HANG = 300


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_tei(*args, cwd=cwd, timeout=HANG)


@pytest.fixture(scope="module")
def good_tei(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("good")
    result = run("encode", "--no-annotate", str(TROTSKY), "-o", str(folder / "good.xml"), cwd=folder)
    assert result.returncode == 0, result.stderr
    return (folder / "good.xml").read_bytes()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass(frozen=True)
class Case:
    """Files to create (name -> bytes, or a callable of the good TEI), the command, and words the error must hold."""

    files: dict[str, bytes | Callable[[bytes], bytes]]
    args: tuple[str, ...]
    names: str  # the file the message must name
    says: str  # what the message must say (what is wrong or what to do)
    status: int = 2
    output: str | None = None  # an output file that must not be created or changed


NOTE = TROTSKY.read_bytes()
CASES: dict[str, Case] = {
    "encode-latin1": Case(
        {"note.txt": "The café in Moscow.\n".encode("latin-1")}, ("encode", "note.txt"), "note.txt", "--encoding"
    ),
    "encode-mixed-encodings": Case(
        {"note.txt": "Chicherin é.\n".encode() + "The café.\n".encode("latin-1")},
        ("encode", "note.txt", "-o", "note.xml"),
        "note.txt:2",
        "--encoding",
        output="note.xml",
    ),
    "encode-nul": Case({"note.txt": b"A note\x00 from Chicherin.\n"}, ("encode", "note.txt"), "note.txt", "NUL"),
    "encode-empty": Case({"note.txt": b""}, ("encode", "note.txt"), "note.txt", "empty"),
    "encode-only-controls": Case({"note.txt": b"\x01\x02\x03\n"}, ("encode", "note.txt"), "note.txt", "control"),
    "encode-utf16-without-encoding": Case(
        {"note.txt": "A note from Chicherin.\n".encode("utf-16")}, ("encode", "note.txt"), "note.txt", ""
    ),
    "encode-unknown-encoding": Case(
        {"note.txt": NOTE}, ("encode", "--encoding", "klingon", "note.txt"), "note.txt", "unknown encoding"
    ),
    "encode-empty-register": Case(
        {"note.txt": NOTE, "empty.xml": b""},
        ("encode", "note.txt", "--register", "empty.xml", "-o", "note.xml"),
        "empty.xml",
        "register is empty",
        output="note.xml",
    ),
    "encode-register-not-xml": Case(
        {"note.txt": NOTE, "reg.xml": b"<listPerson><person>"},
        ("encode", "note.txt", "--register", "reg.xml"),
        "reg.xml",
        "not well-formed",
    ),
    "encode-register-xxe": Case(
        {
            "note.txt": NOTE,
            "reg.xml": b'<!DOCTYPE listPerson [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="p"><persName>&x;</persName>'
            b"</person></listPerson>",
        },
        ("encode", "note.txt", "--register", "reg.xml"),
        "reg.xml",
        "declares an external entity",
    ),
    "encode-bad-sidecar": Case(
        {"note.txt": NOTE, "note.meta.toml": b'title = "unclosed\n'}, ("encode", "note.txt"), "note.meta.toml", "TOML"
    ),
    "encode-bad-meta": Case(
        {"note.txt": NOTE, "m.toml": b"title = 3\nbogus = 'x'\n"},
        ("encode", "note.txt", "--meta", "m.toml"),
        "m.toml",
        "",
    ),
    "encode-meta-not-utf8": Case(
        {"note.txt": NOTE, "m.toml": 'title = "café"\n'.encode("latin-1")},
        ("encode", "note.txt", "--meta", "m.toml"),
        "m.toml",
        "",
    ),
    "encode-output-is-a-folder": Case(
        {"note.txt": NOTE, "out/keep.txt": b"keep"}, ("encode", "note.txt", "-o", "out"), "out", "folder"
    ),
    "encode-output-under-a-file": Case(
        {"note.txt": NOTE, "plain": b"keep"}, ("encode", "note.txt", "-o", "plain/note.xml"), "plain/note.xml", ""
    ),
    "encode-outdir-is-a-file": Case(
        {"note.txt": NOTE, "plain": b"keep"}, ("encode", "note.txt", "-d", "plain"), "plain", "not a folder"
    ),
    "encode-output-is-the-input": Case(
        {"note.txt": NOTE}, ("encode", "note.txt", "-o", "note.txt"), "note.txt", "same file as the input"
    ),
    "encode-missing-input": Case({}, ("encode", "absent.txt"), "absent.txt", "no such file"),
    "encode-input-is-a-folder": Case({"folder/a.txt": NOTE}, ("encode", "folder"), "folder", "folder"),
    "validate-missing": Case({}, ("validate", "absent.xml"), "absent.xml", "no such file"),
    "validate-folder": Case({"folder/a.xml": b"<a/>"}, ("validate", "folder"), "folder", "folder"),
    "validate-truncated": Case(
        {"t.xml": lambda good: good[: len(good) // 2]}, ("validate", "t.xml"), "t.xml", "not well-formed XML", 1
    ),
    "validate-wrong-namespace": Case(
        {"w.xml": lambda good: good.replace(b"http://www.tei-c.org/ns/1.0", b"http://example.org/not-tei")},
        ("validate", "w.xml"),
        "w.xml",
        'a TEI document starts with <TEI xmlns="http://www.tei-c.org/ns/1.0">',
        1,
    ),
    "validate-latin1-bytes": Case(
        {"l.xml": lambda good: good.replace(b"Trotsky", "Trötsky".encode("latin-1"), 1)},
        ("validate", "l.xml"),
        "l.xml",
        "UTF-8",
        1,
    ),
    "validate-nul": Case(
        {"n.xml": lambda good: good.replace(b"Trotsky", b"Tro\x00tsky", 1)}, ("validate", "n.xml"), "n.xml", "", 1
    ),
    "validate-schema-missing": Case(
        {"g.xml": lambda good: good}, ("validate", "--schema", "none.rng", "g.xml"), "none.rng", "no such schema"
    ),
    "validate-schema-not-a-schema": Case(
        {"g.xml": lambda good: good, "s.rng": b"<notaschema/>"},
        ("validate", "--schema", "s.rng", "g.xml"),
        "s.rng",
        "not a schema",
    ),
    "convert-truncated": Case(
        {"t.xml": lambda good: good[: len(good) // 2]},
        ("convert", "--to", "html", "t.xml", "-o", "t.html"),
        "t.xml",
        "not well-formed",
        output="t.html",
    ),
    # TEI in the wrong namespace or none (issue 14): read as TEI, with a warning, not refused.
    "convert-wrong-namespace": Case(
        {"w.xml": lambda good: good.replace(b"http://www.tei-c.org/ns/1.0", b"http://example.org/not-tei")},
        ("convert", "--to", "text", "w.xml"),
        "w.xml",
        "is in the namespace http://example.org/not-tei, not TEI's",
        status=0,
    ),
    "convert-no-namespace": Case(
        {"w.xml": lambda good: good.replace(b' xmlns="http://www.tei-c.org/ns/1.0"', b"")},
        ("convert", "--to", "html", "w.xml"),
        "w.xml",
        "is in no namespace, not TEI's",
        status=0,
    ),
    # Issue 11: a failing stylesheet names its file, its line and what libxslt says.
    "convert-xslt-runtime-error": Case(
        {
            "g.xml": lambda good: good,
            "s.xsl": b'<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n'
            b'<xsl:output method="text"/>\n<xsl:template match="/">\n<xsl:value-of select="1"/>\n'
            b'<xsl:value-of select="f:nothing()" xmlns:f="urn:x"/>\n</xsl:template>\n</xsl:stylesheet>\n',
        },
        ("convert", "--to", "text", "--xslt", "s.xsl", "g.xml"),
        "s.xsl:5",
        "Unregistered function (in xsl:value-of)",
        status=1,
    ),
    "convert-not-xml": Case({"note.txt": NOTE}, ("convert", "--to", "text", "note.txt"), "note.txt", "not well-formed"),
    "convert-output-is-the-input": Case(
        {"g.xml": lambda good: good}, ("convert", "--to", "text", "g.xml", "-o", "g.xml"), "g.xml", "same file"
    ),
    "convert-output-is-a-folder": Case(
        {"g.xml": lambda good: good, "out/keep": b"keep"}, ("convert", "--to", "text", "g.xml", "-o", "out"), "out", ""
    ),
    "convert-output-under-a-file": Case(
        {"g.xml": lambda good: good, "plain": b"keep"},
        ("convert", "--to", "html", "g.xml", "-o", "plain/g.html"),
        "plain/g.html",
        "",
    ),
    "convert-bad-stylesheet": Case(
        {"g.xml": lambda good: good, "s.xsl": b"<xsl:stylesheet"},
        ("convert", "--to", "text", "--xslt", "s.xsl", "g.xml"),
        "s.xsl",
        "not well-formed",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_input(name: str, tmp_path: Path, good_tei: bytes) -> None:
    case = CASES[name]
    for relative, content in case.files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content(good_tei) if callable(content) else content)
    if case.output:
        (tmp_path / case.output).write_bytes(b"an earlier result the user kept\n")
    before = snapshot(tmp_path)
    result = run(*case.args, cwd=tmp_path)
    assert result.returncode == case.status, (result.returncode, result.stdout[-1000:], result.stderr[-1000:])
    assert "Traceback" not in result.stderr
    if case.args[0] == "validate" and case.status == 1:  # the document's problem: a diagnostic on stdout
        error = result.stdout.strip().splitlines()[0]
    else:
        lines = result.stderr.strip().splitlines()
        errors = [line for line in lines if line.startswith("tei: ")]
        assert len(errors) == 1, lines
        error = errors[0]
        if case.status == 0:
            assert ": warning: " in error, error
    assert case.names in error, error
    assert case.says in error, error
    assert snapshot(tmp_path) == before, "a file the user had was changed or a stray file was left"


def test_not_writable_folder(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: a read-only folder does not stop root (the path-under-a-file cases cover it)")
    folder = tmp_path / "ro"
    folder.mkdir()
    (tmp_path / "note.txt").write_bytes(NOTE)
    folder.chmod(0o555)
    try:
        result = run("encode", "note.txt", "-o", "ro/note.xml", cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2
    assert "ro/note.xml" in result.stderr
    assert not (folder / "note.xml").exists()


def test_failing_run_keeps_the_earlier_output(tmp_path: Path) -> None:
    """A good run, then the same command on a broken input: the earlier output is untouched."""
    (tmp_path / "note.txt").write_bytes(NOTE)
    assert run("encode", "--no-annotate", "note.txt", "-o", "note.xml", cwd=tmp_path).returncode == 0
    kept = (tmp_path / "note.xml").read_bytes()
    (tmp_path / "note.txt").write_bytes(b"\xff\xfe\xfa broken")
    result = run("encode", "note.txt", "-o", "note.xml", cwd=tmp_path)
    assert result.returncode == 2
    assert (tmp_path / "note.xml").read_bytes() == kept
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_control_characters_are_removed_and_recorded(tmp_path: Path) -> None:
    """Controls XML forbids (other than NUL, which marks a binary file) are removed and the header says so."""
    (tmp_path / "note.txt").write_bytes(b"A note\x01\x02 from \x1b[31mChicherin\x7f.\n\nSecond\x0c paragraph.\n")
    result = run("encode", "--no-annotate", "note.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "control character(s) that XML does not allow were removed" in result.stdout
    assert "Chicherin" in result.stdout


def test_very_long_line(tmp_path: Path) -> None:
    """A 10 MB single line is encoded (the annotator is linear in the paragraph's length), and validates."""
    words = "the government said that the peace of the peoples was near and that Russia would sign it "
    (tmp_path / "long.txt").write_text(words * (10_000_000 // len(words)) + "\n", encoding="utf-8")
    result = run("encode", "long.txt", "-o", "long.xml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-1000:]
    checked = run("validate", "long.xml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout[-1000:]
    converted = run("convert", "--to", "text", "long.xml", cwd=tmp_path)
    assert converted.returncode == 0, converted.stderr[-1000:]


def test_unbalanced_markdown_keeps_every_word(tmp_path: Path) -> None:
    from tei.encode import EncodeOptions, encode
    from tei.serialize import to_bytes
    from tei.validate import validate_bytes
    from tei.wordcheck import first_difference, source_words, tei_words

    text = "# Title\n\nSome **bold and *nested text\n\n[link](http://x\n\n> quote `code\n\n<sup>[A] unclosed _under\n"
    root = encode(text.encode(), EncodeOptions(input_format="markdown", annotate=False), name="u.md")
    assert first_difference(source_words(text, markdown=True), tei_words(root)) is None
    assert validate_bytes(to_bytes(root), name="u.xml") == []
