"""The tei.transform API: registry, caching, parameters, run_convert's CLI contract, safety."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree
from transform_support import FIXTURES, REPO

import tei.transform.stylesheets as stylesheets
from tei.errors import InputError, TeiError, UsageError
from tei.resources import transforms_dir
from tei.transform import (
    FORMATS,
    StylesheetError,
    compile_stylesheet,
    convert_document,
    convert_file,
    convert_tree,
    parse_params,
    run_convert,
    stylesheet_params,
)

FEATURES = FIXTURES / "features.xml"


def test_registry_names_suffixes_and_stylesheets() -> None:
    assert sorted(FORMATS) == ["fo", "html", "latex", "text"]
    assert {name: fmt.suffix for name, fmt in FORMATS.items()} == {
        "html": ".html",
        "fo": ".fo",
        "latex": ".tex",
        "text": ".txt",
    }
    for fmt in FORMATS.values():
        assert fmt.path.is_file()
        assert fmt.path.is_relative_to(transforms_dir())
        assert fmt.media_type and fmt.description


def test_every_stylesheet_is_xslt_1_0_importing_common() -> None:
    xsl = "{http://www.w3.org/1999/XSL/Transform}"
    for fmt in FORMATS.values():
        root = etree.parse(str(fmt.path)).getroot()
        assert root.get("version") == "1.0"
        imports = [element.get("href") for element in root.iter(f"{xsl}import")]
        assert imports == ["../common/common.xsl"]
    for path in (REPO / "transforms" / "common").glob("*.xsl"):
        assert etree.parse(str(path)).getroot().get("version") == "1.0"


def test_stylesheets_are_compiled_once_per_process() -> None:
    first = compile_stylesheet("html")
    assert compile_stylesheet("html") is first
    info = stylesheets._compile.cache_info()
    compile_stylesheet("html")
    assert stylesheets._compile.cache_info().hits == info.hits + 1


def test_threads_convert_at_once_each_with_its_own_warnings() -> None:
    """A compiled stylesheet is per thread: shared, two threads crashed libxslt or swapped warnings."""
    quiet = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Q</title></titleStmt>'
        b"</fileDesc></teiHeader><text><body><p>Nothing to say.</p></body></text></TEI>"
    )
    noisy = etree.parse(str(FEATURES))
    jobs = [quiet, noisy] * 8
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda tree: convert_document(tree, "html"), jobs))
    for tree, result in zip(jobs, results, strict=True):
        assert bool(result.warnings) == (tree is noisy), result.warnings


def test_declared_parameters_are_documented() -> None:
    readme = (REPO / "transforms" / "README.md").read_text(encoding="utf-8")
    for name in FORMATS:
        for param in stylesheet_params(name):
            assert f"`{param}`" in readme, f"parameter {param} of {name} is not in transforms/README.md"


def test_unknown_parameter_is_refused() -> None:
    with pytest.raises(UsageError, match="furnture"):
        convert_file(FEATURES, "text", {"furnture": "1"})


def test_parse_params() -> None:
    assert parse_params(["furniture=1", "lang=ru", "css=a=b.css"]) == {"furniture": "1", "lang": "ru", "css": "a=b.css"}
    with pytest.raises(UsageError):
        parse_params(["furniture"])
    with pytest.raises(UsageError):
        parse_params(["1x=2"])


def test_parameter_values_are_strings_not_xpath() -> None:
    # A value that would be an XPath expression must arrive as a plain string.
    data = convert_file(FEATURES, "html", {"lang": "count(//*)"}).data
    assert b'<html lang="count(//*)">' in data


def test_unknown_format() -> None:
    with pytest.raises(UsageError, match="unknown format"):
        convert_file(FEATURES, "pdf")


def test_warnings_are_returned_with_the_result() -> None:
    conversion = convert_file(FEATURES, "text")
    assert conversion.warnings == (
        "unknown element <unknownElement>: its text is shown plainly",
        "unknown element <mysteryWrapper>: its text is shown plainly",
    )
    assert convert_tree(etree.parse(str(FEATURES)), "text") == conversion.data


def test_convert_tree_accepts_element_and_tree() -> None:
    tree = etree.parse(str(FEATURES))
    assert convert_tree(tree, "text") == convert_tree(tree.getroot(), "text")


def test_output_is_deterministic() -> None:
    for name in FORMATS:
        assert convert_file(FEATURES, name).data == convert_file(FEATURES, name).data


def test_not_well_formed_input_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><text></TEI>", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        convert_file(bad, "html")
    message = str(caught.value)
    assert message.startswith(str(bad)) and "not well-formed" in message and "\n" not in message
    assert caught.value.exit_status == 2


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    doc = tmp_path / "xxe.xml"
    doc.write_text(
        f'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>a &x; b</p></body></text></TEI>',
        encoding="utf-8",
    )
    # tei.safexml refuses a DOCTYPE that declares entities; the secret is in no message either.
    with pytest.raises(InputError) as caught:
        convert_file(doc, "text")
    assert "TOPSECRET" not in str(caught.value)
    assert "declares an external entity" in str(caught.value)


def test_user_stylesheet_with_xslt(tmp_path: Path) -> None:
    own = tmp_path / "mine.xsl"
    own.write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"'
        ' xmlns:tei="http://www.tei-c.org/ns/1.0"><xsl:output method="text"/>'
        '<xsl:param name="greeting" select="\'hi\'"/>'
        '<xsl:template match="/">'
        "<xsl:value-of select=\"concat($greeting, ':', count(//tei:text//tei:p))\"/></xsl:template>"
        "</xsl:stylesheet>",
        encoding="utf-8",
    )
    assert convert_file(FEATURES, "text", {"greeting": "hello"}, xslt=own).data == b"hello:8"
    with pytest.raises(UsageError):
        convert_file(FEATURES, "text", {"furniture": "1"}, xslt=own)


def test_user_stylesheet_may_import_the_project_common(tmp_path: Path) -> None:
    own = tmp_path / "title.xsl"
    common = (transforms_dir() / "common" / "common.xsl").as_uri()
    own.write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        f'<xsl:import href="{common}"/><xsl:output method="text"/>'
        '<xsl:template match="/"><xsl:value-of select="$doc-date-words"/></xsl:template></xsl:stylesheet>',
        encoding="utf-8",
    )
    assert convert_file(FEATURES, "text", xslt=own).data == b"26 October 1917 (Julian) = 8 November 1917 (Gregorian)"


def test_stylesheet_cannot_write_files(tmp_path: Path) -> None:
    target = tmp_path / "written.txt"
    evil = tmp_path / "evil.xsl"
    evil.write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"'
        ' xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl"><xsl:output method="text"/>'
        f'<xsl:template match="/"><exsl:document href="{target}" method="text">x</exsl:document></xsl:template>'
        "</xsl:stylesheet>",
        encoding="utf-8",
    )
    with pytest.raises(TeiError):
        convert_file(FEATURES, "text", xslt=evil)
    assert not target.exists()


def test_stylesheet_cannot_read_outside_its_folders(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "data.xml").write_text("<secret>TOPSECRET</secret>", encoding="utf-8")
    folder = tmp_path / "styles"
    folder.mkdir()
    reader = folder / "reader.xsl"
    reader.write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:output method="text"/>'
        f'<xsl:template match="/"><xsl:value-of select="document(\'{(elsewhere / "data.xml").as_uri()}\')"/>'
        "</xsl:template></xsl:stylesheet>",
        encoding="utf-8",
    )
    try:
        data = convert_file(FEATURES, "text", xslt=reader).data
    except TeiError:
        return
    assert b"TOPSECRET" not in data


def test_stylesheet_import_outside_is_refused(tmp_path: Path) -> None:
    (tmp_path / "outside.xsl").write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>', encoding="utf-8"
    )
    inner = tmp_path / "inner"
    inner.mkdir()
    style = inner / "style.xsl"
    style.write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:import href="../outside.xsl"/></xsl:stylesheet>',
        encoding="utf-8",
    )
    with pytest.raises(StylesheetError):
        compile_stylesheet("text", style)


def test_broken_user_stylesheet(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xsl"
    broken.write_text("<xsl:stylesheet", encoding="utf-8")
    with pytest.raises(StylesheetError) as caught:
        run_convert([str(FEATURES)], fmt="text", xslt=broken, stdout=io.BytesIO())
    assert caught.value.exit_status == 2
    with pytest.raises(StylesheetError):
        run_convert([str(FEATURES)], fmt="text", xslt=tmp_path / "missing.xsl", stdout=io.BytesIO())


# --- run_convert: the `tei convert` contract of docs/cli.md ----------------------------------------


def test_one_input_goes_to_stdout() -> None:
    sink = io.BytesIO()
    assert run_convert([str(FEATURES)], fmt="text", stdout=sink).status == 0
    assert sink.getvalue() == convert_file(FEATURES, "text").data


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    assert run_convert([str(FEATURES)], fmt="html", output=target).status == 0
    assert target.read_bytes() == convert_file(FEATURES, "html").data
    assert not list(tmp_path.glob(".*tmp"))


def test_several_inputs_need_outdir(tmp_path: Path) -> None:
    second = tmp_path / "second.xml"
    second.write_bytes(FEATURES.read_bytes())
    with pytest.raises(UsageError, match="-d"):
        run_convert([str(FEATURES), str(second)], fmt="text", stdout=io.BytesIO())
    with pytest.raises(UsageError, match="not both"):
        run_convert([str(FEATURES)], fmt="text", output=tmp_path / "a.txt", outdir=tmp_path / "d", stdout=io.BytesIO())


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_outdir_names_outputs_after_inputs(tmp_path: Path, fmt: str) -> None:
    note = tmp_path / "note.xml"
    note.write_bytes(FEATURES.read_bytes())
    other = tmp_path / "other.xml"
    other.write_bytes(FEATURES.read_bytes())
    outdir = tmp_path / "out" / "deeper"
    assert run_convert([str(note), str(other)], fmt=fmt, outdir=outdir).status == 0
    suffix = FORMATS[fmt].suffix
    # .tei-outputs.json records what tei wrote there (tei.outputs.Writer), so that a later run may replace it
    assert sorted(path.name for path in outdir.iterdir()) == [".tei-outputs.json", f"note{suffix}", f"other{suffix}"]


def test_a_failing_input_does_not_stop_the_others(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("not xml", encoding="utf-8")
    good = tmp_path / "good.xml"
    good.write_bytes(FEATURES.read_bytes())
    warnings: list[str] = []
    failures: list[TeiError] = []
    inputs = [str(bad), str(tmp_path / "missing.xml"), str(good)]
    outcome = run_convert(
        inputs, fmt="text", outdir=tmp_path / "out", report=warnings.append, fail=failures.append
    )
    assert outcome.status == 2
    assert (tmp_path / "out" / "good.txt").is_file()
    errors = [str(failure) for failure in failures]
    assert len(errors) == 2 and all(error.startswith(str(tmp_path)) for error in errors)
    assert warnings and all(f"{good}: warning: " in warning for warning in warnings)
    assert all("\n" not in message for message in outcome.messages)
    assert outcome.messages == errors + warnings  # in the order they happened


def test_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    doc = tmp_path / "doc.xml"
    doc.write_bytes(FEATURES.read_bytes())
    with pytest.raises(UsageError):
        run_convert([str(doc)], fmt="text", output=doc, stdout=io.BytesIO())
    assert doc.read_bytes() == FEATURES.read_bytes()


def test_the_library_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only the CLI prints: errors and warnings come back as messages (issue 11)."""
    outcome = run_convert([str(tmp_path / "nope.xml"), str(FEATURES)], fmt="html", outdir=tmp_path / "out")
    captured = capsys.readouterr()
    assert outcome.status == 2
    assert captured.out == "" and captured.err == ""
    assert outcome.messages[0].startswith(f"{tmp_path / 'nope.xml'}: no such file")
    assert f"{FEATURES}: warning: unknown element <unknownElement>: its text is shown plainly" in outcome.messages
    with pytest.raises(UsageError, match="standard output"):
        run_convert([str(FEATURES)], fmt="html")


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(FEATURES.read_bytes())

    monkeypatch.setattr("sys.stdin", Stdin())
    sink = io.BytesIO()
    assert run_convert(["-"], fmt="text", stdout=sink).status == 0
    assert sink.getvalue() == convert_file(FEATURES, "text").data
