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
def _charsets() -> dict[str, tuple[tuple[int, int], ...]]:
    """Every font family fontconfig knows (lower case), with the code point ranges its fonts cover."""
    if shutil.which("fc-list") is None:
        return {}
    try:
        result = subprocess.run(
            ["fc-list", "-f", "%{family}|%{charset}\n"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    ranges: dict[str, list[tuple[int, int]]] = {}
    for line in result.stdout.splitlines():
        families, _, charset = line.partition("|")
        spans: list[tuple[int, int]] = []
        for item in charset.split():
            first, _, last = item.partition("-")
            try:
                spans.append((int(first, 16), int(last or first, 16)))
            except ValueError:
                continue
        for family in families.split(","):
            ranges.setdefault(family.strip().lower(), []).extend(spans)
    return {family: tuple(sorted(spans)) for family, spans in ranges.items()}


def font_coverage() -> bool:
    """Can coverage be checked here (fontconfig present and knowing some fonts)?"""
    return bool(_charsets())


def _covered(code: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(first <= code <= last for first, last in spans)


def uncovered_characters(text: str, families: Iterable[str]) -> list[str]:
    """The characters of ``text`` that none of ``families`` has (in order of code point); [] when
    fontconfig is missing or knows none of the families."""
    charsets = _charsets()
    spans = [span for family in families for span in charsets.get(family.strip().lower(), ())]
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
