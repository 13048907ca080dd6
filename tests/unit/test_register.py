"""Loading and merging registers: the forms a register file may take, and every way it can be wrong.

A user's register (``--register FILE``) is data the toolkit did not write, so each
error must say what is wrong, where (path and line), and what to do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.annotate.register import Entry, Register, builtin_register, form_key, load_register
from tei.errors import InputError
from tei.resources import data_dir

TEI = "http://www.tei-c.org/ns/1.0"

FULL = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="{TEI}">
  <teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
    <publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
  <standOff>
    <listPerson>
      <person xml:id="lenin">
        <persName type="variant">Lenin</persName>
        <persName type="standard">Vladimir Lenin</persName>
        <persName type="variant">V. I. Lenin</persName>
        <birth when="1870-04-22"/>
        <idno type="wikidata">Q1394</idno>
      </person>
      <person xml:id="wilson">
        <persName type="standard">Wilson, Woodrow</persName>
        <persName type="variant">Wilson</persName>
        <note type="ambiguous">several Wilsons</note>
      </person>
    </listPerson>
    <listPlace>
      <place xml:id="georgia" type="country"><placeName>Georgia (country)</placeName></place>
      <place xml:id="austria-hungary" type="country"><placeName>Austria-Hungary</placeName></place>
    </listPlace>
    <listOrg>
      <org xml:id="congress"><orgName>Congress of Soviets of Workers’ and Soldiers’ Deputies</orgName></org>
    </listOrg>
  </standOff>
</TEI>
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def bare_list(kind: str, body: str) -> str:
    return f'<{kind} xmlns="{TEI}">{body}</{kind}>'


def test_full_document_entries(tmp_path: Path) -> None:
    register = load_register([write(tmp_path, "r.xml", FULL)], include_builtin=False)
    assert list(register.entries) == ["lenin", "wilson", "georgia", "austria-hungary", "congress"]
    lenin = register.entries["lenin"]
    assert isinstance(lenin, Entry)
    assert (lenin.kind, lenin.standard) == ("person", "Vladimir Lenin")  # type="standard" wins over order
    assert lenin.variants == ("Lenin", "V. I. Lenin")
    assert not lenin.ambiguous
    assert register.entries["wilson"].ambiguous
    assert register.entries["georgia"].kind == "place"
    assert register.entries["congress"].kind == "org"


def test_entry_element_is_a_detached_copy(tmp_path: Path) -> None:
    register = load_register([write(tmp_path, "r.xml", FULL)], include_builtin=False)
    element = register.entries["lenin"].element
    assert element.tag == f"{{{TEI}}}person"
    assert element.getparent() is None
    assert element.find(f"{{{TEI}}}idno") is not None


@pytest.mark.parametrize(
    "text",
    [
        bare_list("listPerson", '<person xml:id="x"><persName>Chicherin</persName></person>'),
        f'<standOff xmlns="{TEI}"><listPerson><person xml:id="x"><persName>Chicherin</persName></person>'
        "</listPerson></standOff>",
        '<listPerson><person xml:id="x"><persName>Chicherin</persName></person></listPerson>',
    ],
    ids=["bare-list", "standoff-root", "no-namespace"],
)
def test_register_wrappings(tmp_path: Path, text: str) -> None:
    register = load_register([write(tmp_path, "r.xml", text)], include_builtin=False)
    assert register.entries["x"].standard == "Chicherin"


def test_forms_are_normalised_token_keys(tmp_path: Path) -> None:
    register = load_register([write(tmp_path, "r.xml", FULL)], include_builtin=False)
    forms = register.forms()
    assert ("Austria", "Hungary") in forms  # hyphen dropped: All-Russian = All–Russian = All Russian
    assert ("Woodrow", "Wilson") in forms  # "Wilson, Woodrow" in catalogue order also read forwards
    assert ("Georgia",) in forms  # "(country)" qualifier dropped
    congress = form_key("Congress of Soviets of Workers' and Soldiers' Deputies")
    assert forms[congress][0].ref == "congress"  # curly and straight apostrophes are one
    assert form_key("Workers’") == form_key("Workers'")
    assert form_key("All–Russian") == form_key("All-Russian") == ("All", "Russian")


def test_user_entries_replace_and_extend(tmp_path: Path) -> None:
    base = write(tmp_path, "base.xml", FULL)
    user = write(
        tmp_path,
        "user.xml",
        bare_list(
            "listPerson",
            '<person xml:id="lenin"><persName>Ulyanov</persName></person>'
            '<person xml:id="krasin"><persName>Krasin</persName></person>',
        ),
    )
    register = load_register([base, user], include_builtin=False)
    assert register.entries["lenin"].standard == "Ulyanov"
    assert register.entries["krasin"].standard == "Krasin"
    assert ("Lenin",) not in register.forms()
    assert register.entries["wilson"].standard == "Wilson, Woodrow"


def test_user_file_overrides_builtin(tmp_path: Path) -> None:
    builtin = builtin_register()
    some_id = next(iter(builtin.entries), "lenin")
    user = write(
        tmp_path, "user.xml", bare_list("listOrg", f'<org xml:id="{some_id}"><orgName>Replaced Org</orgName></org>')
    )
    register = load_register([user])
    assert register.entries[some_id].standard == "Replaced Org"
    assert register.entries[some_id].kind == "org"
    assert len(register.entries) == max(len(builtin.entries), 1)


def test_builtin_is_cached_and_default() -> None:
    assert builtin_register() is builtin_register()
    assert load_register([]) is builtin_register()
    assert load_register([], include_builtin=False).entries == {}


def test_register_has_identity_semantics(tmp_path: Path) -> None:
    path = write(tmp_path, "r.xml", FULL)
    one, two = load_register([path], include_builtin=False), load_register([path], include_builtin=False)
    assert one != two and hash(one) != hash(two)
    assert isinstance(one, Register)


def error_for(tmp_path: Path, text: str) -> InputError:
    path = write(tmp_path, "bad.xml", text)
    with pytest.raises(InputError) as caught:
        load_register([path], include_builtin=False)
    assert caught.value.path == str(path)
    assert caught.value.exit_status == 2
    return caught.value


def test_not_well_formed_has_line(tmp_path: Path) -> None:
    error = error_for(
        tmp_path, f'<listPerson xmlns="{TEI}">\n<person xml:id="a">\n<persName>A</persName>\n</listPerson>'
    )
    assert "not well-formed" in error.message
    assert error.line is not None and error.line >= 3


def test_no_lists(tmp_path: Path) -> None:
    error = error_for(tmp_path, f'<TEI xmlns="{TEI}"><text><body><p>x</p></body></text></TEI>')
    assert "listPerson" in error.message


def test_entry_without_id(tmp_path: Path) -> None:
    error = error_for(tmp_path, bare_list("listPlace", "\n<place><placeName>Kiev</placeName></place>"))
    assert "xml:id" in error.message and error.line == 2


def test_entry_with_bad_id(tmp_path: Path) -> None:
    error = error_for(tmp_path, bare_list("listPlace", '<place xml:id="1kiev"><placeName>Kiev</placeName></place>'))
    assert "not a valid XML name" in error.message


def test_entry_without_name(tmp_path: Path) -> None:
    error = error_for(tmp_path, bare_list("listOrg", '<org xml:id="x"><orgName>  </orgName><note>n</note></org>'))
    assert "has no orgName" in error.message


def test_duplicate_id(tmp_path: Path) -> None:
    text = (
        f'<standOff xmlns="{TEI}"><listOrg>\n<org xml:id="x"><orgName>A</orgName></org></listOrg>\n'
        '<listPlace><place xml:id="x"><placeName>B</placeName></place></listPlace></standOff>'
    )
    error = error_for(tmp_path, text)
    assert 'duplicate xml:id "x"' in error.message and "first at line 2" in error.message
    assert error.line == 3


def test_empty_register(tmp_path: Path) -> None:
    error = error_for(tmp_path, bare_list("listPerson", ""))
    assert "bad.xml has no entries" in error.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_register([tmp_path / "nope.xml"], include_builtin=False)
    assert "cannot read register" in caught.value.message


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = write(tmp_path, "secret.txt", "TOPSECRET")
    text = (
        f'<!DOCTYPE listPerson [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        f'<listPerson xmlns="{TEI}"><person xml:id="p"><persName>A &x;</persName></person></listPerson>'
    )
    # tei.safexml refuses a DOCTYPE that declares entities; the secret is in no message either.
    with pytest.raises(InputError) as caught:
        load_register([write(tmp_path, "r.xml", text)], include_builtin=False)
    assert "TOPSECRET" not in str(caught.value)
    assert "declares an external entity" in str(caught.value)


@pytest.mark.skipif(not list(data_dir().glob("register*.xml")), reason="built-in register files not present")
def test_builtin_files_load_cleanly() -> None:
    register = builtin_register()
    assert register.entries
    kinds = {entry.kind for entry in register.entries.values()}
    assert kinds <= {"person", "place", "org"}
    for entry in register.entries.values():
        assert entry.standard and entry.id


def test_a_form_names_an_entry_in_its_period(tmp_path: Path) -> None:
    """``Russian Government``: the Provisional Government until 7 November 1917, the Soviet one after."""
    from tei.annotate.names import NameRecogniser

    path = write(
        tmp_path,
        "periods.xml",
        bare_list(
            "listOrg",
            '<org xml:id="pg"><orgName>Provisional Government</orgName>'
            '<orgName type="variant" from="1917-03-15" to="1917-11-07">Russian Government</orgName></org>'
            '<org xml:id="sg"><orgName>Soviet Government</orgName>'
            '<orgName type="variant" from="1917-11-08">Russian Government</orgName></org>',
        ),
    )
    register = load_register([path], include_builtin=False)
    assert register.entries["pg"].periods == (("Russian Government", "1917-03-15", "1917-11-07"),)
    names = NameRecogniser(register)
    text = "the Russian Government replied"
    assert [m.ref for m in names.find(text, "1917-04-20")] == ["pg"]
    assert [m.ref for m in names.find(text, "1917-11-08")] == ["sg"]
    assert [m.ref for m in names.find(text, "1918")] == ["sg"]
    assert [m.ref for m in names.find(text, "1916-01-01")] == [None]  # neither existed: a pattern name
    assert [m.ref for m in names.find(text)] == ["sg"]  # undated: the latest


def test_a_period_must_be_a_date(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.xml",
        bare_list("listOrg", '<org xml:id="x"><orgName>X</orgName><orgName from="spring">Y Z</orgName></org>'),
    )
    with pytest.raises(InputError, match="not an ISO date"):
        load_register([path], include_builtin=False)


def test_builtin_russian_government_by_date() -> None:
    from tei.annotate.names import NameRecogniser

    names = NameRecogniser(builtin_register())
    text = "the Russian Government replied"
    assert [m.ref for m in names.find(text, "1916-06-01")] == ["tsarist-government"]
    assert [m.ref for m in names.find(text, "1917-06-01")] == ["provisional-government"]
    assert [m.ref for m in names.find(text, "1919-06-01")] == ["soviet-government"]


def test_nationality_notes() -> None:
    register = builtin_register()
    assert register.entries["lenin"].nationality == "Russian"
    assert register.entries["francis"].nationality == "American"
    assert register.entries["sovnarkom"].nationality == "Russian"
