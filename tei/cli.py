"""The ``tei`` command: a thin click layer over the library.

Only this module imports click or reads the environment; errors are caught
once in ``main()`` and printed as one line each (``--debug`` shows tracebacks).
"""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from tei import __version__


def _change_date(explicit: str | None) -> str | None:
    """The revision date: ``--date``, else SOURCE_DATE_EPOCH, else none (no clock)."""
    if explicit:
        try:
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
@click.option("--input-format", type=click.Choice(["auto", "plain", "markdown"]), default="auto", show_default=True)
@click.option("--encoding", help="Encoding of the input when it is not UTF-8 (e.g. cp1252).")
@click.option("--date", "date", help="Date of the revisionDesc change (YYYY-MM-DD); else SOURCE_DATE_EPOCH.")
@click.option("--no-annotate", is_flag=True, help="Structure and header only: no names or dates.")
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
) -> None:
    """Encode plain text or light Markdown as TEI P5."""
    from tei.encode import EncodeOptions, encode_file
    from tei.errors import TeiError
    from tei.outputs import plan_targets, write_atomic
    from tei.serialize import to_bytes

    for register in registers:
        if not register.is_file():
            raise click.BadParameter(f"{register}: no such register file", param_hint="--register")
    options = EncodeOptions(
        input_format=input_format,
        encoding=encoding,
        register_paths=tuple(registers),
        change_date=_change_date(date),
        annotate=not no_annotate,
    )
    targets = plan_targets(list(inputs), output, outdir, ".xml")
    if outdir is not None:
        outdir.mkdir(parents=True, exist_ok=True)
    status = 0
    for item, target in zip(inputs, targets * (len(inputs) if len(targets) == 1 else 1), strict=True):
        try:
            data = to_bytes(encode_file(item, options, meta_path=meta_path))
            if target is None:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
            else:
                write_atomic(target, data)
        except TeiError as exc:
            if ctx.obj.get("debug"):
                raise
            _fail(str(exc) if exc.path else f"{item}: {exc}")
            status = max(status, exc.exit_status)
    ctx.exit(status)


def _xml_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--huge`` and ``--xinclude``: the two ways to relax the safe XML parser (tei.safexml)."""
    command = click.option(
        "--xinclude",
        is_flag=True,
        help="Process xi:include (only files in the document's own folder).",
    )(command)
    return click.option(
        "--huge",
        is_flag=True,
        help="Lift the size (50 MB), depth (256) and text-node (10 MB) limits: trusted files only.",
    )(command)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--schema",
    type=click.Path(path_type=Path),
    help="Validate against this XSD or RELAX NG (.rng) instead of the project's schema and rules.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
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
@click.option("--to", "fmt", type=click.Choice(["html", "fo", "latex", "text"]), required=True)
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
@click.option("--xslt", type=click.Path(path_type=Path), help="Use this XSLT 1.0 stylesheet instead of the built-in.")
@_xml_options
@click.pass_context
def convert(
    ctx: click.Context,
    files: tuple[str, ...],
    fmt: str,
    output: Path | None,
    outdir: Path | None,
    params: tuple[str, ...],
    furniture: bool,
    xslt: Path | None,
    huge: bool,
    xinclude: bool,
) -> None:
    """Convert TEI to an HTML reading edition, XSL-FO, LaTeX or plain text."""
    from tei.safexml import XmlOptions
    from tei.transform import parse_params, run_convert

    values = parse_params(params)
    if furniture:
        values["furniture"] = "1"
    options = XmlOptions(huge_tree=huge, xinclude=xinclude)
    ctx.exit(
        run_convert(list(files), fmt=fmt, output=output, outdir=outdir, params=values, xslt=xslt, options=options)
    )


@cli.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--anonymous", is_flag=True, help="Encode every text as doc.txt (no date from the file name).")
@click.option("--details", is_flag=True, help="Also list every miss, spurious name and wrong date.")
@click.pass_context
def evaluate(ctx: click.Context, folders: tuple[Path, ...], anonymous: bool, details: bool) -> None:
    """Encode every NAME.txt of each FOLDER and score it against NAME.json (gold)."""
    from tei.encode import EncodeOptions, encode
    from tei.evaluate import evaluate_folder, gold_pairs

    options = EncodeOptions(change_date="2000-01-01")

    def encode_text(path: Path) -> Any:
        return encode(path.read_bytes(), options, name="doc.txt" if anonymous else path.name)

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
@click.option("-d", "--outdir", type=click.Path(path_type=Path), default=Path("tei-demo"), show_default=True)
@click.pass_context
def demo(ctx: click.Context, outdir: Path) -> None:
    """Encode, validate and convert the bundled sample documents, and say where the results are."""
    from tei.demo import run_demo

    outdir.mkdir(parents=True, exist_ok=True)
    lines, ok = run_demo(outdir, change_date=_change_date(None))
    for line in lines:
        click.echo(line)
    ctx.exit(0 if ok else 1)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-d", "--outdir", type=click.Path(path_type=Path), required=True, help="Write the outputs here.")
@click.option("--to", "to", default="tei,html,text", show_default=True, help="Output formats: tei,html,fo,latex,text.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: the number of cores).")
@click.option("--report", type=click.Path(path_type=Path), help="Write a JSON report of every input here.")
@click.option("--force", is_flag=True, help="Redo every input, even those unchanged since the last run.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--scheduler", metavar="ADDRESS", help="Run on this Dask scheduler (pip install 'tei[dist]').")
@click.option("--schema", type=click.Path(path_type=Path), help="Validate against this XSD or RELAX NG instead.")
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
) -> None:
    """Encode, validate and convert files and folders in parallel; incremental, with a JSON report."""
    from tei.batch import BatchOptions, parse_formats, run_batch
    from tei.encode import EncodeOptions

    options = BatchOptions(
        outdir=outdir,
        formats=parse_formats(to),
        encode=EncodeOptions(change_date=_change_date(None)),
        schema=schema,
        force=force,
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
@click.pass_context
def deposit(
    ctx: click.Context,
    sources: tuple[str, ...],
    bag: Path | None,
    allow_invalid: bool,
    verify: Path | None,
    jobs: int | None,
) -> None:
    """Package TEI files, their HTML and text, and a validation report as a BagIt bag; or verify one."""
    from tei.deposit import DepositOptions, make_deposit, verify_bag
    from tei.encode import EncodeOptions
    from tei.errors import UsageError

    if verify is not None:
        if sources or bag is not None or allow_invalid:
            raise UsageError("--verify BAG takes no inputs, --bag or --allow-invalid")
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
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "jsonld", "tei"]), required=True)
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


def main(argv: list[str] | None = None) -> Any:
    """Entry point: run the click group, turning known errors into one-line messages."""
    from tei.errors import TeiError

    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        return cli.main(args=argv, prog_name="tei", standalone_mode=True)
    except TeiError as exc:
        if debug:
            raise
        _fail(str(exc))
        sys.exit(exc.exit_status)
    except KeyboardInterrupt:
        _fail("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
