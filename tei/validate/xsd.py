"""Parsing a document for validation, and the project's XSD layer.

Why parsing lives here: every layer (XSD, RELAX NG, Schematron, the Python
rules) starts from the same safely parsed tree; a document that is not
well-formed becomes one ``xml:not-well-formed`` diagnostic. Positions are
:mod:`tei.validate.positions`' (re-exported here for older imports).

The XSD layer answers "valid?" with libxml2 (``etree.XMLSchema``: about
0.005 s on a 2 MB document) and, only when the answer is no, asks xmlschema
(about 1 s on the same document, plus 0.4 s to import) for the errors, which
it words for a person: what is wrong and what would be right. An element
with very many attributes has its undeclared ones reported here directly
(xmlschema's cost per error grows with the element's attribute count).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from tei import safexml
from tei.diagnostics import Diagnostic
from tei.ns import XML_NS
from tei.resources import schemas_dir
from tei.validate.positions import MAX_LISTED, Locator, display_name, log_entries, name_list, source_line
from tei.validate.rules import explain_temporal

if TYPE_CHECKING:
    import xmlschema

__all__ = [
    "MAX_LISTED",
    "NOT_WELL_FORMED",
    "Locator",
    "check_project_xsd",
    "display_name",
    "log_entries",
    "name_list",
    "parse",
    "project_schema",
    "read_bytes",
    "safe_parser",
    "source_line",
]

#: Rule id of a file that is not XML at all.
NOT_WELL_FORMED = "xml:not-well-formed"


def project_schema() -> Path:
    """The project's XSD (``schemas/tei-toolkit.xsd``)."""
    return schemas_dir() / "tei-toolkit.xsd"


# -- parsing ------------------------------------------------------------------------------------


def safe_parser(*, recover: bool = False, huge_tree: bool = False) -> etree.XMLParser:
    """A parser that never fetches anything and never expands entities (:func:`tei.safexml.safe_parser`)."""
    return safexml.safe_parser(recover=recover, huge_tree=huge_tree)


_WELL_FORMED_HINTS: dict[str, str] = {
    "ERR_TAG_NAME_MISMATCH": "close the inner element before its parent",
    "ERR_TAG_NOT_FINISHED": "add the missing end tag",
    "ERR_UNDECLARED_ENTITY": "XML knows only &amp; &lt; &gt; &quot; &apos;; write other characters as "
    "themselves or as a character reference such as &#160;",
    "ERR_ENTITYREF_SEMICOL_MISSING": "write & as &amp;",
    "ERR_NAME_REQUIRED": "write & as &amp; and < as &lt;",
    "ERR_LT_IN_ATTRIBUTE": "write < as &lt; inside attribute values",
    "ERR_ATTRIBUTE_REDEFINED": "keep one of the two attributes",
    "ERR_DOCUMENT_END": "a document has exactly one root element; wrap the content in one",
    "ERR_DOCUMENT_EMPTY": "the file holds no XML element",
    "ERR_INVALID_CHAR": "remove the control character or write it as a character reference",
    "ERR_INVALID_ENCODING": "save the file as UTF-8 or declare its encoding",
}
_WELL_FORMED_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)"),
        r"end tag </\3> does not match the open element <\1> (line \2)",
    ),
    (re.compile(r"xmlParseEntityRef: no name"), "'&' is not followed by an entity name"),
    (re.compile(r"Entity '([^']+)' not defined"), r"entity &\1; is not defined"),
    (re.compile(r"Premature end of data in tag (\S+) line (\d+)"), r"the file ends inside <\1> (line \2)"),
    (re.compile(r"Extra content at the end of the document"), "there is content after the root element's end tag"),
)


def parse(
    data: bytes, name: str, options: safexml.XmlOptions = safexml.DEFAULT, *, base_url: str | None = None
) -> tuple[etree._Element | None, list[Diagnostic]]:
    """The root of ``data``, or None and one ``xml:not-well-formed`` diagnostic at the first fatal error.

    ``xml:id`` values are not checked while parsing (a duplicate is a
    validity error that the schema layers report with their rule ids); any
    other error libxml2 raises that is not fatal leaves the document
    well-formed. A file over a limit or declaring entities raises InputError
    (:mod:`tei.safexml`).
    """
    parser = safe_parser(huge_tree=options.huge_tree)
    try:
        root = safexml.fromstring(data, name, options=options, parser=parser, base_url=base_url)
    except etree.XMLSyntaxError:
        fatal = [entry for entry in parser.error_log if entry.level >= etree.ErrorLevels.FATAL]
        if fatal:
            return None, [_not_well_formed(name, fatal[0])]
        # Only errors that are not fatal: the document is well-formed.
        parser = safe_parser(recover=True, huge_tree=options.huge_tree)
        root = safexml.fromstring(data, name, options=options, parser=parser, base_url=base_url)
    if root is None:
        message = "not well-formed XML: the file holds no element"
        return None, [Diagnostic(name, 1, 1, "error", message, NOT_WELL_FORMED)]
    return root, []


def _not_well_formed(name: str, entry: Any) -> Diagnostic:
    message = str(entry.message).strip().rstrip(".")
    for pattern, words in _WELL_FORMED_WORDS:
        if pattern.search(message):
            message = pattern.sub(words, message)
            break
    hint = _WELL_FORMED_HINTS.get(str(entry.type_name))
    text = f"not well-formed XML: {message}" + (f"; {hint}" if hint else "")
    return Diagnostic(name, int(entry.line or 0), int(entry.column or 0), "error", text, NOT_WELL_FORMED)


def read_bytes(path: str | Path, options: safexml.XmlOptions = safexml.DEFAULT) -> bytes:
    """The bytes of a file to validate; InputError (exit 2) when it cannot be read or is over the size limit."""
    return safexml.read_bytes(path, options)


# -- the XSD layer ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _fast_schema(path: Path) -> etree.XMLSchema:
    """libxml2's compiled schema: the verdict, in C."""
    return etree.XMLSchema(etree.parse(str(path), safe_parser()))


@functools.lru_cache(maxsize=8)
def _wording_schema(path: Path) -> xmlschema.XMLSchema10:
    """xmlschema's model of the same schema: the errors, with the model to say what is allowed."""
    import xmlschema

    return xmlschema.XMLSchema10(str(path))


def check_project_xsd(
    root: etree._Element, name: str, locator: Locator, schema: Path | None = None
) -> list[Diagnostic]:
    """Diagnostics of the project's XSD (or another XSD whose wording should come from xmlschema)."""
    path = schema or project_schema()
    if _fast_schema(path).validate(root.getroottree()):
        return []
    wording = _wording_schema(path)
    early, set_aside = _undeclared_attributes(root, name, locator, wording)
    try:
        diagnostics = early + list(_explain(root, name, locator, wording))
    finally:
        for element, attributes in set_aside:
            element.attrib.clear()
            for key, value in attributes:
                element.set(key, value)
    if diagnostics:
        return diagnostics
    # libxml2 and xmlschema disagree: report libxml2's own words rather than nothing.
    return [
        Diagnostic(name, int(entry.line or 0), 0, "error", str(entry.message), "xsd:invalid")
        for entry in log_entries(_fast_schema(path).error_log)
    ]


#: An element with more attributes than this has its undeclared ones reported here, not by xmlschema.
_MANY_ATTRIBUTES = 32


def _undeclared_attributes(
    root: etree._Element, name: str, locator: Locator, schema: xmlschema.XMLSchema10
) -> tuple[list[Diagnostic], list[tuple[etree._Element, list[tuple[str, str]]]]]:
    """Report the undeclared attributes of elements that have very many, and set them aside.

    Why: xmlschema writes the whole attribute list into each error it
    makes, so an element with thousands of bad attributes costs time
    quadratic in their number (24 s for 2,000). Here each is reported in
    constant time, with the same words, and removed while xmlschema explains
    the rest; the caller puts them back in their order.
    """
    diagnostics: list[Diagnostic] = []
    set_aside: list[tuple[etree._Element, list[tuple[str, str]]]] = []
    explainer = _Explainer(schema, name, locator)
    for element in root.iter(etree.Element):
        if len(element.attrib) <= _MANY_ATTRIBUTES:
            continue
        declaration = explainer._declaration(element)
        attributes = getattr(getattr(declaration, "type", None), "attributes", None)
        if attributes is None or None in attributes:  # unknown element, or a wildcard: leave it to xmlschema
            continue
        declared = {key for key in attributes if isinstance(key, str)}
        original = [(str(k), str(v)) for k, v in element.attrib.items()]
        undeclared = [key for key, _ in original if key not in declared]
        if not undeclared:
            continue
        where = display_name(str(element.tag), element)
        allowed = name_list(display_name(a) for a in declared)
        for key in undeclared:
            message = f"attribute '{display_name(key)}' is not allowed on '{where}'; allowed here: {allowed}"
            line, col = locator.attribute(element, key)
            diagnostics.append(Diagnostic(name, line, col, "error", message, "xsd:attribute-not-allowed"))
        set_aside.append((element, original))
        for key in undeclared:
            del element.attrib[key]
    return diagnostics, set_aside


def _explain(root: etree._Element, name: str, locator: Locator, schema: xmlschema.XMLSchema10) -> Iterator[Diagnostic]:
    seen: set[tuple[int, int, str]] = set()
    explainer = _Explainer(schema, name, locator)
    for error in schema.iter_errors(root.getroottree()):
        diagnostic = explainer.diagnostic(error)
        key = (diagnostic.line, diagnostic.col, diagnostic.message)
        if key not in seen:
            seen.add(key)
            yield diagnostic


_ATTRIBUTE_VALUE = re.compile(r"attribute (?P<name>\S+)=(?P<q>['\"])(?P<value>.*?)(?P=q)", re.DOTALL)
_NOT_ALLOWED_ATTRIBUTE = re.compile(r"'(?P<name>[^']+)' attribute not allowed")
_MISSING_ATTRIBUTE = re.compile(r"missing required attribute '(?P<name>[^']+)'")
_DUPLICATE_ID = re.compile(r"duplicated xs:ID value '(?P<value>[^']*)'", re.IGNORECASE)
_NOT_IN_SCHEMA = re.compile(r"is not an element of the schema")
_DATE_ATTRIBUTES = frozenset({"when", "notBefore", "notAfter", "from", "to"})
_TYPE_WORDS = {
    "data.word": "one word without spaces",
    "data.words": "one or more words separated by spaces",
    "data.wordList": "words separated by spaces",
    "data.pointer": "one URI or #id without spaces",
    "data.pointers": "one or more URIs or #ids separated by spaces",
    "data.probCert": "a number from 0 to 1, or high, medium, low or unknown",
    "data.certainty": "high, medium, low or unknown",
    "data.language": "a language tag such as en, ru or de-1901",
    "data.temporal": "an ISO date such as 1917-11-08, 1917-11 or 1917",
    "language": "a language tag such as en, ru or de-1901",
    "nonNegativeInteger": "a whole number, 0 or more",
    "boolean": "true or false",
    "decimal": "a number such as 12 or 1.5",
    "double": "a number such as 12 or 1.5",
    "Name": "an XML name (a letter or _, then letters, digits, ., - or _)",
    "ID": "an XML name without a colon",
}


class _Explainer:
    """Turns xmlschema's errors into diagnostics a person can act on: what is wrong, what would be right."""

    def __init__(self, schema: xmlschema.XMLSchema10, name: str, locator: Locator) -> None:
        self.schema = schema
        self.name = name
        self.locator = locator

    def make(self, position: tuple[int, int], message: str, rule: str) -> Diagnostic:
        return Diagnostic(self.name, position[0], position[1], "error", message, rule)

    def diagnostic(self, error: Any) -> Diagnostic:
        element = error.elem if isinstance(error.elem, etree._Element) else None
        reason = str(error.reason or error.message)
        if element is None:
            return self.make((0, 0), reason, "xsd:invalid")
        where = display_name(element.tag, element)
        if _NOT_IN_SCHEMA.search(reason):
            return self.make(
                self.locator.element(element),
                f"the root element '{where}' is not one this schema allows; a TEI document starts with "
                '<TEI xmlns="http://www.tei-c.org/ns/1.0">',
                "xsd:root",
            )
        if error.__class__.__name__ == "XMLSchemaChildrenValidationError":
            return self._children(error, element, where)
        if "character data between child elements not allowed" in reason:
            holders = name_list(_alphabet(error.validator))
            return self.make(
                _first_text(element, self.locator),
                f"text is not allowed directly in '{where}'; it holds only elements ({holders}): "
                "remove the text or put it inside one of them",
                "xsd:text-not-allowed",
            )
        match = _NOT_ALLOWED_ATTRIBUTE.search(reason)
        if match:
            attribute = match.group("name")
            allowed = [display_name(a) for a in self._attributes(element)]
            message = f"attribute '{display_name(attribute)}' is not allowed on '{where}'"
            message += f"; allowed here: {name_list(allowed)}" if allowed else "; it takes no attributes"
            return self.make(self.locator.attribute(element, attribute), message, "xsd:attribute-not-allowed")
        match = _MISSING_ATTRIBUTE.search(reason)
        if match:
            attribute = display_name(match.group("name"))
            message = f"element '{where}' needs attribute '{attribute}'"
            return self.make(self.locator.element(element), message, "xsd:attribute-missing")
        match = _DUPLICATE_ID.search(reason)
        if match:
            value = match.group("value")
            first = _first_with_id(element, value)
            more = f" (first at line {first})" if first else ""
            return self.make(
                self.locator.attribute(element, f"{{{XML_NS}}}id"),
                f"xml:id '{value}' is used twice{more}; make it unique",
                "xsd:duplicate-id",
            )
        match = _ATTRIBUTE_VALUE.search(reason)
        if match:
            attribute, value = match.group("name"), match.group("value")
            if attribute in _DATE_ATTRIBUTES:
                # Worded as rule tei:date-invalid words it, so that the two are reported once.
                message = f"@{attribute} '{value}' is not a date: {explain_temporal(value)}"
            else:
                expectation = self._expectation(element, attribute) or reason
                message = f"@{display_name(attribute)} '{value}' is not valid on '{where}': {expectation}"
            return self.make(self.locator.attribute(element, attribute), message, "xsd:attribute-value")
        return self.make(self.locator.element(element), f"'{where}' is not valid: {reason}", "xsd:invalid")

    def _children(self, error: Any, element: etree._Element, where: str) -> Diagnostic:
        child = getattr(error, "invalid_child", None)
        if isinstance(child, etree._Element) and isinstance(child.tag, str):
            child_name = display_name(child.tag, child)
            allowed = _allowed_at(error.validator, element, child)
            if child_name in {display_name(n) for n in _alphabet(error.validator)}:
                message = f"element '{child_name}' is not allowed at this point in '{where}'"
            else:
                message = f"element '{child_name}' is not allowed in '{where}'"
            message += f"; allowed here: {name_list(allowed)}" if allowed else "; no element is allowed here"
            return self.make(self.locator.element(child), message, "xsd:element-not-allowed")
        expected = [display_name(p.name) for p in (getattr(error, "expected", None) or []) if p.name]
        needed = _one_of(expected) if expected else "more content"
        return self.make(
            self.locator.end(element),
            f"element '{where}' is incomplete: {needed} is required before its end",
            "xsd:incomplete",
        )

    def _declaration(self, element: etree._Element) -> Any:
        """The XSD element declaration that governs ``element`` (following its ancestors)."""
        path = [element, *element.iterancestors()]
        path.reverse()
        declaration = self.schema.elements.get(path[0].tag.rsplit("}", 1)[-1]) if isinstance(path[0].tag, str) else None
        for step in path[1:]:
            if declaration is None:
                return None
            content = getattr(declaration.type, "content", None)
            following = None
            for candidate in getattr(content, "iter_elements", lambda: [])():
                if getattr(candidate, "name", None) == step.tag:
                    following = candidate
                    break
            declaration = following
        return declaration

    def _attributes(self, element: etree._Element) -> list[str]:
        declaration = self._declaration(element)
        if declaration is None:
            return []
        return [key for key in declaration.type.attributes if isinstance(key, str)]

    def _expectation(self, element: etree._Element, attribute: str) -> str:
        """What a value of this attribute looks like, from its declared type."""
        declaration = self._declaration(element)
        if declaration is None:
            return ""
        xsd_attribute = declaration.type.attributes.get(attribute)
        xsd_type = getattr(xsd_attribute, "type", None)
        if xsd_type is None:
            return ""
        described = _describe_type(xsd_type, named_only=True)
        if described:
            return described
        values = _enumeration(xsd_type)
        if values:
            return f"use one of {', '.join(values)}"
        return _describe_type(xsd_type)


def _one_of(names: list[str]) -> str:
    unique = sorted(set(names))
    if len(unique) == 1:
        return unique[0]
    return "one of " + name_list(unique)


def _alphabet(group: Any) -> list[str]:
    """Every element name a content model mentions."""
    names = []
    for particle in getattr(group, "iter_elements", lambda: [])():
        tag = getattr(particle, "name", None)
        if isinstance(tag, str):
            names.append(display_name(tag))
    return names


def _allowed_at(group: Any, parent: etree._Element, child: etree._Element) -> list[str]:
    """The element names that the content model of ``parent`` accepts where ``child`` stands."""
    if getattr(group, "model", None) is None:
        return []
    elements = [c for c in parent if isinstance(c.tag, str)]
    position = next((i for i, c in enumerate(elements) if c is child), len(elements))
    prefix = [e.tag for e in elements[:position]]
    candidates = [p.name for p in group.iter_elements() if isinstance(getattr(p, "name", None), str)]
    if not _accepts(group, prefix):
        return [display_name(tag) for tag in candidates]  # broken earlier: what the model allows at all
    return [display_name(tag) for tag in candidates if _accepts(group, [*prefix, tag])]


def _accepts(group: Any, tags: list[str]) -> bool:
    """Whether the content model ``group`` accepts ``tags`` as the start of an element's children."""
    model = group.get_model_visitor()
    for tag in tags:
        while model.element is not None:
            if model.match_element(tag) is not None:
                for _ in model.advance(True):
                    return False
                break
            for _ in model.advance(False):
                return False
        else:
            return False
    return True


def _enumeration(xsd_type: Any) -> list[str]:
    values = getattr(xsd_type, "enumeration", None)
    if values:
        return [str(v) for v in values]
    found: list[str] = []
    for member in getattr(xsd_type, "member_types", None) or []:
        found += _enumeration(member)
    return found


def _describe_type(xsd_type: Any, named_only: bool = False) -> str:
    walker = xsd_type
    for _ in range(8):
        if walker is None:
            break
        name = getattr(walker, "local_name", None) or ""
        if name in _TYPE_WORDS:
            return f"it must be {_TYPE_WORDS[name]}"
        walker = getattr(walker, "base_type", None)
    name = getattr(xsd_type, "local_name", None)
    return f"it must be a valid {name}" if name and not named_only else ""


def _first_text(element: etree._Element, locator: Locator) -> tuple[int, int]:
    if (element.text or "").strip():
        return locator.text(element)
    for child in element:
        if (child.tail or "").strip():
            return locator.text(element, after=child)
    return locator.element(element)


def _first_with_id(element: etree._Element, value: str) -> int:
    for other in element.getroottree().iter():
        if isinstance(other.tag, str) and other.get(f"{{{XML_NS}}}id") == value:
            return source_line(other)
    return 0
