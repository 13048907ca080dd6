"""Hostile XML through every command that reads XML: nothing leaks, nothing is fetched, nothing hangs.

The corpus is the ``*.xml`` and ``*.xsl`` templates next to this file
(``@SECRET_URI@``, ``@SECRET_PATH@``, ``@SECRET_XML_URI@``, ``@HTTP@`` and
``@OUT@`` are filled in at run time) plus documents generated here: the
quadratic blow-up, 10,000-deep nesting, a 20 MB and a 200 MB text node.
A secret file lives outside the documents' folder and an HTTP server listens
on 127.0.0.1; the secret must appear in no output and the server must
receive no request. Timeouts only catch hangs; they assert no speed.
"""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import TEI_ALL, run_tei

from tei import safexml
from tei.errors import InputError

HERE = Path(__file__).resolve().parent
SECRET = "TOPSECRET-7f3a9c"
TEI_HEAD = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Hostile</title></titleStmt>'
    "<publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Generated</p></sourceDesc></fileDesc>"
    "</teiHeader>"
)
#: A hang, not slowness: every case here finishes in well under a second on a small machine.
HANG = 120

#: Documents refused outright by every command (exit 1 or 2, a line naming the file and why).
REFUSED = {
    "xxe-file.xml": "declares an external entity",
    "xxe-http.xml": "declares an external entity",
    "xxe-attribute.xml": "",  # libxml2 rejects the reference in an attribute: not well-formed
    "xxe-parameter-http.xml": "declares an external entity",
    "xxe-error-exfiltration.xml": "",  # not well-formed: PE references in the internal subset
    "billion-laughs.xml": "entity",
    "internal-entity.xml": "declares an entity",
    "quadratic-blowup.xml": "entity",
    "deep-nesting.xml": "nested more than 256",
    "text-node-20mb.xml": "10 MB limit",
    "text-node-200mb.xml": "over the limit",
}
#: Documents whose hostile part is simply never acted on (a DTD is not loaded, XInclude not processed).
IGNORED = ["dtd-local.xml", "dtd-http.xml", "xinclude-secret.xml", "xinclude-outside.xml", "xinclude-http.xml"]


@dataclass
class Server:
    """A local HTTP server that serves the secret and remembers every request."""

    url: str
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    record = Server("")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            record.requests.append(self.path)
            body = f"<secret>{SECRET}</secret>".encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    record.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield record
    httpd.shutdown()
    httpd.server_close()


@dataclass
class Corpus:
    docs: Path
    secret: Path
    out: Path


def _fill(text: str, corpus: Corpus, server: Server) -> str:
    return (
        text.replace("@SECRET_URI@", corpus.secret.as_uri())
        .replace("@SECRET_XML_URI@", corpus.secret.with_suffix(".xml").as_uri())
        .replace("@SECRET_PATH@", str(corpus.secret))
        .replace("@HTTP@", server.url)
        .replace("@OUT@", str(corpus.out / "written-by-xslt.txt"))
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, server: Server) -> Corpus:
    root = tmp_path_factory.mktemp("hostile")
    (root / "private").mkdir()
    secret = root / "private" / "secret.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    secret.with_suffix(".xml").write_text(f"<secret>{SECRET}</secret>\n", encoding="utf-8")
    found = Corpus(root / "docs", secret, root / "out")
    found.docs.mkdir()
    found.out.mkdir()
    for template in sorted(HERE.glob("*.xml")) + sorted(HERE.glob("*.xsl")):
        (found.docs / template.name).write_text(_fill(template.read_text(encoding="utf-8"), found, server), "utf-8")
    # Generated: too big or too regular to keep in git.
    entity = "x" * 50_000
    (found.docs / "quadratic-blowup.xml").write_text(
        f'<!DOCTYPE TEI [<!ENTITY a "{entity}">]>{TEI_HEAD}<text><body><p>{"&a;" * 50_000}</p></body></text></TEI>',
        encoding="utf-8",
    )
    depth = 10_000
    (found.docs / "deep-nesting.xml").write_text(
        f"{TEI_HEAD}<text><body>{'<div>' * depth}<p>deep</p>{'</div>' * depth}</body></text></TEI>", encoding="utf-8"
    )
    for name, size in (("text-node-20mb.xml", 20_000_000), ("text-node-200mb.xml", 200_000_000)):
        with (found.docs / name).open("wb") as stream:
            stream.write(f"{TEI_HEAD}<text><body><p>".encode())
            chunk = b"lorem ipsum " * 87_381  # ~1 MB
            written = 0
            while written < size:
                stream.write(chunk)
                written += len(chunk)
            stream.write(b"</p></body></text></TEI>\n")
    return found


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_tei(*args, cwd=cwd, timeout=HANG)


def commands(out: Path, name: str) -> dict[str, list[str]]:
    """Every command that reads a TEI file, with its output going under ``out``."""
    stem = Path(name).stem
    found = {
        "validate": ["validate", name],
        "validate-json": ["validate", "--format", "json", name],
        "convert-html": ["convert", "--to", "html", name, "-o", str(out / f"{stem}.html")],
        "convert-text": ["convert", "--to", "text", name],
        "batch": ["batch", "-q", "-j", "1", "--to", "tei,html,text", "-d", str(out / f"batch-{stem}"), name],
        "deposit": ["deposit", "-j", "1", "--bag", str(out / f"bag-{stem}"), name],
    }
    if TEI_ALL.is_file():
        found["validate-tei-all"] = ["validate", "--schema", str(TEI_ALL), name]
    return found


def leaked(result: subprocess.CompletedProcess[str], out: Path) -> list[str]:
    """Where the secret turned up: the streams, or any file a command wrote."""
    places = [stream for stream, text in (("stdout", result.stdout), ("stderr", result.stderr)) if SECRET in text]
    for path in out.rglob("*"):
        if path.is_file() and SECRET.encode() in path.read_bytes():
            places.append(str(path))
    return places


def assert_clean(result: subprocess.CompletedProcess[str], corpus: Corpus, server: Server, what: str) -> None:
    assert "Traceback" not in result.stderr, (what, result.stderr[-2000:])
    assert not leaked(result, corpus.out), (what, leaked(result, corpus.out))
    assert not server.requests, (what, server.requests)


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_by_every_command(case: str, corpus: Corpus, server: Server) -> None:
    server.requests.clear()
    for what, args in commands(corpus.out, case).items():
        result = run(*args, cwd=corpus.docs)
        assert_clean(result, corpus, server, what)
        assert result.returncode in (1, 2), (what, result.returncode, result.stderr[-2000:])
        # One line names the file and says why (validate reports a not-well-formed file as a diagnostic
        # on standard output, and its JSON report puts the name and the message on lines of their own).
        said = result.stdout[-5000:] + result.stderr[-5000:]
        assert case in said, (what, said)
        assert REFUSED[case] in said, (what, said)
        if what != "validate-json":
            naming = [line for line in said.splitlines() if case in line]
            assert any(REFUSED[case] in line and len(line) < 600 for line in naming), (what, naming)


@pytest.mark.parametrize("case", IGNORED)
def test_dtds_and_xincludes_are_never_followed(case: str, corpus: Corpus, server: Server) -> None:
    server.requests.clear()
    for what, args in commands(corpus.out, case).items():
        result = run(*args, cwd=corpus.docs)
        assert_clean(result, corpus, server, what)
        assert result.returncode in (0, 1, 2), (what, result.returncode)


@pytest.mark.parametrize("case", ["xinclude-secret.xml", "xinclude-outside.xml", "xinclude-http.xml"])
@pytest.mark.parametrize("command", ["validate", "convert"])
def test_xinclude_when_asked_stays_in_the_folder(case: str, command: str, corpus: Corpus, server: Server) -> None:
    server.requests.clear()
    args = (
        ["validate", "--xinclude", case] if command == "validate" else ["convert", "--xinclude", "--to", "text", case]
    )
    result = run(*args, cwd=corpus.docs)
    assert_clean(result, corpus, server, command)
    assert result.returncode == 2
    assert f"tei: {case}:2: XInclude of " in result.stderr
    assert "refused" in result.stderr


def test_xinclude_when_asked_includes_a_neighbour(tmp_path: Path) -> None:
    (tmp_path / "part.xml").write_text('<p xmlns="http://www.tei-c.org/ns/1.0">Included words.</p>', "utf-8")
    (tmp_path / "note.txt").write_text("plain words", "utf-8")
    main = tmp_path / "main.xml"
    main.write_text(
        f'{TEI_HEAD}<text xmlns:xi="http://www.w3.org/2001/XInclude"><body><xi:include href="part.xml"/>'
        '<p>Text: <xi:include href="note.txt" parse="text"/>.</p></body></text></TEI>',
        "utf-8",
    )
    result = run("convert", "--xinclude", "--to", "text", str(main), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Included words." in result.stdout
    assert "Text: plain words." in result.stdout
    without = run("convert", "--to", "text", str(main), cwd=tmp_path)
    assert "Included words." not in without.stdout


def test_huge_lifts_the_limits_only_when_asked(corpus: Corpus) -> None:
    depth = 1_000
    (corpus.docs / "deep-1000.xml").write_text(
        f"{TEI_HEAD}<text><body>{'<div>' * depth}<p>deep</p>{'</div>' * depth}</body></text></TEI>", "utf-8"
    )
    for command in (["convert", "--to", "text"], ["validate"]):
        refused = run(*command, "deep-1000.xml", cwd=corpus.docs)
        assert refused.returncode == 2
        assert "nested more than 256 levels deep" in refused.stderr
        assert "use --huge" in refused.stderr
        allowed = run(*command, "--huge", "deep-1000.xml", cwd=corpus.docs)
        assert "Traceback" not in allowed.stderr, allowed.stderr[-2000:]
        assert allowed.returncode in (0, 1), allowed.stderr[-2000:]
    # 1,000 levels pass the parser with --huge; the stylesheets' recursion limit may still refuse (one line, exit 1).
    (corpus.docs / "deep-300.xml").write_text(
        f"{TEI_HEAD}<text><body>{'<div>' * 300}<p>deep</p>{'</div>' * 300}</body></text></TEI>", "utf-8"
    )
    assert "deep" in run("convert", "--huge", "--to", "text", "deep-300.xml", cwd=corpus.docs).stdout
    # Even --huge keeps libxml2's hard limit.
    hard = run("convert", "--huge", "--to", "text", "deep-nesting.xml", cwd=corpus.docs)
    assert hard.returncode == 2
    assert "nested more than 2048 levels deep" in hard.stderr


_PEAK_OF_CHILD = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True, errors='replace')\n"
    "sys.stderr.write(done.stderr)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(done.returncode)\n"
)


def test_the_200mb_file_costs_no_memory(corpus: Corpus) -> None:
    """Refused from its size before it is read: each command's peak memory stays far below the file's size.

    Each command runs under a fresh wrapper process, so its peak is its own
    (``RUSAGE_CHILDREN`` of this test process would include every earlier child).
    """
    for args in (
        ["validate", "text-node-200mb.xml"],
        ["convert", "--to", "html", "text-node-200mb.xml"],
        ["batch", "-q", "-j", "1", "-d", str(corpus.out / "batch-200"), "text-node-200mb.xml"],
        ["deposit", "-j", "1", "--bag", str(corpus.out / "bag-200"), "text-node-200mb.xml"],
    ):
        result = subprocess.run(
            [sys.executable, "-c", _PEAK_OF_CHILD, sys.executable, "-m", "tei.cli", *args],
            capture_output=True,
            text=True,
            errors="replace",
            cwd=corpus.docs,
            timeout=HANG,
        )
        assert result.returncode in (1, 2), (args, result.stderr[-1000:])
        assert "over the limit of 50 MB" in result.stderr, (args, result.stderr[-1000:])
        peak_kib = int(result.stdout.split()[-1])
        # In KiB; a full read of the file would be over 195,000.
        assert peak_kib < 150_000, (args, peak_kib)


# -- XSLT: a user's --xslt may not read outside its folder, write files or use the network -------------------


@pytest.mark.parametrize(
    "stylesheet",
    [
        "xslt-read-secret.xsl",
        "xslt-read-http.xsl",
        "xslt-write-file.xsl",
        "xslt-import-outside.xsl",
        "xslt-include-entity.xsl",
        "xslt-import-entity.xsl",
        "xslt-document-entity.xsl",
    ],
)
def test_hostile_stylesheet_is_refused_or_yields_nothing(stylesheet: str, corpus: Corpus, server: Server) -> None:
    server.requests.clear()
    doc = corpus.docs / "plain.xml"
    doc.write_text(f"{TEI_HEAD}<text><body><p>Words.</p></body></text></TEI>", "utf-8")
    result = run("convert", "--to", "text", "--xslt", stylesheet, "plain.xml", cwd=corpus.docs)
    assert_clean(result, corpus, server, stylesheet)
    assert not (corpus.out / "written-by-xslt.txt").exists()
    if result.returncode:
        assert result.returncode in (1, 2)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("stylesheet", ["xslt-include-entity.xsl", "xslt-import-entity.xsl"])
def test_a_stylesheet_pulled_in_is_parsed_safely(stylesheet: str, corpus: Corpus, server: Server) -> None:
    """Issue 11: a stylesheet included or imported by the user's may not declare an external entity;
    libxslt used to parse it with entity substitution, and the output held the file."""
    doc = corpus.docs / "plain.xml"
    doc.write_text(f"{TEI_HEAD}<text><body><p>Words.</p></body></text></TEI>", "utf-8")
    result = run("convert", "--to", "text", "--xslt", stylesheet, "plain.xml", cwd=corpus.docs)
    assert_clean(result, corpus, server, stylesheet)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "xslt-included-entity.xsl" in lines[0] and "declares an external entity" in lines[0]


# -- the parser itself -----------------------------------------------------------------------------------------


def test_safexml_refuses_entities_in_any_encoding() -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>'
    with pytest.raises(InputError, match="declares an entity"):
        safexml.fromstring(text.encode("utf-16"), "utf16.xml")


def test_safexml_never_asks_for_an_external_resource(corpus: Corpus, server: Server) -> None:
    server.requests.clear()
    for name in ("dtd-http.xml", "dtd-local.xml"):
        root = safexml.parse_file(corpus.docs / name).getroot()
        assert SECRET not in "".join(root.itertext())
    assert not server.requests


def test_safexml_size_limit_counts_bytes_given_in_memory() -> None:
    with pytest.raises(InputError, match="over the limit"):
        safexml.fromstring(b"<r>" + b"x" * safexml.MAX_BYTES + b"</r>", "big.xml")


# -- a user's --schema may not reach the network either ------------------------------------------------------


def test_hostile_schemas_fetch_nothing(corpus: Corpus, server: Server) -> None:
    server.requests.clear()
    doc = corpus.docs / "r.xml"
    doc.write_text("<r/>", "utf-8")
    (corpus.docs / "import-http.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:import namespace="urn:o" '
        f'schemaLocation="{server.url}/other.xsd"/><xs:element name="r"/></xs:schema>',
        "utf-8",
    )
    (corpus.docs / "external-http.rng").write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>'
        f'<externalRef href="{server.url}/other.rng"/></start></grammar>',
        "utf-8",
    )
    (corpus.docs / "entity.rng").write_text(
        f'<!DOCTYPE grammar [<!ENTITY x SYSTEM "{corpus.secret.as_uri()}">]>'
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="r"><value>&x;</value>'
        "</element></start></grammar>",
        "utf-8",
    )
    for schema in ("import-http.xsd", "external-http.rng", "entity.rng"):
        result = run("validate", "--schema", schema, "r.xml", cwd=corpus.docs)
        assert_clean(result, corpus, server, schema)
        assert result.returncode in (0, 1, 2)
    assert run("validate", "--schema", "external-http.rng", "r.xml", cwd=corpus.docs).returncode == 2
