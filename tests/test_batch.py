"""tei batch: a corpus through the pipeline, in parallel, incremental, with a JSON report."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, REPO

from tei.batch import BatchOptions, parse_formats, run_batch
from tei.batch.discover import iter_inputs
from tei.batch.state import STATE_NAME
from tei.encode import EncodeOptions
from tei.errors import UsageError

DEVSET = REPO / "tests" / "devset"
BROKEN = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader></TEI>\n'
INVALID = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>A paragraph.</p></body></text></TEI>\n'


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.pop("SOURCE_DATE_EPOCH", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tei.cli", *args], capture_output=True, text=True, env=full_env, timeout=300
    )


def corpus(folder: Path, *, devset: bool = True, broken: bool = True) -> Path:
    """The samples, the dev set (with its sidecars) and one broken file, as in the issue's "Done when"."""
    folder.mkdir(parents=True, exist_ok=True)
    for sample in EXAMPLES.glob("*.txt"):
        shutil.copy(sample, folder / sample.name)
    if devset:
        (folder / "devset").mkdir()
        for path in DEVSET.iterdir():
            if path.name.endswith((".txt", ".meta.toml")):
                shutil.copy(path, folder / "devset" / path.name)
    if broken:
        (folder / "broken.xml").write_bytes(BROKEN)
    return folder


def load(report: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return data


def statuses(report: dict[str, Any]) -> dict[str, str]:
    return {Path(doc["input"]).name: doc["status"] for doc in report["documents"]}


def test_done_when_batch(tmp_path: Path) -> None:
    source = corpus(tmp_path / "in")
    out, report_path = tmp_path / "out", tmp_path / "report.json"
    first = run("batch", str(source), "-d", str(out), "--report", str(report_path), "-j", "2")
    assert first.returncode == 1, first.stderr
    assert "Traceback" not in first.stderr
    assert "broken.xml" in first.stderr and "0 skipped" in first.stderr.splitlines()[-1]
    report = load(report_path)
    found = statuses(report)
    assert len(found) == 23  # 2 samples, 20 dev-set documents, the broken file
    assert found.pop("broken.xml") == "failed"
    assert set(found.values()) == {"done"}
    assert report["summary"] == {**report["summary"], "done": 22, "failed": 1, "skipped": 0, "total": 23}
    broken = next(doc for doc in report["documents"] if doc["input"].endswith("broken.xml"))
    assert broken["outputs"] == [] and broken["diagnostics"][0]["rule"] == "xml:not-well-formed"
    for doc in report["documents"]:
        for output in doc["outputs"]:
            assert hashlib.sha256(Path(output["path"]).read_bytes()).hexdigest() == output["sha256"]
    assert (out / "devset" / "lenin-calling-everybody-1918-02-04.html").is_file()  # folders mirrored
    assert (out / "lenin-report-on-peace-1917-11-08.txt").is_file()
    assert (out / STATE_NAME).is_file()

    second = run("batch", str(source), "-d", str(out), "--report", str(report_path), "-j", "2")
    assert second.returncode == 1
    again = statuses(load(report_path))
    assert again.pop("broken.xml") == "failed"
    assert set(again.values()) == {"skipped"}  # nothing redone


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return corpus(tmp_path / "in", devset=False, broken=False)


def by_name(records: list[Any]) -> dict[str, str]:
    return {Path(record.input).name: record.status for record in records}


def batch(sources: list[Path], out: Path, **kwargs: Any) -> tuple[Any, list[Any]]:
    records: list[Any] = []
    options = BatchOptions(outdir=out, **kwargs)
    summary = run_batch([str(s) for s in sources], options, on_record=records.append)
    return summary, records


def test_redo_when_an_output_is_altered_or_missing(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary, _ = batch([small], out)
    assert summary.done == 2
    (out / "lenin-report-on-peace-1917-11-08.html").write_text("edited", encoding="utf-8")
    (out / "trotsky-note-to-allied-ambassadors-1917-12-06.txt").unlink()
    _, records = batch([small], out)
    assert set(by_name(records).values()) == {"done"}
    _, records = batch([small], out)
    assert set(by_name(records).values()) == {"skipped"}
    _, records = batch([small], out, force=True)
    assert set(by_name(records).values()) == {"done"}


def test_redo_when_input_sidecar_or_options_change(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch([small], out)
    lenin = small / "lenin-report-on-peace-1917-11-08.txt"
    (small / "lenin-report-on-peace-1917-11-08.meta.toml").write_text('publisher = "Example Press"\n', "utf-8")
    _, records = batch([small], out)
    assert by_name(records) == {lenin.name: "done", "trotsky-note-to-allied-ambassadors-1917-12-06.txt": "skipped"}
    assert b"Example Press" in (out / "lenin-report-on-peace-1917-11-08.xml").read_bytes()
    _, records = batch([small], out, formats=("tei", "latex"))
    assert set(by_name(records).values()) == {"done"}
    assert (out / "lenin-report-on-peace-1917-11-08.tex").is_file()


def test_invalid_tei_fails_but_is_converted(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bare.xml").write_bytes(INVALID)
    out = tmp_path / "out"
    summary, records = batch([tmp_path / "in"], out)
    assert summary.failed == 1 and records[0].status == "failed"
    assert records[0].diagnostics and records[0].problem()
    assert (out / "bare.html").is_file() and (out / "bare.xml").read_bytes() == INVALID
    first = records[0].diagnostics
    written = (out / "bare.html").stat().st_mtime_ns
    _, records = batch([tmp_path / "in"], out)
    # Unchanged: reported failed again from the state, with the same diagnostics, and not redone.
    assert records[0].status == "failed" and records[0].diagnostics == first
    assert (out / "bare.html").stat().st_mtime_ns == written


def test_same_stem_mirrored_or_refused(tmp_path: Path) -> None:
    source = tmp_path / "in"
    for folder in ("a", "b"):
        (source / folder).mkdir(parents=True)
        shutil.copy(EXAMPLES / "trotsky-note-to-allied-ambassadors-1917-12-06.txt", source / folder / "note.txt")
    shutil.copy(EXAMPLES / "trotsky-note-to-allied-ambassadors-1917-12-06.txt", source / "a" / "note.md")
    summary, records = batch([source], tmp_path / "out", formats=("tei",))
    assert (tmp_path / "out" / "a" / "note.xml").is_file() and (tmp_path / "out" / "b" / "note.xml").is_file()
    assert summary.done == 2 and summary.failed == 1
    clash = next(record for record in records if record.status == "failed")
    assert clash.input.endswith("note.txt") and "same output names" in (clash.error or "")


def test_output_folder_inside_inputs_is_not_read_back(small: Path) -> None:
    out = small / "results"
    batch([small], out)
    summary, _ = batch([small], out)
    assert summary.total == 2 and summary.skipped == 2
    assert [item.rel for item in iter_inputs([str(small)], out)] == sorted(p.name for p in small.glob("*.txt"))


def test_usage_errors(small: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        parse_formats("tei,pdf")
    with pytest.raises(UsageError):
        batch([small], small)  # the output folder is the input folder: outputs would overwrite inputs
    assert sorted(p.suffix for p in small.iterdir()) == [".txt", ".txt"]  # nothing written
    result = run("batch", str(small), "-d", str(small))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    result = run("batch", str(tmp_path / "missing"), "-d", str(tmp_path / "out"))
    assert result.returncode == 2 and "no such file" in result.stderr
    result = run("batch", str(small), "-d", str(tmp_path / "out"), "--to", "pdf")
    assert result.returncode == 2 and "unknown format" in result.stderr


def test_scheduler_without_dask_is_one_line(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(UsageError, match=r"tei\[dist\]"):
        batch_with_scheduler(small, tmp_path / "out", "tcp://127.0.0.1:1")
    assert not (tmp_path / "out").exists()  # refused before anything was written


def batch_with_scheduler(source: Path, out: Path, address: str) -> list[Any]:
    records: list[Any] = []
    run_batch([str(source)], BatchOptions(outdir=out), scheduler=address, on_record=records.append)
    return records


def test_dask_cluster_gives_the_same_outputs_and_report(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the local run (run()) has none either
    (small / "broken.xml").write_bytes(BROKEN)
    local_report, dask_report = tmp_path / "local.json", tmp_path / "dask.json"
    local = run("batch", str(small), "-d", str(tmp_path / "local"), "--report", str(local_report), "-j", "1")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None
    ) as cluster:
        from tei.cli import main

        with pytest.raises(SystemExit) as exit_info:
            main(
                [
                    "batch",
                    str(small),
                    "-d",
                    str(tmp_path / "dask"),
                    "--report",
                    str(dask_report),
                    "-q",
                    "--scheduler",
                    cluster.scheduler_address,
                ]
            )
    assert exit_info.value.code == local.returncode == 1

    def comparable(report: Path) -> list[tuple[str, str, list[str], list[str]]]:
        docs = load(report)["documents"]
        return sorted(
            (
                Path(doc["input"]).name,
                doc["status"],
                [f"{Path(o['path']).name}:{o['sha256']}" for o in doc["outputs"]],
                [d["rule"] for d in doc["diagnostics"]],
            )
            for doc in docs
        )

    assert comparable(local_report) == comparable(dask_report)
    assert load(dask_report)["summary"]["failed"] == 1
    for path in (tmp_path / "local").iterdir():
        if path.name != STATE_NAME:
            assert (tmp_path / "dask" / path.name).read_bytes() == path.read_bytes()


# -- second round ------------------------------------------------------------------------------------


def test_edited_register_redoes_the_documents(small: Path, tmp_path: Path) -> None:
    """The state keyed a register by its path: editing it left stale outputs called up to date."""
    register = tmp_path / "register.xml"
    register.write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="nobody"><persName>Nobody Atall</persName>'
        "</person></listPerson>\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    encode = EncodeOptions(register_paths=(register,))
    summary, _ = batch([small], out, encode=encode)
    assert summary.done == 2
    _, records = batch([small], out, encode=encode)
    assert set(by_name(records).values()) == {"skipped"}
    register.write_text(register.read_text(encoding="utf-8").replace("Nobody Atall", "Allied Ambassadors"), "utf-8")
    _, records = batch([small], out, encode=encode)
    assert set(by_name(records).values()) == {"done"}
    assert 'ref="#nobody"' in (out / "trotsky-note-to-allied-ambassadors-1917-12-06.xml").read_text(encoding="utf-8")


def test_unreadable_subfolder_is_reported(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A subfolder the user cannot read was skipped without a word. Root reads everything, so the refusal
    of the system is simulated here; the real case runs in test_unreadable_subfolder_really_unreadable."""
    hidden = small / "private"
    hidden.mkdir()
    shutil.copy(small / "lenin-report-on-peace-1917-11-08.txt", hidden / "other.txt")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == hidden:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    summary, records = batch([small], tmp_path / "out")
    assert summary.failed == 1 and summary.done == 2
    failed = next(record for record in records if record.status == "failed")
    assert failed.input == str(hidden) and "cannot be read (permission denied)" in (failed.error or "")


def test_unreadable_subfolder_really_unreadable(small: Path, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: every folder is readable (test_unreadable_subfolder_is_reported simulates it)")
    hidden = small / "private"
    hidden.mkdir()
    shutil.copy(small / "lenin-report-on-peace-1917-11-08.txt", hidden / "other.txt")
    hidden.chmod(0)
    try:
        result = run("batch", "-q", str(small), "-d", str(tmp_path / "out"))
        deposit = run("deposit", str(small), "--bag", str(tmp_path / "bag"))
    finally:
        hidden.chmod(0o755)
    assert result.returncode == 1 and "private: this folder cannot be read" in result.stderr
    assert deposit.returncode == 1 and "private: this folder cannot be read" in deposit.stderr


def test_a_file_tei_did_not_write_is_not_replaced(small: Path, tmp_path: Path) -> None:
    """An output folder may hold the user's own files: a batch replaces only what it wrote there (or --force)."""
    out = tmp_path / "out"
    out.mkdir()
    mine = out / "lenin-report-on-peace-1917-11-08.txt"
    mine.write_bytes(b"my own notes\n")
    summary, records = batch([small], out)
    assert summary.failed == 1 and summary.done == 1
    failed = next(record for record in records if record.status == "failed")
    assert "a file is already there that tei did not write" in (failed.error or "")
    assert mine.read_bytes() == b"my own notes\n"
    summary, _ = batch([small], out, force=True)
    assert summary.done == 2 and mine.read_bytes() != b"my own notes\n"
    summary, _ = batch([small], out)
    assert summary.skipped == 2


def test_a_bag_among_the_sources_is_not_taken_in(small: Path, tmp_path: Path) -> None:
    """A deposit whose bag lay inside its sources took the old bag in as documents next time."""
    refused = run("deposit", str(small), "--bag", str(small / "bag"))
    assert refused.returncode == 2 and "inside the source folder" in refused.stderr, refused.stderr
    assert not (small / "bag").exists()
    made = run("deposit", str(small), "--bag", str(tmp_path / "bag"))
    assert made.returncode == 0, made.stderr
    shutil.move(tmp_path / "bag", small / "old-bag")
    again = run("deposit", str(small), "--bag", str(tmp_path / "bag2"))
    assert again.returncode == 1 and "old-bag: is a BagIt bag" in again.stderr, again.stderr
    assert not (tmp_path / "bag2").exists()


def test_conversion_warnings_reach_the_report(tmp_path: Path) -> None:
    """What a stylesheet could not show (an unknown element) is a warning in the report, not lost."""
    (tmp_path / "in").mkdir()
    unknown = INVALID.replace(b"<p>A paragraph.</p>", b"<p>A <frobnicate>paragraph</frobnicate>.</p>")
    (tmp_path / "in" / "odd.xml").write_bytes(unknown)
    _, records = batch([tmp_path / "in"], tmp_path / "out")
    warnings = [d for d in records[0].diagnostics if d.severity == "warning"]
    assert any(d.rule == "convert:html" and "frobnicate" in d.message for d in warnings), records[0].diagnostics
