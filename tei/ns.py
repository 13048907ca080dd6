"""Namespace constants and element makers shared by every module.

Leaf module: it imports nothing of ``tei`` so that anything may import it.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
NSMAP: Any = {None: TEI_NS}
XPATH_NS = {"tei": TEI_NS}


def tei(tag: str) -> str:
    """Clark name of a TEI element: ``tei("p")`` -> ``{http://www.tei-c.org/ns/1.0}p``."""
    return f"{{{TEI_NS}}}{tag}"


def xml(attr: str) -> str:
    """Clark name of an ``xml:`` attribute such as ``xml:id``."""
    return f"{{{XML_NS}}}{attr}"


def local_name(element: Any) -> str:
    """The tag of an element without its namespace ('' for comments and PIs)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def E(tag: str, *children: Any, **attrs: str | None) -> etree._Element:
    """Make a TEI element; strings among ``children`` become text/tail in order.

    Attribute names may use ``xml_id``/``xml_lang`` for ``xml:id``/``xml:lang`` and a
    trailing underscore for Python keywords (``from_``).
    """
    element = etree.Element(tei(tag), nsmap=NSMAP)
    for key, value in attrs.items():
        if value is None:
            continue
        name = xml(key[4:]) if key.startswith("xml_") else key.rstrip("_").replace("__", "-")
        element.set(name, value)
    last: etree._Element | None = None
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            if last is None:
                element.text = (element.text or "") + child
            else:
                last.tail = (last.tail or "") + child
        else:
            element.append(child)
            last = child
    return element


def text_content(element: etree._Element) -> str:
    """All the text inside an element, in document order."""
    return "".join(str(part) for part in element.itertext())


def xpath_elements(node: etree._Element, path: str, **variables: str) -> list[etree._Element]:
    """The elements an XPath (with the ``tei:`` prefix bound) selects; other results are dropped."""
    result = node.xpath(path, namespaces=XPATH_NS, **variables)  # type: ignore[arg-type]
    if not isinstance(result, list):
        return []
    return [item for item in result if isinstance(item, etree._Element)]


def xpath_strings(node: etree._Element, path: str) -> list[str]:
    """The string values (attributes, text) an XPath selects."""
    result = node.xpath(path, namespaces=XPATH_NS)
    if not isinstance(result, list):
        return [str(result)]
    values: list[str] = []
    for item in result:
        if isinstance(item, etree._Element):
            values.append(text_content(item))
        else:
            values.append(str(item))
    return values
