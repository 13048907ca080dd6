"""tei deposit: BagIt packages for archival deposit, and their verification."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES
from test_batch import BROKEN, INVALID, corpus, run

from tei.deposit import DepositOptions, make_deposit, verify_bag
from tei.errors import InputError, ProcessingError, UsageError

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


def bagit_validate(bag: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bagit", "--validate", str(bag)], capture_output=True, text=True, timeout=120
    )


def test_done_when_deposit(tmp_path: Path) -> None:
    source = corpus(tmp_path / "in")
    bag = tmp_path / "bag"
    refused = run("deposit", str(source), "--bag", str(bag), env=EPOCH)
    assert refused.returncode == 1, refused.stderr
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "broken.xml" in lines[0] and "not well-formed" in lines[0]
    assert not bag.exists() and [p.name for p in tmp_path.iterdir()] == ["in"]  # no temporary folder left

    (source / "broken.xml").unlink()
    made = run("deposit", str(source), "--bag", str(bag), env=EPOCH)
    assert made.returncode == 0, made.stderr
    assert bagit_validate(bag).returncode == 0
    assert (bag / "bagit.txt").read_text() == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    for name in ("manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt", "tagmanifest-sha512.txt"):
        assert (bag / name).is_file()
    info = (bag / "bag-info.txt").read_text()
    assert "Bagging-Date: 2023-11-14" in info and "TEI-Document-Count: 22" in info
    assert "Source-Organization: " in info and "Payload-Oxum: " in info and "Bag-Software-Agent: tei " in info
    assert "External-Description: 22 TEI P5 document(s)" in info and "Calling Everybody; " in info
    assert "; and 12 more" in info
    assert (bag / "data" / "tei" / "devset" / "lenin-calling-everybody-1918-02-04.xml").is_file()
    assert (bag / "data" / "html" / "lenin-report-on-peace-1917-11-08.html").is_file()
    assert (bag / "data" / "text" / "lenin-report-on-peace-1917-11-08.txt").is_file()
    assert "tei deposit --verify" in (bag / "data" / "README.txt").read_text()
    report = json.loads((bag / "data" / "validation-report.json").read_text())
    assert len(report["documents"]) == 22 and all(doc["valid"] for doc in report["documents"])

    intact = run("deposit", "--verify", str(bag))
    assert intact.returncode == 0 and intact.stdout == ""
    altered = bag / "data" / "html" / "lenin-report-on-peace-1917-11-08.html"
    altered.write_bytes(altered.read_bytes().replace(b"Peace", b"Piece", 1))
    rejected = run("deposit", "--verify", str(bag))
    assert rejected.returncode == 1
    assert rejected.stdout.splitlines() == [f"{altered}: altered (sha256 and sha512 differ from the manifest)"]
    assert bagit_validate(bag).returncode != 0


def test_reproducible_with_source_date_epoch(tmp_path: Path) -> None:
    source = corpus(tmp_path / "in", devset=False, broken=False)
    options = DepositOptions(bagging_date="2023-11-14", jobs=2)
    first, second = tmp_path / "one" / "bag", tmp_path / "two" / "bag"
    make_deposit([str(source)], first, options)
    make_deposit([str(source)], second, DepositOptions(bagging_date="2023-11-14", jobs=1))
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_refuses_non_empty_bag_folder(tmp_path: Path) -> None:
    source = corpus(tmp_path / "in", devset=False, broken=False)
    bag = tmp_path / "bag"
    bag.mkdir()
    (bag / "keep.txt").write_text("mine", encoding="utf-8")
    result = run("deposit", str(source), "--bag", str(bag))
    assert result.returncode == 2 and "not empty" in result.stderr
    assert [p.name for p in bag.iterdir()] == ["keep.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    make_deposit([str(source)], empty, DepositOptions(bagging_date="2024-01-01"))
    assert (empty / "bagit.txt").is_file()


def test_invalid_refused_unless_allowed(tmp_path: Path) -> None:
    source = corpus(tmp_path / "in", devset=False, broken=False)
    (source / "bare.xml").write_bytes(INVALID)
    with pytest.raises(ProcessingError, match=r"bare\.xml: does not validate: line \d+"):
        make_deposit([str(source)], tmp_path / "bag", DepositOptions(bagging_date="2024-01-01"))
    told: list[str] = []
    options = DepositOptions(bagging_date="2024-01-01", allow_invalid=True)
    result = make_deposit([str(source)], tmp_path / "bag", options, tell=told.append)
    assert result.invalid == ("bare.xml",) and told and "bare.xml" in told[0]
    bag = tmp_path / "bag"
    info = (bag / "bag-info.txt").read_text()
    assert "TEI-Allow-Invalid: yes" in info and "TEI-Invalid-Count: 1" in info
    assert "data/tei/bare.xml" in (bag / "data" / "README.txt").read_text()
    assert (bag / "data" / "tei" / "bare.xml").read_bytes() == INVALID
    assert verify_bag(bag)[0] == []
    (source / "broken.xml").write_bytes(BROKEN)  # not well-formed: never deposited
    with pytest.raises(ProcessingError, match=r"broken\.xml"):
        make_deposit([str(source)], tmp_path / "bag2", options)


def test_verify_names_every_problem(tmp_path: Path) -> None:
    source = corpus(tmp_path / "in", devset=False, broken=False)
    bag = tmp_path / "bag"
    make_deposit([str(source)], bag, DepositOptions(bagging_date="2024-01-01"))
    (bag / "data" / "text" / "lenin-report-on-peace-1917-11-08.txt").unlink()
    (bag / "data" / "extra.txt").write_text("not in the manifest", encoding="utf-8")
    html = bag / "data" / "html" / "trotsky-note-to-allied-ambassadors-1917-12-06.html"
    html.write_bytes(html.read_bytes() + b"\n")
    with (bag / "bag-info.txt").open("a", encoding="utf-8") as stream:
        stream.write("Contact-Name: someone\n")
    problems, _ = verify_bag(bag)
    assert len(problems) == 4
    text = "\n".join(problems)
    for name, what in (
        ("lenin-report-on-peace-1917-11-08.txt", "missing"),
        ("extra.txt", "extra"),
        ("trotsky-note-to-allied-ambassadors-1917-12-06.html", "altered"),
        ("bag-info.txt", "altered"),
    ):
        assert f"{name}: {what}" in text


def test_verify_usage(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a BagIt bag"):
        verify_bag(tmp_path)
    assert run("deposit", "--verify", str(tmp_path)).returncode == 2
    assert run("deposit", "x.txt", "--verify", str(tmp_path)).returncode == 2
    assert run("deposit", str(tmp_path)).returncode == 2  # no --bag
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match=r"no \.txt"):
        make_deposit([str(tmp_path / "empty")], tmp_path / "bag", DepositOptions(bagging_date="2024-01-01"))


# -- second round ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a%0Ab.txt", "a\nb.txt", "50%.txt", "tab\there.txt"])
def test_a_name_a_manifest_cannot_hold_is_refused(name: str, tmp_path: Path) -> None:
    """A source named ``a%0Ab.txt`` was deposited with exit 0, then failed --verify and bagit's own check."""
    source = tmp_path / "src"
    source.mkdir()
    (source / name).write_bytes((EXAMPLES / "trotsky-note-to-allied-ambassadors-1917-12-06.txt").read_bytes())
    result = run("deposit", str(source), "--bag", str(tmp_path / "bag"))
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "a BagIt manifest cannot record unambiguously" in lines[0], lines
    assert not (tmp_path / "bag").exists()


def test_an_edited_tag_manifest_is_named(tmp_path: Path) -> None:
    """Editing tagmanifest-sha256.txt was reported as ``bag-info.txt: altered``; the manifest is the one altered."""
    source = corpus(tmp_path / "in", devset=False, broken=False)
    bag = tmp_path / "bag"
    assert run("deposit", str(source), "--bag", str(bag)).returncode == 0
    manifest = bag / "tagmanifest-sha256.txt"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    edited = [("0" if line[0] != "0" else "1") + line[1:] if "bag-info.txt" in line else line for line in lines]
    manifest.write_text("".join(edited), encoding="utf-8")
    result = run("deposit", "--verify", str(bag))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{manifest}: altered (its sha256 of bag-info.txt does not match the file, "
        "which matches tagmanifest-sha512.txt)"
    ]


def test_an_unreadable_subfolder_stops_the_deposit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``tei deposit`` exited 0 with 1 of 2 documents and said every document validated. Root reads every
    folder, so the system's refusal is simulated (test_batch has the real case for other users)."""
    import os

    source = corpus(tmp_path / "in", devset=False, broken=False)
    hidden = source / "private"
    hidden.mkdir()
    (hidden / "other.txt").write_bytes((EXAMPLES / "lenin-report-on-peace-1917-11-08.txt").read_bytes())
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == hidden:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(ProcessingError, match=r"private: this folder cannot be read \(permission denied\)"):
        make_deposit([str(source)], tmp_path / "bag", DepositOptions(bagging_date="2024-01-01"))
    assert not (tmp_path / "bag").exists()
