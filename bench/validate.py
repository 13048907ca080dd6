"""Validation speed, with the reference tools run on the same files.

Run: python bench/validate.py [--repeat N]. Needs ../shared (tei_all, the ELTeC
corpus), jing and xmllint. Prints four Markdown tables:

1. the project's schema + rules on a 2 MB encoded document (the Dickens novel
   as plain text, encoded) against ``xmllint --noout --schema tei-toolkit.xsd``;
2. loading tei_all: reading, checking and simplifying it (what the first
   run on a machine pays), and reading the checked grammar back from the
   disk cache (what every later process pays);
3. one file against tei_all, a fresh process each time, as an editor's
   "validate" button runs it, against jing on the same file (the cache is
   filled first, in a temporary folder; one row shows an empty cache);
4. a batch of 20 ELTeC files in one call, against jing and xmllint in one
   call, and the time per further file.

Times are wall-clock medians of N runs (subprocesses) or the best of N
(in-process work).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TEI_ALL = SHARED / "reference" / "tei" / "tei_all.rng"
ELTEC = SHARED / "corpus" / "eltec-eng"
DICKENS = ELTEC / "level1" / "ENG18530_Dickens.xml"
XSD = REPO / "schemas" / "tei-toolkit.xsd"

RUN_VALIDATE = (
    "import sys\n"
    "from pathlib import Path\n"
    "from tei.validate import run_validate\n"
    "schema = Path(sys.argv[1]) if sys.argv[1] else None\n"
    "out, err, status = run_validate(sys.argv[2:], schema=schema, fmt='text')\n"
    "sys.exit(status)\n"
)


def median_run(command: Sequence[str], repeat: int, env: dict[str, str] | None = None) -> float:
    """Median wall-clock seconds of a command (its exit status is not checked: invalid files exit 1)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(list(command), capture_output=True, cwd=REPO, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by the machine)."""
    return min(timeit.repeat(action, number=1, repeat=repeat))


def tei_validate(files: Sequence[Path], schema: Path | None) -> list[str]:
    """The command line of ``tei validate`` (the CLI's when it has the command, else the library call)."""
    probe = subprocess.run([sys.executable, "-m", "tei.cli", "validate", "--help"], capture_output=True, cwd=REPO)
    if probe.returncode == 0:
        return [
            sys.executable,
            "-m",
            "tei.cli",
            "validate",
            *([f"--schema={schema}"] if schema else []),
            *map(str, files),
        ]
    return [sys.executable, "-c", RUN_VALIDATE, str(schema or ""), *map(str, files)]


def encoded_novel(folder: Path) -> Path:
    """The Dickens novel as plain text, encoded by the toolkit (with names and dates when the annotator works)."""
    from lxml import etree

    from tei.encode import EncodeOptions, encode
    from tei.metadata import Metadata
    from tei.serialize import to_bytes

    root = etree.parse(str(DICKENS), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    paragraphs = [" ".join("".join(p.itertext()).split()) for p in root.iterfind(".//t:body//t:p", ns)]
    text = ("BLEAK HOUSE\n\nBy Charles Dickens\n\n" + "\n\n".join(p for p in paragraphs if p) + "\n").encode()
    meta = Metadata(
        title="Bleak House",
        author="Charles Dickens",
        date="1853",
        licence="CC BY 4.0",
        publisher="tei toolkit benchmark",
        source="ELTeC-eng ENG18530",
    )
    try:
        document = encode(text, EncodeOptions(meta=meta, change_date="2026-01-01"), name="dickens.txt")
        annotated = True
    except ImportError:
        document = encode(text, EncodeOptions(meta=meta, change_date="2026-01-01", annotate=False), name="dickens.txt")
        annotated = False
    target = folder / ("dickens-annotated.xml" if annotated else "dickens.xml")
    target.write_bytes(to_bytes(document))
    return target


def table(title: str, rows: list[tuple[str, str, str]]) -> None:
    print(f"\n### {title}\n")
    print("| what | time | note |")
    print("| --- | ---: | --- |")
    for what, seconds, note in rows:
        print(f"| {what} | {seconds} | {note} |")


def project_schema(document: Path, repeat: int) -> None:
    """Target 1: schema + rules on a 2 MB document, no slower than twice xmllint --schema."""
    from lxml import etree

    from tei.validate import rules, schematron, validate_file, xsd

    data = document.read_bytes()
    xmllint = median_run(["xmllint", "--noout", "--schema", str(XSD), str(document)], repeat)
    process = median_run(tei_validate([document], None), repeat)
    cold_start = time.perf_counter()
    found = validate_file(document)
    cold = time.perf_counter() - cold_start
    warm = best_of(repeat, lambda: validate_file(document))
    root, _ = xsd.parse(data, "doc")
    assert root is not None
    locator = xsd.Locator.for_source(root, data)
    parse = best_of(repeat, lambda: xsd.parse(data, "doc"))
    lxml_xsd = best_of(repeat, lambda: xsd.check_project_xsd(root, "doc", locator))
    sch = best_of(repeat, lambda: schematron.check_schematron(root, "doc", locator))
    python_rules = best_of(repeat, lambda: rules.check_rules(root, "doc", locator))
    import xmlschema

    start = time.perf_counter()
    model = xmlschema.XMLSchema10(str(XSD))
    load = time.perf_counter() - start
    start = time.perf_counter()
    list(model.iter_errors(etree.ElementTree(root)))
    whole = time.perf_counter() - start
    size = f"{len(data) / 1_000_000:.1f} MB, {sum(1 for _ in root.iter())} nodes, {len(found)} diagnostics"
    table(
        f"1. Project schema + rules on {document.name} ({size})",
        [
            ("xmllint --noout --schema tei-toolkit.xsd (process)", f"{xmllint:.3f} s", "the reference"),
            ("target: twice xmllint", f"{2 * xmllint:.3f} s", ""),
            (
                "validate_file, first call in a process",
                f"{cold:.3f} s",
                "parse + compile XSD and Schematron + validate + rules",
            ),
            ("validate_file, schemas compiled", f"{warm:.3f} s", "what each further file of a batch costs"),
            (
                "`tei validate FILE` (whole process)",
                f"{process:.3f} s",
                "includes Python start-up and imports (~0.1 s)",
            ),
            ("  parse (lxml, safe parser)", f"{parse:.3f} s", ""),
            ("  XSD verdict (libxml2, etree.XMLSchema)", f"{lxml_xsd:.3f} s", ""),
            ("  Schematron rules.sch (libxslt)", f"{sch:.3f} s", "2 passes"),
            ("  Python rules", f"{python_rules:.3f} s", ""),
            ("  (xmlschema: load the XSD)", f"{load:.3f} s", "only when the verdict is 'invalid'"),
            ("  (xmlschema: validate the whole document)", f"{whole:.3f} s", "why xmlschema only words the errors"),
        ],
    )


def schema_load(repeat: int) -> None:
    """Target: the schema is loaded and checked whole, once per machine; later processes read the cache."""
    from tei.validate.rng import cache
    from tei.validate.rng.restrictions import check_restrictions
    from tei.validate.rng.simplify import Loader

    def load() -> object:
        loaded = Loader(TEI_ALL).load()
        check_restrictions(loaded)
        return loaded

    full = best_of(repeat, load)
    loaded = Loader(TEI_ALL).load()
    check_restrictions(loaded)
    main_bytes = TEI_ALL.read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["TEI_CACHE_DIR"] = folder
        cache.write(TEI_ALL.resolve(), loaded.files, loaded.grammar)
        read = best_of(repeat, lambda: cache.read(TEI_ALL.resolve(), main_bytes))
        size = sum(p.stat().st_size for p in Path(folder).glob("*.json"))
        del os.environ["TEI_CACHE_DIR"]
    grammar = loaded.grammar
    table(
        "2. Loading tei_all.rng (in process)",
        [
            (
                "read, check (sections 3, 4, 7, datatypes) and simplify",
                f"{full:.3f} s",
                f"{len(grammar.rows)} pattern rows, {len(grammar.elements)} elements",
            ),
            ("read the checked grammar from the disk cache", f"{read:.3f} s", f"a {size / 1000:.0f} kB JSON entry"),
        ],
    )


def one_file(files: list[Path], repeat: int, env: dict[str, str]) -> None:
    """Target: one file against tei_all in one call, a whole command, no slower than jing."""
    rows = []
    subprocess.run(tei_validate(files[:1], TEI_ALL), capture_output=True, cwd=REPO, env=env)  # fill the cache
    for path in files:
        jing = median_run(["jing", str(TEI_ALL), str(path)], repeat)
        ours = median_run(tei_validate([path], TEI_ALL), repeat, env)
        verdict = "ok" if ours <= jing else "SLOWER"
        rows.append((f"{path.parent.name}/{path.name}", f"{ours:.2f} s vs jing {jing:.2f} s", verdict))
    with tempfile.TemporaryDirectory() as empty:
        cold_env = {**env, "TEI_CACHE_DIR": empty}
        cold = []
        for _ in range(repeat):
            for entry in Path(empty).glob("*.json"):
                entry.unlink()
            cold.append(median_run(tei_validate(files[:1], TEI_ALL), 1, cold_env))
    rows.append((f"{files[0].name}, empty cache (first run on a machine)", f"{statistics.median(cold):.2f} s", ""))
    start = time.perf_counter()
    subprocess.run(["xmllint", "--noout", "--relaxng", str(TEI_ALL), str(files[0])], capture_output=True)
    rows.append(
        (
            f"(xmllint --relaxng tei_all, {files[0].name})",
            f"{time.perf_counter() - start:.2f} s",
            "libxml2 compiling the whole schema",
        )
    )
    table("3. One file against tei_all.rng, one call (tei validate vs jing, whole processes)", rows)


def corpus(files: list[Path], repeat: int, env: dict[str, str]) -> None:
    """Target: a batch in one call faster than jing; the schema loaded once, then files at xmllint's pace."""
    jing = median_run(["jing", str(TEI_ALL), *map(str, files)], max(1, repeat // 2))
    ours = median_run(tei_validate(files, TEI_ALL), max(1, repeat // 2), env)
    ours_one = median_run(tei_validate(files[:1], TEI_ALL), repeat, env)
    lint_one = median_run(["xmllint", "--noout", "--relaxng", str(TEI_ALL), str(files[0])], 1)
    lint_all = median_run(["xmllint", "--noout", "--relaxng", str(TEI_ALL), *map(str, files)], 1)
    count = len(files)
    ours_per_file = (ours - ours_one) / (count - 1)
    lint_per_file = (lint_all - lint_one) / (count - 1)
    table(
        f"4. A batch against tei_all.rng in one call ({count} ELTeC files, "
        f"{sum(f.stat().st_size for f in files) / 1_000_000:.1f} MB)",
        [
            ("tei validate --schema tei_all.rng, all files", f"{ours:.2f} s", "ok" if ours < jing else "SLOWER"),
            ("jing tei_all.rng, all files", f"{jing:.2f} s", ""),
            ("xmllint --relaxng tei_all.rng, all files", f"{lint_all:.2f} s", "6 s of it compiling tei_all"),
            ("per further file: tei validate", f"{ours_per_file:.3f} s", "(all - first) / (n - 1)"),
            ("per further file: xmllint", f"{lint_per_file:.3f} s", "(all - first) / (n - 1)"),
        ],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    if not TEI_ALL.is_file() or not DICKENS.is_file():
        sys.exit("this benchmark needs ../shared (tei_all.rng and the ELTeC corpus)")
    print(
        f"Python {sys.version.split()[0]}; times: median of {args.repeat} runs (processes), best of "
        f"{args.repeat} (in-process)"
    )
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as cache_folder:
        env = {**os.environ, "TEI_CACHE_DIR": cache_folder}
        document = encoded_novel(Path(folder))
        project_schema(document, args.repeat)
        schema_load(args.repeat)
        one_file(
            [
                ELTEC / "level1-valid" / "ENG18530_Dickens.xml",
                ELTEC / "level1" / "ENG18530_Dickens.xml",
                ELTEC / "level2" / "ENG18652_Carroll.xml",
                ELTEC / "level1-valid" / "ENG19011_Jerome.xml",
                document,
            ],
            args.repeat,
            env,
        )
        eltec = sorted((ELTEC / "level1").glob("*.xml")) + sorted((ELTEC / "level1-valid").glob("*.xml"))
        corpus(eltec[:20], args.repeat, env)


if __name__ == "__main__":
    main()
