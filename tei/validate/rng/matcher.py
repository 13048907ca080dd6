"""Validating a document against a loaded schema, the way jing does it, error for error.

The document is walked as the SAX events jing sees (start tag, each
attribute's name then value, end of the start tag, text, end tag) and one
pattern is carried through them, as in jing's matcher: after an error the
state is recovered by jing's rules, and an error is not reported while the
state is "not allowed" and an earlier error explains it. Inside an element
the schema does not expect where it stands, validation goes on against the
declarations of that element elsewhere in the schema, so the elements inside
it are still checked. IDs are checked as RELAX NG's DTD compatibility says:
only attributes the schema types ID, IDREF or IDREFS, on the elements where
it types them (so ``xml:id`` inside a TEI ``egXML`` example is no ID).

Positions are jing's (:class:`~tei.validate.positions.Locator`'s
``after_start_tag``, ``after_end_tag``, ``text_lines``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from tei.diagnostics import Diagnostic
from tei.validate.positions import Locator, display_name, name_list
from tei.validate.rng.datatypes import Context, collapse, datatype_of
from tei.validate.rng.grammar import DATA, VALUE, QName
from tei.validate.rng.messages import (
    attribute_classes,
    describe,
    firsts,
    required_attributes,
    short,
    startable,
    startable_names,
    text_allowed,
    value_expectation,
)
from tei.validate.rng.patterns import DATA_CONTENT, Pattern, Patterns, is_blank

Position = tuple[int, int]
#: Where an event is reported: after the start tag, after the end tag, at the end of each line of a text.
_START, _END, _TEXT = range(3)
_NO_CONTEXT = Context()


def _qname(tag: str) -> QName:
    if tag.startswith("{"):
        namespace, local = tag[1:].split("}", 1)
        return namespace, local
    return "", tag


def _shown(element: etree._Element | None) -> str:
    if element is None or not isinstance(element.tag, str):
        return "?"
    return display_name(element.tag, element)


class Matcher:
    """One document against one schema: jing's matcher, with the toolkit's messages."""

    def __init__(self, patterns: Patterns, ids: dict[tuple[QName, QName], str], name: str, locator: Locator) -> None:
        self.p = patterns
        self.name = name
        self.locator = locator
        self.memo = patterns.start
        self.had_error = False
        self.ignore_next = False
        self.text_typed = False
        self.diagnostics: list[Diagnostic] = []
        self.context_needed = _needs_context(patterns)
        self._names: dict[str, QName] = {}
        self._ids_by_element: dict[QName, dict[QName, str]] = {}
        for (element, attribute), kind in ids.items():
            self._ids_by_element.setdefault(element, {})[attribute] = kind
        self._seen_ids: dict[str, etree._Element] = {}
        self._allowed: dict[int, str] = {}
        #: The last error jing's matcher recorded: message, rule, and how many diagnostics came before it.
        self.last: tuple[str, str, int] = ("the document is not valid here", "rng:invalid", 0)
        self._references: list[tuple[etree._Element, str, str]] = []

    # -- reporting --

    def _ignored(self) -> bool:
        return self.had_error and self.memo.not_allowed

    def _error(self, message: Callable[[], str], rule: str) -> bool:
        """jing's error(): record the error unless an earlier one explains it; True when it was ignored."""
        if self._ignored():
            return True
        self.had_error = True
        self.last = (message(), rule, len(self.diagnostics))
        return False

    def _report(self, ok: bool, where: int, subject: etree._Element, at: etree._Element | None) -> None:
        """What jing's validator does with an event's answer: a false one is reported where the event is.

        jing sometimes answers false without a new error (an element that is
        fine, inside one that is not allowed): it then repeats its last
        message. Here that case says what it is instead.
        """
        if ok:
            return
        if where == _START:
            positions = [self.locator.after_start_tag(subject if at is None else at)]
        elif where == _END:
            positions = [self.locator.after_end_tag(subject)]
        else:
            positions = self.locator.text_lines(subject, at)
        message, rule, count = self.last
        if count < len(self.diagnostics):  # no new error since the last one was reported
            original = self.diagnostics[count]
            positions = [p for p in positions if p != (original.line, original.col)]  # said there already
            message = (
                f"'{_shown(subject)}' is inside content the schema does not allow there "
                f"(see line {original.line}: {_first_words(message)})"
            )
        for line_number, col in positions:
            self.diagnostics.append(Diagnostic(self.name, line_number, col, "error", message, rule))

    def qname(self, tag: str) -> QName:
        found = self._names.get(tag)
        if found is None:
            found = _qname(tag)
            self._names[tag] = found
        return found

    def context(self, element: etree._Element) -> Context:
        if not self.context_needed:
            return _NO_CONTEXT
        return Context(tuple(sorted(((prefix or ""), uri) for prefix, uri in (element.nsmap or {}).items())))

    # -- the walk --

    def document(self, root: etree._Element) -> None:
        if self.memo.not_allowed:
            self._error(lambda: "the schema allows no document at all (its start pattern is notAllowed)", "rng:empty")
            self._report(False, _START, root, root)
        # Per open element: [element, the text read since its last element child, that child].
        frames: list[list[Any]] = []
        for event, node in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
            if event == "start":
                if frames:
                    frame = frames[-1]
                    self.text_before(frame[0], frame[1], frame[2], node)
                    frame[2] = node
                self.start_element(node, frames[-1][0] if frames else None)
                frames.append([node, [node.text or ""], None])
            elif event == "end":
                element, pending, last = frames.pop()
                self.end_element(element, pending, last)
                if frames:
                    frames[-1][1] = [node.tail or ""]
            elif frames:  # a comment or processing instruction: its tail is more of the same text
                frames[-1][1].append(node.tail or "")
        self.check_references()

    def text_before(
        self, parent: etree._Element, pending: list[str], previous: etree._Element | None, element: etree._Element
    ) -> None:
        """The text before a start tag (the parent's own text or the previous child's tail)."""
        if self.text_typed:
            # jing buffers a data-typed element's text; a child element makes it plain text after all.
            self.text_typed = False
            text = "".join(pending)
            if not is_blank(text):
                self._report(self.untyped_text(parent), _START, element, element)
            return
        for text in pending:
            if text and not is_blank(text):
                self._report(self.untyped_text(parent), _TEXT, parent, previous)
                return

    def start_element(self, element: etree._Element, parent: etree._Element | None) -> None:
        name = self.qname(str(element.tag))
        self._report(self.start_tag_open(element, name, parent), _START, element, element)
        for key, raw in element.attrib.items():
            attribute = str(key)
            if not self.attribute_name(element, attribute, self.qname(attribute)):
                self._report(False, _START, element, element)
            if not self.attribute_value(element, attribute, str(raw)):
                self._report(False, _START, element, element)
        self._report(self.start_tag_close(element), _START, element, element)
        if self._ids_by_element:
            self.check_ids(element, name)

    def end_element(self, element: etree._Element, pending: list[str], last: etree._Element | None) -> None:
        if self.text_typed:
            text = "".join(pending)
            if text:
                self.ignore_next = True
                self._report(self.data_text(element, text), _END, element, element)
        else:
            for text in pending:
                if text and not is_blank(text):
                    self._report(self.untyped_text(element), _TEXT, element, last)
                    break
        self._report(self.end_tag(element), _END, element, element)

    # -- jing's matcher, event by event (each answers whether to report) --

    def start_tag_open(self, element: etree._Element, name: QName, parent: etree._Element | None) -> bool:
        p = self.p
        following = p.start_tag_open(self.memo, name)
        if not following.not_allowed:
            self.memo = following
            return True
        state = self.memo
        recovered = p.start_tag_open(state, name, recover=True)
        ok = self._ignored()
        place = f"in '{_shown(parent)}'" if parent is not None else "as the root element"
        if not recovered.not_allowed:
            if not ok:
                self._error(
                    lambda: f"element '{_shown(element)}' is not allowed yet {place}: "
                    f"{startable_names(state) or 'required content'} must come first",
                    "rng:element-too-early",
                )
            self.memo = recovered
            return ok
        declared = p.find_element(name)

        def message() -> str:
            allowed = self._allowed_elements(state)
            text = f"element '{_shown(element)}' is not allowed {place}"
            if declared.not_allowed:
                text += " (the schema has no such element)"
            return text + (f"; allowed here: {allowed}" if allowed else "; no element is allowed here")

        if not ok:
            self._error(message, "rng:element-not-allowed")
        self.memo = p.after(declared, state)
        return ok

    def attribute_name(self, element: etree._Element, attribute: str, name: QName) -> bool:
        state = self.memo
        following = self.p.start_attribute(state, name)
        if not following.not_allowed:
            self.memo = following
            return True
        self.ignore_next = True
        if self._ignored():
            return True

        def message() -> str:
            text = f"attribute '{display_name(attribute)}' is not allowed on '{_shown(element)}'"
            allowed = self._allowed_attributes(state)
            return text + (f"; allowed here: {allowed}" if allowed else "; it takes no attributes")

        self._error(message, "rng:attribute-not-allowed")
        return False

    def _allowed_elements(self, state: Pattern) -> str:
        """The elements that may start in a state, listed once per state."""
        found = self._allowed.get(-state.uid)
        if found is None:
            found = name_list(n for nc in startable(state) for n in describe(nc))
            self._allowed[-state.uid] = found
        return found

    def _allowed_attributes(self, state: Pattern) -> str:
        """The attributes a state allows, listed once per state (an element may bring thousands of bad ones)."""
        found = self._allowed.get(state.uid)
        if found is None:
            found = name_list(n for nc in attribute_classes(state) for n in describe(nc, True))
            self._allowed[state.uid] = found
        return found

    def attribute_value(self, element: etree._Element, attribute: str, value: str) -> bool:
        if self.ignore_next:
            self.ignore_next = False
            return True
        p = self.p
        state = self.memo
        context = self.context(element)
        valued = p.text_deriv(state, value, context)
        if not valued.not_allowed:
            self.memo = valued
            return True
        ok = self._error(
            lambda: f"@{display_name(attribute)} '{short(value)}' is not valid on '{_shown(element)}': "
            f"{value_expectation(list(firsts(state)), value, context)}",
            "rng:attribute-value",
        )
        self.memo = p.recover_after(state)
        return ok

    def start_tag_close(self, element: etree._Element) -> bool:
        p = self.p
        closed = p.end_attributes(self.memo)
        ok = True
        if closed.not_allowed:
            state = self.memo
            ok = self._ignored()

            def message() -> str:
                required = sorted(required_attributes(state))
                if not required:
                    allowed = [n for nc in attribute_classes(state) for n in describe(nc, True)]
                    return f"element '{_shown(element)}' needs more attributes; allowed here: {name_list(allowed)}"
                plural = "s" if len(required) > 1 else ""
                return f"element '{_shown(element)}' needs attribute{plural} " + ", ".join(f"'{n}'" for n in required)

            if not ok:
                self._error(message, "rng:attribute-missing")
            closed = p.ignore_missing_attributes(state)
        self.memo = closed
        self.text_typed = closed.content_type == DATA_CONTENT
        return ok

    def untyped_text(self, element: etree._Element) -> bool:
        following = self.p.mixed_text(self.memo)
        if not following.not_allowed:
            self.memo = following
            return True
        state = self.memo

        def message() -> str:
            allowed = startable_names(state)
            text = f"text is not allowed in '{_shown(element)}' here"
            return text + (f"; put it inside one of {allowed}" if allowed else "")

        return self._error(message, "rng:text-not-allowed")

    def data_text(self, element: etree._Element, text: str) -> bool:
        """jing's setDataDeriv: a data-typed element's whole text, with its end."""
        p = self.p
        self.text_typed = False
        only_text = p.text_only(self.memo)
        context = self.context(element)
        following = p.text_deriv(only_text, text, context)
        if not following.not_allowed:
            self.memo = following
            return True
        recovered = p.recover_after(self.memo)
        ok = self._ignored()
        if not ok and (not recovered.not_allowed or p.text_deriv(p.empty_after(only_text), text, context).not_allowed):
            state = self.memo

            def message() -> str:
                if startable(state) and is_blank(text):
                    return f"element '{_shown(element)}' is empty but must have content; add {startable_names(state)}"
                expected = value_expectation(list(firsts(only_text)), text, context)
                return f"the content '{short(text)}' of '{_shown(element)}' is not valid: {expected}"

            self._error(message, "rng:content-value")
        self.memo = recovered
        return ok

    def end_tag(self, element: etree._Element) -> bool:
        p = self.p
        if self.ignore_next:
            self.ignore_next = False
            return True
        if self.text_typed:
            return self.data_text(element, "")
        following = p.end_tag(self.memo)
        if not following.not_allowed:
            self.memo = following
            return True
        ok = self._ignored()
        recovered = p.recover_after(self.memo)
        if not ok and (not recovered.not_allowed or p.end_tag(p.empty_after(self.memo)).not_allowed):
            state = self.memo

            def message() -> str:
                needed = startable_names(state)
                inside = next(firsts(state), None)
                if not needed and inside is not None and text_allowed(inside):
                    what = "text"
                else:
                    what = needed if "," not in needed else f"one of {needed}"
                return f"element '{_shown(element)}' is incomplete: {what or 'more content'} is required before its end"

            self._error(message, "rng:incomplete")
        self.memo = recovered
        return ok

    # -- IDs (DTD compatibility) --

    def check_ids(self, element: etree._Element, name: QName) -> None:
        typed = self._ids_by_element.get(name)
        if not typed:
            return
        for key, raw in element.attrib.items():
            kind = typed.get(self.qname(str(key)))
            if kind is None:
                continue
            value = collapse(str(raw))
            if kind == "ID":
                first = self._seen_ids.get(value)
                if first is None:
                    self._seen_ids[value] = element
                elif value:
                    line = self.locator.after_start_tag(first)[0]
                    self.diagnostics.append(
                        Diagnostic(
                            self.name,
                            *self.locator.after_start_tag(element),
                            "error",
                            f"{display_name(str(key))} '{value}' is used twice (first at line {line}); make it unique",
                            "rng:duplicate-id",
                        )
                    )
            else:
                for token in value.split(" ") if kind == "IDREFS" else [value]:
                    if token:
                        self._references.append((element, str(key), token))

    def check_references(self) -> None:
        for element, attribute, token in self._references:
            if token not in self._seen_ids:
                self.diagnostics.append(
                    Diagnostic(
                        self.name,
                        *self.locator.after_start_tag(element),
                        "error",
                        f"@{display_name(attribute)} '{token}' refers to no ID in this document",
                        "rng:idref",
                    )
                )


def _first_words(message: str, limit: int = 60) -> str:
    return message if len(message) <= limit else message[: limit - 1].rsplit(" ", 1)[0] + " …"


def _needs_context(patterns: Patterns) -> bool:
    """Whether any datatype of the grammar reads namespace prefixes (QName, NOTATION)."""
    return any(
        kind in (DATA, VALUE) and datatype_of(a).context_dependent for kind, a, _ in patterns.grammar.rows
    )
