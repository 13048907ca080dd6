"""The reader's model of diplomatic documents on the diplomatic dev split (issue 12): structure figures.

The recognisers' figures (persons, dateline dates) are held in ``test_evaluate.py``;
these are the reader's and the header's: datelines and signatures found, the
creation date taken from the dateline, every word kept.
"""

from __future__ import annotations

import json

from conftest import REPO
from lxml import etree
from test_evaluate import GOLD_TEXT, TEI_DOC, _gold

from tei.encode import EncodeOptions, encode
from tei.evaluate import evaluate_folder, gold_pairs, score_document

DIPLOMATIC = REPO / "tests" / "devset-diplomatic"


def test_diplomatic_dev_structure() -> None:
    """Issue 12: datelines and signatures found in ≥ 95% of the dev documents that have them, the header's
    creation date taken from the dateline, and every word kept (README, "Diplomatic documents")."""
    from tei.wordcheck import first_difference, source_words, tei_words

    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    options = EncodeOptions(change_date="2026-01-01")
    result = evaluate_folder(DIPLOMATIC / "dev", lambda p: encode(p.read_bytes(), options, name=p.name))
    found, having = result.dateline_found
    assert found >= 0.95 * having, result.report()
    signed, signing = result.signature_found
    assert signed >= 0.95 * signing, result.report()
    for txt, gold_path in gold_pairs(DIPLOMATIC / "dev"):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        root = encode(txt.read_bytes(), options, name=txt.name)
        assert first_difference(source_words(txt.read_text(encoding="utf-8"), markdown=False), tei_words(root)) is None
        if not gold.get("dateline"):
            continue
        creation = root.find(".//t:profileDesc/t:creation", ns)
        assert creation is not None and "".join(creation.itertext()).strip(), txt.name
        dated = root.xpath("(//t:opener/t:dateline | //t:closer/t:dateline)[1]//t:date[@when]", namespaces=ns)
        if dated:
            assert root.xpath("string(//t:profileDesc/t:creation/t:date/@when)", namespaces=ns) == dated[0].get(
                "when"
            ), txt.name


def test_dateline_and_signature_facts_read_supplied_in_brackets() -> None:
    """``[Beirut,] October 19`` in the gold is ``<supplied>Beirut,</supplied> October 19`` in the TEI."""
    tei_doc = TEI_DOC.replace("<placeName>Beirut</placeName>,", "<supplied><placeName>Beirut</placeName>,</supplied>")
    tei_doc = tei_doc.replace("<signed><persName>Knabenshue</persName>", "<signed><supplied>Knabenshue</supplied>")
    assert tei_doc != TEI_DOC
    gold = _gold(["persName", "date:dateline"])
    gold["dateline"] = "[Beirut,] October 19, 1925—1 p.m."
    gold["signed"] = ["[Knabenshue]"]
    result = score_document(etree.fromstring(tei_doc.encode()), gold, text=GOLD_TEXT)
    assert result.dateline_found is True and result.signature_found is True
