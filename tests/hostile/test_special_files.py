"""Second round: special files, links, report paths, XInclude limits, output devices, size limits.

Each test names the attack and what must hold: nothing read that was not
named, nothing that hangs, nothing the user had destroyed. Subprocess
timeouts only catch hangs (a FIFO read blocks forever); they assert no speed.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_tei

from tei import safexml
from tei.errors import InputError

TROTSKY = EXAMPLES / "trotsky-note-to-allied-ambassadors-1917-12-06.txt"
LENIN = EXAMPLES / "lenin-report-on-peace-1917-11-08.txt"
SECRET = "TOPSECRET-round2-51c8"
HANG = 120
TEI_HEAD = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude"><teiHeader><fileDesc>'
    "<titleStmt><title>Hostile</title></titleStmt><publicationStmt><p>Test</p></publicationStmt>"
    "<sourceDesc><p>Generated</p></sourceDesc></fileDesc></teiHeader><text><body>"
)
TEI_TAIL = "</body></text></TEI>\n"


def run(*args: str, cwd: Path, timeout: float = HANG) -> subprocess.CompletedProcess[str]:
    return run_tei(*args, cwd=cwd, timeout=timeout)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and stat.S_ISREG(p.stat().st_mode)
    }


def one_error(result: subprocess.CompletedProcess[str], status: int = 2) -> str:
    assert result.returncode == status, (result.returncode, result.stdout[-1000:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("tei: ")]
    assert len(errors) == 1, result.stderr
    return errors[0]


def no_secret(folder: Path, *results: subprocess.CompletedProcess[str]) -> None:
    for result in results:
        assert SECRET not in result.stdout and SECRET not in result.stderr
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and stat.S_ISREG(path.stat().st_mode):
            assert SECRET.encode() not in path.read_bytes(), path


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A named pipe nobody writes to: reading it blocks forever."""
    path = tmp_path / "pipe"
    os.mkfifo(path)
    yield path


# -- --report (and other outputs) aimed at what the run reads or writes -------------------------------


@pytest.mark.parametrize("where", ["input-in-folder", "sidecar", "state-file", "output", "register"])
def test_report_aimed_at_an_input_state_or_output_is_refused(where: str, tmp_path: Path) -> None:
    """``--report SRC/a.txt`` overwrote that input with the JSON report (only named sources were protected)."""
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(TROTSKY, source / "a.txt")
    (source / "a.meta.toml").write_text('title = "A note"\n', encoding="utf-8")
    register = tmp_path / "register.xml"
    register.write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="x"><persName>Nobody Atall</persName>'
        "</person></listPerson>\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    first = run("batch", "-q", "-j", "1", str(source), "-d", str(out), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    report = {
        "input-in-folder": source / "a.txt",
        "sidecar": source / "a.meta.toml",
        "state-file": out / ".tei-batch.json",
        "output": out / "a.html",
        "register": register,
    }[where]
    before = snapshot(tmp_path)
    result = run(
        "batch", "-q", "-j", "1", "--force", str(source), "-d", str(out), "--register", str(register),
        "--report", str(report), cwd=tmp_path,
    )  # fmt: skip
    line = one_error(result)
    assert "--report" in line and "choose another file" in line, line
    assert snapshot(tmp_path) == before


def test_encode_output_aimed_at_the_sidecar_or_register_is_refused(tmp_path: Path) -> None:
    shutil.copy(TROTSKY, tmp_path / "note.txt")
    (tmp_path / "note.meta.toml").write_text('title = "A note"\n', encoding="utf-8")
    (tmp_path / "m.toml").write_text('title = "A note"\n', encoding="utf-8")
    before = snapshot(tmp_path)
    for args in (("-o", "note.meta.toml"), ("--meta", "m.toml", "-o", "m.toml")):
        line = one_error(run("encode", "--no-annotate", "note.txt", *args, cwd=tmp_path))
        assert "same file as the input" in line, line
    assert snapshot(tmp_path) == before


# -- -o at a device, a pipe or a link ------------------------------------------------------------------


def test_output_to_a_character_device_writes_through_it(tmp_path: Path) -> None:
    """As root, ``-o /dev/null`` replaced /dev/null with a regular file. A private null device stands in for it."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("cannot create a device node here (not root, or a container without CAP_MKNOD)")
    shutil.copy(TROTSKY, tmp_path / "note.txt")
    result = run("encode", "--no-annotate", "note.txt", "-o", str(device), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.lstat(device).st_mode), "the device was replaced by a regular file"
    assert os.major(os.lstat(device).st_rdev) == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    converted = run("encode", "--no-annotate", "note.txt", "-o", "note.xml", cwd=tmp_path)
    assert converted.returncode == 0
    result = run("convert", "--to", "text", "note.xml", "-o", str(device), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_output_to_a_named_pipe_writes_through_it(tmp_path: Path, fifo: Path) -> None:
    shutil.copy(TROTSKY, tmp_path / "note.txt")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("encode", "--no-annotate", "note.txt", "-o", str(fifo), cwd=tmp_path)
    reader.join(timeout=HANG)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the pipe was replaced by a regular file"
    assert received and received[0].startswith(b"<?xml")


@pytest.mark.parametrize("how", ["-o", "-d", "report"])
def test_output_path_that_is_a_symbolic_link_is_refused(how: str, tmp_path: Path) -> None:
    """A link at the output path is neither written through nor replaced: exit 2, link and target unchanged."""
    kept = tmp_path / "kept.txt"
    kept.write_bytes(b"a file the user keeps\n")
    shutil.copy(TROTSKY, tmp_path / "note.txt")
    if how == "-o":
        (tmp_path / "note.xml").symlink_to(kept)
        result = run("encode", "--no-annotate", "note.txt", "-o", "note.xml", cwd=tmp_path)
    elif how == "-d":
        (tmp_path / "out").mkdir()
        (tmp_path / "out" / "note.xml").symlink_to(kept)
        result = run("encode", "--no-annotate", "note.txt", "-d", "out", cwd=tmp_path)
    else:
        (tmp_path / "report.json").symlink_to(kept)
        result = run("batch", "-q", "-j", "1", "note.txt", "-d", "out", "--report", "report.json", cwd=tmp_path)
    line = one_error(result)
    assert "symbolic link" in line, line
    assert kept.read_bytes() == b"a file the user keeps\n"
    link = {"-o": tmp_path / "note.xml", "-d": tmp_path / "out" / "note.xml", "report": tmp_path / "report.json"}[how]
    assert link.is_symlink() and link.resolve() == kept.resolve()


# -- FIFOs and devices as inputs -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("encode", "{x}.txt"),
        ("validate", "{x}.xml"),
        ("validate", "--schema", "{tei_all}", "{x}.xml"),
        ("convert", "--to", "html", "{x}.xml"),
        ("batch", "-q", "-j", "1", "-d", "out", "{x}.txt"),
    ],
    ids=["encode", "validate", "validate-rng", "convert", "batch"],
)
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_fifo_or_a_device_as_input_is_refused_without_hanging(
    command: tuple[str, ...], kind: str, tmp_path: Path
) -> None:
    """A FIFO hung every command; a link to /dev/zero was read until MemoryError."""
    from conftest import TEI_ALL

    if "{tei_all}" in command and not TEI_ALL.is_file():
        pytest.skip("tei_all.rng is not in ../shared")
    for suffix in (".txt", ".xml"):
        if kind == "fifo":
            os.mkfifo(tmp_path / f"x{suffix}")
        else:
            (tmp_path / f"x{suffix}").symlink_to("/dev/zero")
    args = [part.format(x="x", tei_all=TEI_ALL) for part in command]
    result = run(*args, cwd=tmp_path, timeout=60)
    assert "Traceback" not in result.stderr
    assert result.returncode in (1, 2), result.stderr
    said = result.stderr + result.stdout
    assert ("named pipe" if kind == "fifo" else "character device") in said, said
    assert "not a regular file" in said


def test_a_fifo_in_a_batch_folder_fails_alone(tmp_path: Path) -> None:
    """One FIFO in a batch folder hung the whole batch; now it is one failed input and the rest is done."""
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(TROTSKY, source / "a.txt")
    os.mkfifo(source / "b.txt")
    result = run(
        "batch", "-q", "-j", "2", str(source), "-d", "out", "--report", "r.json", cwd=tmp_path, timeout=60
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    status = {Path(doc["input"]).name: (doc["status"], doc["error"]) for doc in report["documents"]}
    assert status["a.txt"] == ("done", None)
    assert status["b.txt"][0] == "failed" and "named pipe" in status["b.txt"][1]


@pytest.mark.parametrize("which", ["sidecar", "meta", "register"])
def test_a_fifo_as_sidecar_meta_or_register_is_refused(which: str, tmp_path: Path, fifo: Path) -> None:
    shutil.copy(TROTSKY, tmp_path / "note.txt")
    args = ["encode", "--no-annotate", "note.txt"]
    if which == "sidecar":
        (tmp_path / "note.meta.toml").symlink_to(fifo)
    elif which == "meta":
        args += ["--meta", str(fifo)]
    else:
        args = ["encode", "note.txt", "--register", str(fifo)]
    result = run(*args, cwd=tmp_path, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "regular file" in result.stderr, result.stderr


def test_text_input_over_the_size_limit_is_refused_unless_huge(tmp_path: Path) -> None:
    """Text had no size limit (XML had 50 MB): now the same limit, lifted by --huge, which encode, batch and
    deposit take."""
    with (tmp_path / "big.txt").open("wb") as stream:
        stream.truncate(60 * 1024 * 1024)  # sparse: refused from its size, never read
    for args in (
        ("encode", "big.txt"),
        ("batch", "-q", "-j", "1", "big.txt", "-d", "out"),
        ("deposit", "-j", "1", "big.txt", "--bag", "bag"),
    ):
        result = run(*args, cwd=tmp_path, timeout=60)
        said = result.stderr
        assert result.returncode in (1, 2) and "Traceback" not in said, said
        assert "over the limit of 50 MB for text" in said and "--huge" in said, said
    shutil.copy(TROTSKY, tmp_path / "note.txt")
    assert run("encode", "--huge", "--no-annotate", "note.txt", cwd=tmp_path).returncode == 0
    done = run("batch", "-q", "-j", "1", "--huge", "--xinclude", "note.txt", "-d", "out2", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    deposited = run("deposit", "-j", "1", "--huge", "note.txt", "--bag", "bag2", cwd=tmp_path)
    assert deposited.returncode == 0, deposited.stderr


# -- XInclude ------------------------------------------------------------------------------------------


def _xinclude_doc(folder: Path, body: str, name: str = "doc.xml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(TEI_HEAD + body + TEI_TAIL, encoding="utf-8")
    return path


@pytest.mark.parametrize("folder_name", ["..%2Fprivate", "%2e%2e"])
def test_xinclude_folder_is_the_real_folder_not_a_url_decoded_one(folder_name: str, tmp_path: Path) -> None:
    """A folder named ``..%2Fprivate`` (or ``%2e%2e``) widened the folder XInclude was confined to."""
    root = tmp_path / "root"
    (root / "private").mkdir(parents=True)
    (root / "private" / "secret.txt").write_text(SECRET, encoding="utf-8")
    (root / "secret.txt").write_text(SECRET, encoding="utf-8")
    doc = _xinclude_doc(root / "docs" / folder_name, '<p><xi:include href="secret.txt" parse="text"/></p>')
    for args in (("validate", "--xinclude"), ("convert", "--to", "text", "--xinclude")):
        result = run(*args, str(doc), cwd=tmp_path)
        assert result.returncode in (1, 2), result.stdout
        assert "Traceback" not in result.stderr
        no_secret(tmp_path / "out" if (tmp_path / "out").exists() else tmp_path / "none", result)
        assert SECRET not in result.stdout


def test_xinclude_inclusion_bomb_stops_with_a_clear_message(tmp_path: Path) -> None:
    """Eight files each including the next ten times ran past 60 s; inclusions are now counted (1,000 at most)."""
    for level in range(8):
        inner = "".join(f'<xi:include href="f{level + 1}.xml"/>' for _ in range(10)) if level < 7 else "<p>leaf</p>"
        if level == 0:
            _xinclude_doc(tmp_path, inner, "f0.xml")
        else:
            (tmp_path / f"f{level}.xml").write_text(
                f'<div xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">{inner}</div>',
                encoding="utf-8",
            )
    for args in (("validate", "--xinclude"), ("convert", "--to", "text", "--xinclude")):
        line = one_error(run(*args, "f0.xml", cwd=tmp_path, timeout=60))
        assert "more than 1000 XInclude inclusions" in line, line


def test_xinclude_of_text_from_a_fifo_is_refused(tmp_path: Path, fifo: Path) -> None:
    _xinclude_doc(tmp_path, f'<p><xi:include href="{fifo.name}" parse="text"/></p>')
    line = one_error(run("convert", "--to", "text", "--xinclude", "doc.xml", cwd=tmp_path, timeout=60))
    assert "doc.xml" in line and "named pipe" in line, line


def test_xinclude_fallback_and_xpointer(tmp_path: Path) -> None:
    """xi:fallback and xpointer were silently ignored: the fallback is used, a pointer is followed or refused."""
    (tmp_path / "part.xml").write_text(
        '<div xmlns="http://www.tei-c.org/ns/1.0"><p xml:id="p1">one</p><p xml:id="p2">two</p></div>',
        encoding="utf-8",
    )
    options = safexml.XmlOptions(xinclude=True)
    doc = _xinclude_doc(
        tmp_path,
        '<p>a <xi:include href="missing.xml"><xi:fallback>fallback <hi>text</hi></xi:fallback></xi:include> b</p>'
        '<xi:include href="part.xml" xpointer="p2"/><xi:include href="part.xml" xpointer="element(/1/1)"/>',
    )
    root = safexml.parse_file(doc, options=options).getroot()
    body = root.find(".//{http://www.tei-c.org/ns/1.0}body")
    assert body is not None
    paragraphs = ["".join(p.itertext()) for p in body.iter("{http://www.tei-c.org/ns/1.0}p")]
    assert paragraphs == ["a fallback text b", "two", "one"]
    bad = _xinclude_doc(tmp_path, '<xi:include href="part.xml" xpointer="xpointer(//p)"/>', "bad.xml")
    with pytest.raises(InputError, match="xpointer 'xpointer"):
        safexml.parse_file(bad, options=options)
    gone = _xinclude_doc(tmp_path, '<xi:include href="part.xml" xpointer="nowhere"/>', "gone.xml")
    with pytest.raises(InputError, match="finds nothing"):
        safexml.parse_file(gone, options=options)
    missing = _xinclude_doc(tmp_path, '<xi:include href="missing.xml"/>', "missing-doc.xml")
    with pytest.raises(InputError, match="no such file"):
        safexml.parse_file(missing, options=options)


# -- symbolic links inside the folders given to batch and deposit --------------------------------------


@pytest.mark.parametrize("link", ["file", "folder"])
def test_links_inside_source_folders_are_not_followed(link: str, tmp_path: Path) -> None:
    """A link to /etc/passwd inside a deposited folder was deposited; links inside folders are refused by name."""
    private = tmp_path / "private"
    private.mkdir()
    (private / "secret.txt").write_text(f"The secret is {SECRET}.\n", encoding="utf-8")
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(TROTSKY, source / "a.txt")
    if link == "file":
        (source / "passwd.txt").symlink_to(private / "secret.txt")
    else:
        (source / "elsewhere").symlink_to(private)
    out = tmp_path / "out"
    out.mkdir()
    batch = run("batch", "-q", "-j", "1", str(source), "-d", str(out / "batch"), "--report", "r.json", cwd=tmp_path)
    assert batch.returncode == 1, batch.stderr
    assert "symbolic link" in batch.stderr and ("passwd.txt" in batch.stderr or "elsewhere" in batch.stderr)
    statuses = {Path(d["input"]).name: d["status"] for d in json.loads((tmp_path / "r.json").read_text())["documents"]}
    assert statuses["a.txt"] == "done"
    deposit = run("deposit", "-j", "1", str(source), "--bag", str(out / "bag"), cwd=tmp_path)
    line = one_error(deposit, 1)
    assert "symbolic link" in line and "nothing deposited" in line, line
    assert not (out / "bag").exists()
    no_secret(out, batch, deposit)
    (source / ("passwd.txt" if link == "file" else "elsewhere")).unlink()
    named = run("batch", "-q", "-j", "1", str(private / "secret.txt"), "-d", str(out / "named"), cwd=tmp_path)
    assert named.returncode == 0, "a file named on the command line is read, link or not"


# -- bags: special files in data/, tag files that are not regular files ---------------------------------


@pytest.fixture
def bag(tmp_path: Path) -> Path:
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(TROTSKY, source / "a.txt")
    made = run("deposit", "-j", "1", str(source), "--bag", str(tmp_path / "bag"), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    return tmp_path / "bag"


@pytest.mark.parametrize("extra", ["fifo", "linked-folder", "linked-file"])
def test_special_files_in_a_bag_are_not_intact(extra: str, bag: Path, tmp_path: Path) -> None:
    """An extra FIFO or a symlinked folder inside data/ verified as intact."""
    if extra == "fifo":
        os.mkfifo(bag / "data" / "extra")
    elif extra == "linked-folder":
        (bag / "data" / "linked").symlink_to(tmp_path / "src")
    else:
        target = bag / "data" / "html" / "a.html"
        moved = tmp_path / "a.html"
        shutil.move(target, moved)
        target.symlink_to(moved)
    result = run("deposit", "--verify", str(bag), cwd=tmp_path, timeout=60)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    said = result.stdout + result.stderr
    if extra == "linked-file":  # bagit.py itself refuses a manifest entry that leads out of the bag
        assert "is unsafe" in said or "symbolic link" in said, said
    else:
        assert ("named pipe" if extra == "fifo" else "symbolic link") in result.stdout, said


def test_bag_info_that_is_a_fifo_or_device_is_refused_without_hanging(bag: Path, tmp_path: Path) -> None:
    (bag / "bag-info.txt").unlink()
    os.mkfifo(bag / "bag-info.txt")
    result = run("deposit", "--verify", str(bag), cwd=tmp_path, timeout=60)
    line = one_error(result, 1)
    assert "bag-info.txt is a named pipe" in line, line
    (bag / "bag-info.txt").unlink()
    (bag / "bag-info.txt").symlink_to("/dev/zero")
    line = one_error(run("deposit", "--verify", str(bag), cwd=tmp_path, timeout=60), 1)
    assert "bag-info.txt is a symbolic link" in line, line


# -- the collection commands (tei corpus, entities, site) follow the same rules ------------------------


def _collection(tmp_path: Path) -> Path:
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(TROTSKY, tmp_path / "a.txt")
    made = run("encode", "--no-annotate", "a.txt", "-o", str(source / "a.xml"), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    return source


def test_corpus_output_aimed_at_a_document_in_a_source_folder_is_refused(tmp_path: Path) -> None:
    """``tei corpus SRC -o SRC/a.xml`` replaced the document a.xml with the corpus."""
    source = _collection(tmp_path)
    before = snapshot(tmp_path)
    for args in (("corpus", str(source), "-o"), ("entities", str(source), "--format", "json", "-o")):
        line = one_error(run(*args, str(source / "a.xml"), cwd=tmp_path))
        assert "is the input" in line and "a.xml" in line, line
    assert snapshot(tmp_path) == before


def test_collection_commands_do_not_follow_links_out_of_a_folder(tmp_path: Path) -> None:
    source = _collection(tmp_path)
    private = tmp_path / "private"
    private.mkdir()
    secret = private / "secret.xml"
    secret.write_bytes((source / "a.xml").read_bytes().replace(b"NEGOTIATIONS", SECRET.encode()))
    (source / "leak.xml").symlink_to(secret)
    out = tmp_path / "out"
    out.mkdir()
    results = [
        run("corpus", str(source), "-o", str(out / "corpus.xml"), cwd=tmp_path),
        run("entities", str(source), "--format", "json", cwd=tmp_path),
        run("site", str(source), "-d", str(out / "site"), cwd=tmp_path),
    ]
    for result in results:
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert "leak.xml: is a symbolic link" in result.stderr, result.stderr
    no_secret(out, *results)


def test_collection_metadata_is_checked_on_the_way_in(tmp_path: Path, fifo: Path) -> None:
    source = _collection(tmp_path)
    (tmp_path / "m.toml").write_text('title = "A \\u0001 collection"\n', encoding="utf-8")
    line = one_error(run("corpus", str(source), "-o", "c.xml", "--meta", "m.toml", cwd=tmp_path))
    assert "m.toml" in line and "'title' holds the control character U+0001" in line, line
    line = one_error(run("corpus", str(source), "-o", "c.xml", "--meta", str(fifo), cwd=tmp_path, timeout=60))
    assert "named pipe" in line, line
    assert not (tmp_path / "c.xml").exists()
