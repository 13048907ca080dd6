"""Persons the register does not know: evidence from the document's structure, and coreference.

Why at the level of the document: a correspondent is usually named once with
what makes him a person — in the heading's parentheses (``The Consul at
Beirut (Knabenshue) to the Secretary of State``), in the signature, after a
title (``Colonel Logan``), with a first name (``Clarence Dillon``) or initials
(``J. C. Grew``) — and then by the surname alone. The surname alone proves
nothing by itself; the earlier evidence in the same document does.

Each such person gets a document-local entry for the ``standOff``: an
``xml:id`` of its own (``local-…``), every form seen, the role the heading
gives, and ``@cert`` for how sure the evidence is. No authority identifier is
ever invented for them.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from lxml import etree

from tei.annotate.lexical import HS, S0, LazyPattern, U
from tei.annotate.matcher import lookup
from tei.annotate.namegrammar import (
    INITIAL,
    NAME_SUFFIX,
    NAMEWORD,
    NOT_NAMES,
    STOP_WORDS,
    TITLES,
    VOCAB,
    WORKS,
    foreign_shape,
    sentence_start,
    title_case_line,
)
from tei.annotate.names import NameMatch, register_matcher
from tei.annotate.register import Register
from tei.ns import E, xml

#: How sure each kind of evidence makes the toolkit that a name is a person.
CERT_OF = {
    "heading": "high",
    "signature": "high",
    "title": "medium",
    "forename": "medium",
    "initials": "medium",
    "signed-label": "medium",
    "citation": "medium",
    "credit": "medium",
    "coreference": "medium",
    "verb": "low",
    "coordination": "low",
    "shape": "low",
    "relay": "low",
    "appositive": "low",
    "postposed": "low",
}
_RANK = {"low": 0, "medium": 1, "high": 2}
#: The evidence as the standOff note says it.
_SAID = {
    "heading": "named in the heading after an office",
    "signature": "the signature",
    "title": "a title before the name",
    "forename": "a first name",
    "initials": "initials",
    "signed-label": "a list of signatories",
    "citation": "the authors of a citation",
    "credit": "the credits of a source note",
    "coreference": "the surname repeated",
    "verb": "the subject of a verb of saying",
    "coordination": "named beside a person",
    "shape": "a surname by its form (Mc-, Mac-, O')",
    "relay": "the author of a relayed message",
    "appositive": "an office after the name",
    "postposed": "a title after the name",
}
_PARTICLE = rf"(?:{'|'.join(re.escape(p) for p in VOCAB.particles)})"
#: A person's name as a whole: initials, particles, capitalised words, a suffix.
_NAME_SHAPE = (
    rf"(?:{INITIAL}{S0}){{0,3}}(?:{_PARTICLE}{HS}+)?{NAMEWORD}"
    rf"(?:{HS}+(?:{_PARTICLE}{HS}+)?(?:{INITIAL}|{NAMEWORD})){{0,3}}"
)
#: ``(Knabenshue)`` after an office: the holder's name.
_PAREN_NAME = LazyPattern(rf"\((?P<name>{_NAME_SHAPE})(?:{NAME_SUFFIX.pattern})?\)")
_OFFICE = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in sorted(VOCAB.offices, key=len, reverse=True))})")
#: Where the office phrase before the parenthesis starts ("… to the Minister in X (").
_ROLE_START = re.compile(r"(?:^|\b(?:to|by|from|and)\s+the\s+|^[ \t]*[Tt]he\s+)(?=[A-Z])")
#: A signature line: a name, perhaps in the editor's brackets, perhaps with a suffix.
_SIGNATURE = LazyPattern(rf"^\s*\[?\s*(?P<name>{_NAME_SHAPE}(?:{NAME_SUFFIX.pattern})?)\s*\]?\s*[.,]?\s*$")
_WORD_TOKEN = re.compile(rf"[{U}][\w'’-]*")
#: A capitalised word standing alone (not inside a chain of capitalised words).
_LONE_WORD = LazyPattern(rf"(?<![\w'’.-])(?<![{U}][\w'’-] )(?P<w>[{U}][a-zà-ÿ][\w'’-]*)(?![\w'’-])(?![ \t]+[{U}])")
#: A sentence or line begins here (a semicolon does not begin one: a capital after it is a name's).
_SENTENCE_START = re.compile(r"(?:^|[.!?:]['\"’”)]*\s+|\n\s*)$")
#: Surnames by their shape alone: McCall, MacManus, O'Grady.
_SHAPED = LazyPattern(rf"(?<![\w'’.-])(?:Mc|Mac|O['’])[{U}][a-z]")
#: "[From House.]", "Following from Keeley:": a relayed telegram's author.
_RELAY = LazyPattern(rf"(?:^|\n|\[)[ \t]*(?:[Ff]ollowing[ \t]+)?[Ff]rom[ \t]+(?P<w>[{U}][\w'’-]+)(?=[.:\]])")
#: A capitalised word and the lower-case word after it (is that a verb of saying?).
_CAPITAL_THEN_WORD = re.compile(rf"[{U}][\w'’-]*[ \t]+(?P<v>[a-z]+)\b")
_WORD_BEFORE = re.compile(rf"(?P<w>[{U}][\w'’-]*)[ \t]*$")
_WORD_AFTER = re.compile(rf"(?P<w>[{U}][\w'’-]*)")
_AND = re.compile(r"[ \t]and[ \t]+")
_OFFICE_AFTER_COMMA = LazyPattern(rf",{HS}+(?:[{U}][\w-]+{HS}+){{0,2}}(?P<office>[{U}][\w-]+)(?![\w-])")
_NAME_BEFORE_COMMA = LazyPattern(rf"(?<![\w'’.-])(?P<name>{NAMEWORD}(?:{HS}+{NAMEWORD}){{1,2}})$")
_POSTPOSED = LazyPattern(
    rf"(?<![\w'’.-])(?P<first>[{U}][\w'’-]+){HS}+(?:{'|'.join(VOCAB.postposed_titles)})(?![\w-])"
    rf"(?:{HS}+(?:el|al|ed|es|ul){HS}+(?P<last>[{U}][\w'’-]+))?"
)
_AND_BEFORE = re.compile(r"(?P<left>(?P<pronoun>\b\w+)|\S+)[ \t]+and[ \t]+$")
_AND_AFTER = re.compile(r"[ \t]+and[ \t]+(?P<right>(?P<pronoun>\w+))")


def _fold(text: str) -> str:
    """A comparison key: case and accents dropped (``Beneš`` = ``Benes``)."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@functools.lru_cache(maxsize=4096)
def surname_of(name: str) -> str:
    """The surname of a written name: its last capitalised word, without a suffix or possessive."""
    bare = NAME_SUFFIX.sub("", name).strip(" ,.[]")
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", bare) if w[0].isupper() and len(w) > 1]
    return words[-1].rstrip("'’") if words else bare


def _is_name_word(word: str) -> bool:
    return not (
        word.lower() in STOP_WORDS
        or word.lower() in NOT_NAMES
        or word.lower() in VOCAB.after_title_stop
        or word in VOCAB.publications
        or word in TITLES
        or word in VOCAB.offices
        or word in VOCAB.keywords
        or word in VOCAB.building_words
    )


@dataclass
class LocalPerson:
    """A person of this document whom the register does not know."""

    id: str
    forms: list[str] = field(default_factory=list)
    role: str | None = None
    cert: str = "low"
    evidence: list[str] = field(default_factory=list)

    def add(self, form: str, evidence: str, role: str | None = None) -> None:
        if form not in self.forms:
            self.forms.append(form)
        if evidence not in self.evidence:
            self.evidence.append(evidence)
        if role and not self.role:
            self.role = role
        cert = CERT_OF.get(evidence, "low")
        if _RANK[cert] > _RANK[self.cert]:
            self.cert = cert

    def element(self) -> etree._Element:
        """The standOff entry: forms (the longest as standard), the role, the evidence."""
        person = E("person")
        person.set(xml("id"), self.id)
        person.set("cert", self.cert)
        ordered = sorted(self.forms, key=lambda f: (-len(f), self.forms.index(f)))
        for index, form in enumerate(ordered):
            person.append(E("persName", form, type="standard" if index == 0 else "variant"))
        if self.role:
            person.append(E("occupation", self.role))
        said = "; ".join(_SAID.get(kind, kind) for kind in self.evidence)
        person.append(E("note", f"Not in the register. Evidence in this document: {said}.", type="evidence"))
        return person


class DocumentPersons:
    """The persons of one document: structural evidence, register links, coreference, local entries."""

    def __init__(self, register: Register) -> None:
        self._register = register
        self._matcher = register_matcher(register)
        self._local: dict[str, LocalPerson] = {}  # folded surname -> person
        self._register_surnames: dict[str, set[str]] = {}  # folded surname -> register ids
        self._taken_ids = set(register.entries)
        self._surnames: set[str] = set()
        self._surnames_for: tuple[int, int] = (-1, -1)

    # ------------------------------------------------------------------ evidence

    def heading_persons(self, text: str) -> list[NameMatch]:
        """Names in parentheses right after an office (``The Minister in X (Einstein)``)."""
        found: list[NameMatch] = []
        for paren in _PAREN_NAME.finditer(text):
            line_start = text.rfind("\n", 0, paren.start()) + 1
            before = text[max(line_start, paren.start() - 160) : paren.start()]
            if "(" in before or ")" in before or not _OFFICE.search(before):
                continue
            name = paren.group("name")
            if not all(_is_name_word(w) for w in _WORD_TOKEN.findall(name)):
                continue
            role = self._role(before)
            end = paren.end() - 1
            found.append(NameMatch(paren.start("name"), end, "persName", None, "high", "heading", role))
        return found

    @staticmethod
    def _role(before: str) -> str | None:
        """The office phrase before a parenthesis: ``Consul at Beirut``."""
        starts = list(_ROLE_START.finditer(before))
        if not starts:
            return None
        role = " ".join(before[starts[-1].end() :].split()).strip(" ,")
        return role or None

    def signature(self, text: str) -> list[NameMatch]:
        """The whole of a signature line as one person (``R. C. Patterson, Jr.``, ``[Woodrow Wilson]``)."""
        for line in re.finditer(r"[^\n]+", text):
            found = _SIGNATURE.match(line.group())
            if found is None:
                continue
            words = _WORD_TOKEN.findall(found.group("name"))
            if not words or not all(_is_name_word(w) for w in words):
                continue
            start = line.start() + found.start("name")
            end = line.start() + found.end("name")
            return [NameMatch(start, end, "persName", None, "high", "signature")]
        return []

    def by_context(self, text: str, matches: list[NameMatch]) -> list[NameMatch]:
        """Unclaimed capitalised words that the sentence makes persons.

        ``Keeley reports that …`` (the subject of a verb of saying, see ``person_verbs``)
        and ``you and Keeley``, ``Reading and Wiseman`` (beside a pronoun or a person
        already found). A word the register knows as a person gets its entry.
        """
        occupied = sorted((m.start, m.end) for m in matches)
        persons = [(m.start, m.end) for m in matches if m.tag == "persName"]
        found: list[NameMatch] = []
        seen: set[int] = set()
        for start, evidence in self._triggers(text, persons):
            if start in seen:
                continue
            word = _LONE_WORD.match(text, start)
            if word is None:
                continue
            surface = word.group("w")
            end = word.end("w")
            if len(surface) < 3 or surface in VOCAB.given_names or not _is_name_word(surface):
                continue
            if len(surface) > 5 and surface.lower().endswith(("ed", "ing", "ly")):
                continue  # "Detailed reports": a participle or adverb opening a sentence
            if self._inside(occupied, start, end):
                continue
            seen.add(start)
            ref = self._register_person(surface)
            found.append(NameMatch(start, end, "persName", ref, None if ref else "low", evidence))
        found.extend(self._appositions(text, occupied))
        found.extend(self._postposed(text, occupied))
        return found

    def _triggers(self, text: str, persons: list[tuple[int, int]]) -> list[tuple[int, str]]:
        """Starts of capitalised words that some evidence points at, and the evidence.

        Found from the evidence, not from every capitalised word: a text has few verbs of
        saying, few "and"s beside a person, few relayed messages.
        """
        found: list[tuple[int, str]] = []
        for pair in _CAPITAL_THEN_WORD.finditer(text):
            if pair.group("v") in VOCAB.person_verbs:
                found.append((pair.start(), "verb"))
        if " and " in text:
            for conj in _AND.finditer(text):
                before = _WORD_BEFORE.search(text, max(0, conj.start() - 40), conj.start())
                after = _WORD_AFTER.match(text, conj.end())
                if after is not None and self._coordinated(text, after.start("w"), after.end("w"), persons):
                    found.append((after.start("w"), "coordination"))
                if before is not None and self._coordinated(text, before.start("w"), before.end("w"), persons):
                    found.append((before.start("w"), "coordination"))
        if "Mc" in text or "Mac" in text or "O'" in text or "O’" in text:
            found.extend((shape.start(), "shape") for shape in _SHAPED.finditer(text))
        if "rom " in text:
            found.extend((relay.start("w"), "relay") for relay in _RELAY.finditer(text))
        return sorted(found)

    def _appositions(self, text: str, occupied: list[tuple[int, int]]) -> list[NameMatch]:
        """``Leland Harrison, Diplomatic Secretary``: a name followed by the office its bearer holds."""
        found = []
        for office in _OFFICE_AFTER_COMMA.finditer(text):
            if office.group("office") not in VOCAB.offices:
                continue
            match = _NAME_BEFORE_COMMA.search(text, max(0, office.start() - 80), office.start())
            if match is None:
                continue
            start, end = match.span("name")
            words = _WORD_TOKEN.findall(match.group("name"))
            if self._inside(occupied, start, end) or not all(_is_name_word(w) for w in words):
                continue
            found.append(NameMatch(start, end, "persName", None, "low", "appositive"))
        return found

    def _postposed(self, text: str, occupied: list[tuple[int, int]]) -> list[NameMatch]:
        """``Djemal Pasha`` (the name before the title), ``Nassib Bey el Bakri`` (a title inside the name)."""
        found: list[NameMatch] = []
        if not any(title in text for title in VOCAB.postposed_titles):
            return found
        for match in _POSTPOSED.finditer(text):
            end = match.end("last") if match.group("last") else match.end("first")
            start = match.start("first")
            if self._inside(occupied, start, end) or not _is_name_word(match.group("first")):
                continue
            found.append(NameMatch(start, end, "persName", None, "low", "postposed"))
        return found

    def _register_person(self, word: str) -> str | None:
        targets = [t for t in lookup(self._matcher.exact, (word,)) if t.tag == "persName" and t.ref]
        return targets[0].ref if len(targets) == 1 else None

    @staticmethod
    def _coordinated(text: str, start: int, end: int, persons: list[tuple[int, int]]) -> bool:
        before = _AND_BEFORE.search(text, max(0, start - 40), start)
        if before is not None:
            if before.group("pronoun") in VOCAB.person_pronouns:
                return True
            if any(e == before.start("left") + len(before.group("left")) for _, e in persons):
                return True
        after = _AND_AFTER.match(text, end)
        if after is not None:
            if after.group("pronoun") in VOCAB.person_pronouns:
                return True
            if any(s == after.start("right") for s, _ in persons):
                return True
        return False

    # ------------------------------------------------------------------ the document's persons

    def learn(self, text: str, matches: list[NameMatch]) -> None:
        """Record the persons among ``matches``: register persons by surname, the others as local persons."""
        for match in matches:
            if match.tag != "persName":
                continue
            form = text[match.start : match.end]
            key = _fold(surname_of(form))
            if not key:
                continue
            if match.ref is not None:
                self._register_surnames.setdefault(key, set()).add(match.ref)
                continue
            person = self._local.get(key)
            if person is None:
                person = self._local[key] = LocalPerson(self._new_id(surname_of(form)))
            person.add(" ".join(form.split()), match.evidence or "pattern", match.role)

    def _new_id(self, surname: str) -> str:
        base = "local-" + (re.sub(r"[^a-z0-9]+", "-", _fold(surname)).strip("-") or "person")
        ident, number = base, 2
        while ident in self._taken_ids:
            ident, number = f"{base}-{number}", number + 1
        self._taken_ids.add(ident)
        return ident

    def resolve(self, text: str, match: NameMatch) -> NameMatch:
        """A person match with its ref: the register's, or the local person's (with the evidence's cert)."""
        if match.tag != "persName" or match.ref is not None:
            return match
        key = _fold(surname_of(text[match.start : match.end]))
        registered = self._register_surnames.get(key, set())
        if len(registered) == 1 and key not in self._local:
            return NameMatch(match.start, match.end, "persName", next(iter(registered)), None, match.evidence)
        person = self._local.get(key)
        if person is None:
            return match
        cert = CERT_OF.get(match.evidence or "", "low")
        return NameMatch(match.start, match.end, "persName", person.id, cert, match.evidence)

    def coreference(self, text: str, taken: list[tuple[int, int]]) -> list[NameMatch]:
        """Bare surnames of this document's persons that nothing else has claimed.

        A capitalised word standing alone (no capitalised neighbour that would make it
        part of another name, not ``X of Y``); at the start of a sentence or in a
        title-case line only a surname that cannot be an English word.
        """
        surnames = self._document_surnames()
        if not surnames:
            return []
        found: list[NameMatch] = []
        occupied = sorted(taken)
        for word in _WORD_TOKEN.finditer(text):
            bare = word.group()
            if bare.endswith(("'s", "’s")):
                bare = bare[:-2]
            elif bare.endswith(("'", "’")):
                bare = bare[:-1]
            key = _fold(bare)
            if key not in surnames:
                continue
            start, end = word.start(), word.start() + len(bare)
            if self._inside(occupied, start, end) or not self._alone(text, start, end):
                continue
            if not foreign_shape(bare) and (
                _SENTENCE_START.search(text, max(0, start - 12), start) is not None
                or title_case_line(text, start, end)
            ):
                continue
            person = self._local.get(key)
            if person is not None:
                found.append(NameMatch(start, end, "persName", person.id, "medium", "coreference"))
            else:
                ref = next(iter(self._register_surnames[key]))
                found.append(NameMatch(start, end, "persName", ref, None, "coreference"))
        return found

    def _document_surnames(self) -> set[str]:
        """The folded surnames a bare word may refer to (computed once the evidence is in)."""
        state = (len(self._local), len(self._register_surnames))
        if self._surnames_for != state:
            self._surnames = set(self._local) | {k for k, refs in self._register_surnames.items() if len(refs) == 1}
            self._surnames_for = state
        return self._surnames

    @staticmethod
    def _inside(occupied: list[tuple[int, int]], start: int, end: int) -> bool:
        """Does ``start:end`` overlap a span of ``occupied`` (sorted by start)?"""
        index = bisect.bisect_left(occupied, (end,))
        return any(s < end and start < e for s, e in occupied[max(0, index - 8) : index])

    @staticmethod
    def _alone(text: str, start: int, end: int) -> bool:
        """No capitalised word right before or after (``White House``, ``House Committee``), no ``of X``."""
        before = re.search(r"([\w'’.-]+)[ \t]+$", text[max(0, start - 40) : start])
        if before is not None and before.group(1)[0].isupper() and not sentence_start(text, start):
            word = before.group(1).rstrip(".")
            if word not in TITLES and word not in VOCAB.title_abbreviations:
                return False
        if WORKS.match(text, end):
            return False  # "Lenin's Collected Works": the title of a work
        after = re.match(r"(?:['’]s)?[ \t]+(of[ \t]+)?([\w'’-]+)", text[end : end + 40])
        return after is None or not after.group(2)[0].isupper()

    def entries(self, referred: set[str]) -> list[etree._Element]:
        """Local entries for the standOff, in order of first mention, of those the text refers to."""
        return [person.element() for person in self._local.values() if person.id in referred]
