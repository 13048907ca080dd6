"""Getting a parsed document ready for the stylesheets: TEI found where it is, ids checked.

TEI written elsewhere is not always what the stylesheets expect: TEI P4
(``TEI.2``, no namespace), P5 elements written without their namespace, a
root in some other namespace by mistake, an ``xml:id`` used twice. None of
these should stop a conversion: the document is read as TEI (on a copy, the
caller's tree is not changed) and each liberty taken is a warning. A
document that is not TEI at all (an XHTML page) converts to its text.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from tei.ns import TEI_NS

__all__ = ["Prepared", "prepare"]

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EXAMPLES_NS = "http://www.tei-c.org/ns/Examples"
_TEI_ROOTS = {"TEI", "TEI.2", "teiCorpus", "teiCorpus.2"}
#: P4 names that P5 renamed.
_P4_RENAMED = {"TEI.2": "TEI", "teiCorpus.2": "teiCorpus", "div0": "div"}


@dataclass
class Prepared:
    """The tree to transform, the parameters the stylesheets need about it, what was done to it."""

    tree: etree._ElementTree
    params: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: False when the document is not TEI at all: only its text is shown.
    is_tei: bool = True


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, local = tag[1:].split("}", 1)
        return namespace, local
    return "", tag


def _into_tei(root: etree._Element, namespace: str) -> None:
    """Move every element of ``namespace`` (or of none) into TEI's; P4's names and id/lang attributes to P5's."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        element_ns, local = _split(element.tag)
        if element_ns != namespace:
            continue
        element.tag = f"{{{TEI_NS}}}{_P4_RENAMED.get(local, local)}"
        if namespace == "":
            for old, new in (("id", XML_ID), ("lang", XML_LANG)):
                value = element.get(old)
                if value is None:
                    continue
                del element.attrib[old]
                if new not in element.attrib:
                    element.set(new, value)
    etree.cleanup_namespaces(root)


def _duplicate_ids(root: etree._Element) -> Counter[str]:
    """xml:id values used more than once, outside TEI examples (egXML)."""
    counts: Counter[str] = Counter(
        str(value)
        for value in root.xpath("//@xml:id[not(ancestor::e:*)]", namespaces={"e": EXAMPLES_NS})  # type: ignore[union-attr]
    )
    return Counter({value: n for value, n in counts.items() if n > 1})


def prepare(tree: etree._ElementTree | etree._Element) -> Prepared:
    """The document as the stylesheets should see it (see the module's docstring)."""
    doc = tree.getroottree() if isinstance(tree, etree._Element) else tree
    root = doc.getroot()
    prepared = Prepared(doc)
    tag = root.tag if isinstance(root.tag, str) else ""
    namespace, local = _split(tag)
    if namespace != TEI_NS:
        where = f"in the namespace {namespace}" if namespace else "in no namespace"
        if local in _TEI_ROOTS:
            doc = copy.deepcopy(doc)
            root = doc.getroot()
            _into_tei(root, namespace)
            prepared.tree = doc
            if local.endswith(".2"):
                prepared.warnings.append(
                    f"a TEI P4 document (<{local}>): read as TEI P5 (namespace added, {local} as "
                    f"{_P4_RENAMED[local]}, div0 as div, id and lang as xml:id and xml:lang)"
                )
            else:
                prepared.warnings.append(
                    f"the root <{local}> is {where}, not TEI's ({TEI_NS}): read as TEI; "
                    f'write <{local} xmlns="{TEI_NS}">'
                )
        else:
            prepared.is_tei = False
            prepared.warnings.append(
                f"not a TEI document (its root <{local}> is {where}): only its text is shown; "
                f'a TEI file starts with <TEI xmlns="{TEI_NS}">'
            )
    duplicates = _duplicate_ids(prepared.tree.getroot())
    if duplicates:
        prepared.params["duplicate-ids"] = " " + " ".join(sorted(duplicates)) + " "
        for value, count in sorted(duplicates.items()):
            prepared.warnings.append(
                f"xml:id {value!r} is used by {count} elements: the output anchors the first, links go to it"
            )
    return prepared
