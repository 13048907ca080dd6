"""Find names of persons, places and organisations in plain strings.

Why this shape: the texts are English translations in which a name may be
broken across lines, written with curly or straight apostrophes, hyphens or
en dashes, in running text or in an all-caps title. Matching therefore works on
word tokens (``\\w+`` runs and single punctuation marks), never on characters:
a word matches whole or not at all (``Russia`` is never found inside
``Russian``), whitespace between tokens is free, and a possessive ``'s`` is a
token of its own that simply stays outside the name.

Three sources of candidates, resolved together (longest span first, a
register match before a pattern match of the same length):

1. the register's written forms, walked in a token trie from every word that
   could start one (capitalised words, plus the few forms that start lower);
2. patterns for names the register does not know (``cert="low"``, no ref):
   a title followed by capitalised words, ``X Committee``, ``Council of …``,
   ``the X Government``, ``X Sea``, ``Lake X`` …; a pattern's surface that is a
   register form gets the entry's ref after all;
3. small context rules for words that are names only in some uses
   (``the East``, ``Congress``, ``Francis`` …), see ``CONTEXT_RULES``.

Scanning touches only capitalised tokens, so the cost grows with the number of
capitalised words, not with the length of the text.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from tei.annotate.register import APOSTROPHES, DASHES, FormTarget, Register, form_key, normalise_token

TAGS = {"person": "persName", "place": "placeName", "org": "orgName"}


@dataclass(frozen=True)
class NameMatch:
    """``text[start:end]`` is a name to wrap in ``tag``; ``cert`` is "low" for pattern-found names."""

    start: int
    end: int
    tag: str
    ref: str | None
    cert: str | None


# --------------------------------------------------------------------------- character classes


def _char_class(predicate: Callable[[str], bool]) -> str:
    """A regex character-class body for the characters up to U+052F that satisfy ``predicate``."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x20, 0x530):
        if predicate(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


_U = _char_class(str.isupper)  # upper-case letters (Latin, Greek, Cyrillic)
_D = re.escape("".join(sorted(DASHES - {"—", "―"})))  # hyphens and en dash join words; em dash does not
_A = re.escape("".join(sorted(APOSTROPHES)))
_HS = r"[ \t\u00a0]"  # horizontal space
#: At least one space, at most one line break: a name may wrap, but never crosses a blank line.
_S = rf"(?:{_HS}+\n?|\n){_HS}*"
#: Optional space of the same kind.
_S0 = rf"{_HS}*\n?{_HS}*"

#: A capitalised word in running text (``All-Russian``, ``People's``, ``Workers'``).
_CAPP = rf"[{_U}]\w+(?:[{_D}]\w+)*(?:[{_A}]s(?!\w)|(?<=s)[{_A}](?!\w))?"
#: The same in an all-caps line (``PEOPLE'S``): upper case and digits only.
_CAPP_UP = rf"[{_U}][{_U}\d]+(?:[{_D}][{_U}\d]+)*(?!\w)(?:[{_A}]S(?!\w)|(?<=S)[{_A}](?!\w))?"
#: A word of a person's name: capitalised, at least two letters, no possessive.
_NAMEWORD = rf"(?:[OD][{_A}]{_HS}?)?[{_U}]\w+(?:[{_D}][{_U}]\w+)*(?!\w)"
#: One initial: ``V.``, or a two-letter one such as ``Vl.``; never an abbreviation like ``Mr.`` or ``No.``.
_INITIAL = rf"(?!(?:Mr|Dr|St|No|Mt|Jr|Sr|Co|Vs|Ms|Sq|Ft|Pp|Vol|Nr)\.)[{_U}][a-z]?\."
_PARTICLES = r"(?:von|van|de|du|der|den|da|di|del|della|la|le|ten|ter)"

# --------------------------------------------------------------------------- word lists


def _words(text: str) -> list[str]:
    """The words of a whitespace-separated list (keeps the long lists below readable)."""
    return text.split()


#: Capitalised words that never belong to a name chain: function words, months, weekdays,
#: and the document-type words of titles ("Decree", "Note") that precede names.
STOP_WORDS = frozenset(
    _words(
        """
    the a an this that these those our their his her its my your we they he she it i you me us them
    every each any all no some such which whose what who whom where why how
    in on at by for from to with of and but or nor if when while since as after before under over
    between against during through upon into onto towards toward about among without within near
    both either neither not only also then thus therefore hence however moreover furthermore
    nevertheless now here there yesterday today tomorrow yes dear yours sincerely
    is was were are be been being has have had will shall would should may might can could must
    do does did let long down up hail glory
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    note notes decree decrees report appeal resolution resolutions telegram letter speech statement
    reply manifesto declaration protest message order orders instruction instructions memorandum
    wireless radio draft extract extracts interview article proclamation circular
    comrades citizens gentlemen brothers sisters
    chapter part section volume vol page pp p no source sources translated written published
    """
    )
)
#: Nationality and party adjectives and their plurals: never a name on their own.
NOT_NAMES = frozenset(
    _words(
        """
    german germans russian russians french frenchmen british english englishmen american americans
    japanese chinese turkish turks polish poles finnish finns ukrainian ukrainians austrian austrians
    hungarian hungarians italian italians persian persians rumanian rumanians roumanian roumanians
    romanian romanians bulgarian bulgarians serbian serbs czech czechs czechoslovak czechoslovaks
    estonian estonians esthonian esthonians latvian latvians lettish letts lithuanian lithuanians
    georgian georgians armenian armenians azerbaijani swedish swedes norwegian norwegians danish
    danes dutch belgian belgians swiss spanish spaniards portuguese greek greeks afghan afghans
    indian indians egyptian egyptians mongolian mongols mongolian korean koreans tatar tatars
    bashkir bashkirs kirghiz jewish jews moslem moslems muslim muslims mohammedan mohammedans
    cossack cossacks european europeans asiatic asian oriental western eastern northern southern
    soviet soviets allied allies ally bolshevik bolsheviks menshevik mensheviks communist communists
    socialist socialists anarchist anarchists cadet cadets whites reds whiteguard whiteguards
    white red great
    government governments council councils committee committees party parties union unions
    conference conferences commission commissions assembly republic republics ministry
    bureau office state states power powers empire kingdom province
    """
    )
)
#: Titles that may stand before a person's name and are not part of it.
TITLES = frozenset(
    _words(
        """
    Mr Mrs Ms M Mme Mlle Dr Herr Frau Monsieur Madame General Admiral Colonel Captain Lieutenant
    Major Marshal Field-Marshal Commander-in-Chief Count Countess Prince Princess Baron Baroness
    Comrade Citizen President Premier Minister Ambassador Consul Consul-General Commissar Lord Lady
    Sir Professor Tsar Czar Tsarina Kaiser King Queen Emperor Empress Chancellor Senator Secretary
    Ataman Hetman Duke Grand-Duke Archduke Bishop Cardinal Pope Signor Generalissimo Vice-Admiral
    Rear-Admiral Lieutenant-General Major-General Lieutenant-Colonel Envoy Chargé
    """
    )
)
#: Words that name the thing a title belongs to, not a person ("General Staff", "Minister Plenipotentiary").
_AFTER_TITLE_STOP = frozenset(
    _words(
        """
    staff headquarters plenipotentiary extraordinary regent mayor general assembly council government
    committee commission party congress conference ministry commissariat affairs office department
    court board chief secretary strike election elections army navy fleet administration high justice
    chairman vice speaker governor
    """
    )
)
#: Nouns that follow a first name in the names of places and buildings ("Alexander Palace"), never surnames.
_BUILDING_WORDS = frozenset(
    _words(
        """
        Railway Station Palace Cathedral Church Monastery Fortress Bridge Gate Gates Institute University
        College Hospital Museum Theatre Hall Prospect Canal Barracks Works Factory Mine Mines Land Island
        """
    )
)
_FUNCTION_WORDS = frozenset(
    _words(
        """
    to and or in on of from is was were are has have had with by for at as the a that which who
    will would shall should may might can could must but nor than into onto
    """
    )
)
#: A singular possessive is part of a name only in these words ("People's Commissars").
_POSSESSIVE_OK = frozenset({"People", "PEOPLE", "Majesty", "MAJESTY"})


class _Keyword(NamedTuple):
    """How a head word builds a pattern name: left words (``X Sea``), ``of``-phrase, name after."""

    tag: str
    max_left: int  # how many capitalised words before it may belong to the name (0: none)
    of: bool = True  # "Council of People's Commissars"
    for_: bool = False  # "Commissariat for Foreign Affairs"
    prefix: bool = False  # "Lake Ladoga", "River Don": the name follows the head word
    adjectives: bool = True  # may a nationality adjective stand first ("German Government")?
    left_needs_of: bool = False  # "Independent State of Afghanistan", but not "the Soviet State"
    min_left: int = 1  # "Princeton University Press", not "the Foreign Press"


_ORG, _PLACE = "orgName", "placeName"
#: Head words of pattern names. Plural heads are absent on purpose: "Allied Governments",
#: "Soviets", "Committees" are collectives, not names.
KEYWORDS: Mapping[str, _Keyword] = {
    "Government": _Keyword(_ORG, 4),
    "Committee": _Keyword(_ORG, 5, for_=True),
    "Commission": _Keyword(_ORG, 4, for_=True),
    "Council": _Keyword(_ORG, 4, for_=True),
    "Conference": _Keyword(_ORG, 4),
    "Congress": _Keyword(_ORG, 5),
    "Party": _Keyword(_ORG, 5),
    "Soviet": _Keyword(_ORG, 2),
    "Assembly": _Keyword(_ORG, 3),
    "Ministry": _Keyword(_ORG, 2, for_=True),
    "Commissariat": _Keyword(_ORG, 3, for_=True),
    "Bureau": _Keyword(_ORG, 3, for_=True),
    "Secretariat": _Keyword(_ORG, 2),
    "League": _Keyword(_ORG, 2),
    "Agency": _Keyword(_ORG, 3, of=False),
    "Headquarters": _Keyword(_ORG, 2, of=False),
    "Command": _Keyword(_ORG, 3, of=False),
    "International": _Keyword(_ORG, 2, of=False),
    "Office": _Keyword(_ORG, 2, of=False),
    "Bank": _Keyword(_ORG, 3),
    "Powers": _Keyword(_ORG, 1, of=False, adjectives=False),
    "Press": _Keyword(_ORG, 3, of=False, adjectives=False, min_left=2),
    "Publishers": _Keyword(_ORG, 3, of=False),
    "Archive": _Keyword(_ORG, 3, of=False),
    "Rada": _Keyword(_ORG, 2, of=False),
    "Duma": _Keyword(_ORG, 2, of=False),
    "Republic": _Keyword(_PLACE, 5),
    "State": _Keyword(_PLACE, 2, left_needs_of=True),
    "Empire": _Keyword(_PLACE, 3),
    "Kingdom": _Keyword(_PLACE, 1),
    "Sea": _Keyword(_PLACE, 2),
    "Ocean": _Keyword(_PLACE, 2, of=False),
    "River": _Keyword(_PLACE, 2, of=False, prefix=True),
    "Gulf": _Keyword(_PLACE, 2),
    "Bay": _Keyword(_PLACE, 2),
    "Islands": _Keyword(_PLACE, 2, of=False),
    "Island": _Keyword(_PLACE, 2),
    "Lake": _Keyword(_PLACE, 0, prefix=True),
    "Mountains": _Keyword(_PLACE, 2, of=False),
    "Peninsula": _Keyword(_PLACE, 2, of=False),
    "Strait": _Keyword(_PLACE, 2),
    "Straits": _Keyword(_PLACE, 2),
    "Canal": _Keyword(_PLACE, 2, of=False),
    "Province": _Keyword(_PLACE, 2),
    "Street": _Keyword(_PLACE, 2, of=False, adjectives=False),
    "Square": _Keyword(_PLACE, 2, of=False, adjectives=False),
    "Avenue": _Keyword(_PLACE, 2, of=False, adjectives=False),
    "Prospect": _Keyword(_PLACE, 2, of=False, adjectives=False),
    "Line": _Keyword(_PLACE, 2, of=False, adjectives=False),  # "Curzon Line": a named boundary
    "Mount": _Keyword(_PLACE, 0, of=False, prefix=True),
    "Cape": _Keyword(_PLACE, 0, prefix=True),
}
_KEYWORDS_UP = {word.upper(): spec for word, spec in KEYWORDS.items()}

#: Single words that are never a name alone, whatever a register says (plural or generic uses).
NEVER_ALONE = frozenset(
    _words(
        """
        Soviet Soviets Union Council Government Governments Committee Party Conference Commission Republic
        Ministry Bureau Office Assembly Allies Bolsheviks Mensheviks Powers State States Revolution
        """
    )
)

# --------------------------------------------------------------------------- context rules


def _before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start]


def _rule_always(text: str, start: int, end: int) -> bool:
    """``Turkey``: capitalised, it is the country in this domain (lower-case ``turkey`` never matches)."""
    return True


def _rule_georgia(text: str, start: int, end: int) -> bool:
    """``Georgia``: the Caucasian country, unless written as the American state (``Georgia, U.S.A.``)."""
    return re.match(r",?\s*U\.?\s?S\.?", text[end : end + 8]) is None


_OTHER_WILSON = re.compile(r"(?:Henry|General|Sir|Field[-\s]Marshal|H\.)\s+$")


def _rule_wilson(text: str, start: int, end: int) -> bool:
    """``Wilson``: the President, except Sir Henry Wilson (a general) and other first-named Wilsons."""
    return _OTHER_WILSON.search(_before(text, start)) is None


def _rule_francis(text: str, start: int, end: int) -> bool:
    """``Francis``: Ambassador Francis, but not the first name in ``Francis Lindley``/``Sir Francis``."""
    if re.match(rf"{_HS}+[{_U}]\w", text[end : end + 4]):
        return False
    return re.search(r"(?:Sir|St\.|Saint)\s+$", _before(text, start)) is None


_THE_BEFORE = re.compile(r"(?:^|\W)(?:the|The|THE)\s+$")
_CAPITAL_NEXT = re.compile(rf"{_HS}+[{_U}]")


def _rule_region(text: str, start: int, end: int) -> bool:
    """``East``, ``West``, ``North``, ``South``: a region after ``the`` or capitalised mid-sentence.

    Directions are written in lower case; a capital inside a sentence marks the region
    ("the awakening and arising East"). Not before another capitalised word (``East
    Prussia`` is a name of its own) and not as the first word of a sentence.
    """
    if _CAPITAL_NEXT.match(text, end):
        return False
    before = _before(text, start)
    return bool(_THE_BEFORE.search(before)) or _SENTENCE_START.search(before[-12:]) is None


def _rule_baltic(text: str, start: int, end: int) -> bool:
    """``Baltic``: the sea/region ("from the Baltic to the Black Sea"), not the adjective ("Baltic provinces")."""
    following = re.match(r"\s+([a-z]+)", text[end : end + 30])
    return following is None or following.group(1) in _FUNCTION_WORDS


_US_BEFORE = re.compile(r"(?:United\s+States|American|U\.\s?S\.(?:\s?A\.)?|US|USA)\s+$")


def _rule_congress(text: str, start: int, end: int) -> bool:
    """``Congress`` alone: the U.S. Congress only after ``United States``/``American``; otherwise a meeting."""
    return _US_BEFORE.search(_before(text, start)) is not None


#: Words that are names only in context, keyed by the form as written; rule(text, start, end) -> keep?
CONTEXT_RULES: Mapping[str, Callable[[str, int, int], bool]] = {
    "Turkey": _rule_always,
    "Georgia": _rule_georgia,
    "Wilson": _rule_wilson,
    "Francis": _rule_francis,
    "East": _rule_region,
    "West": _rule_region,
    "North": _rule_region,
    "South": _rule_region,
    "Baltic": _rule_baltic,
    "Congress": _rule_congress,
    "Entente": _rule_always,
}
#: Names the recogniser knows even without a register entry (then cert="low", no ref).
FALLBACK_FORMS: Mapping[tuple[str, ...], str] = {
    ("East",): "place",
    ("West",): "place",
    ("North",): "place",
    ("South",): "place",
    ("Far", "East"): "place",
    ("Near", "East"): "place",
    ("Middle", "East"): "place",
    ("Baltic",): "place",
    ("Entente",): "org",
}

_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"’”)]*\s+|\n\s*)$")


_FOREIGN_ENDING = re.compile(
    r"(?:ov|ev|off|eff|ow|sky|ski|skii|enko|ko|vich|vitch|itch|in|yn|ine|ian|yan|idze|shvili|escu|oglu|"
    r"witz|stein|mann|berg|ek|ak|yi)$",
    re.IGNORECASE,
)


def _foreign_shape(word: str) -> bool:
    """A surname that cannot be an English word: non-ASCII letters or a Slavic/German ending."""
    return not word.isascii() or len(word) > 9 or _FOREIGN_ENDING.search(word) is not None


def _ambiguous_ok(text: str, start: int, end: int, caps: bool) -> bool:
    """A one-word name flagged ambiguous (``Root``, ``Price``, ``Semyonov``).

    Inside a sentence its capital is evidence enough. Where every word is capitalised
    (sentence start, title-case or all-caps headings) the capital proves nothing, so
    only a name that cannot be an ordinary English word is kept there.
    """
    word = text[start:end]
    if caps or _title_case_line(text, start, end) or _SENTENCE_START.search(_before(text, start, 12)):
        return _foreign_shape(word)
    return True


# --------------------------------------------------------------------------- the trie


class _Target(NamedTuple):
    ref: str | None
    tag: str
    skip: int  # leading title tokens of the form that are not part of the name
    ambiguous: bool
    form: str  # the form as written in the register, tokens joined by spaces


class _Node:
    """One trie node: next tokens, and what a form ending here names."""

    __slots__ = ("children", "targets")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.targets: tuple[_Target, ...] = ()


def _insert(root: _Node, key: tuple[str, ...], targets: Iterable[_Target]) -> None:
    node = root
    for token in key:
        node = node.children.setdefault(token, _Node())
    for target in targets:
        if target not in node.targets:
            node.targets = (*node.targets, target)


def _title_skip(key: tuple[str, ...]) -> int:
    """How many leading tokens of a person form are a title (``President Wilson`` -> 1)."""
    index = 0
    while index < len(key) and key[index] in TITLES:
        index += 1
        if index < len(key) and key[index] == ".":
            index += 1
    return index if index < len(key) else 0


def _excluded(key: tuple[str, ...]) -> bool:
    """Forms that must not be matched whatever the register says (see NOT_NAMES, NEVER_ALONE)."""
    if not key or not (key[0][0].isalnum()):
        return True
    if len(key) == 1:
        word = key[0]
        return len(word) < 2 or word in NEVER_ALONE or word.lower() in NOT_NAMES
    return False


@dataclass
class _Matcher:
    exact: _Node
    upper: _Node
    candidates: re.Pattern[str]
    forms: Mapping[tuple[str, ...], tuple[_Target, ...]]
    upper_forms: Mapping[tuple[str, ...], tuple[_Target, ...]]
    forenames: frozenset[str]


def _build(forms: Mapping[tuple[str, ...], tuple[FormTarget, ...]]) -> _Matcher:
    """Compile the register's forms (plus the fallbacks) into two token tries and a start regex."""
    exact, upper = _Node(), _Node()
    by_key: dict[tuple[str, ...], tuple[_Target, ...]] = {}
    upper_by_key: dict[tuple[str, ...], tuple[_Target, ...]] = {}
    for key, kind in FALLBACK_FORMS.items():
        if key not in forms:
            by_key[key] = (_Target(None, TAGS[kind], 0, False, " ".join(key)),)
    for key, form_targets in forms.items():
        if _excluded(key):
            continue
        by_key[key] = tuple(
            _Target(t.ref, TAGS[t.kind], _title_skip(key) if t.kind == "person" else 0, t.ambiguous, " ".join(key))
            for t in form_targets
            if t.kind in TAGS
        )
    lower_starts: set[str] = set()
    for key, targets in by_key.items():
        _insert(exact, key, targets)
        if not _UPPER_START.match(key[0]):
            lower_starts.add(key[0])
        upper_key = tuple(token.upper() for token in key)
        if upper_key != key:
            _insert(upper, upper_key, targets)
            upper_by_key[upper_key] = upper_by_key.get(upper_key, ()) + targets
    starts = rf"[{_U}]\w*"
    if lower_starts:
        alternation = "|".join(re.escape(word) for word in sorted(lower_starts, key=lambda w: (-len(w), w)))
        starts += rf"|(?:{alternation})(?!\w)"
    return _Matcher(exact, upper, re.compile(rf"(?<!\w)(?:{starts})"), by_key, upper_by_key, _forenames(by_key))


def _forenames(forms: Mapping[tuple[str, ...], tuple[_Target, ...]]) -> frozenset[str]:
    """First names of the register's persons (``Karl`` of ``Karl Radek``), to spot unknown persons.

    Left out: words that are names on their own (``Francis``), titles, and ordinary words.
    """
    found: set[str] = set()
    for key, targets in forms.items():
        if len(key) < 2 or key[1] == "." or not any(t.tag == "persName" for t in targets):
            continue
        first = key[0]
        if len(first) > 2 and first[0].isupper() and first[1:].islower():
            found.add(first)
    return frozenset(
        word
        for word in found
        if (word,) not in forms
        and word not in TITLES
        and word not in KEYWORDS
        and word not in _NOT_FORENAMES
        and not _is_stop(word)
        and word.lower() not in NOT_NAMES
    )


#: First words of register names that are ordinary words or places, not reliable first names.
_NOT_FORENAMES = frozenset(
    _words(
        """
        Big Sun Said Take Per Ago Mark Sultan Bill Washington Wellington Mir Grand Little Young Old Saint Holy
        Red White Black
        """
    )
)


_UPPER_START = re.compile(rf"[{_U}]")
_MATCHERS: weakref.WeakKeyDictionary[Register, _Matcher] = weakref.WeakKeyDictionary()

# --------------------------------------------------------------------------- compiled patterns

_NEXT_TOKEN = re.compile(r"\s*(\w+|[^\w\s])")
_CONTRACTION = re.compile(rf"[{_A}](?:t|ll|ve|re|d|m)(?!\w)")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"]+|www\.[^\s<>\"]+|[\w.+-]+@[\w-]+\.[\w.-]+")
#: A person's name as the first word of a cited work (``Lenin's Collected Works``, ``Lenin Miscellany``).
_WORKS = re.compile(rf"(?:[{_A}]s)?\s+(?:(?:(?:Collected|Selected|Complete)\s+)?Works|Miscellany)\b")
_SIGNED = re.compile(r"\((?:Signed|signed|Sgd\.?)\)|\b(?:Signed|Sgd\.)(?:\s+by)?\s*:?")
_SIGNED_SEP = re.compile(r"\s*(?:\([^()\n]{0,40}\))?\s*(?:,|\band\b|&)\s*")
_WORD = re.compile(r"[^\W\d_]+")
_INITIALS_BEFORE = re.compile(rf"(?<![\w.])(?:{_INITIAL}{_S0}){{1,3}}$")
#: A forename before initials (``Richard H. Ullman``, ``Vladimir I. Lenin``).
_FORENAME_BEFORE = re.compile(rf"(?<![\w.{_A}])(?P<word>[{_U}][a-z]+){_HS}+$")
_COMPASS_BEFORE = re.compile(r"(?<!\w)(?:Northern|Southern|Eastern|Western|Central|Upper|Lower)\s+$")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|into|through|towards|across|via|of)\s+$")
_TITLE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(re.escape(t) for t in TITLES))})\.?\s+$")


class _Grammar(NamedTuple):
    """The regexes of the pattern rules, in a running-text and an all-caps version."""

    left_sep: re.Pattern[str]
    left_word: re.Pattern[str]
    of_head: re.Pattern[str]
    chain_next: re.Pattern[str]
    modifier: re.Pattern[str]
    prefix_name: re.Pattern[str]


def _grammar(word: str, of: str, for_: str, and_: str, the: str) -> _Grammar:
    # A chain of words before a head word: plain spaces, or "Workers' and Peasants'" after an apostrophe.
    sep = rf"(?:(?<=[{_A}])(?:\s*,)?\s+{and_}{_HS}+|(?<=[{_A}]),{_HS}+|{_HS}+)"
    return _Grammar(
        left_sep=re.compile(sep),
        left_word=re.compile(word),
        of_head=re.compile(rf"{_S}(?:{of}|(?P<for>{for_})){_S}(?:{the}{_S})?(?={word})"),
        chain_next=re.compile(
            rf"(?:{_S}(?P<conn>{of}|{and_}){_S}(?:(?P<the>{the}){_S})?|(?P<comma>,){_S}(?:{and_}{_S})?|{_HS}+)"
            rf"(?P<word>{word})"
        ),
        modifier=re.compile(rf"{_HS}+(?P<word>{word})"),
        prefix_name=re.compile(rf"{_HS}+(?P<name>{word}(?:{_HS}+{word})?)"),
    )


_NORMAL = _grammar(_CAPP, "of", "for", "and", "the")
_TITLE_CASE = _grammar(_CAPP, "(?:of|Of)", "(?:for|For)", "(?:and|And)", "(?:the|The)")
_CAPS = _grammar(_CAPP_UP, "OF", "FOR", "AND", "THE")
_TITLE_STARTS = frozenset({title.split("-")[0] for title in TITLES} | {"Grand"})
_TITLE_AT = re.compile(
    r"(?:Commander-in-Chief|Field-Marshal|Consul-General|Vice-Admiral|Rear-Admiral|Lieutenant-General|"
    r"Major-General|Lieutenant-Colonel|Grand\s+Duke|(?:Mrs|Mlle|Mme|Mr|Ms|Dr)(?:\.|(?!\w))|M\.|"
    rf"(?:{'|'.join(sorted((t for t in TITLES if '-' not in t and t != 'M'), key=len, reverse=True))})(?!\w))"
)
_PERSON_AFTER = re.compile(
    rf"(?P<titles>(?:{_S}(?:{_TITLE_AT.pattern})){{0,3}})"
    rf"{_S}(?P<name>(?:{_PARTICLES}{_S})?{_NAMEWORD}(?:{_HS}+(?:{_PARTICLES}{_HS}+)?{_NAMEWORD}){{0,2}})"
)
_NAME_PART = re.compile(rf"(?:{_PARTICLES}{_S})?{_NAMEWORD}")
_INITIALS_NAME = re.compile(rf"(?P<initials>(?:{_INITIAL}{_S0}){{1,3}})(?P<name>{_NAMEWORD})")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.){3,}")
_SIGNED_NAME = re.compile(rf"{_HS}*(?:{_INITIAL}{_S0}){{0,3}}{_NAMEWORD}(?:{_HS}+{_NAMEWORD}){{0,2}}")
_FORENAME_NAME = re.compile(rf"{_HS}+(?:{_INITIAL}{_S0}){{0,2}}(?P<surname>{_NAMEWORD})")
_CITATION = re.compile(
    rf"^{_HS}*(?P<names>{_NAMEWORD}(?:{_HS}*(?:&|and){_HS}*{_NAMEWORD})*),{_HS}*[ivxlcdm]+\b[,.]",
    re.MULTILINE,
)
_CREDIT = re.compile(
    r"\b(?:Translated|Translation|Translator|Edited|Editor|Transcri(?:bed|ption)|HTML\s+Markup|Markup|"
    r"Proofread(?:ed|ing)?|Compiled|Introduction)\b[^:\n]{0,40}?(?:\s+by|:)\s+"
)
_CREDIT_PART = rf"(?:{_NAMEWORD}|[{_U}]\.)"
#: A credited person: two or three words; a line may break only after the first.
_CREDIT_NAME = re.compile(rf"{_CREDIT_PART}(?:{_HS}*\n?{_HS}*){_CREDIT_PART}(?:{_HS}+{_CREDIT_PART})?")
_CREDIT_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|&|and)\s*")
_MAJESTY = re.compile(r"(?:His|Her|HIS|HER)\s+$")


def _is_stop(word: str) -> bool:
    return word.lower() in STOP_WORDS


def _not_a_surname(word: str) -> bool:
    """Words that cannot be (the last part of) a person's name after a title, initials or first name."""
    return (
        _is_stop(word)
        or word.lower() in NOT_NAMES
        or word in KEYWORDS
        or word in TITLES
        or word in _BUILDING_WORDS
        or word.isupper()
    )


def _bad_possessive(word: str) -> bool:
    """``Kerensky's`` ends a name chain; ``People's`` and plural ``Workers'`` do not."""
    if len(word) > 2 and word[-2] in APOSTROPHES and word[-1] in "sS":
        return word[:-2] not in _POSSESSIVE_OK
    return False


def _is_adjective(word: str) -> bool:
    """A nationality adjective (``Ukrainian``, ``Finnish``): makes ``X Soviet`` adjectival."""
    lower = word.lower()
    return lower in NOT_NAMES or lower.endswith(("ian", "ean", "ish", "ese", "ic"))


def _trim_possessive(text: str, start: int, end: int) -> int:
    """End of a name without a trailing ``'s`` or plural ``'``."""
    if end - start > 3 and text[end - 2] in APOSTROPHES and text[end - 1] in "sS":
        return end - 2
    if end - start > 2 and text[end - 1] in APOSTROPHES:
        return end - 1
    return end


def _with_forename(text: str, start: int) -> int:
    """Start of ``Richard`` in ``Richard H. Ullman``: a capitalised forename just before initials."""
    found = _FORENAME_BEFORE.search(text, max(0, start - 24), start)
    if found is None:
        return start
    word = found.group("word")
    if _is_stop(word) or word.lower() in NOT_NAMES or word in TITLES or word in KEYWORDS:
        return start
    return found.start()


#: Words after ``of`` in one name at most ("of Soviets of Workers', Soldiers' and Peasants' Deputies" is 6).
_MAX_CHAIN = 12
#: What may stand beside a name on a signature line: initials, brackets, punctuation.
_SIGNATURE_REST = re.compile(rf"(?:\s|[{_U}]\.|[(),.;:\[\]]|\(Signed\)|\(signed\))*")
#: A chain word preceded by one of these is the tail of a longer token (``anti-Soviet``, ``U.S.``).
_NOT_BEFORE = frozenset("_.-‐‑‒–" + "".join(APOSTROPHES))
_DEPUTIES_AHEAD = re.compile(r"[^.;:\n]{0,60}\bDeputies\b")


def _noun_use(text: str, end: int) -> bool:
    """``the Ukrainian Soviet in Kharkov`` (a noun: punctuation or a function word follows)."""
    following = re.match(r"\s*([a-z]+)?", text[end : end + 30])
    word = following.group(1) if following else None
    return word is None or word in _FUNCTION_WORDS


def _title_case_line(text: str, start: int, end: int) -> bool:
    """True in a heading written in title case, where ``Of`` and ``The`` are capitalised too."""
    line_start = max(text.rfind("\n", max(0, start - 200), start) + 1, start - 200)
    line_end = text.find("\n", end, end + 200)
    words = _WORD.findall(text, line_start, line_end if line_end >= 0 else end + 200)
    if len(words) < 4:
        return False
    capital = sum(1 for word in words if word[0].isupper())
    return capital >= 0.8 * len(words) and any(word in ("Of", "The", "And", "To") for word in words)


def _caps_run(text: str, start: int, end: int) -> bool:
    """True when the span sits in a run of at least three all-caps words (a title line)."""
    count = 0
    for word in _WORD.findall(text, start, end):
        if not word.isupper():
            return False
        count += 1
    if count >= 3:
        return True
    for word in reversed(_WORD.findall(text, max(0, start - 80), start)):
        if not word.isupper():
            break
        count += 1
        if count >= 3:
            return True
    for word in _WORD.findall(text, end, end + 80):
        if not word.isupper():
            break
        count += 1
        if count >= 3:
            return True
    return False


class _Cand(NamedTuple):
    start: int
    end: int
    tag: str
    ref: str | None
    cert: str | None
    priority: int  # 0 register, 1 pattern: a register match wins a tie


class NameRecogniser:
    """Finds names in strings using a register; build once per register and reuse."""

    def __init__(self, register: Register) -> None:
        matcher = _MATCHERS.get(register)
        if matcher is None:
            matcher = _build(register.forms())
            _MATCHERS[register] = matcher
        self._m = matcher

    # ------------------------------------------------------------------ public

    def find(self, text: str) -> list[NameMatch]:
        """Names in ``text``, sorted and non-overlapping; never raises on a string."""
        if not text:
            return []
        cands: list[_Cand] = []
        m = self._m
        for found in m.candidates.finditer(text):
            start, end = found.span()
            token = found.group()
            hit = None
            node = m.exact.children.get(token)
            if node is not None:
                hit = self._register(text, start, end, node, caps=False)
            if hit is None and len(token) > 1 and token.isupper():
                node = m.upper.children.get(token)
                if node is not None:
                    hit = self._register(text, start, end, node, caps=True)
            if hit is not None:
                cands.append(hit)
            keyword = KEYWORDS.get(token)
            if keyword is not None:
                self._add(cands, text, self._keyword(text, start, end, keyword, token, _NORMAL), m.forms)
            elif len(token) > 1 and token.isupper():
                keyword = _KEYWORDS_UP.get(token)
                if keyword is not None and _caps_run(text, start, end):
                    self._add(cands, text, self._keyword(text, start, end, keyword, token, _CAPS), m.upper_forms)
            if token in _TITLE_STARTS:
                self._add(cands, text, self._titled(text, start), m.forms)
            if len(token) <= 2 and text[end : end + 1] == ".":
                self._add(cands, text, self._initials(text, start), m.forms)
            elif token in m.forenames:
                self._add(cands, text, self._forename(text, start, end), m.forms)
        if "," in text:
            for span in self._citations(text):
                self._add(cands, text, span, m.forms)
        if "igned" in text or "Sgd" in text:
            for span in self._signed(text):
                self._add(cands, text, span, m.forms)
        if ("by" in text or ":" in text) and _CREDIT.search(text):
            for span in self._credits(text):
                self._add(cands, text, span, m.forms)
        return self._resolve(text, cands)

    # ------------------------------------------------------------------ register

    def _walk(self, text: str, pos: int, node: _Node) -> list[tuple[int, _Node]]:
        """Every end at which a form starting with ``node``'s token ends, shortest first."""
        ends: list[tuple[int, _Node]] = []
        if node.targets:
            ends.append((pos, node))
        while True:
            step = _NEXT_TOKEN.match(text, pos)
            if step is None:
                break
            token = step.group(1)
            if token in DASHES:
                step = _NEXT_TOKEN.match(text, step.end())
                if step is None:
                    break
                token = step.group(1)
            child = node.children.get(normalise_token(token))
            if child is None:
                break
            node, pos = child, step.end()
            if node.targets:
                ends.append((pos, node))
        return ends

    def _register(self, text: str, start: int, end: int, node: _Node, *, caps: bool) -> _Cand | None:
        """The longest register form at ``start`` that its context allows."""
        for stop, found in reversed(self._walk(text, end, node)):
            if _CONTRACTION.match(text, stop):
                continue
            if caps and not (_caps_run(text, start, stop) or self._signature_line(text, start, stop, found)):
                continue
            targets = [t for t in found.targets if self._context_ok(t, text, start, stop, caps)]
            if not targets:
                continue
            target = self._pick(targets, text, start)
            begin = self._skip_tokens(text, start, target.skip) if target.skip else start
            ref = target.ref
            if target.tag == "persName":
                begin = self._with_initials(text, begin)
            elif target.tag == "placeName" and not caps:
                compass = _COMPASS_BEFORE.search(text, max(0, begin - 12), begin)
                if compass is not None:
                    begin, ref = compass.start(), None  # "Southern Germany" is a region, not Germany
            return _Cand(begin, stop, target.tag, ref, None if ref else "low", 0)
        return None

    @staticmethod
    def _signature_line(text: str, start: int, end: int, node: _Node) -> bool:
        """``G. CHICHERIN`` alone on its line: a signature, where persons are written in capitals."""
        if not any(t.tag == "persName" for t in node.targets):
            return False
        line_start = text.rfind("\n", max(0, start - 40), start) + 1
        line_end = text.find("\n", end, end + 40)
        if (line_start == 0 and start > 40) or (line_end < 0 and len(text) > end + 40):
            return False
        rest = text[line_start:start] + " " + text[end : line_end if line_end >= 0 else len(text)]
        return _SIGNATURE_REST.fullmatch(rest) is not None

    @staticmethod
    def _context_ok(target: _Target, text: str, start: int, end: int, caps: bool) -> bool:
        rule = CONTEXT_RULES.get(target.form)
        if rule is not None:
            return rule(text, start, end)
        if target.ambiguous and " " not in target.form:
            return _ambiguous_ok(text, start, end, caps)
        return True

    @staticmethod
    def _pick(targets: list[_Target], text: str, start: int) -> _Target:
        """One entry for a form that names several: a title says person, ``in``/``at`` say place."""
        if len(targets) == 1:
            return targets[0]
        before = _before(text, start)
        wanted = None
        if _TITLE_BEFORE.search(before):
            wanted = "persName"
        elif _LOCATIVE_BEFORE.search(before):
            wanted = "placeName"
        for target in targets:
            if target.tag == wanted:
                return target
        for target in targets:
            if not target.ambiguous:
                return target
        return targets[0]

    @staticmethod
    def _skip_tokens(text: str, start: int, count: int) -> int:
        """Offset of the token after ``count`` tokens from ``start`` (a title inside a register form)."""
        pos = start
        for _ in range(count):
            step = _NEXT_TOKEN.match(text, pos)
            if step is None:
                return start
            pos = step.end()
        step = _NEXT_TOKEN.match(text, pos)
        return step.start(1) if step is not None else start

    @staticmethod
    def _with_initials(text: str, start: int) -> int:
        """Start of a person's name including initials before it (``V. I. Lenin``) and a forename before
        those (``Vladimir I. Lenin``); ``M.`` alone is Monsieur, and ``L.I.A.`` an acronym."""
        found = _INITIALS_BEFORE.search(text, max(0, start - 24), start)
        if found is None:
            return start
        initials = found.group()
        if initials.strip() == "M." or _ACRONYM.match(initials):
            return start
        return _with_forename(text, found.start())

    def _starts_register(self, text: str, pos: int) -> str | None:
        """Tag of the longest register form starting at ``pos`` (context ignored), if any."""
        token = _NEXT_TOKEN.match(text, pos)
        if token is None:
            return None
        node = self._m.exact.children.get(token.group(1))
        if node is None:
            return None
        ends = self._walk(text, token.end(), node)
        return ends[-1][1].targets[0].tag if ends else None

    # ------------------------------------------------------------------ patterns

    def _add(
        self,
        cands: list[_Cand],
        text: str,
        span: tuple[int, int, str] | list[tuple[int, int, str]] | None,
        forms: Mapping[tuple[str, ...], tuple[_Target, ...]],
    ) -> None:
        """Add pattern spans; a surface the register knows gets its ref and no ``cert``."""
        if span is None:
            return
        for start, end, tag in span if isinstance(span, list) else [span]:
            if not 0 <= start < end <= len(text):
                continue
            known = forms.get(form_key(text[start:end]), ())
            targets = [t for t in known if self._context_ok(t, text, start, end, False)]
            if targets:
                target = self._pick(targets, text, start)
                if target.ref:
                    cands.append(_Cand(start, end, target.tag, target.ref, None, 1))
                    continue
            cands.append(_Cand(start, end, tag, None, "low", 1))

    def _keyword(
        self, text: str, start: int, end: int, keyword: _Keyword, token: str, grammar: _Grammar
    ) -> tuple[int, int, str] | None:
        """``X Committee``, ``Council of …``, ``the X Government``, ``Lake X`` … around a head word."""
        head = token.title()
        if keyword.prefix:
            after = grammar.prefix_name.match(text, end)
            name_end = None
            if after is not None:
                for word in grammar.left_word.finditer(text, after.start("name"), after.end("name")):
                    value = word.group()
                    if _is_stop(value) or value.lower() in NOT_NAMES or _bad_possessive(value):
                        break
                    name_end = word.end()
            if name_end is not None:
                return (start, _trim_possessive(text, start, name_end), keyword.tag)
        else:
            following = grammar.modifier.match(text, end)
            if following is not None and not _is_stop(following.group("word")):
                return None  # "Soviet Government", "Party Congress": the later head word decides
        if grammar is _NORMAL and _title_case_line(text, start, end):
            grammar = _TITLE_CASE  # "Government Of The German Reich" in a title-case heading
        right = self._of_chain(text, end, keyword, grammar, head) if keyword.of else None
        left = self._left_chain(text, start, keyword, grammar, head)
        if left is not None and right is None:
            words = grammar.left_word.findall(text, left, start)
            if keyword.left_needs_of:
                left = None
            elif head == "Soviet" and words and _is_adjective(words[-1]) and not _noun_use(text, end):
                left = None  # "the Ukrainian Soviet authorities": Soviet is an adjective here
            elif head == "Congress" and self._place_or_nationality(text[left:start].strip()):
                left = None  # "American Congress": the register's Congress rule decides
        if left is None and right is None:
            return None
        return (left if left is not None else start, right if right is not None else end, keyword.tag)

    def _left_chain(self, text: str, start: int, keyword: _Keyword, grammar: _Grammar, head: str) -> int | None:
        """Start of the capitalised words that belong before a head word, or None."""
        if not keyword.max_left:
            return None
        words = self._chain_before(text, start, grammar)
        if not words:
            return None
        kept: list[re.Match[str]] = []
        for index in range(len(words) - 1, -1, -1):
            value = words[index].group()
            if value == "AND" and kept and index > 0 and words[index - 1].group()[-1] in APOSTROPHES:
                continue  # "WORKERS' AND PEASANTS' GOVERNMENT"
            if _is_stop(value) or _bad_possessive(value):
                break
            if not keyword.adjectives and (value.lower() in NOT_NAMES or value.lower() in STOP_WORDS):
                break  # "the German Press", "the Great Powers": not names
            kept.append(words[index])
            if len(kept) >= keyword.max_left:
                break
        if len(kept) < keyword.min_left:
            return None
        if head == "Government" and all(w.group()[:-2] in _POSSESSIVE_OK for w in kept):
            return None  # "a People's Government" is a phrase, not a name
        begin = kept[-1].start()
        if head == "Government" and any(w.group().upper().startswith("MAJESTY") for w in kept):
            majesty = _MAJESTY.search(text, max(0, begin - 20), begin)
            if majesty is not None:
                begin = majesty.start()  # "His Britannic Majesty's Government"
        return begin

    @staticmethod
    def _chain_before(text: str, start: int, grammar: _Grammar) -> list[re.Match[str]]:
        """The capitalised words directly before ``start``, joined by spaces (or ``Workers' and``).

        Read backwards once over a short window: linear, whatever the text.
        """
        window = list(grammar.left_word.finditer(text, max(0, start - 160), start))
        chain: list[re.Match[str]] = []
        boundary = start
        for word in reversed(window):
            if grammar.left_sep.fullmatch(text, word.end(), boundary) is None:
                break
            if word.start() > 0 and (text[word.start() - 1].isalnum() or text[word.start() - 1] in _NOT_BEFORE):
                break
            chain.append(word)
            boundary = word.start()
        chain.reverse()
        return chain

    def _place_or_nationality(self, words: str) -> bool:
        """``American``, ``United States``: words that make ``X Congress`` the U.S. Congress."""
        if words.lower() in NOT_NAMES:
            return True
        return any(t.tag == "placeName" for t in self._m.forms.get(form_key(words), ()))

    def _of_chain(self, text: str, end: int, keyword: _Keyword, grammar: _Grammar, head: str) -> int | None:
        """End of ``of People's Commissars`` / ``of Workers', Soldiers' and Peasants' Deputies``, or None."""
        found = grammar.of_head.match(text, end)
        if found is None or (found.group("for") and not keyword.for_):
            return None
        first = grammar.left_word.match(text, found.end())
        if first is None or _is_stop(first.group()) or _bad_possessive(first.group()):
            return None
        if head == "Government" and self._starts_register(text, first.start()) == "persName":
            return None  # "the Government of Maximilian of Baden" describes; the person is the name
        last = first.end()
        previous = first.group()
        for _ in range(_MAX_CHAIN):
            step = grammar.chain_next.match(text, last)
            if step is None:
                break
            word = step.group("word")
            if _is_stop(word) or _bad_possessive(word) or word.title() in TITLES:
                break  # "… International and Comrade Zinoviev": a title starts something else
            conn = (step.group("conn") or "").lower()
            apostrophe = previous[-1] in APOSTROPHES
            if step.group("comma") and not (apostrophe or _DEPUTIES_AHEAD.match(text, step.start("word"))):
                break  # commas join only "Workers', Soldiers' and Peasants' Deputies"
            if (
                conn == "and"
                and not apostrophe
                and (step.group("the") or self._starts_register(text, step.start("word")) is not None)
            ):
                break  # "the Council of People's Commissars and the Central Committee": two names
            if not conn and self._starts_register(text, step.start("word")) == "persName":
                break
            last = step.end()
            previous = word
        return _trim_possessive(text, end, last)

    def _titled(self, text: str, start: int) -> tuple[int, int, str] | None:
        """``President Wilson`` -> ``Wilson``: a title and up to three capitalised words after it."""
        title = _TITLE_AT.match(text, start)
        if title is None:
            return None
        after = _PERSON_AFTER.match(text, title.end())
        if after is None:
            return None
        name_start = after.start("name")
        name_end = name_start
        for part in _NAME_PART.finditer(text, name_start, after.end("name")):
            word = part.group().split()[-1]
            lower = word.lower()
            if _not_a_surname(word) or lower in _AFTER_TITLE_STOP:
                break
            name_end = part.end()
        if name_end == name_start:
            return None
        return (name_start, name_end, "persName")

    def _initials(self, text: str, start: int) -> tuple[int, int, str] | None:
        """``L. Trotsky``, ``G. V. Chicherin``: initials and a surname (a lone ``M.`` is Monsieur)."""
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-"):
            return None
        found = _INITIALS_NAME.match(text, start)
        if found is None:
            return None
        initials = found.group("initials")
        if initials.strip() == "M." or _ACRONYM.match(initials):
            return None
        word = found.group("name")
        if _not_a_surname(word):
            return None
        if self._starts_register(text, found.start("name")) not in (None, "persName"):
            return None
        return (_with_forename(text, start), found.end(), "persName")

    def _forename(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        """``Karl Wiegand``: a first name the register knows, then a surname it does not."""
        found = _FORENAME_NAME.match(text, end)
        if found is None:
            return None
        word = found.group("surname")
        if _not_a_surname(word):
            return None
        if self._starts_register(text, found.start("surname")) not in (None, "persName"):
            return None
        return (start, found.end(), "persName")

    def _signed(self, text: str) -> list[tuple[int, int, str]]:
        """Signatories after ``(Signed)``: ``Trotsky, Medivediev, Bitzenko, … Karachan (Secretary)``."""
        spans: list[tuple[int, int, str]] = []
        for label in _SIGNED.finditer(text):
            pos = label.end()
            while True:
                name = _SIGNED_NAME.match(text, pos)
                if name is None:
                    break
                words = _WORD.findall(name.group())
                if any(_is_stop(w) or w.lower() in NOT_NAMES or w in KEYWORDS or w in TITLES for w in words):
                    break
                begin = name.start() + len(name.group()) - len(name.group().lstrip())
                if self._starts_register(text, begin) not in (None, "persName"):
                    break
                spans.append((begin, name.end(), "persName"))
                sep = _SIGNED_SEP.match(text, name.end())
                if sep is None:
                    break
                pos = sep.end()
        return spans

    def _citations(self, text: str) -> list[tuple[int, int, str]]:
        """Authors of a source line ``Kluchnikov & Sabanin, ii, p. 94``: persons."""
        spans: list[tuple[int, int, str]] = []
        for line in _CITATION.finditer(text):
            for part in re.finditer(_NAMEWORD, line.group("names")):
                word = part.group()
                if word == "and" or _is_stop(word) or word.lower() in NOT_NAMES:
                    continue
                offset = line.start("names") + part.start()
                if self._starts_register(text, offset) not in (None, "persName"):
                    continue
                spans.append((offset, offset + len(word), "persName"))
        return spans

    def _credits(self, text: str) -> list[tuple[int, int, str]]:
        """Translators, editors and transcribers of a source note (``Translated: Yuri Sdobnikov and …``)."""
        spans: list[tuple[int, int, str]] = []
        for label in _CREDIT.finditer(text):
            pos = label.end()
            while True:
                name = _CREDIT_NAME.match(text, pos)
                if name is None:
                    break
                words = name.group().split()
                if any(_is_stop(w) or w.lower() in NOT_NAMES or w in KEYWORDS for w in words):
                    break
                spans.append((name.start(), name.end(), "persName"))
                sep = _CREDIT_SEP.match(text, name.end())
                if sep is None or not sep.group().strip():
                    break
                pos = sep.end()
        return spans

    # ------------------------------------------------------------------ resolution

    def _resolve(self, text: str, cands: list[_Cand]) -> list[NameMatch]:
        """Longest first, register before pattern on a tie; drop overlaps, names in URLs and work titles."""
        blocked_starts: list[int] = []
        blocked_ends: list[int] = []
        if "://" in text or "www." in text or "@" in text:
            for url in _URL.finditer(text):
                blocked_starts.append(url.start())
                blocked_ends.append(url.end())
        chosen_starts: list[int] = []
        chosen: list[_Cand] = []
        for cand in sorted(cands, key=lambda c: (c.start - c.end, c.priority, c.start)):
            if cand.start >= cand.end:
                continue
            if blocked_starts:
                at = bisect.bisect_left(blocked_starts, cand.end) - 1  # last URL starting before the end
                if at >= 0 and blocked_ends[at] > cand.start:
                    continue
            index = bisect.bisect_left(chosen_starts, cand.start)
            if index < len(chosen) and chosen[index].start < cand.end:
                continue
            if index > 0 and chosen[index - 1].end > cand.start:
                continue
            if cand.tag == "persName" and _WORKS.match(text, cand.end):
                continue
            chosen_starts.insert(index, cand.start)
            chosen.insert(index, cand)
        return [NameMatch(c.start, c.end, c.tag, c.ref, c.cert) for c in chosen]
