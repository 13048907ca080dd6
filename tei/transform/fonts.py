"""Which characters of a printed conversion no installed font has.

FOP prints such a character as "#", lualatex leaves it out, and both say so
somewhere in pages of log. tei convert says it once, before the user runs
them: the characters of the output are checked against the fonts the
stylesheet names (its ``font`` parameter and ``fallback-fonts``), as
fontconfig describes them (``fc-list``). Without fontconfig nothing is
checked.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable

__all__ = ["font_coverage", "uncovered_characters"]

_SHOWN = 24


@functools.lru_cache(maxsize=1)
def _fc_list() -> tuple[str, ...]:
    """fontconfig's fonts, one "families|charset" line each ((), without fontconfig)."""
    if shutil.which("fc-list") is None:
        return ()
    try:
        result = subprocess.run(
            ["fc-list", "-f", "%{family}|%{charset}\n"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    return tuple(result.stdout.splitlines())


@functools.lru_cache(maxsize=16)
def _spans(family: str) -> tuple[tuple[int, int], ...]:
    """The code point ranges the fonts of one family (lower case) cover; only its lines are parsed,
    since a system with CJK fonts lists half a megabyte of ranges."""
    spans: list[tuple[int, int]] = []
    for line in _fc_list():
        families, _, charset = line.partition("|")
        if family not in families.lower() or family not in (name.strip().lower() for name in families.split(",")):
            continue
        for item in charset.split():
            first, _, last = item.partition("-")
            try:
                spans.append((int(first, 16), int(last or first, 16)))
            except ValueError:
                continue
    return tuple(sorted(spans))


def font_coverage() -> bool:
    """Can coverage be checked here (fontconfig present and knowing some fonts)?"""
    return bool(_fc_list())


def _covered(code: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(first <= code <= last for first, last in spans)


def uncovered_characters(text: str, families: Iterable[str]) -> list[str]:
    """The characters of ``text`` that none of ``families`` has (in order of code point); [] when
    fontconfig is missing or knows none of the families."""
    spans = [span for family in families for span in _spans(family.strip().lower())]
    if not spans:
        return []
    wanted = {char for char in set(text) if ord(char) > 0x7E}
    missing = [
        char
        for char in wanted
        if unicodedata.category(char) not in ("Cc", "Cf", "Zs", "Zl", "Zp", "Cs")
        and not _covered(ord(char), spans)
    ]
    return sorted(missing)


def describe_missing(missing: list[str]) -> str:
    """"日 本 語 (U+65E5 U+672C U+8A9E)", at most a couple of dozen of them."""
    shown = missing[:_SHOWN]
    text = " ".join(shown) + " (" + " ".join(f"U+{ord(char):04X}" for char in shown) + ")"
    if len(missing) > _SHOWN:
        text += f" and {len(missing) - _SHOWN} more"
    return text
