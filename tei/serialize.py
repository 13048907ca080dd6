"""The only serialiser: deterministic, pretty-printed bytes with mixed content untouched.

Why our own indenter: ``etree.indent`` also rewrites whitespace-only tails inside
mixed content (the space between two names in a paragraph), which would change
the text. Here only elements whose TEI content model is element-only are indented.
"""

from __future__ import annotations

from lxml import etree

from tei.ns import TEI_NS

#: TEI elements whose content is elements only; whitespace inside them is layout.
ELEMENT_ONLY = frozenset(
    [
        "TEI",
        "teiCorpus",
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "editionStmt",
        "publicationStmt",
        "availability",
        "seriesStmt",
        "notesStmt",
        "sourceDesc",
        "biblStruct",
        "monogr",
        "analytic",
        "imprint",
        "listBibl",
        "encodingDesc",
        "appInfo",
        "application",
        "editorialDecl",
        "projectDesc",
        "samplingDecl",
        "normalization",
        "correction",
        "segmentation",
        "interpretation",
        "hyphenation",
        "quotation",
        "tagsDecl",
        "classDecl",
        "profileDesc",
        "creation",
        "langUsage",
        "calendarDesc",
        "calendar",
        "textClass",
        "revisionDesc",
        "listChange",
        "standOff",
        "listPerson",
        "listPlace",
        "listOrg",
        "person",
        "place",
        "org",
        "text",
        "front",
        "back",
        "body",
        "group",
        "div",
        "div1",
        "div2",
        "div3",
        "floatingText",
        "docTitle",
        "titlePage",
        "opener",
        "closer",
        "list",
        "listBibl",
        "table",
        "row",
        "respStmt",
        "msDesc",
        "msIdentifier",
        "particDesc",
        "settingDesc",
    ]
)


def _indent(element: etree._Element, level: int, step: str) -> None:
    """Indent the children of element-only TEI elements, recursively."""
    children = [child for child in element]
    if not children:
        return
    name = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
    in_tei = isinstance(element.tag, str) and element.tag.startswith("{" + TEI_NS + "}")
    indentable = (
        in_tei
        and name in ELEMENT_ONLY
        and not (element.text or "").strip()
        and all(not (child.tail or "").strip() for child in children)
    )
    if indentable:
        inner = "\n" + step * (level + 1)
        element.text = inner
        for child in children:
            child.tail = inner
        children[-1].tail = "\n" + step * level
    for child in children:
        if isinstance(child.tag, str):
            _indent(child, level + 1, step)


def to_bytes(tree: etree._Element | etree._ElementTree, *, indent: bool = True) -> bytes:
    """Serialise a TEI tree as UTF-8 bytes with an XML declaration and a final newline."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    if indent:
        _indent(root, 0, "  ")
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"
