"""Context rules: when a form that is a name only in some uses is kept.

The rules themselves are data (``[context.*]`` in names.toml); this module
applies them, plus the general rule for forms the register flags ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tei.annotate.lexical import HS, SENTENCE_START, U
from tei.annotate.namegrammar import (
    VOCAB,
    before,
    foreign_shape,
    function_word_after,
    sentence_start,
    title_case_line,
)
from tei.annotate.vocabulary import ContextRule

_THE_BEFORE = re.compile(r"(?:^|\W)(?:the|The|THE)\s+$")
_CAPITAL_NEXT = re.compile(rf"{HS}+[{U}]")


def _region_use(text: str, start: int, end: int) -> bool:
    """``East``, ``West``: a region after ``the`` or capitalised mid-sentence.

    Directions are written in lower case; a capital inside a sentence marks the region
    ("the awakening and arising East"). Not before another capitalised word (``East
    Prussia`` is a name of its own) and not as the first word of a sentence.
    """
    if _CAPITAL_NEXT.match(text, end):
        return False
    window = before(text, start)
    return bool(_THE_BEFORE.search(window)) or SENTENCE_START.search(window[-12:]) is None


def _noun_use(text: str, start: int, end: int) -> bool:
    """``the Baltic`` as a noun: nothing or a function word follows (not "Baltic provinces")."""
    return function_word_after(text, end)


#: The named tests a context rule may ask for with ``use``.
_USES: dict[str, Callable[[str, int, int], bool]] = {"region": _region_use, "noun": _noun_use}


def rule_keeps(rule: ContextRule, text: str, start: int, end: int) -> bool:
    """Apply one context rule to ``text[start:end]``."""
    if rule.always:
        return True
    window = before(text, start)
    if rule.reject_before is not None and rule.reject_before.search(window):
        return False
    if rule.require_before is not None and not rule.require_before.search(window):
        return False
    if rule.reject_after is not None and rule.reject_after.match(text[end : end + rule.after_window]):
        return False
    if rule.use is not None:
        test = _USES.get(rule.use)
        if test is None:
            raise ValueError(f"names.toml: unknown context use {rule.use!r}; use one of {', '.join(sorted(_USES))}")
        return test(text, start, end)
    return True


def ambiguous_ok(text: str, start: int, end: int, caps: bool) -> bool:
    """A one-word name flagged ambiguous (``Root``, ``Price``, ``Semyonov``).

    Inside a sentence its capital is evidence enough. Where every word is capitalised
    (sentence start, title-case or all-caps headings) the capital proves nothing, so
    only a name that cannot be an ordinary English word is kept there.
    """
    word = text[start:end]
    if caps or title_case_line(text, start, end) or sentence_start(text, start):
        return foreign_shape(word)
    return True


def context_ok(form: str, ambiguous: bool, text: str, start: int, end: int, caps: bool) -> bool:
    """May this match of a register form stand, given its context?"""
    rule = VOCAB.context.get(form)
    if rule is not None:
        return rule_keeps(rule, text, start, end)
    if ambiguous and " " not in form:
        return ambiguous_ok(text, start, end, caps)
    return True
