"""Broken input of every kind to every command: one line naming the file and what to do, exit 2, nothing clobbered.

Each case runs the real command in a subprocess. Files the user had (the
inputs and an earlier output) are compared byte for byte before and after.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
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
        {"note.txt": "A note from Chicherin.\n".encode("utf-16")},
        ("encode", "note.txt"),
        "note.txt",
        "--encoding utf-16",
    ),
    "encode-utf16-without-bom": Case(
        {"note.txt": "A note from Chicherin.\n".encode("utf-16-le")},
        ("encode", "note.txt"),
        "note.txt",
        "--encoding utf-16-le",
    ),
    "encode-utf32": Case(
        {"note.txt": "A note from Chicherin.\n".encode("utf-32")}, ("encode", "note.txt"), "note.txt", "utf-32"
    ),
    **{
        f"encode-encoding-{codec}": Case(
            {"note.txt": NOTE}, ("encode", "--encoding", codec, "note.txt"), "note.txt", "not an encoding of text"
        )
        for codec in ("rot13", "base64", "hex", "uu", "punycode")
    },
    "encode-sidecar-control-character": Case(
        {"note.txt": NOTE, "note.meta.toml": b'title = "Note\\u0001 to the Ambassadors"\n'},
        ("encode", "note.txt", "-o", "note.xml"),
        "note.meta.toml",
        "'title' holds the control character U+0001",
        output="note.xml",
    ),
    "encode-sidecar-deeply-nested": Case(
        {"note.txt": NOTE, "note.meta.toml": b"title = " + b"[" * 5000 + b"]" * 5000 + b"\n"},
        ("encode", "note.txt"),
        "note.meta.toml",
        "nested too deeply",
    ),
    "encode-sidecar-language": Case(
        {"note.txt": NOTE, "note.meta.toml": b'language = "not a lang!!"\n'},
        ("encode", "note.txt"),
        "note.meta.toml",
        "'language' is 'not a lang!!', not a language tag",
    ),
    "encode-sidecar-impossible-date": Case(
        {"note.txt": NOTE, "note.meta.toml": b'date = "1917-02-30"\n'},
        ("encode", "note.txt"),
        "note.meta.toml",
        "'date': '1917-02-30' is not a real date",
    ),
    "encode-sidecar-impossible-access-date": Case(
        {"note.txt": NOTE, "note.meta.toml": b'accessed = "2011-13-01"\n'},
        ("encode", "note.txt"),
        "note.meta.toml",
        "'accessed'",
    ),
    "encode-sidecar-url-not-a-url": Case(
        {"note.txt": NOTE, "note.meta.toml": b'url = "see the archive {item 4}"\n'},
        ("encode", "note.txt"),
        "note.meta.toml",
        "'url' is 'see the archive {item 4}', not a URL",
    ),
    "encode-sidecar-url-a-fragment": Case(
        {"note.txt": NOTE, "note.meta.toml": b'licence_url = "#x"\n'},
        ("encode", "note.txt"),
        "note.meta.toml",
        "'licence_url' is '#x', not a URL",
    ),
    "encode-sidecar-long-title": Case(
        {"note.txt": NOTE, "note.meta.toml": b'title = "' + b"Note " * 4000 + b'"\n'},
        ("encode", "note.txt"),
        "note.meta.toml",
        "'title' is 19,999 characters long, over the limit",
    ),
    "encode-sidecar-20mb-title": Case(
        {"note.txt": NOTE, "note.meta.toml": b'title = "' + b"x" * 20_000_000 + b'"\n'},
        ("encode", "note.txt"),
        "note.meta.toml",
        "over the limit of 1 MB for a metadata file",
    ),
    "encode-meta-corrections-control": Case(
        {"note.txt": NOTE, "m.toml": b'[corrections]\n"present way" = "present\\u0007 war"\n'},
        ("encode", "note.txt", "--meta", "m.toml"),
        "m.toml",
        "control character U+0007",
    ),
    "encode-iso-week-date": Case(
        {"note.txt": NOTE}, ("encode", "--date", "2024-W05-3", "note.txt"), "--date", "not a date like 2024-01-31"
    ),
    "encode-outdir-under-a-file": Case(
        {"note.txt": NOTE, "plain": b"keep"}, ("encode", "note.txt", "-d", "plain/sub"), "plain", "is a file"
    ),
    "convert-outdir-under-a-file": Case(
        {"g.xml": lambda good: good, "plain": b"keep"},
        ("convert", "--to", "text", "g.xml", "-d", "plain/sub"),
        "plain",
        "is a file",
    ),
    "batch-outdir-under-a-file": Case(
        {"note.txt": NOTE, "plain": b"keep"}, ("batch", "-q", "note.txt", "-d", "plain/sub"), "plain", "is a file"
    ),
    "demo-outdir-is-a-file": Case({"plain": b"keep"}, ("demo", "-d", "plain"), "plain", "is a file"),
    "batch-scheduler-garbage": Case(
        {"note.txt": NOTE},
        ("batch", "-q", "note.txt", "-d", "out", "--scheduler", "garbage!!"),
        "garbage!!",
        "not a scheduler address",
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


# -- second round: usage mistakes, outputs tei did not write, interruptions ------------------------------


def test_closed_standard_input_is_one_line(tmp_path: Path) -> None:
    """``tei encode - <&-`` gave a traceback (sys.stdin is None when descriptor 0 is closed)."""
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    for command in ("encode -", "validate -", "convert --to text -"):
        result = subprocess.run(
            ["sh", "-c", f'"$0" -m tei.cli {command} <&-', sys.executable],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=HANG,
        )
        assert result.returncode == 2, (command, result.stderr)
        assert "Traceback" not in result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("tei: ")]
        assert len(errors) == 1 and "standard input is closed; give a file name instead of -" in errors[0], errors
        if command.startswith("validate"):  # validate's summary line follows, as for any unreadable file
            summary = "0 files checked, 0 invalid, 0 errors, 1 could not be read"
            assert result.stderr.strip().splitlines()[1:] == [summary]


def test_convert_never_replaces_the_source_text(tmp_path: Path) -> None:
    """``tei encode note.txt -d . && tei convert note.xml --to text -d .`` silently overwrote note.txt."""
    (tmp_path / "note.txt").write_bytes(NOTE)
    assert run("encode", "--no-annotate", "note.txt", "-d", ".", cwd=tmp_path).returncode == 0
    before = snapshot(tmp_path)
    result = run("convert", "note.xml", "--to", "text", "-d", ".", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    line = result.stderr.strip()
    assert line.startswith("tei: note.txt: a file is already there that tei did not write") and "--force" in line
    assert snapshot(tmp_path) == before
    # tei's own earlier outputs are replaced freely; --force replaces the rest.
    assert run("encode", "note.txt", "-d", ".", cwd=tmp_path).returncode == 0
    forced = run("convert", "note.xml", "--to", "text", "-d", ".", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "note.txt").read_bytes() != NOTE
    again = run("convert", "note.xml", "--to", "text", "-d", ".", cwd=tmp_path)
    assert again.returncode == 0, "a file tei wrote (with --force) is tei's to replace"


def test_demo_writes_to_a_new_temporary_folder_and_says_where(tmp_path: Path) -> None:
    """``tei demo`` wrote tei-demo/ into whatever folder it was run from, without asking."""
    result = run("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []
    where = Path(result.stdout.strip().splitlines()[-1].rsplit(" are in ", 1)[1])
    try:
        assert where.name.startswith("tei-demo-") and len(list(where.glob("*.xml"))) == 2
    finally:
        import shutil

        shutil.rmtree(where, ignore_errors=True)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize(
    ("signal_number", "status", "said"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
def test_interrupted_batch_stops_its_workers_and_keeps_its_state(
    signal_number: int, status: int, said: str, tmp_path: Path
) -> None:
    """SIGINT printed click's ``Aborted!`` and exited 1; SIGTERM left orphaned workers and no state."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to find the workers")
    source = tmp_path / "src"
    source.mkdir()
    words = "the government said that the peace of the peoples was near and that Russia would sign it "
    for number in range(40):
        (source / f"doc{number:02}.txt").write_text(f"Document {number}.\n\n" + words * 4000 + "\n", "utf-8")
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "tei.cli", "batch", "-q", "-j", "2", str(source), "-d", "out"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: list[int] = []
    deadline = time.monotonic() + HANG
    while time.monotonic() < deadline and process.poll() is None:
        workers = _children(process.pid)
        if len(workers) >= 2 and len(list((tmp_path / "out").glob("*.txt"))) >= 3:
            time.sleep(0.5)  # let the parent take in the finished documents' results
            break
        time.sleep(0.05)
    assert process.poll() is None and workers, "the batch finished before it could be interrupted"
    process.send_signal(signal_number)
    _, stderr = process.communicate(timeout=HANG)
    assert process.returncode == status, stderr
    assert "Traceback" not in stderr and "Aborted!" not in stderr
    assert stderr.strip().splitlines() == [f"tei: {said}"]
    time.sleep(0.5)
    assert not [pid for pid in workers if _alive(pid)], "workers outlived the batch"
    state = tmp_path / "out" / ".tei-batch.json"
    assert state.is_file(), "the state of the documents already done was lost"
    assert json.loads(state.read_text(encoding="utf-8"))["documents"]
