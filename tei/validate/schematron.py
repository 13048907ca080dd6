"""The project's Schematron rules (``schemas/rules.sch``): SVRL -> diagnostics at real lines.

Why the mapping: lxml's XSLT-1 Schematron reports every failure at line 0;
each ``svrl:failed-assert`` carries an XPath ``@location`` instead, which is
evaluated on the validated tree to find the element and its ``sourceline``
(and, through the locator, its column).
"""

from __future__ import annotations

import functools
import importlib
import re
from pathlib import Path
from typing import Any

from lxml import etree

from tei.diagnostics import Diagnostic
from tei.ns import SVRL_NS
from tei.resources import schemas_dir
from tei.validate.xsd import Locator, safe_parser

#: lxml's Schematron (loaded by name: lxml-stubs does not describe it).
isoschematron = importlib.import_module("lxml.isoschematron")

_SVRL = {"svrl": SVRL_NS}
_LAST_ATTRIBUTE = re.compile(r"/@(?:\*\[local-name\(\)='(?P<local>[^']+)'[^\]]*\]|(?P<name>[\w:.-]+))$")


def rules_path() -> Path:
    """The project's Schematron file."""
    return schemas_dir() / "rules.sch"


@functools.lru_cache(maxsize=4)
def _compiled(path: Path) -> Any:
    """The rules compiled to XSLT once per process (about 2 ms).

    ``validate_schema=False``: libxml2's RELAX NG check of the Schematron
    schema itself rejects valid rules that use ``sch:let`` (an interleave
    bug); the test suite checks rules.sch against the ISO schema with jing.
    """
    document = etree.parse(str(path), safe_parser())
    return isoschematron.Schematron(document, store_report=True, validate_schema=False)


def check_schematron(root: etree._Element, name: str, locator: Locator, rules: Path | None = None) -> list[Diagnostic]:
    """One diagnostic per failed assertion or successful report, ``sch:<id>``, at its element."""
    schematron = _compiled(rules or rules_path())
    tree = root.getroottree()
    if schematron.validate(tree):
        return []
    report = schematron.validation_report
    if report is None:
        return []
    diagnostics = []
    for failure in report.getroot().iterfind("svrl:failed-assert", _SVRL):
        diagnostics.append(_diagnostic(failure, tree, name, locator))
    for success in report.getroot().iterfind("svrl:successful-report", _SVRL):
        diagnostics.append(_diagnostic(success, tree, name, locator))
    return diagnostics


def _diagnostic(entry: etree._Element, tree: etree._ElementTree, name: str, locator: Locator) -> Diagnostic:
    rule = "sch:" + (entry.get("id") or "rule")
    text = entry.findtext("svrl:text", default="", namespaces=_SVRL)
    message = " ".join(text.split())
    line, col = 0, 0
    location = entry.get("location") or ""
    if location:
        found = _node_at(tree, location)
        if isinstance(found, etree._Element):
            # rules.sch names the attribute an assertion is about in @role.
            role = entry.get("role")
            attribute = _LAST_ATTRIBUTE.search(location)
            if attribute:
                role = attribute.group("local") or attribute.group("name")
            if role and found.get(role) is not None:
                line, col = locator.attribute(found, role)
            else:
                line, col = locator.element(found)
    return Diagnostic(name, line, col, "error", message, rule)


def _node_at(tree: etree._ElementTree, location: str) -> etree._Element | None:
    """The element an SVRL location names (the owner element, for an attribute location)."""
    try:
        result = tree.xpath(location)
    except etree.XPathError:
        return None
    if isinstance(result, list) and result:
        node = result[0]
        if isinstance(node, etree._Element):
            return node
        parent = getattr(node, "getparent", None)
        if parent is not None:
            owner = parent()
            if isinstance(owner, etree._Element):
                return owner
    return None
