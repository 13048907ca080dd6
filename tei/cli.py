"""The ``tei`` command: a thin click layer over the library.

Only this module imports click or reads the environment; errors are caught
once in ``main()`` and printed as one line each (``--debug`` shows tracebacks).
"""

from __future__ import annotations

import datetime
import errno
import functools
import os
import re
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

import click

from tei import __version__

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class Terminated(BaseException):
    """SIGTERM arrived: unwound like Ctrl-C, so that a batch saves its state and stops its workers."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # one is enough: let the clean-up finish
    raise Terminated


def _registry(module: str, name: str) -> Callable[[], Sequence[str]]:
    """The names in a registry such as ``tei.transform.FORMATS``, imported only when needed (a fast ``--version``)."""

    def names() -> Sequence[str]:
        import importlib

        return tuple(getattr(importlib.import_module(module), name))

    return names


class RegistryChoice(click.ParamType):  # type: ignore[type-arg]  # generic only in some click versions
    """A choice among the names of a registry, read when a value is checked or help is shown."""

    name = "choice"

    def __init__(self, names: Callable[[], Sequence[str]], *, several: bool = False) -> None:
        self.names = names
        self.several = several

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + ("," if self.several else "|").join(self.names()) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        choices = self.names()
        if self.several or value in choices:
            return value
        self.fail(f"{value!r} is not one of {', '.join(map(repr, choices))}", param, ctx)


def _change_date(explicit: str | None) -> str | None:
    """The revision date: ``--date``, else SOURCE_DATE_EPOCH, else none (no clock)."""
    if explicit:
        try:
            if not _DAY.fullmatch(explicit):
                raise ValueError(explicit)
            datetime.date.fromisoformat(explicit)
        except ValueError as exc:
            raise click.BadParameter(f"{explicit!r} is not a date like 2024-01-31", param_hint="--date") from exc
        return explicit
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date().isoformat()
        except (ValueError, OverflowError, OSError) as exc:
            raise click.UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from exc
    return None


def _fail(message: str) -> None:
    click.echo(f"tei: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="tei", message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Scholarly encoding in TEI-XML: encode, validate, convert."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


_HUGE_XML = "Lift the size (50 MB), depth (256) and text-node (10 MB) limits: trusted files only."
_HUGE_TEXT = "Lift the 50 MB limit on an input's size: trusted files only."


def _huge_option(command: Callable[..., Any], help: str = _HUGE_XML) -> Callable[..., Any]:
    return click.option("--huge", is_flag=True, help=help)(command)


def _force_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--force",
        is_flag=True,
        help="With -d: replace files there that tei did not write (see docs/cli.md).",
    )(command)


def _check_registers(registers: Sequence[Path]) -> None:
    from tei.files import is_regular

    for register in registers:
        if not is_regular(register):
            what = "is not a regular file" if register.exists() else "no such register file"
            raise click.BadParameter(f"{register}: {what}", param_hint="--register")


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the TEI here (one input).")
@click.option("-d", "--outdir", type=click.Path(path_type=Path), help="Write one NAME.xml per input here.")
@click.option("--meta", "meta_path", type=click.Path(path_type=Path), help="Metadata TOML (else NAME.meta.toml).")
@click.option(
    "--register",
    "registers",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A TEI register that adds to or overrides the built-in one (repeatable).",
)
@click.option(
    "--input-format",
    type=RegistryChoice(_registry("tei.encode", "INPUT_FORMATS")),
    default="auto",
    show_default=True,
)
@click.option("--encoding", help="Encoding of the input when it is not UTF-8 (e.g. cp1252).")
@click.option("--date", "date", help="Date of the revisionDesc change (YYYY-MM-DD); else SOURCE_DATE_EPOCH.")
@click.option("--no-annotate", is_flag=True, help="Structure and header only: no names or dates.")
@functools.partial(_huge_option, help=_HUGE_TEXT)
@_force_option
@click.pass_context
def encode(
    ctx: click.Context,
    inputs: tuple[str, ...],
    output: Path | None,
    outdir: Path | None,
    meta_path: Path | None,
    registers: tuple[Path, ...],
    input_format: str,
    encoding: str | None,
    date: str | None,
    no_annotate: bool,
    huge: bool,
    force: bool,
) -> None:
    """Encode plain text or light Markdown as TEI P5."""
    from tei.encode import EncodeOptions, encode_file
    from tei.errors import each
    from tei.metadata import sidecar_for
    from tei.outputs import Writer, make_folder, plan_targets
    from tei.serialize import to_bytes

    _check_registers(registers)
    options = EncodeOptions(
        input_format=input_format,
        encoding=encoding,
        register_paths=tuple(registers),
        change_date=_change_date(date),
        annotate=not no_annotate,
        huge=huge,
    )
    sidecars = [sidecar_for(Path(item)) for item in inputs if item != "-"]
    read = [*sidecars, *registers, *([meta_path] if meta_path else [])]
    targets = plan_targets(list(inputs), output, outdir, ".xml", also_read=read)
    if outdir is not None:
        make_folder(outdir, option="-d")
    writer = Writer(force=force)

    def encode_one(pair: tuple[str, Path | None]) -> None:
        item, target = pair
        data = to_bytes(encode_file(item, options, meta_path=meta_path))
        if target is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            writer.write(target, data, named=output is not None)

    try:
        status = each(zip(inputs, targets, strict=True), encode_one, _teller(ctx), name=lambda pair: pair[0])
    finally:
        writer.save()
    ctx.exit(status)


def _xml_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--huge`` and ``--xinclude``: the two ways to relax the safe XML parser (tei.safexml)."""
    command = click.option(
        "--xinclude",
        is_flag=True,
        help="Process xi:include (only files in the document's own folder).",
    )(command)
    return _huge_option(command)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--schema",
    type=click.Path(path_type=Path),
    help="Validate against this XSD or RELAX NG (.rng) instead of the project's schema and rules.",
)
@click.option(
    "--format", "fmt", type=RegistryChoice(_registry("tei.validate", "FORMATS")), default="text", show_default=True
)
@_xml_options
@click.pass_context
def validate(
    ctx: click.Context, files: tuple[str, ...], schema: Path | None, fmt: str, huge: bool, xinclude: bool
) -> None:
    """Validate TEI files: FILE:LINE:COL: error: MESSAGE [RULE], then a summary."""
    from tei.safexml import XmlOptions
    from tei.validate import run_validate

    options = XmlOptions(huge_tree=huge, xinclude=xinclude)
    out, messages, status = run_validate(list(files), schema=schema, fmt=fmt, options=options)
    sys.stdout.write(out)
    sys.stdout.flush()
    for message in messages:
        click.echo(message, err=True)
    ctx.exit(status)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--to", "fmt", type=RegistryChoice(_registry("tei.transform", "FORMATS")), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the result here (one input).")
@click.option("-d", "--outdir", type=click.Path(path_type=Path), help="Write one result per input here.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A stylesheet parameter (repeatable; see transforms/README.md).",
)
@click.option("--furniture", is_flag=True, help="Include page furniture (running heads, navigation) in the output.")
@click.option(
    "--edition",
    type=click.Choice(["reading", "diplomatic"]),
    help="Which text to show: the editor's (reading, the default) or the source's (= --param edition=…).",
)
@click.option("--xslt", type=click.Path(path_type=Path), help="Use this XSLT 1.0 stylesheet instead of the built-in.")
@_xml_options
@_force_option
@click.pass_context
def convert(
    ctx: click.Context,
    files: tuple[str, ...],
    fmt: str,
    output: Path | None,
    outdir: Path | None,
    params: tuple[str, ...],
    furniture: bool,
    edition: str | None,
    xslt: Path | None,
    huge: bool,
    xinclude: bool,
    force: bool,
) -> None:
    """Convert TEI to an HTML reading edition, XSL-FO, LaTeX or plain text."""
    from tei.safexml import XmlOptions
    from tei.transform import parse_params, run_convert

    values = parse_params(params)
    if furniture:
        values["furniture"] = "1"
    if edition:
        values["edition"] = edition
    options = XmlOptions(huge_tree=huge, xinclude=xinclude)
    outcome = run_convert(
        list(files),
        fmt=fmt,
        output=output,
        outdir=outdir,
        params=values,
        xslt=xslt,
        options=options,
        force=force,
        stdout=sys.stdout.buffer,
        report=lambda message: click.echo(f"tei: {message}", err=True),
        fail=_teller(ctx),
    )
    ctx.exit(outcome.status)


@cli.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--anonymous", is_flag=True, help="Encode every text as doc.txt (no date from the file name).")
@click.option("--details", is_flag=True, help="Also list every miss, spurious name and wrong date.")
@click.pass_context
def evaluate(ctx: click.Context, folders: tuple[Path, ...], anonymous: bool, details: bool) -> None:
    """Encode every NAME.txt of each FOLDER and score it against NAME.json (gold)."""
    from tei.encode import EncodeOptions, encode, read_input
    from tei.evaluate import evaluate_folder, gold_pairs

    options = EncodeOptions(change_date="2000-01-01")

    def encode_text(path: Path) -> Any:
        return encode(read_input(str(path)), options, name="doc.txt" if anonymous else path.name)

    for folder in folders:
        if not folder.is_dir() or not gold_pairs(folder):
            _fail(f"{folder}: no NAME.txt with a NAME.json beside it; give a folder of gold documents")
            ctx.exit(2)
        result = evaluate_folder(folder, encode_text)
        click.echo(f"== {folder}")
        click.echo(result.report())
        if details:
            for line in result.notes + result.entities.misses + result.entities.spurious + result.entities.wrong_dates:
                click.echo(f"  {line}")
    ctx.exit(0)


@cli.command()
@click.option(
    "-d",
    "--outdir",
    type=click.Path(path_type=Path),
    help="Write the results here (default: a new folder in the system's temporary folder).",
)
@click.pass_context
def demo(ctx: click.Context, outdir: Path | None) -> None:
    """Encode, validate and convert the bundled sample documents, and say where the results are."""
    import tempfile

    from tei.demo import run_demo
    from tei.outputs import make_folder

    if outdir is None:
        outdir = Path(tempfile.mkdtemp(prefix="tei-demo-"))
    else:
        make_folder(outdir, option="-d")
    lines, ok = run_demo(outdir, change_date=_change_date(None))
    for line in lines:
        click.echo(line)
    ctx.exit(0 if ok else 1)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-d", "--outdir", type=click.Path(path_type=Path), required=True, help="Write the outputs here.")
@click.option(
    "--to",
    "to",
    type=RegistryChoice(_registry("tei.batch.pipeline", "FORMAT_NAMES"), several=True),
    default="tei,html,text",
    show_default=True,
    help="Output formats, comma-separated.",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: the number of cores).")
@click.option("--report", type=click.Path(path_type=Path), help="Write a JSON report of every input here.")
@click.option(
    "--force",
    is_flag=True,
    help="Redo every input, even those unchanged since the last run, and replace files tei did not write.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--scheduler", metavar="ADDRESS", help="Run on this Dask scheduler (pip install 'tei[dist]').")
@click.option("--schema", type=click.Path(path_type=Path), help="Validate against this XSD or RELAX NG instead.")
@click.option(
    "--register",
    "registers",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A TEI register that adds to or overrides the built-in one (repeatable).",
)
@_xml_options
@click.pass_context
def batch(
    ctx: click.Context,
    sources: tuple[str, ...],
    outdir: Path,
    to: str,
    jobs: int | None,
    report: Path | None,
    force: bool,
    quiet: bool,
    scheduler: str | None,
    schema: Path | None,
    registers: tuple[Path, ...],
    huge: bool,
    xinclude: bool,
) -> None:
    """Encode, validate and convert files and folders in parallel; incremental, with a JSON report."""
    from tei.batch import BatchOptions, parse_formats, run_batch
    from tei.encode import EncodeOptions
    from tei.safexml import XmlOptions

    _check_registers(registers)
    options = BatchOptions(
        outdir=outdir,
        formats=parse_formats(to),
        encode=EncodeOptions(change_date=_change_date(None), register_paths=registers, huge=huge),
        schema=schema,
        force=force,
        xml=XmlOptions(huge_tree=huge, xinclude=xinclude),
    )
    summary = run_batch(
        list(sources),
        options,
        jobs=jobs or os.cpu_count() or 1,
        report=report,
        scheduler=scheduler,
        progress=not quiet and sys.stderr.isatty(),
        tell=_fail,
    )
    click.echo(f"tei batch: {summary.line()}", err=True)
    ctx.exit(1 if summary.failed else 0)


@cli.command()
@click.argument("sources", nargs=-1)
@click.option("--bag", type=click.Path(path_type=Path), help="Write the BagIt package here (a new or empty folder).")
@click.option("--allow-invalid", is_flag=True, help="Deposit documents that do not validate (recorded in the bag).")
@click.option("--verify", type=click.Path(path_type=Path), metavar="BAG", help="Re-check a bag's fixity instead.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: the number of cores).")
@_huge_option
@click.pass_context
def deposit(
    ctx: click.Context,
    sources: tuple[str, ...],
    bag: Path | None,
    allow_invalid: bool,
    verify: Path | None,
    jobs: int | None,
    huge: bool,
) -> None:
    """Package TEI files, their HTML and text, and a validation report as a BagIt bag; or verify one."""
    from tei.deposit import DepositOptions, make_deposit, verify_bag
    from tei.encode import EncodeOptions
    from tei.errors import UsageError

    if verify is not None:
        if sources or bag is not None or allow_invalid or huge:
            raise UsageError("--verify BAG takes no inputs, --bag, --allow-invalid or --huge")
        problems, checked = verify_bag(verify)
        for problem in problems:
            click.echo(problem)
        verdict = f"{len(problems)} problem(s)" if problems else "intact"
        click.echo(f"tei deposit: {verify}: {checked} files checked, {verdict}", err=True)
        ctx.exit(1 if problems else 0)
    if not sources or bag is None:
        raise UsageError("name the inputs and --bag DIR (or --verify BAG to check a bag)")
    change_date = _change_date(None)
    options = DepositOptions(
        bagging_date=change_date or datetime.date.today().isoformat(),
        allow_invalid=allow_invalid,
        encode=EncodeOptions(change_date=change_date),
        jobs=jobs or os.cpu_count() or 1,
        huge=huge,
    )
    result = make_deposit(list(sources), bag, options, tell=_fail)
    click.echo(
        f"tei deposit: {result.bag}: {result.documents} documents, {result.payload_files} payload files"
        + (f", {len(result.invalid)} invalid (allowed)" if result.invalid else ""),
        err=True,
    )
    ctx.exit(0)


def _corpus_meta(meta: Path | None, title: str | None, publisher: str | None) -> dict[str, str]:
    """A collection's own facts: ``--meta FILE`` (TOML: title, publisher, description), then the options."""
    from tei.corpus.meta import read_corpus_meta

    values = read_corpus_meta(meta) if meta is not None else {}
    if title:
        values["title"] = title
    if publisher:
        values["publisher"] = publisher
    return values


def _collection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--title``, ``--publisher`` and ``--meta``: what a collection's header and home page say of it."""
    command = click.option("--meta", type=click.Path(path_type=Path), help="TOML with title, publisher, description.")(
        command
    )
    command = click.option("--publisher", help="Who publishes the collection.")(command)
    return click.option("--title", help="The collection's title (else: 'A collection of N TEI documents').")(command)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="Write the teiCorpus here.")
@_collection_options
@click.pass_context
def corpus(
    ctx: click.Context,
    sources: tuple[str, ...],
    output: Path,
    title: str | None,
    publisher: str | None,
    meta: Path | None,
) -> None:
    """Gather TEI documents into one teiCorpus with a corpus header and one merged standOff."""
    from tei.corpus.sources import check_output_file
    from tei.corpus.teicorpus import CorpusOptions, build_corpus
    from tei.outputs import write_atomic
    from tei.serialize import to_bytes

    check_output_file(output, sources)
    values = _corpus_meta(meta, title, publisher)
    options = CorpusOptions(
        title=values.get("title"),
        publisher=values.get("publisher"),
        description=values.get("description"),
        change_date=_change_date(None),
    )
    root, result = build_corpus(list(sources), options, skip=[output], tell=lambda exc: _fail(str(exc)))
    if not result.collection.documents:
        _fail("no TEI document could be read; nothing written")
        ctx.exit(1)
    write_atomic(output, to_bytes(root))
    stand_off = sum(1 for entity in result.collection.entities if entity.identified and entity.mentions)
    click.echo(
        f"tei corpus: {output}: {len(result.collection.documents)} documents, {stand_off} entries in the standOff"
        + (f", {result.failed} source(s) failed" if result.failed else ""),
        err=True,
    )
    ctx.exit(1 if result.failed else 0)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", type=RegistryChoice(_registry("tei.corpus.export", "EXPORT_FORMATS")), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here (else standard output).")
@click.pass_context
def entities(ctx: click.Context, sources: tuple[str, ...], fmt: str, output: Path | None) -> None:
    """Export the persons, places and organisations of TEI documents as csv, json, jsonld or tei."""
    from tei.corpus.export import export_entities
    from tei.corpus.sources import check_output_file
    from tei.corpus.teicorpus import read_collection
    from tei.outputs import write_atomic

    if output is not None:
        check_output_file(output, sources)
    collection, failed, _ = read_collection(
        list(sources), skip=[output] if output is not None else [], tell=lambda exc: _fail(str(exc))
    )
    data = export_entities(collection, fmt)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)
    click.echo(
        f"tei entities: {len(collection.entities)} entities of {len(collection.documents)} documents"
        + (f", {failed} source(s) failed" if failed else ""),
        err=True,
    )
    ctx.exit(1 if failed else 0)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-d", "--outdir", "site", type=click.Path(path_type=Path), required=True, help="Build the site here.")
@_collection_options
@click.option("--force", is_flag=True, help="Rebuild every page, even those of unchanged documents.")
@click.pass_context
def site(
    ctx: click.Context,
    sources: tuple[str, ...],
    site: Path,
    title: str | None,
    publisher: str | None,
    meta: Path | None,
    force: bool,
) -> None:
    """Build a static, self-contained edition site of TEI documents (incremental; opens from file://)."""
    from tei.corpus.site import SiteOptions, build_site

    values = _corpus_meta(meta, title, publisher)
    options = SiteOptions(
        title=values.get("title"),
        description=values.get("description"),
        publisher=values.get("publisher"),
        build_date=_change_date(None),
        force=force,
    )
    result = build_site(list(sources), site, options, tell=lambda exc: _fail(str(exc)))
    click.echo(
        f"tei site: {site / 'index.html'}: {result.documents} documents ({result.read} read, {result.pages} pages "
        f"rebuilt), {result.entities} index entries, {result.written} files written, {result.removed} removed"
        + (f", {result.failed} failed" if result.failed else ""),
        err=True,
    )
    ctx.exit(1 if result.failed else 0)


def _teller(ctx: click.Context) -> Callable[[Exception], None]:
    """How a command tells one failing file and goes on: one line (``--debug``: the traceback, and stop)."""
    debug = bool(ctx.obj and ctx.obj.get("debug"))

    def tell(error: Exception) -> None:
        if debug:
            raise error
        _fail(str(error))

    return tell


def _run(args: list[str]) -> int:
    """Run the click group on ``args`` and return the exit status; errors become one line each."""
    from tei.errors import TeiError

    debug = "--debug" in args
    try:
        try:
            with cli.make_context("tei", args) as ctx:
                cli.invoke(ctx)
            return 0
        except click.exceptions.Exit as exc:
            return exc.exit_code
    except click.UsageError as exc:  # one line, like every other error: what is wrong, where to look
        command = exc.ctx.command_path if exc.ctx is not None else "tei"
        _fail(f"{exc.format_message().rstrip('.')} (see {command} --help)")
        return exc.exit_code
    except click.ClickException as exc:
        _fail(exc.format_message())
        return exc.exit_code
    except TeiError as exc:
        if debug:
            raise
        _fail(str(exc))
        return exc.exit_status
    except (KeyboardInterrupt, click.exceptions.Abort):
        _fail("interrupted")
        return 130
    except Terminated:
        _fail("terminated")
        return 143
    except BrokenPipeError:
        _quiet_broken_pipe()
        return 1
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        _quiet_broken_pipe()
        return 1


def _quiet_broken_pipe() -> None:
    """Standard output was closed (``tei … | head``): say nothing more, as other commands do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> Any:
    """Entry point: run the command; errors, Ctrl-C (exit 130) and SIGTERM (exit 143) as one line each."""
    args = list(sys.argv[1:] if argv is None else argv)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        status = _run(args)
    finally:
        signal.signal(signal.SIGTERM, previous)
    sys.exit(status)


if __name__ == "__main__":
    main()
