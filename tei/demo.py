"""``tei demo``: the main job on the bundled samples, end to end.

It encodes each sample, checks it (no word lost, every @ref resolves, the
project's schema and rules), converts it to every output format, writes the
results, and returns lines that say where they are.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tei import safexml
from tei.encode import EncodeOptions, encode
from tei.ns import xpath_elements, xpath_strings
from tei.outputs import Writer
from tei.readers import detect_format
from tei.resources import examples_dir
from tei.serialize import to_bytes
from tei.transform import FORMATS, convert_tree
from tei.validate import validate_bytes
from tei.wordcheck import first_difference, source_words, tei_words


def check_encoded(root: etree._Element, source: str) -> list[str]:
    """Problems of an encoded document: lost words and dangling references."""
    problems: list[str] = []
    difference = first_difference(source_words(source, markdown=detect_format(source) == "markdown"), tei_words(root))
    if difference:
        problems.append(f"words lost: {difference}")
    ids = set(xpath_strings(root, "//@xml:id"))
    for ref in xpath_strings(root, "//@ref | //@calendar | //@datingMethod"):
        for target in ref.split():
            if target.startswith("#") and target[1:] not in ids:
                problems.append(f"reference {target} does not resolve")
    return problems


def run_demo(outdir: Path, *, change_date: str | None = None) -> tuple[list[str], bool]:
    """Encode, validate and convert every bundled example into ``outdir``; return report lines and success."""
    lines: list[str] = []
    samples = sorted(examples_dir().glob("*.txt"))
    writer = Writer()
    try:
        ok = _each_sample(samples, outdir, change_date, writer, lines)
    finally:
        writer.save()
    lines.append(f"The encoded samples and their HTML, XSL-FO, LaTeX and text are in {outdir.resolve()}")
    return lines, ok


def _each_sample(samples: list[Path], outdir: Path, change_date: str | None, writer: Writer, lines: list[str]) -> bool:
    """Encode, check, validate and convert each sample through ``writer``; add report lines; True if all passed."""
    ok = True
    for sample in samples:
        data = sample.read_bytes()
        root = encode(data, EncodeOptions(change_date=change_date), name=sample.name)
        payload = to_bytes(root)
        target = outdir / (sample.stem + ".xml")
        writer.write(target, payload)
        reparsed = safexml.fromstring(payload, str(target))
        problems = check_encoded(reparsed, data.decode("utf-8-sig"))
        problems += [d.format() for d in validate_bytes(payload, name=str(target))]
        written = []
        for fmt in FORMATS.values():
            derived = outdir / (sample.stem + fmt.suffix)
            writer.write(derived, convert_tree(reparsed, fmt.name))
            written.append(fmt.suffix)
        names = len(
            xpath_elements(reparsed, "//tei:text//tei:persName | //tei:text//tei:placeName | //tei:text//tei:orgName")
        )
        dates = len(xpath_elements(reparsed, "//tei:text//tei:date"))
        status = "ok" if not problems else "FAILED: " + "; ".join(problems)
        ok = ok and not problems
        lines.append(f"{target}: {len(payload):,} bytes, {names} names, {dates} dates, checks {status}")
        lines.append(f"  also {', '.join(written)} (reading edition, XSL-FO, LaTeX, plain text)")
    return ok
