"""Every document of the corpora to every format, rendered: the full sweep behind issue 14's "done when".

Run: python bench/render_corpus.py [--jobs N] [--only SUBSTRING] [--no-render]

For each document of ../shared/corpus/tei-stylesheets-test2 (with its valid
and invalid instances), ../shared/corpus/eltec-eng (level1, level1-valid,
level2) and the two bundled samples (encoded first):

1. converts it to html, fo, latex and text (tei.transform), counting the
   warnings;
2. checks that the HTML and the text keep the words of the reading text
   (the editorial policy of transforms/README.md; tests/transform's
   extractors): the share kept must be at least 99 %;
3. renders the FO with FOP and the LaTeX with lualatex (one run: errors are
   what it is for), and records errors ("SEVERE"/"ERROR" from FOP, "!"
   lines from lualatex), glyphs missing from the fonts, pages and seconds.

It prints one line per document and a summary. The default test suite runs
a representative sample of the same checks (tests/transform/); this is the
whole corpus, which takes several minutes on two cores.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "transform"))

from transform_support import (  # noqa: E402
    html_words,
    kept_share,
    pdf_pages,
    reading_words,
    text_words,
)

from tei.encode import EncodeOptions, encode_file  # noqa: E402
from tei.resources import examples_dir  # noqa: E402
from tei.transform import FORMATS, convert_document, read_tei  # noqa: E402
from tei.transform.prepare import prepare  # noqa: E402

FOP_CONFIG = REPO / "transforms" / "fo" / "fop.xconf"


@dataclass
class Result:
    name: str
    warnings: int = 0
    kept: dict[str, float] = field(default_factory=dict)
    fop: str = "-"
    latex: str = "-"
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def documents() -> list[tuple[str, Path | None]]:
    """(name, path) of every corpus file; the samples as (name, None)."""
    found: list[tuple[str, Path | None]] = []
    for folder in ("tei-stylesheets-test2", "eltec-eng"):
        base = SHARED / "corpus" / folder
        for path in sorted(base.rglob("*.xml")):
            found.append((str(path.relative_to(SHARED / "corpus")), path))
    for sample in sorted(examples_dir().glob("*.txt")):
        found.append((f"sample/{sample.stem}", sample))
    return found


def run_fop(fo_file: Path) -> tuple[str, list[str]]:
    pdf = fo_file.with_suffix(".pdf")
    result = subprocess.run(
        ["fop", "-q", "-c", str(FOP_CONFIG), "-fo", str(fo_file), "-pdf", str(pdf)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    messages = result.stdout + result.stderr
    problems = [line for line in messages.splitlines() if "SEVERE" in line or "[ERROR]" in line]
    missing = len(re.findall(r"not available in font", messages))
    if result.returncode != 0 or not pdf.is_file():
        return "FAILED", problems[:3] or [messages[-300:]]
    note = f"{pdf_pages(pdf)} p" + (f", {missing} glyph warnings" if missing else "")
    return note, problems[:3]


def run_lualatex(tex_file: Path) -> tuple[str, list[str]]:
    result = subprocess.run(
        ["lualatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", tex_file.name],
        cwd=tex_file.parent,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    log_file = tex_file.with_suffix(".log")
    log = log_file.read_text(encoding="utf-8", errors="replace") if log_file.is_file() else result.stdout
    errors = [line for line in log.splitlines() if line.startswith("! ")]
    missing = log.count("Missing character")
    pdf = tex_file.with_suffix(".pdf")
    if result.returncode != 0 or not pdf.is_file():
        return "FAILED", errors[:3] or [log[-300:]]
    note = f"{pdf_pages(pdf)} p" + (f", {missing} missing chars" if missing else "")
    return note, errors[:3]


def check(name: str, path: Path, folder: Path, render: bool) -> Result:
    result = Result(name)
    start = time.perf_counter()
    if path.suffix == ".txt":
        root = encode_file(str(path), EncodeOptions(change_date="2026-01-01"))
        tree = root.getroottree()
    else:
        tree = read_tei(str(path))
    outputs: dict[str, bytes] = {}
    for fmt in FORMATS:
        params = {"furniture": "1"} if fmt == "text" else {}
        try:
            conversion = convert_document(tree, fmt, params)
        except Exception as exc:  # the sweep reports everything
            result.problems.append(f"{fmt}: {type(exc).__name__}: {exc}")
            continue
        outputs[fmt] = conversion.data
        result.warnings += len(conversion.warnings)
    prepared = prepare(tree)
    root = prepared.tree.getroot()
    if prepared.is_tei:
        if "html" in outputs:
            result.kept["html"] = kept_share(html_words(outputs["html"]), reading_words(root))
        if "text" in outputs:
            result.kept["text"] = kept_share(text_words(outputs["text"]), reading_words(root, strikes=False))
    stem = re.sub(r"[^A-Za-z0-9]+", "_", name)
    if render and "fo" in outputs:
        fo_file = folder / f"{stem}.fo"
        fo_file.write_bytes(outputs["fo"])
        result.fop, problems = run_fop(fo_file)
        result.problems += [f"fop: {line}" for line in problems]
    if render and "latex" in outputs:
        sub = folder / stem
        sub.mkdir(exist_ok=True)
        tex_file = sub / "doc.tex"
        tex_file.write_bytes(outputs["latex"])
        result.latex, problems = run_lualatex(tex_file)
        result.problems += [f"lualatex: {line}" for line in problems]
    result.seconds = time.perf_counter() - start
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", default="")
    parser.add_argument("--no-render", action="store_true")
    args = parser.parse_args()
    if not (SHARED / "corpus").is_dir():
        sys.exit("../shared/corpus is not there")
    chosen = [(name, path) for name, path in documents() if args.only in name]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(check, name, path, Path(tmp), not args.no_render) for name, path in chosen if path]
        results = []
        for future in futures:
            result = future.result()
            results.append(result)
            kept = " ".join(f"{fmt} {share:.2%}" for fmt, share in result.kept.items())
            print(
                f"{result.name[:58]:58} w={result.warnings:<3} {kept:28} fop: {result.fop:22} "
                f"latex: {result.latex:22} {result.seconds:6.1f}s",
                flush=True,
            )
            for problem in result.problems:
                print(f"    {problem[:200]}", flush=True)
    failed = [r for r in results if r.problems or "FAILED" in (r.fop, r.latex)]
    low = [r for r in results if any(share < 0.99 for share in r.kept.values())]
    shares = [share for r in results for share in r.kept.values()]
    print(
        f"\n{len(results)} documents × 4 formats in {time.perf_counter() - started:.0f} s; "
        f"rendering problems in {len(failed)}; below 99 % of the words in {len(low)}; "
        f"lowest share kept {min(shares):.2%}" if shares else ""
    )


if __name__ == "__main__":
    main()
