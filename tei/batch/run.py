"""Running a corpus: inputs streamed to a local process pool or a Dask cluster, results handled as they come.

Memory stays bounded: inputs come from a generator, at most ``WINDOW`` tasks
per worker are in flight, and each result is written to the report and
folded into the state as soon as it arrives. Only compact records (key and
output checksums) are kept, for the state file.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import re
import signal
import sys
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tei import __version__
from tei.batch.discover import InputFile, check_sources, iter_inputs
from tei.batch.pipeline import (
    BatchOptions,
    Record,
    already_done,
    output_rel,
    process_task,
    warm_up,
    with_content_keys,
)
from tei.batch.report import ReportWriter
from tei.batch.state import STATE_NAME, Previous, State
from tei.errors import UsageError
from tei.outputs import make_folder, same_file

#: Tasks in flight per worker: enough to keep workers busy, few enough to keep memory flat.
WINDOW = 4

Task = tuple[InputFile, Previous | None]

__all__ = ["Summary", "run_batch"]


@dataclass
class Summary:
    """Counts and time of a run."""

    done: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    complete: bool = False

    @property
    def total(self) -> int:
        return self.done + self.failed + self.skipped

    def add(self, record: Record) -> None:
        if record.status == "done":
            self.done += 1
        elif record.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1

    def to_json(self) -> dict[str, Any]:
        return {
            "done": self.done,
            "failed": self.failed,
            "skipped": self.skipped,
            "total": self.total,
            "seconds": round(self.seconds, 3),
            "complete": self.complete,
        }

    def line(self) -> str:
        """``22 documents: 21 done, 1 failed, 0 skipped in 3.2 s``."""
        noun = "document" if self.total == 1 else "documents"
        return (
            f"{self.total} {noun}: {self.done} done, {self.failed} failed, {self.skipped} skipped "
            f"in {self.seconds:.1f} s"
        )


def _worker_signals() -> None:
    """In a pool worker: Ctrl-C is the parent's to handle (it stops the workers); SIGTERM simply ends the worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _stop_workers(pool: cf.ProcessPoolExecutor) -> None:
    """End the workers now (interrupted or terminated): none may outlive the run or finish a document half."""
    processes: Any = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.terminate()
    for process in list(processes.values()):
        process.join(timeout=5)
        if process.is_alive():
            process.kill()


def _local(tasks: Iterator[Task], options: BatchOptions, jobs: int) -> Generator[Record, None, None]:
    if jobs == 1:
        for task in tasks:
            yield process_task(task, options)
        return
    pool: cf.ProcessPoolExecutor | None = None
    pending: set[cf.Future[Record]] = set()
    try:
        for task in tasks:
            skipped = already_done(task[0], task[1], options)
            if skipped is not None:
                yield skipped
                continue
            if pool is None:  # the first input with work to do: warm up, then fork the workers
                warm_up(options)
                methods = multiprocessing.get_all_start_methods()
                context = multiprocessing.get_context("fork" if "fork" in methods else None)
                pool = cf.ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_signals)
            pending.add(pool.submit(process_task, task, options))
            if len(pending) >= jobs * WINDOW:
                finished, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for future in finished:
                    yield future.result()
        for future in cf.as_completed(pending):
            yield future.result()
    except BaseException:
        if pool is not None:
            _stop_workers(pool)
        raise
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


#: A Dask scheduler address: ``[PROTOCOL://]HOST[:PORT]`` (host name, IPv4 or [IPv6]).
_ADDRESS = re.compile(
    r"(?:(?P<protocol>tcp|tls|ws|wss|ucx|inproc)://)?"
    r"(?P<host>[A-Za-z0-9](?:[A-Za-z0-9.\-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])"
    r"(?::(?P<port>[0-9]{1,5}))?/?"
)


def check_scheduler_address(address: str) -> None:
    """Refuse at once an address Dask could never reach (a typo would cost a long wait, then a traceback)."""
    match = _ADDRESS.fullmatch(address.strip())
    port = match.group("port") if match else None
    if match is None or (port is not None and not 0 < int(port) < 65536):
        raise UsageError(
            f"--scheduler {address!r} is not a scheduler address; write it as tcp://HOST:PORT "
            "(for example tcp://127.0.0.1:8786)"
        )


def _connect(address: str) -> Any:
    """A client of the Dask scheduler at ``address``; one-line usage errors without Dask or a scheduler."""
    import importlib

    check_scheduler_address(address)
    try:
        distributed: Any = importlib.import_module("distributed")  # the optional extra tei[dist]
    except ImportError:
        raise UsageError("--scheduler needs Dask: install it with pip install 'tei[dist]'") from None
    try:
        return distributed.Client(address.strip(), timeout="10s", set_as_default=False)
    except Exception as exc:  # Dask raises many kinds (OSError, TimeoutError, ValueError, its own CommClosedError)
        reason = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {reason}") from None


def _dask(tasks: Iterator[Task], options: BatchOptions, client: Any) -> Generator[Record, None, None]:
    import importlib

    distributed: Any = importlib.import_module("distributed")
    with client:
        window = max(1, sum(client.nthreads().values())) * WINDOW
        first = []
        for task in tasks:
            first.append(client.submit(process_task, task, options, pure=False))
            if len(first) >= window:
                break
        if not first:
            return
        running = distributed.as_completed(first, loop=client.loop)
        for future in running:
            record: Record = future.result()
            future.release()
            yield record
            following = next(tasks, None)
            if following is not None:
                running.add(client.submit(process_task, following, options, pure=False))


def _tasks(
    sources: Sequence[str], options: BatchOptions, state: State, refused: list[Record]
) -> Iterator[Task]:
    """The inputs with their remembered state.

    Entries that cannot be inputs (a link, a special file, an unreadable folder, a bag) and the second of two
    inputs with the same output names go to ``refused`` as failed records.
    """
    seen: dict[str, str] = {}
    for item in iter_inputs(sources, options.outdir):
        if item.problem:
            refused.append(Record(item.path, item.rel, "failed", error=item.problem))
            continue
        earlier = seen.setdefault(item.stem, item.path)
        if earlier != item.path:
            message = f"has the same output names as {earlier}; rename one of them or run them apart"
            refused.append(Record(item.path, item.rel, "failed", error=message))
            continue
        yield item, state.get(item.rel)


def _count(sources: Sequence[str], outdir: Path) -> int:
    return sum(1 for _ in iter_inputs(sources, outdir))


def check_report(report: Path, sources: Sequence[str], options: BatchOptions) -> None:
    """Refuse a ``--report`` path that is a file the run reads or writes, before anything is written.

    The report may not be an input (named or found in a folder), a sidecar,
    a register, the schema, the state file, or the path of one of the
    run's outputs.
    """
    from tei.metadata import sidecar_for

    def refuse(what: str) -> UsageError:
        return UsageError(f"--report {report} is {what}; choose another file for the report")

    outdir = options.outdir
    target = report.resolve()
    if target == (outdir / STATE_NAME).resolve():
        raise refuse("the batch's state file")
    for path in (*options.encode.register_paths, *([options.schema] if options.schema else [])):
        if same_file(report, path):
            raise refuse(f"the file {path}, which this run reads")
    for item in iter_inputs(sources, outdir):
        if same_file(report, item.path) or target == Path(item.path).resolve():
            raise refuse(f"the input {item.path}")
        if item.is_text and same_file(report, sidecar_for(Path(item.path))):
            raise refuse(f"the metadata file of {item.path}")
        for fmt in options.formats:
            if target == (outdir / output_rel(item.stem, fmt, format_folders=options.format_folders)).resolve():
                raise refuse(f"where the {fmt} output of {item.path} goes")


def run_batch(
    sources: Sequence[str],
    options: BatchOptions,
    *,
    jobs: int = 1,
    report: Path | None = None,
    scheduler: str | None = None,
    progress: bool = False,
    tell: Callable[[str], None] | None = None,
    on_record: Callable[[Record], None] | None = None,
    keep_state: bool = True,
) -> Summary:
    """Run every input under ``sources`` through the pipeline; return the counts.

    Usage errors (an unreadable source, a source inside the output folder,
    no Dask for ``scheduler``) raise before anything is written. A failing
    document is told through ``tell`` (one line) and the run goes on.
    """
    start = time.perf_counter()
    outdir = options.outdir
    if jobs < 1:
        raise UsageError("-j must be at least 1")
    check_sources(sources, outdir)
    if scheduler:
        check_scheduler_address(scheduler)
    options = with_content_keys(options)
    if report is not None:
        check_report(report, sources, options)
    client = _connect(scheduler) if scheduler else None
    make_folder(outdir, option="-d")
    state = State.load(outdir)
    refused: list[Record] = []
    tasks = _tasks(sources, options, state, refused)
    records = _dask(tasks, options, client) if client is not None else _local(tasks, options, jobs)
    header = {
        "tool": f"tei {__version__}",
        "outdir": str(outdir),
        "options": {**options.key_options(), "force": options.force, "jobs": jobs, "scheduler": scheduler},
    }
    writer = ReportWriter(report, header) if report is not None else None
    summary = Summary()
    bar: Any = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(
            total=_count(sources, outdir),
            unit="doc",
            desc="tei batch",
            leave=False,
            dynamic_ncols=True,
            file=sys.stderr,
        )

    def say(line: str) -> None:
        if tell is None:
            return
        if bar is None:
            tell(line)
            return
        with bar.external_write_mode(file=sys.stderr):
            tell(line)

    def handle(record: Record) -> None:
        summary.add(record)
        if record.key is not None and (record.status != "failed" or (record.error is None and record.diagnostics)):
            state.record(record.rel, Previous(record.key, record.outputs, record.diagnostics))
        if writer is not None:
            writer.add(record.to_json(outdir))
        if on_record is not None:
            on_record(record)
        problem = record.problem()
        if problem:
            say(problem)
        if bar is not None:
            bar.update(1)

    try:
        for record in records:
            handle(record)
            while refused:
                handle(refused.pop(0))
        while refused:
            handle(refused.pop(0))
        summary.complete = True
    finally:
        records.close()  # stops the workers now when the run was interrupted (none may outlive it)
        if bar is not None:
            bar.close()
        summary.seconds = time.perf_counter() - start
        if keep_state:
            state.save()
        if writer is not None:
            writer.close(summary.to_json())
    return summary

