"""tei site: a static edition site that works from file://, links that resolve, nothing requested from outside."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import SHARED, run_tei
from corpus_support import CHROMIUM_FLAGS, chromium, copy_collection, encoded_collection
from lxml import etree
from lxml import html as lxml_html

TITLE = "Soviet foreign policy, 1917–1924"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site") / "site"
    done = run_tei("site", str(encoded_collection()), "-d", str(folder), "--title", TITLE, cwd=folder.parent)
    assert done.returncode == 0, done.stderr
    return folder


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _parse(path: Path) -> etree._Element:
    return lxml_html.fromstring(path.read_bytes())


def test_layout(site: Path) -> None:
    docs = sorted(encoded_collection().glob("*.xml"))
    for name in ("index.html", "documents/index.html", "documents/authors.html", "timeline.html", "search.html",
                 "persons/index.html", "places/index.html", "organisations/index.html", "persons/trotsky.html",
                 "places/russia.html", "assets/site.css", "assets/search.js", "assets/search-index.js"):
        assert (site / name).is_file(), name
    for doc in docs:
        for suffix in (".html", ".xml", ".txt", ".fo", ".tex"):
            assert (site / "documents" / f"{doc.stem}{suffix}").is_file()
        assert (site / "documents" / f"{doc.stem}.xml").read_bytes() == doc.read_bytes()


def test_document_page_links_names_to_index_pages(site: Path) -> None:
    page = _parse(site / "documents" / "trotsky-note-to-allied-ambassadors-1917-12-06.html")
    names = page.xpath("//main//a[contains(concat(' ', @class, ' '), ' name ')]")
    assert len(names) >= 10
    assert all(name.get("href").startswith("../") and name.get("id") for name in names)
    assert "../persons/trotsky.html" in {name.get("href") for name in names}
    downloads = {a.get("href") for a in page.xpath("//section[@class='doc-tools']//a[@download]")}
    assert downloads == {f"trotsky-note-to-allied-ambassadors-1917-12-06{s}" for s in (".xml", ".txt", ".fo", ".tex")}
    assert page.xpath("//nav[@aria-label='Collection']//a[@href='../persons/index.html']")


def test_person_page_links_every_mention(site: Path) -> None:
    page = _parse(site / "persons" / "trotsky.html")
    assert page.findtext(".//h1") == "Leon Trotsky"
    links = page.xpath("//ol[@class='mentions']//a/@href")
    assert len(links) >= 10
    for link in links:
        file, _, anchor = link.partition("#")
        target = _parse((site / "persons" / file).resolve())
        assert anchor and target.xpath(f"//*[@id='{anchor}']"), link
    assert page.xpath("//a[@rel='external noopener' and @href='https://www.wikidata.org/wiki/Q33391']")


def test_documents_by_date_in_both_calendars(site: Path) -> None:
    page = _parse(site / "documents" / "index.html")
    dates = page.xpath("//table[@class='documents']//time/@datetime")
    assert dates == sorted(dates) and len(dates) >= 20
    assert "= 26 October 1917 O.S." in page.text_content()  # 8 November 1917, the Report on Peace


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        cache[path] = set(_parse(path).xpath("//@id"))
    return cache[path]


def test_every_link_inside_the_site_resolves(site: Path) -> None:
    cache: dict[Path, set[str]] = {}
    checked = 0
    for page in _pages(site):
        tree = _parse(page)
        for element, attribute in [(e, "href") for e in tree.xpath("//a[@href] | //link[@href]")] + [
            (e, "src") for e in tree.xpath("//*[@src]")] + [(e, "action") for e in tree.xpath("//form[@action]")]:
            value = element.get(attribute)
            parsed = urlparse(value)
            if parsed.scheme in ("http", "https"):
                assert element.tag == "a", f"{page}: <{element.tag} {attribute}={value}> loads from outside"
                continue
            assert not parsed.scheme and not parsed.netloc, f"{page}: {value}"
            target = (page.parent / unquote(parsed.path)).resolve() if parsed.path else page
            assert target.is_file(), f"{page}: {value} -> {target}"
            assert target.is_relative_to(site.resolve())
            if parsed.fragment and target.suffix == ".html":
                assert unquote(parsed.fragment) in _ids(target, cache), f"{page}: {value}"
            checked += 1
    assert checked > 3000


_URL_IN_TEXT = re.compile(r"""(?:https?:|ftp:|wss?:)?//[\w.-]+""")


def test_no_request_leaves_the_site(site: Path) -> None:
    data_scripts = [site / "assets" / "search-index.js", *sorted((site / "assets" / "text").glob("*.js"))]
    for path in data_scripts:
        # pure data: one JSON value handed to a function or a variable, which can ask for nothing
        match = re.fullmatch(r"window\.(TEI_SEARCH_INDEX = (.*)|TEI_SEARCH_TEXT\((.*)\));\n", path.read_text("utf-8"),
                             re.DOTALL)
        assert match, path
        json.loads(match.group(2) or f"[{match.group(3)}]")
    for path in sorted(site.rglob("*")):
        if path.suffix in (".css", ".js") and path not in data_scripts:
            text = path.read_text("utf-8")
            assert "url(" not in text and "@import" not in text, path
            found = [url for url in _URL_IN_TEXT.findall(text) if not url.startswith("//")]
            assert found == [], f"{path}: {found}"
            assert not re.search(r"\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|import\()", text), path
        elif path.suffix == ".html":
            tree = _parse(path)
            assert not tree.xpath("//iframe | //object | //embed | //base | //img | //video | //audio | //source")
            assert not tree.xpath("//meta[@http-equiv='refresh']")
            for style in tree.xpath("//style/text() | //@style"):
                assert "url(" not in style and "@import" not in style, path
            for element in tree.xpath("//*[@src] | //link[@href]"):
                value = element.get("src") or element.get("href")
                assert not urlparse(value).scheme and not value.startswith("//"), f"{path}: {value}"


def test_accessibility_basics(site: Path) -> None:
    for page in _pages(site):
        tree = _parse(page)
        assert tree.get("lang"), page
        assert len(tree.xpath("//h1")) == 1, page
        skip = tree.xpath("//body/a[contains(@class, 'skip')]/@href")
        assert skip and skip[0][1:] in tree.xpath("//@id"), page
        assert len(tree.xpath("//main")) == 1, page
        assert tree.xpath("//head/meta[@name='viewport']"), page
        for field in tree.xpath("//input[not(@type='hidden')]"):
            assert field.get("aria-label") or tree.xpath(f"//label[@for='{field.get('id')}']"), page
        levels = [int(h.tag[1]) for h in tree.xpath("//main//h1 | //main//h2 | //main//h3 | //main//h4")]
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (page, levels)


def test_same_input_same_bytes(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert run_tei("site", str(encoded_collection()), "-d", str(again), "--title", TITLE, cwd=tmp_path).returncode == 0
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_incremental_rebuild_and_removal(tmp_path: Path) -> None:
    source = copy_collection(tmp_path / "tei")
    out = tmp_path / "site"
    assert run_tei("site", str(source), "-d", str(out), cwd=tmp_path).returncode == 0
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*.html")}
    unchanged = run_tei("site", str(source), "-d", str(out), cwd=tmp_path)
    assert "(0 read, 0 pages rebuilt)" in unchanged.stderr and "0 files written" in unchanged.stderr
    changed = source / "lenin-calling-everybody-1918-02-04.xml"
    changed.write_text(changed.read_text("utf-8").replace("concealing the truth", "hiding the truth"), "utf-8")
    again = run_tei("site", str(source), "-d", str(out), cwd=tmp_path)
    assert again.returncode == 0 and "(1 read, 1 pages rebuilt)" in again.stderr, again.stderr
    page = out / "documents" / "lenin-calling-everybody-1918-02-04.html"
    assert "hiding the truth" in page.read_text("utf-8")
    assert "hiding the truth" in (out / "persons" / "trotsky.html").read_text("utf-8")
    other = out / "documents" / "trotsky-note-to-allied-ambassadors-1917-12-06.html"
    assert (other.read_bytes(), other.stat().st_mtime_ns) == before[other]
    (source / "lenin-calling-everybody-1918-02-04.xml").unlink()
    removed = run_tei("site", str(source), "-d", str(out), cwd=tmp_path)
    assert removed.returncode == 0
    assert not list((out / "documents").glob("lenin-calling-everybody-1918-02-04.*"))
    assert not (out / "assets" / "text" / "lenin-calling-everybody-1918-02-04.js").exists()
    assert "lenin-calling-everybody" not in (out / "documents" / "index.html").read_text("utf-8")
    assert "lenin-calling-everybody" not in (out / "assets" / "search-index.js").read_text("utf-8")
    assert not (out / "persons" / "kaledin.html").exists()  # named only in that document
    state = json.loads((out / ".tei-site.json").read_text("utf-8"))
    assert all("lenin-calling-everybody" not in name for name in state["files"])


HOSTILE = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title>&lt;script&gt;alert("title")&lt;/script&gt; &amp; &lt;/script&gt;&lt;b&gt;</title>
<author>O'Brien "&lt;img src=x onerror=alert(1)&gt;"</author></titleStmt>
<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader>
<standOff><listPerson><person xml:id="evil"><persName>&lt;/script&gt;&lt;svg onload=alert(2)&gt;</persName></person>
</listPerson></standOff>
<text><body><p>Words with <persName ref="#evil">&lt;/script&gt;&lt;svg onload=alert(2)&gt;</persName> and
u2028:\u2028 end.</p></body></text></TEI>"""


def test_user_text_is_escaped_in_pages_and_search_index(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "hostile.xml").write_text(HOSTILE, "utf-8")
    out = tmp_path / "site"
    done = run_tei("site", str(source), "-d", str(out), "--title", '</title><script>alert("t")</script>',
                   cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    for page in _pages(out):
        tree = _parse(page)
        scripts = tree.xpath("//script")
        assert all(script.get("src") and not (script.text or "").strip() for script in scripts), page
        assert not tree.xpath("//svg | //img | //b | //@onload | //@onerror"), page
    index = (out / "assets" / "search-index.js").read_text("utf-8")
    assert "<" not in index and "\u2028" not in index
    text = (out / "assets" / "text" / "hostile.js").read_text("utf-8")
    assert "<" not in text and "\u2028" not in text
    assert "alert(2)" in _parse(out / "persons" / "evil.html").findtext(".//h1")


@pytest.mark.parametrize("inside", [True, False])
def test_site_folder_may_not_overlap_a_source(tmp_path: Path, inside: bool) -> None:
    source = copy_collection(tmp_path / "tei")
    out = source / "site" if inside else tmp_path
    done = run_tei("site", str(source), "-d", str(out), cwd=tmp_path)
    assert done.returncode == 2 and "overlap" in done.stderr and "Traceback" not in done.stderr
    assert not (source / "site").exists() and not (tmp_path / "index.html").exists()


def test_eltec_names_where_marked_and_honest_empty_indexes(tmp_path: Path, shared: Path) -> None:
    novels = shared / "corpus" / "eltec-eng"
    out = tmp_path / "site"
    done = run_tei("site", str(novels / "level1" / "ENG19011_Jerome.xml"), str(novels / "level2" /
                   "ENG18652_Carroll.xml"), "-d", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    places = _parse(out / "places" / "index.html").text_content()
    assert "The documents mark no places" in places
    names = _parse(out / "names" / "index.html")
    assert "unidentified" in names.text_content()
    alice = names.xpath("//ul[@class='entities']//a[text()='Alice']/@href")
    assert alice
    mentions = _parse(out / "names" / alice[0]).xpath("//ol[@class='mentions']/li")
    assert len(mentions) > 100  # the novel marks her name as rs hundreds of times
    persons = _parse(out / "persons" / "index.html").text_content()
    assert "Jerome, Jerome K." in persons  # the author, by the VIAF id of the header


# -- in the browser -----------------------------------------------------------------------------------

def _browser(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    executable = chromium()
    if executable is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    profile = tempfile.mkdtemp(prefix="tei-chromium-")
    try:
        return subprocess.run([executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def test_search_works_from_file_urls_in_chromium(site: Path) -> None:
    url = (site / "search.html").as_uri() + "?q=brest+peace"
    dom = _browser("--virtual-time-budget=5000", "--dump-dom", url).stdout
    tree = lxml_html.fromstring(dom)
    results = tree.xpath("//ol[@id='results']/li")
    assert len(results) >= 3
    titles = [item.findtext("a") for item in results]
    assert "Declaration" in titles
    assert "documents contain all of: brest peace" in tree.xpath("string(//*[@id='search-status'])")
    assert tree.xpath("//ol[@id='results']/li/p[@class='snippet']/mark")  # snippets loaded by script tags


def _page_requests(page: Path, log: Path) -> list[str]:
    _browser("--virtual-time-budget=3000", f"--log-net-log={log}", "--dump-dom", page.as_uri())
    data = json.loads(log.read_text("utf-8"))
    names = {number: name for name, number in data["constants"]["logEventTypes"].items()}
    found = []
    for event in data["events"]:
        params = event.get("params") or {}
        started = names.get(event["type"]) == "URL_REQUEST_START_JOB"
        if started and params.get("initiator") not in (None, "not an origin"):
            found.append(params["url"])
    return found


def test_browser_makes_no_request_from_the_pages(site: Path, tmp_path: Path) -> None:
    control = tmp_path / "control.html"
    control.write_text('<!DOCTYPE html><img src="http://127.0.0.1:9/x.png" alt="">', "utf-8")
    assert _page_requests(control, tmp_path / "control.json"), "the network log did not show a page's request"
    for number, name in enumerate(["index.html", "documents/trotsky-note-to-allied-ambassadors-1917-12-06.html",
                                   "persons/trotsky.html", "search.html"]):
        assert _page_requests(site / name, tmp_path / f"net-{number}.json") == [], name


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not present")
def test_collection_has_the_samples_and_the_dev_set(site: Path) -> None:
    assert len(list((site / "documents").glob("*.html"))) - 2 >= 22  # index.html and authors.html
