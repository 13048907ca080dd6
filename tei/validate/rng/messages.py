"""What a validation state allows, in words: the names, attributes and values a message lists.

The matcher knows *that* something is wrong; these functions read the
pattern it was in to say what would have been right (the elements that may
start here, the attributes allowed or still required, the values or the
datatype an attribute takes). They never change a pattern.
"""

from __future__ import annotations

from collections.abc import Iterator

from tei.ns import XML_NS
from tei.validate.positions import display_name, name_list
from tei.validate.rng.datatypes import Context
from tei.validate.rng.grammar import NameClass
from tei.validate.rng.patterns import (
    AFTER,
    ATTRIBUTE,
    CHOICE,
    DATA,
    DATA_EXCEPT,
    ELEMENT,
    GROUP,
    INTERLEAVE,
    LIST,
    ONE_OR_MORE,
    TEXT,
    VALUE,
    Pattern,
)


def describe(name_class: NameClass, attribute: bool = False) -> list[str]:
    """Readable names of a name class (``p``, ``xml:id``, ``any element in namespace …``)."""
    if name_class.kind == "name":
        if attribute and not name_class.namespace:
            return [name_class.local]
        if attribute and name_class.namespace != XML_NS:
            return [f"{{{name_class.namespace}}}{name_class.local}"]
        clark = f"{{{name_class.namespace}}}{name_class.local}" if name_class.namespace else name_class.local
        return [display_name(clark)]
    if name_class.kind == "any":
        return ["any attribute" if attribute else "any element"]
    if name_class.kind == "ns":
        what = "attribute" if attribute else "element"
        return [f"any {what} in namespace {name_class.namespace or '(none)'}"]
    return [text for alternative in name_class.alternatives for text in describe(alternative, attribute)]


def startable(pattern: Pattern) -> list[NameClass]:
    """The name classes of the elements that may start at this point."""
    found: list[NameClass] = []
    seen: set[int] = set()
    stack = [pattern]
    while stack:
        current = stack.pop()
        if current.uid in seen:
            continue
        seen.add(current.uid)
        kind = current.kind
        if kind == ELEMENT:
            found.append(current.a)
        elif kind == CHOICE:
            stack.extend(current.a)
        elif kind == GROUP:
            stack.append(current.a)
            if current.a.nullable:
                stack.append(current.b)
        elif kind == INTERLEAVE:
            stack.extend((current.a, current.b))
        elif kind in (ONE_OR_MORE, AFTER):
            stack.append(current.a)
    return found


def startable_names(pattern: Pattern) -> str:
    return name_list(n for nc in startable(pattern) for n in describe(nc))


def text_allowed(pattern: Pattern) -> bool:
    """Whether plain text may come at this point."""
    kind = pattern.kind
    if kind == TEXT:
        return True
    if kind == CHOICE:
        return any(text_allowed(p) for p in pattern.a)
    if kind == GROUP:
        return text_allowed(pattern.a) or (pattern.a.nullable and text_allowed(pattern.b))
    if kind == INTERLEAVE:
        return text_allowed(pattern.a) or text_allowed(pattern.b)
    if kind in (ONE_OR_MORE, AFTER):
        return text_allowed(pattern.a)
    return False


def attribute_classes(pattern: Pattern) -> list[NameClass]:
    """The attribute name classes allowed in this state."""
    kind = pattern.kind
    if kind == ATTRIBUTE:
        return [pattern.a]
    if kind in (AFTER, ONE_OR_MORE):
        return attribute_classes(pattern.a)
    if kind in (GROUP, INTERLEAVE):
        return attribute_classes(pattern.a) + attribute_classes(pattern.b)
    if kind == CHOICE:
        return [nc for p in pattern.a for nc in attribute_classes(p)]
    return []


def required_attributes(pattern: Pattern) -> set[str]:
    """The attributes every way on from this state still needs (jing's "required attributes")."""
    kind = pattern.kind
    if kind == ATTRIBUTE:
        return set(describe(pattern.a, True)) if pattern.a.kind == "name" else set()
    if kind in (AFTER, ONE_OR_MORE):
        return required_attributes(pattern.a)
    if kind in (GROUP, INTERLEAVE):
        return required_attributes(pattern.a) | required_attributes(pattern.b)
    if kind == CHOICE:
        sets = [required_attributes(p) for p in pattern.a]
        return set.intersection(*sets) if sets else set()
    return set()


def firsts(pattern: Pattern) -> Iterator[Pattern]:
    """The first parts of the "after" patterns of a state (the value or content being matched)."""
    if pattern.kind == AFTER:
        yield pattern.a
    elif pattern.kind == CHOICE:
        for alternative in pattern.a:
            yield from firsts(alternative)


def value_expectation(patterns: list[Pattern], value: str, context: Context) -> str:
    """What a value should have been: the values allowed, or why it is not of its datatype."""
    values: list[str] = []
    reasons: list[str] = []
    any_type = False
    stack = list(patterns)
    seen: set[int] = set()
    while stack:
        pattern = stack.pop()
        if pattern.uid in seen:
            continue
        seen.add(pattern.uid)
        kind = pattern.kind
        if kind == VALUE:
            values.append(pattern.b[1].strip() or repr(pattern.b[1]))
        elif kind in (DATA, DATA_EXCEPT):
            any_type = True
            reason = pattern.a.problem(value, context)
            if reason:
                reasons.append(reason)
            elif kind == DATA_EXCEPT:
                reasons.append("it is one of the values this datatype excludes here")
        elif kind == LIST:
            any_type = True
            stack.append(pattern.a)
        elif kind in (CHOICE,):
            stack.extend(pattern.a)
        elif kind in (GROUP, INTERLEAVE):
            stack.extend((pattern.a, pattern.b))
        elif kind in (ONE_OR_MORE, AFTER):
            stack.append(pattern.a)
        elif kind == TEXT:
            any_type = True
    if values and not any_type:
        return f"use one of {name_list(values, 20)}"
    if reasons:
        return reasons[0] + (f" (or one of {name_list(values, 8)})" if values else "")
    if values:
        return f"use one of {name_list(values, 20)}"
    return "it is not a value allowed here"


def short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
