"""The site's own search against Pagefind (PyPI ``pagefind[bin]``): build time, results, and file://.

Run: python bench/search_compare.py SITE (a folder built by ``tei site``; needs
``pip install 'pagefind[bin]'`` and chromium). It

1. times the site's own index (``assets/search-index.js`` from the documents'
   texts) and Pagefind's indexing of a copy of the site, documents only;
2. runs the same queries in headless Chromium through both: the site's
   ``search.html?q=`` from ``file://``, Pagefind over HTTP on 127.0.0.1 (a
   server this script starts and stops), and Pagefind from ``file://``;
3. scores both against a plain reference: the documents whose reading text
   (the site's ``documents/*.txt``) holds every query word as a word or the
   beginning of one (folded case and diacritics).
"""

from __future__ import annotations

import argparse
import http.server
import json
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tei.corpus.site.search import SearchDoc, index_script, terms_of, tokens  # noqa: E402

QUERIES = ["brest", "brest peace", "armistice", "genoa", "japanese landing", "wilson", "polish frontier",
           "moslems", "trade agreement", "vorovsky", "negotiat", "allied ambassadors", "soviet government",
           "chicherin", "constituent assembly"]
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
RUNNER = """<!DOCTYPE html><html><body><pre id="out">waiting</pre><script type="module">
const out = document.getElementById("out");
try {
  const pagefind = await import("./pagefind/pagefind.js");
  const found = {};
  for (const q of QUERIES) {
    const search = await pagefind.search(q);
    const data = await Promise.all(search.results.map(r => r.data()));
    found[q] = data.map(d => d.url);
  }
  out.textContent = JSON.stringify(found);
} catch (e) { out.textContent = "error: " + e; }
</script></body></html>"""


def browser(url: str, budget: int = 20000) -> str:
    profile = tempfile.mkdtemp(prefix="tei-chromium-")
    try:
        done = subprocess.run(["chromium", *FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={budget}",
                               "--dump-dom", url], capture_output=True, text=True, timeout=120)
        return done.stdout
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def reference(site: Path) -> dict[str, set[str]]:
    texts = {path.stem: set(tokens(path.read_text("utf-8"))) for path in (site / "documents").glob("*.txt")}
    found = {}
    for query in QUERIES:
        words = tokens(query)
        found[query] = {doc for doc, terms in texts.items()
                        if all(any(term.startswith(word) for term in terms) for word in words)}
    return found


def ours(site: Path) -> dict[str, set[str]]:
    import lxml.html

    found = {}
    for query in QUERIES:
        dom = lxml.html.fromstring(browser((site / "search.html").as_uri() + "?q=" + quote(query), 5000))
        found[query] = {Path(href).stem for href in dom.xpath("//ol[@id='results']/li/a/@href")}
    return found


def pagefind(copy: Path) -> tuple[dict[str, list[str]], str]:
    (copy / "pagefind-runner.html").write_text(RUNNER.replace("QUERIES", json.dumps(QUERIES)), "utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(copy), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    with socketserver.TCPServer(("127.0.0.1", 0), Quiet) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        port = server.server_address[1]
        text = browser(f"http://127.0.0.1:{port}/pagefind-runner.html")
        server.shutdown()
    import lxml.html

    result = lxml.html.fromstring(text).findtext(".//pre") or ""
    from_file = lxml.html.fromstring(browser((copy / "pagefind-runner.html").as_uri(), 5000)).findtext(".//pre")
    return (json.loads(result) if result.startswith("{") else {}), str(from_file)


def score(found: dict[str, set[str]], truth: dict[str, set[str]]) -> tuple[float, float]:
    hits = sum(len(found[q] & truth[q]) for q in QUERIES)
    returned = sum(len(found[q]) for q in QUERIES)
    relevant = sum(len(truth[q]) for q in QUERIES)
    return hits / returned if returned else 0.0, hits / relevant if relevant else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    site = parser.parse_args().site.resolve()
    texts = sorted((site / "documents").glob("*.txt"))
    start = time.perf_counter()
    docs = [SearchDoc(p.stem, f"documents/{p.stem}.html", p.stem, "", "", terms_of(p.read_text("utf-8")),
                      terms_of(p.stem), "") for p in texts]
    size = len(index_script(docs))
    own = time.perf_counter() - start
    print(f"{len(texts)} documents. Own index: {own * 1000:.0f} ms in process, {size / 1024:.0f} KiB")
    with tempfile.TemporaryDirectory(prefix="tei-pagefind-") as temporary:
        copy = Path(temporary) / "site"
        shutil.copytree(site, copy)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(copy), "--glob", "documents/*.html"],
                              capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"pagefind failed: {done.stderr.strip() or done.stdout.strip()}")
        pf_size = sum(p.stat().st_size for p in (copy / "pagefind").rglob("*") if p.is_file())
        print(f"Pagefind index (documents only): {elapsed:.2f} s as a command, {pf_size / 1024:.0f} KiB in "
              f"{sum(1 for _ in (copy / 'pagefind').rglob('*'))} files")
        found_pf, from_file = pagefind(copy)
    print(f"Pagefind from file://: {from_file[:120]}")
    truth = reference(site)
    found_own = ours(site)
    pf = {q: {Path(url).stem for url in urls} for q, urls in found_pf.items()}
    print(f"{'query':22} {'reference':>9} {'own':>5} {'pagefind':>8}")
    for query in QUERIES:
        print(f"{query:22} {len(truth[query]):9} {len(found_own[query]):5} {len(pf.get(query, set())):8}"
              + ("" if found_own[query] == truth[query] else "  own differs")
              + ("" if pf.get(query, set()) == truth[query] else "  pagefind differs"))
    for name, found in (("own", found_own), ("pagefind", {q: pf.get(q, set()) for q in QUERIES})):
        precision, recall = score(found, truth)
        print(f"{name}: precision {precision:.3f}, recall {recall:.3f} against the reference")


if __name__ == "__main__":
    main()
