"""The pattern algebra and its derivatives (James Clark's algorithm, with jing's recovery functions).

Patterns are hash-consed (equal patterns are one object), so every
derivative can be memoised on the pattern it is taken of: once a document
has met a state, meeting it again costs a dictionary lookup. Element
contents are built from the grammar's rows only when a document first
reaches them, so validating against tei_all touches the few hundred
patterns a document needs, not the whole schema.

Besides the derivatives of the paper (start tag, attribute, text, end tag)
this has the functions jing's matcher uses to go on after an error: a start
tag that is allowed later (``start_tag_open_recover``), attributes that are
missing (``ignore_missing_attributes``), an element's end that comes too
early (``recover_after``), and the declaration of an element that is not
allowed where it is (:meth:`Patterns.find_element`). :mod:`matcher` drives
them; what is written here is the algebra only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tei.validate.rng import grammar as rows
from tei.validate.rng.datatypes import Context, Datatype, datatype_of, equal_value, value_of
from tei.validate.rng.grammar import Grammar, NameClass, QName

(
    EMPTY,
    NOT_ALLOWED,
    TEXT,
    CHOICE,
    GROUP,
    INTERLEAVE,
    ONE_OR_MORE,
    LIST,
    DATA,
    DATA_EXCEPT,
    VALUE,
    ATTRIBUTE,
    ELEMENT,
    AFTER,
) = range(14)

# Content types (jing's): what an element's content holds, for "is this element's text data?".
EMPTY_CONTENT, ELEMENT_CONTENT, MIXED_CONTENT, DATA_CONTENT = range(4)

#: Data derivatives are memoised for values up to this length (longer ones are computed each time).
_MEMO_VALUE_LENGTH = 64
_MEMO_LIMIT = 4096


_XML_SPACE = re.compile(r"[ \t\r\n]+")


def is_blank(text: str) -> bool:
    """Only XML white space (space, tab, CR, LF): a no-break space is text."""
    return not text.strip(" \t\r\n")


class Pattern:
    """One hash-consed pattern; ``memo`` holds its derivatives."""

    __slots__ = ("a", "b", "content_type", "has_data", "kind", "memo", "not_allowed", "nullable", "uid")

    def __init__(self, kind: int, a: Any, b: Any, nullable: bool, content_type: int, has_data: bool, uid: int) -> None:
        self.kind = kind
        self.a = a
        self.b = b
        self.nullable = nullable
        self.content_type = content_type
        self.has_data = has_data
        self.uid = uid
        self.memo: dict[Any, Any] = {}
        #: jing's isNotAllowed: notAllowed itself, or an "after" whose first part is notAllowed.
        self.not_allowed = kind == NOT_ALLOWED or (kind == AFTER and a.not_allowed)

    def __repr__(self) -> str:
        return f"<Pattern {self.kind} #{self.uid}>"


class Patterns:
    """The pattern factory of one grammar (hash-consing) and the derivative functions over it."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self._interned: dict[tuple[Any, ...], Pattern] = {}
        self._uid = 0
        self.empty = self._make(EMPTY, None, None, True, EMPTY_CONTENT, False)
        self.not_allowed = self._make(NOT_ALLOWED, None, None, False, EMPTY_CONTENT, False)
        self.text = self._make(TEXT, None, None, True, MIXED_CONTENT, False)
        self._rows: dict[int, Pattern] = {}
        self._elements: dict[int, Pattern] = {}
        self._contents: dict[int, Pattern] = {}
        self._found: dict[QName, Pattern] = {}
        self._index: tuple[dict[QName, list[Pattern]], list[Pattern]] | None = None
        self.start = self.from_row(grammar.start)

    # -- construction --

    def _make(self, kind: int, a: Any, b: Any, nullable: bool, content_type: int, has_data: bool) -> Pattern:
        self._uid += 1
        return Pattern(kind, a, b, nullable, content_type, has_data, self._uid)

    def _intern(
        self, key: tuple[Any, ...], kind: int, a: Any, b: Any, nullable: bool, content_type: int, has_data: bool
    ) -> Pattern:
        found = self._interned.get(key)
        if found is None:
            found = self._make(kind, a, b, nullable, content_type, has_data)
            self._interned[key] = found
        return found

    def choice(self, *patterns: Pattern) -> Pattern:
        alternatives: dict[int, Pattern] = {}
        for pattern in patterns:
            if pattern.kind == CHOICE:
                for inner in pattern.a:
                    alternatives[inner.uid] = inner
            elif pattern.kind != NOT_ALLOWED:
                alternatives[pattern.uid] = pattern
        if not alternatives:
            return self.not_allowed
        if len(alternatives) > 1:
            alternatives = self._simplify_choice(alternatives)
            if len(alternatives) == 1:
                return next(iter(alternatives.values()))
        else:
            return next(iter(alternatives.values()))
        ordered = tuple(alternatives[uid] for uid in sorted(alternatives))
        return self._intern(
            (CHOICE, *(p.uid for p in ordered)),
            CHOICE,
            ordered,
            None,
            any(p.nullable for p in ordered),
            max(p.content_type for p in ordered),
            any(p.has_data for p in ordered),
        )

    def _simplify_choice(self, alternatives: dict[int, Pattern]) -> dict[int, Pattern]:
        """jing's choice rules: empty beside a nullable pattern adds nothing; "after"s are merged."""
        empty = self.empty
        if empty.uid in alternatives and any(p.nullable and p is not empty for p in alternatives.values()):
            del alternatives[empty.uid]
        afters = [p for p in alternatives.values() if p.kind == AFTER]
        if len(afters) < 2:
            return alternatives
        others = [p for p in alternatives.values() if p.kind != AFTER]
        live = [p for p in afters if p.a.kind != NOT_ALLOWED]
        if live and len(live) < len(afters):
            afters = live
        by_first: dict[int, list[Pattern]] = {}
        for after in afters:
            by_first.setdefault(after.a.uid, []).append(after)
        merged: list[Pattern] = []
        for group in by_first.values():
            if len(group) == 1:
                merged.append(group[0])
            else:
                merged.append(self.after(group[0].a, self.choice(*(p.b for p in group))))
        by_second: dict[int, list[Pattern]] = {}
        for after in merged:
            by_second.setdefault(after.b.uid, []).append(after)
        result: dict[int, Pattern] = {p.uid: p for p in others}
        for group in by_second.values():
            pattern = group[0] if len(group) == 1 else self.after(self.choice(*(p.a for p in group)), group[0].b)
            result[pattern.uid] = pattern
        return result

    def group(self, a: Pattern, b: Pattern) -> Pattern:
        if a.kind == EMPTY:
            return b
        if b.kind == EMPTY:
            return a
        if a.kind == NOT_ALLOWED or b.kind == NOT_ALLOWED:
            return self.not_allowed
        return self._intern(
            (GROUP, a.uid, b.uid),
            GROUP,
            a,
            b,
            a.nullable and b.nullable,
            max(a.content_type, b.content_type),
            a.has_data or b.has_data,
        )

    def interleave(self, a: Pattern, b: Pattern) -> Pattern:
        if a.kind == EMPTY:
            return b
        if b.kind == EMPTY:
            return a
        if a.kind == NOT_ALLOWED or b.kind == NOT_ALLOWED:
            return self.not_allowed
        return self._intern(
            (INTERLEAVE, a.uid, b.uid),
            INTERLEAVE,
            a,
            b,
            a.nullable and b.nullable,
            max(a.content_type, b.content_type),
            a.has_data or b.has_data,
        )

    def one_or_more(self, a: Pattern) -> Pattern:
        if a.kind in (EMPTY, NOT_ALLOWED, ONE_OR_MORE):
            return a
        return self._intern((ONE_OR_MORE, a.uid), ONE_OR_MORE, a, None, a.nullable, a.content_type, a.has_data)

    def optional(self, a: Pattern) -> Pattern:
        return self.choice(a, self.empty)

    def after(self, a: Pattern, b: Pattern) -> Pattern:
        return self._intern(
            (AFTER, a.uid, b.uid), AFTER, a, b, False, max(a.content_type, b.content_type), a.has_data
        )

    def list_of(self, a: Pattern) -> Pattern:
        if a.kind == NOT_ALLOWED:
            return a
        return self._intern((LIST, a.uid), LIST, a, None, False, DATA_CONTENT, True)

    def data_pattern(self, datatype: Datatype, key: Any, excepted: Pattern | None) -> Pattern:
        if excepted is None:
            return self._intern((DATA, key), DATA, datatype, None, False, DATA_CONTENT, True)
        key = (DATA_EXCEPT, key, excepted.uid)
        return self._intern(key, DATA_EXCEPT, datatype, excepted, False, DATA_CONTENT, True)

    def value_pattern(self, datatype: Datatype, key: Any, value: Any, text: str) -> Pattern:
        return self._intern((VALUE, key, text), VALUE, datatype, (value, text), False, DATA_CONTENT, True)

    def attribute(self, name_class: NameClass, content: Pattern) -> Pattern:
        if content.kind == NOT_ALLOWED:
            return content
        return self._intern(
            (ATTRIBUTE, name_class, content.uid), ATTRIBUTE, name_class, content, False, EMPTY_CONTENT, False
        )

    def element(self, index: int) -> Pattern:
        found = self._elements.get(index)
        if found is None:
            name_class = self.grammar.elements[index][0]
            found = self._make(ELEMENT, name_class, index, False, ELEMENT_CONTENT, False)
            self._elements[index] = found
        return found

    def content(self, element: Pattern) -> Pattern:
        """An element's content pattern, built from the grammar on first use."""
        index: int = element.b
        found = self._contents.get(index)
        if found is None:
            found = self.from_row(self.grammar.elements[index][1])
            self._contents[index] = found
        return found

    def from_row(self, row: int) -> Pattern:
        """The pattern of a grammar row (elements stay unexpanded until :meth:`content`)."""
        found = self._rows.get(row)
        if found is not None:
            return found
        kind, a, b = self.grammar.rows[row]
        if kind == rows.EMPTY:
            result = self.empty
        elif kind == rows.NOT_ALLOWED:
            result = self.not_allowed
        elif kind == rows.TEXT:
            result = self.text
        elif kind == rows.CHOICE:
            result = self.choice(self.from_row(a), self.from_row(b))
        elif kind == rows.GROUP:
            result = self.group(self.from_row(a), self.from_row(b))
        elif kind == rows.INTERLEAVE:
            result = self.interleave(self.from_row(a), self.from_row(b))
        elif kind == rows.ONE_OR_MORE:
            result = self.one_or_more(self.from_row(a))
        elif kind == rows.LIST:
            result = self.list_of(self.from_row(a))
        elif kind == rows.DATA:
            excepted = self.from_row(b) if b is not None else None
            result = self.data_pattern(datatype_of(a), a, excepted)
        elif kind == rows.VALUE:
            datatype = datatype_of(a)
            result = self.value_pattern(datatype, a, value_of(datatype, b, Context(a.context)), b)
        elif kind == rows.ATTRIBUTE:
            result = self.attribute(a, self.from_row(b))
        elif kind == rows.REF:
            result = self.element(a)
        else:
            raise ValueError(f"unknown row kind {kind!r}")
        self._rows[row] = result
        return result

    def find_element(self, name: QName) -> Pattern:
        """jing's recovery for an element not allowed where it is: the content of its declarations.

        Among every element pattern reachable from the start, those whose
        name class names ``name`` most specifically (a name before an nsName
        before anyName); their contents, as one choice; notAllowed if the
        schema declares no such element.
        """
        found = self._found.get(name)
        if found is not None:
            return found
        by_name, open_elements = self._declarations()
        best = -1
        contents: list[Pattern] = []
        for element in by_name.get(name, []) + open_elements:
            specificity = element.a.specificity(name)
            if specificity > best:
                best, contents = specificity, [self.content(element)]
            elif specificity == best and specificity >= 0:
                contents.append(self.content(element))
        if not contents:
            return self.not_allowed  # not memoised: a document could bring endless new names
        result = self.choice(*contents)
        self._found[name] = result
        return result

    def _declarations(self) -> tuple[dict[QName, list[Pattern]], list[Pattern]]:
        """Every element pattern reachable from the start, by plain name, and those with open name classes."""
        if self._index is not None:
            return self._index
        by_name: dict[QName, list[Pattern]] = {}
        open_elements: list[Pattern] = []
        seen: set[int] = set()
        stack = [self.start]
        while stack:
            pattern = stack.pop()
            if pattern.uid in seen:
                continue
            seen.add(pattern.uid)
            kind = pattern.kind
            if kind == ELEMENT:
                for plain in pattern.a.names():
                    by_name.setdefault(plain, []).append(pattern)
                if pattern.a.is_open():
                    open_elements.append(pattern)
                stack.append(self.content(pattern))
            elif kind == CHOICE:
                stack.extend(pattern.a)
            elif kind in (GROUP, INTERLEAVE):
                stack.extend((pattern.a, pattern.b))
            elif kind == ONE_OR_MORE:
                stack.append(pattern.a)
        self._index = (by_name, open_elements)
        return self._index

    # -- derivatives --

    def apply_after(self, pattern: Pattern, f: Callable[[Pattern], Pattern]) -> Pattern:
        kind = pattern.kind
        if kind == AFTER:
            return self.after(pattern.a, f(pattern.b))
        if kind == CHOICE:
            return self.choice(*[self.apply_after(alternative, f) for alternative in pattern.a])
        return self.not_allowed

    def element_names(self, pattern: Pattern) -> tuple[frozenset[QName], tuple[NameClass, ...]]:
        """The element names a state mentions at its own level (plain names, and open name classes).

        A superset of what may start here, even while recovering: a name
        outside it gets notAllowed at once, without walking (or memoising
        into) the pattern, so endless new names cost nothing.
        """
        found: tuple[frozenset[QName], tuple[NameClass, ...]] | None = pattern.memo.get("en")
        if found is not None:
            return found
        kind = pattern.kind
        result: tuple[frozenset[QName], tuple[NameClass, ...]]
        if kind == ELEMENT:
            name_class: NameClass = pattern.a
            result = (frozenset(name_class.names()), (name_class,) if name_class.is_open() else ())
        elif kind in (CHOICE, GROUP, INTERLEAVE):
            parts = [self.element_names(p) for p in (pattern.a if kind == CHOICE else (pattern.a, pattern.b))]
            result = (frozenset().union(*(part[0] for part in parts)), tuple(nc for part in parts for nc in part[1]))
        elif kind in (ONE_OR_MORE, AFTER):
            result = self.element_names(pattern.a)
        else:
            result = (frozenset(), ())
        pattern.memo["en"] = result
        return result

    def start_tag_open(self, pattern: Pattern, name: QName, recover: bool = False) -> Pattern:
        key = ("stor" if recover else "sto", name)
        found: Pattern | None = pattern.memo.get(key)
        if found is not None:
            return found
        plain, open_classes = self.element_names(pattern)
        if name not in plain and not any(nc.contains(name) for nc in open_classes):
            return self.not_allowed  # not memoised: a document could bring endless new names
        kind = pattern.kind
        if kind == CHOICE:
            result = self.choice(*[self.start_tag_open(p, name, recover) for p in pattern.a])
        elif kind == ELEMENT:
            result = self.after(self.content(pattern), self.empty) if pattern.a.contains(name) else self.not_allowed
        elif kind == GROUP:
            a, b = pattern.a, pattern.b
            result = self.apply_after(self.start_tag_open(a, name, recover), lambda x: self.group(x, b))
            if a.nullable or recover:
                result = self.choice(result, self.start_tag_open(b, name, recover))
        elif kind == INTERLEAVE:
            a, b = pattern.a, pattern.b
            result = self.choice(
                self.apply_after(self.start_tag_open(a, name, recover), lambda x: self.interleave(x, b)),
                self.apply_after(self.start_tag_open(b, name, recover), lambda x: self.interleave(a, x)),
            )
        elif kind == AFTER:
            b = pattern.b
            result = self.apply_after(self.start_tag_open(pattern.a, name, recover), lambda x: self.after(x, b))
        elif kind == ONE_OR_MORE:
            rest = self.optional(pattern)
            result = self.apply_after(self.start_tag_open(pattern.a, name, recover), lambda x: self.group(x, rest))
        else:
            result = self.not_allowed
        pattern.memo[key] = result
        return result

    def attribute_names(self, pattern: Pattern) -> tuple[frozenset[QName], tuple[NameClass, ...]]:
        """The attribute names a state allows anywhere in it (plain names, and open name classes)."""
        found: tuple[frozenset[QName], tuple[NameClass, ...]] | None = pattern.memo.get("an")
        if found is not None:
            return found
        kind = pattern.kind
        result: tuple[frozenset[QName], tuple[NameClass, ...]]
        if kind == ATTRIBUTE:
            name_class: NameClass = pattern.a
            result = (frozenset(), (name_class,)) if name_class.is_open() else (frozenset(name_class.names()), ())
        elif kind in (CHOICE, GROUP, INTERLEAVE):
            parts = [self.attribute_names(p) for p in (pattern.a if kind == CHOICE else (pattern.a, pattern.b))]
            plain = frozenset().union(*(part[0] for part in parts))
            result = (plain, tuple(nc for part in parts for nc in part[1]))
        elif kind in (ONE_OR_MORE, AFTER):
            result = self.attribute_names(pattern.a)
        else:
            result = (frozenset(), ())
        pattern.memo["an"] = result
        return result

    def start_attribute(self, pattern: Pattern, name: QName) -> Pattern:
        """The derivative by an attribute's name: ``after(its value's pattern, what follows)``."""
        key = ("sad", name)
        found: Pattern | None = pattern.memo.get(key)
        if found is not None:
            return found
        plain, open_classes = self.attribute_names(pattern)
        if name not in plain and not any(nc.contains(name) for nc in open_classes):
            return self.not_allowed  # not memoised: a document could bring endless new names
        kind = pattern.kind
        if kind == CHOICE:
            result = self.choice(*[self.start_attribute(p, name) for p in pattern.a])
        elif kind == ATTRIBUTE:
            result = self.after(pattern.b, self.empty) if pattern.a.contains(name) else self.not_allowed
        elif kind in (GROUP, INTERLEAVE):
            a, b = pattern.a, pattern.b
            join = self.group if kind == GROUP else self.interleave
            result = self.choice(
                self.apply_after(self.start_attribute(a, name), lambda x: join(x, b)),
                self.apply_after(self.start_attribute(b, name), lambda x: join(a, x)),
            )
        elif kind == AFTER:
            b = pattern.b
            result = self.apply_after(self.start_attribute(pattern.a, name), lambda x: self.after(x, b))
        elif kind == ONE_OR_MORE:
            rest = self.optional(pattern)
            result = self.apply_after(self.start_attribute(pattern.a, name), lambda x: self.group(x, rest))
        else:
            result = self.not_allowed
        pattern.memo[key] = result
        return result

    def _rebuild(self, pattern: Pattern, key: str, leaf: Callable[[Pattern], Pattern | None]) -> Pattern:
        """The shared walk of end_attributes, ignore_missing_attributes and text_only."""
        found: Pattern | None = pattern.memo.get(key)
        if found is not None:
            return found
        kind = pattern.kind
        special = leaf(pattern)
        if special is not None:
            result = special
        elif kind in (GROUP, INTERLEAVE):
            a = self._rebuild(pattern.a, key, leaf)
            b = self._rebuild(pattern.b, key, leaf)
            if a is pattern.a and b is pattern.b:
                result = pattern
            else:
                result = self.group(a, b) if kind == GROUP else self.interleave(a, b)
        elif kind == CHOICE:
            parts = [self._rebuild(p, key, leaf) for p in pattern.a]
            result = pattern if all(p is q for p, q in zip(parts, pattern.a, strict=True)) else self.choice(*parts)
        elif kind == ONE_OR_MORE:
            a = self._rebuild(pattern.a, key, leaf)
            result = pattern if a is pattern.a else self.one_or_more(a)
        elif kind == AFTER:
            a = self._rebuild(pattern.a, key, leaf)
            result = pattern if a is pattern.a else self.after(a, pattern.b)
        else:
            result = pattern
        pattern.memo[key] = result
        return result

    def end_attributes(self, pattern: Pattern) -> Pattern:
        found: Pattern | None = pattern.memo.get("ea")
        if found is not None:
            return found
        return self._rebuild(pattern, "ea", lambda p: self.not_allowed if p.kind == ATTRIBUTE else None)

    def ignore_missing_attributes(self, pattern: Pattern) -> Pattern:
        return self._rebuild(pattern, "ima", lambda p: self.empty if p.kind == ATTRIBUTE else None)

    def text_only(self, pattern: Pattern) -> Pattern:
        return self._rebuild(
            pattern, "to", lambda p: self.not_allowed if p.kind == ELEMENT else (p if p.kind == ATTRIBUTE else None)
        )

    def mixed_text(self, pattern: Pattern) -> Pattern:
        """The derivative by text that is not data (an element's text outside a data-typed element)."""
        found: Pattern | None = pattern.memo.get("mtd")
        if found is not None:
            return found
        kind = pattern.kind
        if kind == TEXT:
            result = pattern
        elif kind == GROUP:
            a, b = pattern.a, pattern.b
            first = self.mixed_text(a)
            result = pattern if first is a else self.group(first, b)
            if a.nullable:
                result = self.choice(result, self.mixed_text(b))
        elif kind == INTERLEAVE:
            a, b = pattern.a, pattern.b
            first, second = self.mixed_text(a), self.mixed_text(b)
            result = self.choice(
                pattern if first is a else self.interleave(first, b),
                pattern if second is b else self.interleave(a, second),
            )
        elif kind == ONE_OR_MORE:
            result = self.group(self.mixed_text(pattern.a), self.optional(pattern))
        elif kind == CHOICE:
            parts = [self.mixed_text(p) for p in pattern.a]
            result = pattern if all(p is q for p, q in zip(parts, pattern.a, strict=True)) else self.choice(*parts)
        elif kind == AFTER:
            first = self.mixed_text(pattern.a)
            result = pattern if first is pattern.a else self.after(first, pattern.b)
        else:
            result = self.not_allowed
        pattern.memo["mtd"] = result
        return result

    def end_tag(self, pattern: Pattern) -> Pattern:
        found: Pattern | None = pattern.memo.get("etd")
        if found is not None:
            return found
        if pattern.kind == CHOICE:
            result = self.choice(*[self.end_tag(p) for p in pattern.a])
        elif pattern.kind == AFTER:
            result = pattern.b if pattern.a.nullable else self.not_allowed
        else:
            result = self.not_allowed
        pattern.memo["etd"] = result
        return result

    def recover_after(self, pattern: Pattern) -> Pattern:
        """What follows the current element, whatever its content still needed."""
        found: Pattern | None = pattern.memo.get("ra")
        if found is not None:
            return found
        if pattern.kind == CHOICE:
            result = self.choice(*[self.recover_after(p) for p in pattern.a])
        elif pattern.kind == AFTER:
            result = pattern.b
        else:
            result = self.not_allowed
        pattern.memo["ra"] = result
        return result

    def empty_after(self, pattern: Pattern) -> Pattern:
        """The pattern with every "after" continuation replaced by empty (jing's check for a real error)."""
        found: Pattern | None = pattern.memo.get("eaf")
        if found is not None:
            return found
        if pattern.kind == AFTER:
            result = self.after(pattern.a, self.empty)
        elif pattern.kind == CHOICE:
            result = self.choice(*[self.empty_after(p) for p in pattern.a])
        else:
            result = pattern
        pattern.memo["eaf"] = result
        return result

    def text_deriv(self, pattern: Pattern, text: str, context: Context) -> Pattern:
        """The derivative by a data value (an attribute's value, a data-typed element's text)."""
        if not pattern.has_data:
            key: Any = ("dd", is_blank(text))
        elif len(text) <= _MEMO_VALUE_LENGTH:
            key = ("dd", text, context)
        else:
            return self._text_deriv(pattern, text, context)
        found: Pattern | None = pattern.memo.get(key)
        if found is None:
            found = self._text_deriv(pattern, text, context)
            if len(pattern.memo) < _MEMO_LIMIT:
                pattern.memo[key] = found
        return found

    def _text_deriv(self, pattern: Pattern, text: str, context: Context) -> Pattern:
        kind = pattern.kind
        if kind == TEXT:
            return pattern
        if kind == CHOICE:
            return self.choice(*[self.text_deriv(p, text, context) for p in pattern.a])
        if kind == GROUP:
            a, b = pattern.a, pattern.b
            result = self.group(self.text_deriv(a, text, context), b)
            return self.choice(result, self.text_deriv(b, text, context)) if a.nullable else result
        if kind == INTERLEAVE:
            a, b = pattern.a, pattern.b
            return self.choice(
                self.interleave(self.text_deriv(a, text, context), b),
                self.interleave(a, self.text_deriv(b, text, context)),
            )
        if kind == ONE_OR_MORE:
            return self.group(self.text_deriv(pattern.a, text, context), self.optional(pattern))
        if kind == AFTER:
            if self.text_deriv(pattern.a, text, context).nullable or (pattern.a.nullable and is_blank(text)):
                following: Pattern = pattern.b
                return following
            return self.not_allowed
        if kind == VALUE:
            return self.empty if equal_value(pattern.a, text, context, pattern.b[0]) else self.not_allowed
        if kind == DATA:
            return self.empty if pattern.a.valid(text, context) else self.not_allowed
        if kind == DATA_EXCEPT:
            if not pattern.a.valid(text, context):
                return self.not_allowed
            return self.not_allowed if self.text_deriv(pattern.b, text, context).nullable else self.empty
        if kind == LIST:
            state = pattern.a
            for token in _XML_SPACE.split(text.strip(" \t\r\n")) if not is_blank(text) else ():
                state = self.text_deriv(state, token, context)
                if state.kind == NOT_ALLOWED:
                    return self.not_allowed
            return self.empty if state.nullable else self.not_allowed
        return self.not_allowed

