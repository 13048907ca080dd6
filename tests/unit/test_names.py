"""The name recogniser: one test per rule, on a small register written here, then the samples and properties.

The rules are those of docs/encoding.md section 3 and shared/gold/README.md: longest
match, titles and possessives outside the name, plurals and nationality
adjectives are not names, pattern-found names get ``cert="low"`` and no ref.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tei.annotate.names import NameMatch, NameRecogniser
from tei.annotate.register import Register, builtin_register, load_register
from tei.resources import data_dir

TEI = "http://www.tei-c.org/ns/1.0"
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"

REGISTER = f"""<standOff xmlns="{TEI}">
  <listPerson>
    <person xml:id="lenin"><persName type="standard">Vladimir Lenin</persName>
      <persName type="variant">Lenin</persName></person>
    <person xml:id="trotsky"><persName>Leon Trotsky</persName><persName>Trotsky</persName></person>
    <person xml:id="wilson"><persName>Woodrow Wilson</persName><persName>Wilson</persName>
      <persName>President Wilson</persName></person>
    <person xml:id="francis"><persName>David R. Francis</persName><persName>Francis</persName></person>
    <person xml:id="lvov"><persName>Georgy Lvov</persName><persName>Lvov</persName></person>
    <person xml:id="root"><persName>Elihu Root</persName><persName>Root</persName>
      <note type="ambiguous">also an English word</note></person>
    <person xml:id="semyonov"><persName>Grigory Semyonov</persName><persName>Semyonov</persName>
      <note type="ambiguous">a common surname</note></person>
    <person xml:id="karl-radek"><persName>Karl Radek</persName></person>
    <person xml:id="chicherin"><persName>Georgy Chicherin</persName><persName>Chicherin</persName></person>
    <person xml:id="kerensky"><persName>Alexander Kerensky</persName><persName>Kerensky</persName></person>
  </listPerson>
  <listPlace>
    <place xml:id="russia"><placeName>Russia</placeName></place>
    <place xml:id="germany"><placeName>Germany</placeName></place>
    <place xml:id="turkey"><placeName>Turkey</placeName></place>
    <place xml:id="georgia"><placeName>Georgia</placeName></place>
    <place xml:id="austria-hungary"><placeName>Austria-Hungary</placeName></place>
    <place xml:id="lvov-city"><placeName>Lvov</placeName></place>
    <place xml:id="baltic"><placeName>Baltic Sea</placeName><placeName>Baltic</placeName></place>
    <place xml:id="petrograd"><placeName>Petrograd</placeName></place>
    <place xml:id="don"><placeName>Don</placeName></place>
    <place xml:id="upr"><placeName>Ukrainian People's Republic</placeName></place>
    <place xml:id="usa"><placeName>United States</placeName></place>
    <place xml:id="moscow"><placeName>Moscow</placeName></place>
  </listPlace>
  <listOrg>
    <org xml:id="congress-soviets">
      <orgName>All-Russian Congress of Soviets of Workers' and Soldiers' Deputies</orgName></org>
    <org xml:id="central-powers"><orgName>Central Powers</orgName></org>
    <org xml:id="sovgov"><orgName>Soviet Government</orgName></org>
    <org xml:id="us-congress"><orgName>United States Congress</orgName><orgName>Congress</orgName></org>
    <org xml:id="entente"><orgName>Entente</orgName></org>
    <org xml:id="sovnarkom"><orgName>Council of People's Commissars</orgName></org>
    <org xml:id="bolsheviks"><orgName>Bolshevik Party</orgName><orgName>Bolsheviks</orgName></org>
    <org xml:id="soviet"><orgName>Soviet</orgName><orgName>Union</orgName><orgName>Government</orgName></org>
    <org xml:id="nation"><orgName>German</orgName><orgName>Russians</orgName></org>
  </listOrg>
</standOff>
"""


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Register:
    path = tmp_path_factory.mktemp("register") / "register.xml"
    path.write_text(REGISTER, encoding="utf-8")
    return load_register([path], include_builtin=False)


@pytest.fixture(scope="module")
def rec(register: Register) -> NameRecogniser:
    return NameRecogniser(register)


def names(rec: NameRecogniser, text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(surface, tag, ref, cert) of every match, in order."""
    return [(text[m.start : m.end], m.tag, m.ref, m.cert) for m in rec.find(text)]


def surfaces(rec: NameRecogniser, text: str) -> list[str]:
    return [text[m.start : m.end] for m in rec.find(text)]


# ---------------------------------------------------------------- register matches


def test_register_match_with_ref(rec: NameRecogniser) -> None:
    assert names(rec, "Lenin spoke.") == [("Lenin", "persName", "lenin", None)]
    assert rec.find("Russia") == [NameMatch(0, 6, "placeName", "russia", None)]


def test_longest_match_wins(rec: NameRecogniser) -> None:
    text = "the manifesto of the All-Russian Congress of Soviets of Workers' and Soldiers' Deputies;"
    assert names(rec, text) == [
        ("All-Russian Congress of Soviets of Workers' and Soldiers' Deputies", "orgName", "congress-soviets", None)
    ]
    assert surfaces(rec, "Vladimir Lenin and Leon Trotsky") == ["Vladimir Lenin", "Leon Trotsky"]


def test_whole_words_only(rec: NameRecogniser) -> None:
    assert rec.find("the Russian side, Russians, Germanys, Leninist") == []
    assert surfaces(rec, "anti-Russia") == ["Russia"]


@pytest.mark.parametrize(
    "text",
    [
        "Soviet of Workers'\nand Soldiers' Deputies",
        "Soviet  of   Workers'  and Soldiers'\n   Deputies",
        "Soviet of Workers’ and Soldiers’ Deputies",
        "Soviet\u00a0of Workers' and Soldiers' Deputies",
    ],
)
def test_whitespace_and_apostrophes(rec: NameRecogniser, text: str) -> None:
    full = "All-Russian Congress of " + text.replace("Soviet", "Soviets", 1)
    assert names(rec, full) == [(full, "orgName", "congress-soviets", None)]


def test_dashes_within_names(rec: NameRecogniser) -> None:
    for text in ("Austria-Hungary", "Austria–Hungary", "Austria‑Hungary", "Austria -\nHungary"):
        assert names(rec, text) == [(text, "placeName", "austria-hungary", None)]
    text = "All–Russian Congress of Soviets of Workers' and Soldiers' Deputies"
    assert surfaces(rec, text) == [text]


def test_all_caps_in_title_runs(rec: NameRecogniser) -> None:
    title = "NOTE FROM TROTSKY TO THE ALLIED AMBASSADORS ON THE\nNEGOTIATIONS WITH THE CENTRAL POWERS"
    assert names(rec, title) == [
        ("TROTSKY", "persName", "trotsky", None),
        ("CENTRAL POWERS", "orgName", "central-powers", None),
    ]


def test_all_caps_not_in_running_text(rec: NameRecogniser) -> None:
    assert rec.find("He wrote RUSSIA on the wall.") == []
    assert rec.find("the TURKEY question") == []


def test_case_sensitive(rec: NameRecogniser) -> None:
    assert rec.find("a roast turkey and lenin") == []
    assert surfaces(rec, "Turkey and Bulgaria") == ["Turkey"]


def test_possessives_keep_the_name(rec: NameRecogniser) -> None:
    assert surfaces(rec, "Lenin's report, Lenin’s speech, Germany's reply") == ["Lenin", "Lenin", "Germany"]
    assert surfaces(rec, "the Soviet Government's first decree") == ["Soviet Government"]


def test_contractions_are_not_possessives(rec: NameRecogniser) -> None:
    assert rec.find("Don't go.") == []
    assert surfaces(rec, "on the Don, 46 regiments") == ["Don"]


def test_titles_are_not_part_of_person_names(rec: NameRecogniser) -> None:
    assert names(rec, "President Wilson replied") == [("Wilson", "persName", "wilson", None)]
    assert names(rec, "Comrade Lenin") == [("Lenin", "persName", "lenin", None)]


def test_initials_belong_to_the_name(rec: NameRecogniser) -> None:
    assert names(rec, "V. I. Lenin") == [("V. I. Lenin", "persName", "lenin", None)]
    assert names(rec, "Vladimir I. Lenin") == [("Vladimir I. Lenin", "persName", "lenin", None)]
    assert names(rec, "G. V. Chicherin") == [("G. V. Chicherin", "persName", "chicherin", None)]
    assert names(rec, "A. A. Joffe") == [("A. A. Joffe", "persName", None, "low")]
    assert names(rec, "Richard H. Ullman") == [("Richard H. Ullman", "persName", None, "low")]
    assert surfaces(rec, "M. Noulens") == ["Noulens"]  # M. is Monsieur
    assert rec.find("Works Index | L.I.A. Index") == []  # an acronym, not initials


def test_same_form_two_entries(rec: NameRecogniser) -> None:
    assert names(rec, "Prince Lvov resigned") == [("Lvov", "persName", "lvov", None)]
    assert names(rec, "fighting in Lvov") == [("Lvov", "placeName", "lvov-city", None)]


# ---------------------------------------------------------------- context rules


def test_turkey(rec: NameRecogniser) -> None:
    assert names(rec, "Germany, Turkey, and Bulgaria") == [
        ("Germany", "placeName", "germany", None),
        ("Turkey", "placeName", "turkey", None),
    ]


def test_georgia(rec: NameRecogniser) -> None:
    assert surfaces(rec, "the independence of Georgia") == ["Georgia"]
    assert rec.find("Atlanta in Georgia, U.S.A.") == []


def test_wilson(rec: NameRecogniser) -> None:
    assert names(rec, "a note to Wilson") == [("Wilson", "persName", "wilson", None)]
    assert names(rec, "General Wilson") == [("Wilson", "persName", None, "low")]  # Sir Henry, not the President


def test_francis(rec: NameRecogniser) -> None:
    assert names(rec, "Ambassador Francis left") == [("Francis", "persName", "francis", None)]
    assert rec.find("a letter to Francis Lindley") == [] or "Francis" not in surfaces(rec, "to Francis Lindley")


def test_generic_words_are_never_names_alone(rec: NameRecogniser) -> None:
    assert rec.find("the Soviet movement, the Union, the Government decided, the Council met") == []


def test_nationality_adjectives_in_a_register_are_ignored(rec: NameRecogniser) -> None:
    assert rec.find("the German navy and the Russians") == []


def test_entente(rec: NameRecogniser) -> None:
    assert names(rec, "the Entente has refused") == [("Entente", "orgName", "entente", None)]


def test_east(rec: NameRecogniser) -> None:
    assert names(rec, "the peoples of the East") == [("East", "placeName", None, "low")]
    assert surfaces(rec, "in the East and West alike") == ["East", "West"]
    assert rec.find("East of the river") == []  # a sentence's first word proves nothing
    assert rec.find("to the east of Moscow")[0].ref == "moscow"
    assert len(rec.find("to the east of Moscow")) == 1


def test_baltic(rec: NameRecogniser) -> None:
    assert surfaces(rec, "from the Baltic to the Black Sea") == ["Baltic", "Black Sea"]
    assert rec.find("the Baltic provinces") == []
    assert surfaces(rec, "the Baltic Sea") == ["Baltic Sea"]


def test_congress(rec: NameRecogniser) -> None:
    assert names(rec, "the American Congress") == [("Congress", "orgName", "us-congress", None)]
    assert names(rec, "the United States Congress") == [("United States Congress", "orgName", "us-congress", None)]
    assert rec.find("the Congress decided") == []


def test_ambiguous_entries(rec: NameRecogniser) -> None:
    assert rec.find("Root causes of the war.") == []  # sentence start: could be the English word
    assert surfaces(rec, "a letter from Root to Lansing") == ["Root"]
    assert surfaces(rec, "Semyonov attacked.") == ["Semyonov"]  # cannot be an English word


# ---------------------------------------------------------------- patterns (cert low)


@pytest.mark.parametrize(
    "title",
    [
        "Mr.",
        "Mr",
        "Mrs.",
        "M.",
        "Herr",
        "General",
        "Admiral",
        "Colonel",
        "Captain",
        "Count",
        "Prince",
        "Baron",
        "Comrade",
        "Citizen",
        "President",
        "Premier",
        "Minister",
        "Ambassador",
        "Consul",
        "Commissar",
        "Lord",
        "Sir",
        "Dr.",
        "Professor",
        "Commander-in-Chief",
    ],
)
def test_person_after_title(rec: NameRecogniser, title: str) -> None:
    assert names(rec, f"and {title} Dukhonin said") == [("Dukhonin", "persName", None, "low")]


def test_person_after_title_details(rec: NameRecogniser) -> None:
    assert surfaces(rec, "Premier Lloyd George") == ["Lloyd George"]
    assert surfaces(rec, "Herr von Kühlmann's reply") == ["von Kühlmann"]
    assert surfaces(rec, "the German Consul General Bretter") == ["Bretter"]
    assert rec.find("the General Staff and the Minister Plenipotentiary") == []


def test_org_government_patterns(rec: NameRecogniser) -> None:
    assert names(rec, "the Finnish Government replied") == [("Finnish Government", "orgName", None, "low")]
    assert surfaces(rec, "His Britannic Majesty's Government") == ["His Britannic Majesty's Government"]
    assert surfaces(rec, "the Government of the French Republic") == ["Government of the French Republic"]
    assert surfaces(rec, "Provisional Workers' and Peasants' Government of Russia") == [
        "Provisional Workers' and Peasants' Government of Russia"
    ]


def test_longer_pattern_beats_register_inside(rec: NameRecogniser) -> None:
    text = "the Government of the Ukrainian People's Republic"
    assert names(rec, text) == [("Government of the Ukrainian People's Republic", "orgName", None, "low")]
    assert names(rec, "the Ukrainian People's Republic") == [("Ukrainian People's Republic", "placeName", "upr", None)]


def test_pattern_surface_known_to_register_gets_ref(rec: NameRecogniser) -> None:
    assert names(rec, "the Soviet Government") == [("Soviet Government", "orgName", "sovgov", None)]
    assert names(rec, "the Council of People’s Commissars") == [
        ("Council of People’s Commissars", "orgName", "sovnarkom", None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Second Congress of the Communist International met", "Second Congress of the Communist International"),
        ("the Conference of Ambassadors", "Conference of Ambassadors"),
        ("a Committee of Public Safety", "Committee of Public Safety"),
        ("the Central Executive Committee decided", "Central Executive Committee"),
        ("the Reparations Commission", "Reparations Commission"),
        ("the Communist Party of Germany", "Communist Party of Germany"),
        ("the Labour Party", "Labour Party"),
        ("the Supreme Council of the Entente", "Supreme Council of the Entente"),
        ("the Ministry of Foreign Affairs", "Ministry of Foreign Affairs"),
        ("the People's Commissariat for Foreign Affairs", "People's Commissariat for Foreign Affairs"),
        ("the Paris Peace Conference", "Paris Peace Conference"),
        (
            "Soviet of Workers', Soldiers' and Peasants' Deputies",
            "Soviet of Workers', Soldiers' and Peasants' Deputies",
        ),
        ("Marxist Internet Archive", "Marxist Internet Archive"),
        ("Progress Publishers, Moscow", "Progress Publishers"),
    ],
)
def test_org_patterns(rec: NameRecogniser, text: str, expected: str) -> None:
    found = [m for m in rec.find(text) if m.tag == "orgName"]
    assert [text[m.start : m.end] for m in found] == [expected]
    assert found[0].cert == "low" and found[0].ref is None


def test_x_soviet(rec: NameRecogniser) -> None:
    assert names(rec, "issued by the Petrograd Soviet]") == [("Petrograd Soviet", "orgName", None, "low")]
    assert rec.find("the Ukrainian Soviet authorities") == []
    assert surfaces(rec, "the authority of the Ukrainian Soviet in Kharkov") == ["Ukrainian Soviet"]


def test_two_orgs_joined_by_and_stay_two(rec: NameRecogniser) -> None:
    text = "the Council of People's Commissars and the Central Executive Committee"
    assert surfaces(rec, text) == ["Council of People's Commissars", "Central Executive Committee"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from the Baltic to the Black Sea", "Black Sea"),
        ("that the Moon Islands be evacuated", "Moon Islands"),
        ("the Gulf of Finland", "Gulf of Finland"),
        ("on Lake Ladoga", "Lake Ladoga"),
        ("the River Amur", "River Amur"),
        ("the Amur River", "Amur River"),
        ("the Sea of Azov", "Sea of Azov"),
        ("the Far Eastern Republic", "Far Eastern Republic"),
    ],
)
def test_place_patterns(rec: NameRecogniser, text: str, expected: str) -> None:
    assert expected in surfaces(rec, text)


def test_plurals_and_collectives_are_not_names(rec: NameRecogniser) -> None:
    text = "the Allied Governments, the Soviets, Bolsheviks, the Governments of the Allied countries"
    assert rec.find(text) == []


def test_credit_lines_citations_and_signatures(rec: NameRecogniser) -> None:
    credit = "Translated: Yuri Sdobnikov and George\nHanna, Edited by George Hanna"
    assert surfaces(rec, credit) == ["Yuri Sdobnikov", "George\nHanna", "George Hanna"]
    assert surfaces(rec, "Kluchnikov & Sabanin, ii, p. 94") == ["Kluchnikov", "Sabanin"]
    assert names(rec, "Trotsky, iii, 2, p. 192")[0] == ("Trotsky", "persName", "trotsky", None)
    signed = "(Signed) Trotsky, Medivediev, Bitzenko, Karachan (Secretary), Pokrowsky."
    assert surfaces(rec, signed) == ["Trotsky", "Medivediev", "Bitzenko", "Karachan", "Pokrowsky"]


def test_known_forename_finds_unknown_person(rec: NameRecogniser) -> None:
    assert names(rec, "Questions Put By Karl Wiegand") == [("Karl Wiegand", "persName", None, "low")]
    assert names(rec, "Karl Radek") == [("Karl Radek", "persName", "karl-radek", None)]


def test_not_inside_urls_or_cited_works(rec: NameRecogniser) -> None:
    assert rec.find("<https://www.marxists.org/archive/Lenin/Russia/works>") == []
    assert rec.find("Source: Lenin’s Collected Works, Lenin Miscellany") == []


def test_signature_in_capitals(rec: NameRecogniser) -> None:
    text = "People's Commissar for Foreign Affairs,\nG. CHICHERIN\nMoscow, 4 September 1920"
    assert ("G. CHICHERIN", "persName", "chicherin", None) in names(rec, text)
    assert surfaces(rec, "signed by CHICHERIN and others") == []  # not a title run, not a line of its own


def test_chains_stop_at_titles_and_possessives(rec: NameRecogniser) -> None:
    text = "the Executive Committee of the Communist International and Comrade Karl Radek"
    assert surfaces(rec, text) == ["Executive Committee of the Communist International", "Karl Radek"]
    assert surfaces(rec, "Kerensky's Government fell") == ["Kerensky"]
    assert rec.find("Ours Is a People's Government") == []


def test_more_place_rules(rec: NameRecogniser) -> None:
    assert names(rec, "beyond the Curzon Line") == [("Curzon Line", "placeName", None, "low")]
    assert names(rec, "in Southern Germany") == [("Southern Germany", "placeName", None, "low")]
    assert rec.find("at the Alexander Palace") == []  # a forename before a building is no person


def test_title_case_heading(rec: NameRecogniser) -> None:
    text = "Draft Wireless Message To The Government Of The German Reich"
    assert surfaces(rec, text) == ["Government Of The German Reich"]


def test_caps_patterns(rec: NameRecogniser) -> None:
    assert surfaces(rec, "NOTE TO THE FINNISH GOVERNMENT") == ["FINNISH GOVERNMENT"]


def test_novel_text_is_left_alone() -> None:
    empty = NameRecogniser(Register({}))
    prose = "It was the best of times. The Government said nothing; the Committee met at noon in the Hall."
    assert empty.find(prose) == []


# ---------------------------------------------------------------- properties and speed

FRAGMENTS = st.sampled_from(
    [
        "Lenin",
        "Lenin's",
        "Russia",
        "Russian",
        "Mr.",
        "V.",
        "I.",
        "Government",
        "the",
        "of",
        "Council",
        "People's",
        "People’s",
        "Soviet",
        "East",
        "Workers'",
        "and",
        "CENTRAL",
        "POWERS",
        "NOTE",
        "Sea",
        "Lake",
        "(Signed)",
        "Translated:",
        "by",
        "ii,",
        "Francis",
        "Wilson",
        "Congress",
        "American",
        "His",
        "Majesty's",
        "Commander-in-Chief",
        "Karl",
        "Works",
        "https://x.org/Lenin",
        "–",
        "-",
        "'",
        "’",
        ",",
        ".",
        "\n",
        "é",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.tuples(FRAGMENTS, st.sampled_from(["", " ", "  ", "\n", "\t"]))).map(
        lambda parts: "".join(a + b for a, b in parts)
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_properties(register: Register, rec: NameRecogniser, text: str) -> None:
    found = rec.find(text)
    previous_end = 0
    for match in found:
        assert 0 <= match.start < match.end <= len(text)
        assert match.start >= previous_end  # sorted and non-overlapping
        previous_end = match.end
        assert match.tag in ("persName", "placeName", "orgName")
        assert (match.ref is None) == (match.cert == "low")
        assert text[match.start : match.end].strip() == text[match.start : match.end]
    assert rec.find(text) == found  # idempotent
    assert NameRecogniser(register).find(text) == found  # a second recogniser agrees


def test_long_text_full_of_names(rec: NameRecogniser) -> None:
    """Every name of a long text is found (speed is measured in bench/encode.py, not here)."""
    paragraph = (
        "On the question of peace the Soviet Government of Russia, by Comrade Lenin and Mr. Trotsky, "
        "addressed the Governments of Germany and Austria-Hungary and the Council of People's Commissars. "
    )
    text = paragraph * 2000  # about 0.4 MB
    found = rec.find(text)
    assert len(found) >= 6 * 2000


# ---------------------------------------------------------------- the samples with the built-in register

HAS_BUILTIN = bool(list(data_dir().glob("register*.xml")))


def _clean(text: str) -> str:
    return re.sub(r"<sup>.*?</sup>", "", text).replace("**", "").replace("*", "")


def _gold_pairs() -> list[tuple[Path, Path]]:
    gold = SHARED / "gold"
    return [(path, SHARED / "samples" / (path.stem + ".txt")) for path in sorted(gold.glob("*.json"))]


@pytest.mark.skipif(not HAS_BUILTIN or not (SHARED / "gold").is_dir(), reason="built-in register or gold absent")
@pytest.mark.parametrize("pair", _gold_pairs(), ids=lambda pair: pair[0].stem)
def test_samples_gold_names_found(pair: tuple[Path, Path]) -> None:
    """Every gold name of a sample is found in the line (sentence) that holds it."""
    gold_path, text_path = pair
    text = text_path.read_text(encoding="utf-8")
    recogniser = NameRecogniser(builtin_register())
    found: set[tuple[int, int, str]] = set()
    offset = 0
    for line in text.split("\n"):
        for match in recogniser.find(line):
            found.add((offset + match.start, offset + match.end, match.tag))
        offset += len(line) + 1
    missing = [
        (entity["type"], entity["text"])
        for entity in json.loads(gold_path.read_text(encoding="utf-8"))["entities"]
        if entity["type"] != "date"
        and (entity["start"], entity["start"] + len(entity["text"]), entity["type"]) not in found
    ]
    assert missing == []


@pytest.mark.skipif(not HAS_BUILTIN or not (SHARED / "gold").is_dir(), reason="built-in register or gold absent")
def test_samples_precision() -> None:
    """Few names beyond the gold on the samples (scored as multisets of (type, text))."""
    recogniser = NameRecogniser(builtin_register())
    extra = gold_total = 0
    for gold_path, text_path in _gold_pairs():
        text = _clean(text_path.read_text(encoding="utf-8"))
        got = Counter((m.tag, text[m.start : m.end]) for m in recogniser.find(text))
        gold = Counter(
            (e["type"], e["text"])
            for e in json.loads(gold_path.read_text(encoding="utf-8"))["entities"]
            if e["type"] != "date"
        )
        extra += sum((got - gold).values())
        gold_total += sum(gold.values())
    assert extra <= gold_total * 0.1


DEVSET = REPO / "tests" / "devset"


@pytest.mark.skipif(not HAS_BUILTIN or not list(DEVSET.glob("*.json")), reason="built-in register or dev set absent")
def test_devset_precision_and_recall() -> None:
    """Names on the twenty dev-set documents, scored like the unseen documents (multisets of (type, text))."""
    recogniser = NameRecogniser(builtin_register())
    hits = extra = missed = 0
    for gold_path in sorted(DEVSET.glob("*.json")):
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        got = Counter((m.tag, text[m.start : m.end]) for m in recogniser.find(text))
        gold = Counter(
            (e["type"], e["text"])
            for e in json.loads(gold_path.read_text(encoding="utf-8"))["entities"]
            if e["type"] != "date"
        )
        hits += sum((got & gold).values())
        extra += sum((got - gold).values())
        missed += sum((gold - got).values())
    assert hits / (hits + extra) >= 0.9
    assert hits / (hits + missed) >= 0.9


def test_initials_link_only_to_a_fitting_forename() -> None:
    """``Sir E. Grey`` is Edward Grey; ``J. Wilson`` is a Wilson, but not Woodrow."""
    rec = NameRecogniser(builtin_register())
    assert names(rec, "Sir E. Grey to Sir F. Bertie") == [
        ("E. Grey", "persName", "grey", None),
        ("F. Bertie", "persName", "bertie", None),
    ]
    assert names(rec, "J. Wilson said")[0][2] is None
    assert names(rec, "V. I. Lenin said")[0][2] == "lenin"


def test_surnames_in_capitals_after_a_title() -> None:
    rec = NameRecogniser(builtin_register())
    assert surfaces(rec, "Mr. TUDOR asked the Prime Minister") == ["TUDOR"]
    assert surfaces(rec, "Mr. SPEAKER, I rise") == []
