"""The command line as a contract: outputs, errors as one line, exit status, no clobbering."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

TROTSKY = EXAMPLES / "trotsky-note-to-allied-ambassadors-1917-12-06.txt"


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    full_env = dict(os.environ)
    full_env.pop("SOURCE_DATE_EPOCH", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tei.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess[bytes], status: int = 2) -> str:
    assert result.returncode == status, result.stderr
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    return lines[0]


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("tei ")


def test_encode_to_stdout_and_file(tmp_path: Path) -> None:
    result = run("encode", "--no-annotate", str(TROTSKY))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI')
    target = tmp_path / "out.xml"
    assert run("encode", "--no-annotate", str(TROTSKY), "-o", str(target)).returncode == 0
    assert target.read_bytes() == result.stdout


def test_encode_stdin() -> None:
    result = run("encode", "--no-annotate", "-", stdin=TROTSKY.read_bytes())
    assert result.returncode == 0
    assert b"NEGOTIATIONS WITH THE" in result.stdout


def test_several_inputs_need_outdir(tmp_path: Path) -> None:
    one_line_error(run("encode", str(TROTSKY), str(TROTSKY)))
    copy = tmp_path / "other.txt"
    copy.write_bytes(TROTSKY.read_bytes())
    result = run("encode", "--no-annotate", str(TROTSKY), str(copy), "-d", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        ".tei-outputs.json",  # what tei wrote there, so that a later run may replace exactly those files
        "other.xml",
        "trotsky-note-to-allied-ambassadors-1917-12-06.xml",
    ]


def test_source_date_epoch_sets_change_date() -> None:
    result = run("encode", "--no-annotate", str(TROTSKY), env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert b'<change when="2023-11-14">' in result.stdout
    again = run("encode", "--no-annotate", str(TROTSKY), env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert again.stdout == result.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"caf\xe9 au lait\n", "--encoding"),
    ],
)
def test_bad_inputs_one_line(tmp_path: Path, content: bytes, expected: str) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    message = one_line_error(run("encode", str(source)))
    assert str(source) in message and expected in message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "no such file" in one_line_error(run("encode", str(tmp_path / "nope.txt")))
    assert "folder" in one_line_error(run("encode", str(tmp_path)))


def test_non_utf8_with_encoding(tmp_path: Path) -> None:
    source = tmp_path / "latin.txt"
    source.write_bytes("NOTE\n\nLe caf\xe9 de Trotsky est ouvert depuis longtemps, dit-on.\n".encode("cp1252"))
    result = run("encode", "--no-annotate", "--encoding", "cp1252", str(source))
    assert result.returncode == 0, result.stderr
    assert "café".encode() in result.stdout
    assert b"decoded from cp1252" in result.stdout


def test_bom_crlf_tabs_controls(tmp_path: Path) -> None:
    source = tmp_path / "messy.txt"
    source.write_bytes(b"\xef\xbb\xbfTITLE OF\tTHE NOTE\r\n\r\nThe\x07 text\tof the note goes on here, and on.\r\n")
    result = run("encode", "--no-annotate", str(source))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "\r" not in out and "\x07" not in out and "\ufeff" not in out
    assert "1 control character(s)" in out and "byte-order mark" in out and "normalised to LF" in out


def test_failing_run_keeps_existing_output(tmp_path: Path) -> None:
    target = tmp_path / "keep.xml"
    target.write_text("precious")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    one_line_error(run("encode", str(empty), "-o", str(target)))
    assert target.read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "keep.xml"]


def test_output_same_as_input_refused(tmp_path: Path) -> None:
    source = tmp_path / "note.xml"
    source.write_bytes(TROTSKY.read_bytes())
    assert "same file" in one_line_error(run("encode", str(source), "-o", str(source)))
    assert source.read_bytes() == TROTSKY.read_bytes()


def test_bad_meta_is_one_line(tmp_path: Path) -> None:
    meta = tmp_path / "m.toml"
    meta.write_text('titel = "x"\n')
    message = one_line_error(run("encode", str(TROTSKY), "--meta", str(meta)))
    assert "unknown metadata key 'titel'" in message
    meta.write_text('title = "x\n')
    assert "not valid TOML" in one_line_error(run("encode", str(TROTSKY), "--meta", str(meta)))


def test_sidecar_metadata(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_bytes(TROTSKY.read_bytes())
    (tmp_path / "note.meta.toml").write_text(
        'title = "Note to the Allied Ambassadors"\npublisher = "Example Press"\n'
        'licence = "CC BY 4.0"\nsource = "Soviet Documents on Foreign Policy"\nvolume = "I"\n'
    )
    out = run("encode", "--no-annotate", str(source)).stdout.decode()
    assert "<title>Note to the Allied Ambassadors</title>" in out
    assert "<publisher>Example Press</publisher>" in out
    assert 'target="https://creativecommons.org/licenses/by/4.0/"' in out
    assert '<biblScope unit="volume">I</biblScope>' in out


def test_unknown_input_format_is_usage_error() -> None:
    assert run("encode", "--input-format", "docx", str(TROTSKY)).returncode == 2


def test_demo(tmp_path: Path) -> None:
    result = run("demo", "-d", str(tmp_path / "demo"))
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "demo").glob("*.xml"))) == 2
    assert "checks ok" in result.stdout.decode()
