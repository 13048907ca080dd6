"""Persons the register does not know: structural evidence, context, coreference, document-local entries.

The texts are written for these tests in the shape of the period's
correspondence; the persons in them are invented, so no register knows them.
"""

from __future__ import annotations

from lxml import etree

from tei.annotate import annotate_text
from tei.annotate.register import builtin_register
from tei.encode import EncodeOptions, encode

T = "http://www.tei-c.org/ns/1.0"
NS = {"t": T}


def annotated(body: str, date: str = "1919-03-01") -> etree._Element:
    text = etree.fromstring(f'<text xmlns="{T}"><body><div>{body}</div></body></text>')
    annotation = annotate_text(text, builtin_register(), meta_date=date)
    root = etree.Element(f"{{{T}}}TEI")
    root.append(annotation.standoff)
    root.append(text)
    return root


def persons(root: etree._Element) -> list[tuple[str, str | None, str | None]]:
    return [
        ("".join(p.itertext()), p.get("ref"), p.get("cert"))
        for p in root.iterfind(".//t:text//t:persName", NS)
    ]


def entry(root: etree._Element, ident: str) -> etree._Element:
    found = root.find(f".//t:standOff//t:person[@{{http://www.w3.org/XML/1998/namespace}}id='{ident}']", NS)
    assert found is not None, ident
    return found


def test_heading_parenthesis_signature_and_coreference() -> None:
    root = annotated(
        "<head>The Consul at Smyrna (Hollinshed) to the Secretary of State</head>"
        "<p>Greek troops entered the town. Hollinshed reports no losses among Americans.</p>"
        "<closer><signed>Hollinshed</signed></closer>"
    )
    found = persons(root)
    assert [f for f, _, _ in found] == ["Hollinshed", "Hollinshed", "Hollinshed"]
    assert {ref for _, ref, _ in found} == {"#local-hollinshed"}
    assert found[0][2] == "high"
    person = entry(root, "local-hollinshed")
    assert person.get("cert") == "high"
    assert person.findtext("t:occupation", namespaces=NS) == "Consul at Smyrna"
    assert person.find("t:idno", NS) is None  # never an invented authority id


def test_signature_with_initials_suffix_and_brackets() -> None:
    root = annotated("<p>The designations stand.</p><closer><signed>B. T. Marwick, Jr.</signed></closer>")
    assert persons(root)[0][0] == "B. T. Marwick, Jr."
    root = annotated("<p>I agree.</p><closer><signed>[Oswald Tremayne]</signed></closer>")
    assert persons(root)[0][0] == "Oswald Tremayne"


def test_titles_first_names_and_the_surname_again() -> None:
    root = annotated(
        "<p>Mr. Clarence Hartigan now at Prague with Colonel Lodder informs me that Mr. Hartigan will "
        "call on Lodder tomorrow; Hartigan's intention is to cooperate.</p>"
    )
    found = persons(root)
    assert [f for f, _, _ in found] == ["Clarence Hartigan", "Lodder", "Hartigan", "Lodder", "Hartigan"]
    assert found[0][1] == found[2][1] == found[4][1] == "#local-hartigan"
    forms = [p.text for p in entry(root, "local-hartigan").iterfind("t:persName", NS)]
    assert forms[0] == "Clarence Hartigan"


def test_subject_of_a_verb_of_saying_and_coordination() -> None:
    root = annotated(
        "<p>Tolmage reports that the railway is cut. Detailed reports from you and Fenwicke were useful.</p>"
    )
    assert [f for f, _, _ in persons(root)] == ["Tolmage", "Fenwicke"]
    assert all(cert == "low" for _, _, cert in persons(root))


def test_what_is_not_a_person() -> None:
    root = annotated(
        "<p>Dear Mr. Counsellor: the Department reports that the destroyers Coghlan and Lamson sailed, "
        "and that 40 Baldwin locomotives left with U. S. S. “George Washington.” Everyone agrees. "
        "Pravda wanted to publish it. Dillon, Read and Company replied.</p>"
    )
    surfaces = [f for f, _, _ in persons(root)]
    assert "Counsellor" not in surfaces and "Everyone" not in surfaces and "Pravda" not in surfaces
    assert "Company" not in surfaces and "Coghlan" not in surfaces and "Lamson" not in surfaces
    assert "Baldwin" not in surfaces  # a maker of locomotives, not Stanley Baldwin
    assert "George Washington" not in surfaces
    ships = ["".join(n.itertext()) for n in root.iterfind(".//t:name[@type='ship']", NS)]
    assert ships == ["Coghlan", "Lamson", "U. S. S. “George Washington.”"]


def test_a_surname_alone_needs_evidence_in_the_same_document() -> None:
    root = annotated("<p>The House voted on the Hartigan bridge. Hartigan bridge fell.</p>")
    assert persons(root) == []


def test_a_register_person_is_linked_not_copied() -> None:
    root = annotated("<head>The Ambassador in France (Herrick) to the Secretary of State</head><p>Text.</p>")
    assert persons(root)[0][1] != "#local-herrick" or entry(root, "local-herrick").get("cert") == "high"


def test_whole_document_is_valid() -> None:
    """Local entries (cert, occupation, evidence note) are valid against the project's schema and rules."""
    from tei.serialize import to_bytes
    from tei.validate import validate_bytes

    data = (
        b"The Minister in Latvia (Dorrance) to the Secretary of State\n[Telegram]\n"
        b"Riga, March 3, 1921\xe2\x80\x941 p.m.\n\n12. Mr. Dorrance reports that Colonel Penfold left the"
        b" destroyer Brant.\n\nDorrance\n"
    )
    root = encode(data, EncodeOptions(change_date="2026-01-01"), name="note.txt")
    assert root.find(".//t:standOff//t:person[@cert]", NS) is not None
    assert validate_bytes(to_bytes(root), name="note.xml") == []


def test_more_evidence_of_unknown_persons() -> None:
    root = annotated(
        "<p>[From Halloran.] I doubt whether McTavish would agree. Lucius Vandermeer, Commercial Attaché, "
        "called with Rashid Bey el Tamimi and Kiamil Pasha.</p><closer><signed>Otis</signed></closer>"
    )
    surfaces = [f for f, _, _ in persons(root)]
    assert surfaces == ["Halloran", "McTavish", "Lucius Vandermeer", "Rashid Bey el Tamimi", "Kiamil", "Otis"]


def test_services_after_a_rank_are_organisations() -> None:
    root = annotated(
        "<p>I am at your service.</p><closer><signed>B. T. Marwick, Jr.\nCaptain, U. S. A.</signed></closer>"
    )
    orgs = ["".join(o.itertext()) for o in root.iterfind(".//t:orgName", NS)]
    places = ["".join(o.itertext()) for o in root.iterfind(".//t:placeName", NS)]
    assert orgs == ["U. S. A."] and places == []
