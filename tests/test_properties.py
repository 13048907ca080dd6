"""Property tests over generated documents: encode never fails, keeps every word, is deterministic."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei.encode import EncodeOptions, encode
from tei.readers import detect_format
from tei.serialize import to_bytes
from tei.wordcheck import first_difference, source_words, tei_words

WORDS = st.sampled_from(
    [
        "the",
        "peace",
        "Government",
        "of",
        "Russia",
        "Germany",
        "negotiations",
        "armistice",
        "Lenin",
        "Trotsky",
        "Petrograd",
        "Soviet",
        "workers'",
        "peasants'",
        "December",
        "1917",
        "October",
        "26",
        "November",
        "8",
        "Congress",
        "a",
        "to",
        "and",
        "in",
        "is",
        "war",
        "people",
        "Chicherin",
        "Moscow",
        "Baltic",
        "Allied",
        "March",
        "14",
        "1918",
        "café",
        "naïve",
        "—",
        "–",
        "“quoted”",
        "'single'",
        "42",
        "3rd",
    ]
)
PUNCT = st.sampled_from(["", "", "", ",", ".", ";", ":", "!", "?"])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.tuples(WORDS, PUNCT), min_size=1, max_size=18))
    return " ".join(word + punct for word, punct in words)


@st.composite
def inline(draw: st.DrawFn, markdown: bool) -> str:
    parts = [draw(sentences())]
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["bracket", "marker", "stage", "url", "emph", "plain"]))
        text = draw(sentences())
        if kind == "bracket":
            parts.append(f"[{text}]")
        elif kind == "marker":
            label = draw(st.sampled_from(["A", "B", "1", "12"]))
            parts.append(f"<sup>[{label}]</sup>" if markdown else f"[{label}]")
        elif kind == "stage":
            parts.append("(*Prolonged Applause*)" if markdown else "(Applause)")
        elif kind == "url":
            parts.append("<https://www.marxists.org/archive/x.htm>" if markdown else "https://example.org/a/b")
        elif kind == "emph" and markdown:
            parts.append(f"*{text.strip('*_ ')}*" if text.strip("*_ ") else text)
        parts.append(draw(sentences()))
    return " ".join(parts)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, bool]:
    markdown = draw(st.booleans())
    blocks: list[str] = []
    title = draw(sentences())
    blocks.append(f"**{title}**" if markdown else title.upper())
    if draw(st.booleans()):
        blocks.append(draw(st.sampled_from(["6 December 1917", "October 26 (November 8), 1917", "1918"])))
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["p", "p", "p", "list", "footer", "sep", "heading", "nav"]))
        if kind == "p":
            blocks.append(draw(inline(markdown)))
        elif kind == "list":
            items = draw(st.lists(inline(markdown), min_size=1, max_size=4))
            blocks.extend(f"{n}.{' ' if n % 2 else ''}{item}" for n, item in enumerate(items, start=1))
        elif kind == "footer":
            blocks.append("*Source: Marxist Internet Archive*" if markdown else "Source: Marxist Internet Archive")
        elif kind == "sep":
            blocks.append("---")
        elif kind == "heading":
            blocks.append(draw(sentences()).upper())
        else:
            blocks.append("[Subject] [Author] [Date]")
    separator = draw(st.sampled_from(["\n\n", "\n\n\n", "\r\n\r\n"]))
    return separator.join(blocks) + "\n", markdown


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_encode_keeps_every_word(doc: tuple[str, bool]) -> None:
    text, markdown = doc
    fmt = "markdown" if markdown else "plain"
    options = EncodeOptions(input_format=fmt, change_date="2026-01-01")
    first = to_bytes(encode(text.encode(), options, name="generated.txt"))
    root = etree.fromstring(first)
    normalised = text.replace("\r\n", "\n")
    assert first_difference(source_words(normalised, markdown=markdown), tei_words(root)) is None
    assert to_bytes(encode(text.encode(), options, name="generated.txt")) == first


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_encode_never_crashes_on_any_text(text: str) -> None:
    from tei.errors import InputError

    try:
        root = encode(text.encode("utf-8", "surrogatepass"), EncodeOptions(change_date="2026-01-01"), name="x.txt")
    except InputError:
        return
    etree.fromstring(to_bytes(root))
    markdown = detect_format(text) == "markdown"
    del markdown


def _decorators(node: ast.FunctionDef, name: str) -> list[ast.Call]:
    return [d for d in node.decorator_list if isinstance(d, ast.Call) and getattr(d.func, "id", "") == name]


def test_no_hypothesis_test_has_a_deadline() -> None:
    """Four tests kept Hypothesis's 200 ms deadline, a timed assertion; the profile and each test now say None."""
    assert settings.default is not None and settings.default.deadline is None
    for path in Path(__file__).parent.rglob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or not _decorators(node, "given"):
                continue
            calls = _decorators(node, "settings")
            deadlines = [k.value for call in calls for k in call.keywords if k.arg == "deadline"]
            assert deadlines, f"{path.name}::{node.name} needs @settings(deadline=None)"
            assert all(isinstance(v, ast.Constant) and v.value is None for v in deadlines), f"{path.name}::{node.name}"
