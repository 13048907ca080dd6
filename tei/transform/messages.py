"""What libxslt says, made into messages a user can act on.

A failing stylesheet: the file, the line and libxslt's own words instead
of "runtime error, element 'value-of'". The stylesheets' warnings
(``xsl:message`` starting with "tei-warning: ") and a user's own messages:
one line each, repeated ones counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["WARNING_PREFIX", "first_line", "join_counts", "stylesheet_failure", "stylesheet_messages"]

#: How the built-in stylesheets start a warning (common/warnings.xsl).
WARNING_PREFIX = "tei-warning: "
_RUNTIME = "runtime error"


def first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "unknown error"


def _entries(log: Any) -> list[Any]:
    return list(log or ())


def _element_of(message: str) -> str:
    """"runtime error, element 'value-of'" -> "xsl:value-of"."""
    if "element '" in message:
        return "xsl:" + message.split("element '", 1)[1].split("'", 1)[0]
    return ""


def stylesheet_failure(log: Any, exc: BaseException) -> tuple[str, str | None, int | None]:
    """(message, stylesheet file, line) for a compile or run failure, from libxslt's error log.

    libxslt logs the cause first (an XPath error, an unknown function), then
    "runtime error, element 'value-of'" with the stylesheet's file and line,
    then a summary: the message joins the cause and the element; the place is
    the runtime error's.
    """
    entries = _entries(log)
    causes: list[str] = []
    where: str | None = None
    line: int | None = None
    element = ""
    for entry in entries:
        message = str(getattr(entry, "message", "")).strip()
        if not message or message.startswith(WARNING_PREFIX):
            continue
        filename = str(getattr(entry, "filename", "") or "")
        number = getattr(entry, "line", 0)
        if _RUNTIME in message or (filename and not filename.startswith("<") and number):
            if where is None and filename and not filename.startswith("<"):
                where, line = filename, number if isinstance(number, int) and number > 0 else None
            element = element or _element_of(message)
            if _RUNTIME in message:
                continue
        if message not in causes and message != "XPath evaluation returned no result.":
            causes.append(message)
    text = "; ".join(causes[:3]) or first_line(str(exc))
    if element:
        text = f"{text} (in {element})"
    if where is not None:
        where = str(Path(where))
    return text, where, line


def stylesheet_messages(log: Any) -> list[str]:
    """The warnings a run left in libxslt's log: the built-in stylesheets' (without their prefix) and
    any other xsl:message, each once, "(N times)" when repeated, in order of first appearance."""
    counted: Counter[str] = Counter()
    order: list[str] = []
    for entry in _entries(log):
        message = str(getattr(entry, "message", "")).strip()
        if not message:
            continue
        text = message[len(WARNING_PREFIX) :] if message.startswith(WARNING_PREFIX) else f"stylesheet says: {message}"
        if text not in counted:
            order.append(text)
        counted[text] += 1
    return _merge_unknown(order, counted)


#: The stylesheets' warning for an element they have no decision for (common/traversal.xsl).
_UNKNOWN = re.compile(r"^unknown element <([^>]+)>: its text is shown plainly$")
#: More distinct unknown elements than this make one line (a customisation's own vocabulary), not one each.
_UNKNOWN_LINES = 3
_UNKNOWN_LISTED = 8


def _merge_unknown(order: list[str], counted: Counter[str]) -> list[str]:
    """The messages with their counts; many unknown elements become one line that lists the first few."""
    unknown = [text for text in order if _UNKNOWN.match(text)]
    if len(unknown) <= _UNKNOWN_LINES:
        return [text if counted[text] == 1 else f"{text} ({counted[text]} times)" for text in order]
    names = [
        text.split(">", 1)[0].removeprefix("unknown element ") + ">" + (f" ×{n}" if (n := counted[text]) > 1 else "")
        for text in unknown[:_UNKNOWN_LISTED]
    ]
    more = f", and {len(unknown) - _UNKNOWN_LISTED} more" if len(unknown) > _UNKNOWN_LISTED else ""
    merged = (
        f"{len(unknown)} unknown elements ({sum(counted[text] for text in unknown)} in all), their text shown "
        f"plainly: {', '.join(names)}{more}"
    )
    result: list[str] = []
    for text in order:
        if text in unknown:
            if merged not in result:
                result.append(merged)
        else:
            result.append(text if counted[text] == 1 else f"{text} ({counted[text]} times)")
    return result


def join_counts(lines: Iterable[str]) -> list[str]:
    """The same lines, repeated ones counted once (for warnings from several sources)."""
    lines = list(lines)
    counted = Counter(lines)
    seen: list[str] = []
    for line in lines:
        if line not in seen:
            seen.append(line)
    return [line if counted[line] == 1 else f"{line} ({counted[line]} times)" for line in seen]
