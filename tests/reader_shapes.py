"""Inputs whose shape made a reader quadratic once: repeated furniture, unclosed syntax, one huge line.

The letter shapes (many editorial lines, signatures, enclosures) cost more per
line than prose, so they repeat a quarter (enclosures: a sixteenth) as often:
a rescan of the remaining lines at each line would still take minutes.

Shared by ``tests/test_reader_linearity.py`` (a hang check) and
``bench/readers.py`` (the figures). Each shape is a function of ``n``, the
number of repetitions of its unit, so that a size can be chosen.
"""

from __future__ import annotations

from collections.abc import Callable

TITLE = "TITLE\n\n"

#: name -> (text of n units, the input format to read it as)
SHAPES: dict[str, tuple[Callable[[int], str], str]] = {
    # issue 11: "20,000 repeated footer lines take 18 s"
    "footer lines in one block": (lambda n: TITLE + "*Source: Marxist Internet Archive*\n" * n, "markdown"),
    "footer blocks between paragraph pieces": (
        lambda n: TITLE + "the text goes on\n\n*Source: Marxist Internet Archive*\n\n" * n,
        "markdown",
    ),
    "paragraph joined at mid-sentence": (lambda n: TITLE + "and the text goes on\n\n" * n, "plain"),
    # issue 11: "`[a](` repeated 40,000 times (160 KB) over 120 s"
    "[a]( repeated": (lambda n: TITLE + "[a](" * n + "\n", "markdown"),
    "[a]( repeated, plain": (lambda n: TITLE + "[a](" * n + "\n", "plain"),
    "[a](http://x repeated without spaces": (lambda n: TITLE + "[a](http://x" * n + "\n", "markdown"),
    "unclosed ** repeated": (lambda n: TITLE + "**a " * n + "\n", "markdown"),
    "unclosed * repeated": (lambda n: TITLE + "*a " * n + "\n", "markdown"),
    "unclosed __ and _ repeated": (lambda n: TITLE + "__a _a " * n + "\n", "markdown"),
    "closed emphasis repeated": (lambda n: TITLE + "*a* **b** " * n + "\n", "markdown"),
    "bracket insertions repeated": (lambda n: TITLE + "[x] " * n + "\n", "plain"),
    "footnote markers repeated": (lambda n: TITLE + "word<sup>[1]</sup> " * n + "\n", "markdown"),
    "parentheses repeated": (lambda n: TITLE + "(a) (" * n + "\n", "plain"),
    "heading of hashes": (lambda n: "# " + "#" * (4 * n) + "x\n\nText.\n", "markdown"),
    "blank lines": (lambda n: TITLE + "\n" * (4 * n) + "Text.\n", "plain"),
    "blank lines with spaces": (lambda n: TITLE + " \n" * (2 * n) + "Text.\n", "plain"),
    "separator-like line": (lambda n: TITLE + "* " * (2 * n) + "x\n", "markdown"),
    "navigation-like line": (lambda n: TITLE + "[a] " * n + "x\n", "plain"),
    "url of punctuation": (lambda n: TITLE + "http://" + "!" * (4 * n) + "\n", "plain"),
    "open angle urls": (lambda n: TITLE + "<http://a" * n + "\n", "markdown"),
    "sup then spaces": (lambda n: TITLE + "<sup>" + " " * (4 * n) + "x\n", "markdown"),
    "numbered lines": (lambda n: TITLE + "1. item of a list\n" * n, "plain"),
    "short lines in one block": (lambda n: TITLE + "Moscow, 6 December 1917\n" * n, "plain"),
    "bracketed numbers after numbers": (lambda n: TITLE + "at 2 [12] p.m. " * n + "\n", "plain"),
    "letter with many serial lines": (
        lambda n: "The Consul at Odessa (Wheeler) to the Secretary of State\n[Telegram]\n" + "No. 12\n" * (n // 4 + 1),
        "plain",
    ),
    "letter ending in many signatures": (
        lambda n: "The Consul at Odessa (Wheeler) to the Secretary of State\n[Telegram]\n\nText.\n\n"
        + "Wheeler\n\n" * (n // 4 + 1),
        "plain",
    ),
    "letter with many enclosures": (
        lambda n: "The Consul at Odessa (Wheeler) to the Secretary of State\n[Telegram]\n\nText.\n\n"
        + "[Enclosure]\n\nOdessa, May 1, 1918.\n\nSir: Text.\n\nWheeler\n\n" * (n // 16 + 1),
        "plain",
    ),
    "one line of prose": (
        lambda n: TITLE + "The Government of Russia sent a note to Paris on the fifth of December, and waited. " * n
        + "\n",
        "plain",
    ),
    "one line of marked-up prose": (
        lambda n: TITLE
        + "The Government [of Russia] sent (a note) to *Paris* on 5 December 1917 http://x.org/a. " * (n // 20 + 1)
        + "\n",
        "markdown",
    ),
}


def shape(name: str, n: int) -> tuple[str, str]:
    """The text of shape ``name`` with ``n`` units and its input format."""
    make, input_format = SHAPES[name]
    return make(n), input_format
