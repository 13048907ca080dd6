"""Editor-supplied corrections (metadata ``corrections``) as ``choice/sic/corr``.

The toolkit never corrects by guess (docs/encoding.md 1); an editor names each
printed string and its correction, and every occurrence is wrapped.
"""

from __future__ import annotations

import re

from lxml import etree

from tei.annotate.spans import containers, flatten, wrap
from tei.ns import E


def apply_corrections(text_el: etree._Element, corrections: dict[str, str]) -> int:
    """Wrap each occurrence of a printed string; return how many were wrapped."""
    if not corrections:
        return 0
    pattern = re.compile(
        "|".join(rf"(?<!\w){re.escape(printed)}(?!\w)" for printed in sorted(corrections, key=len, reverse=True))
    )
    count = 0
    for container in containers(text_el):
        flat = flatten(container)
        for match in reversed(list(pattern.finditer(flat.text))):
            sic = E("sic")
            if not wrap(flat, match.start(), match.end(), sic):
                continue
            parent = sic.getparent()
            assert parent is not None
            choice = E("choice")
            choice.tail, sic.tail = sic.tail, None
            parent.replace(sic, choice)
            choice.append(sic)
            choice.append(E("corr", corrections[match.group(0)]))
            count += 1
    return count
