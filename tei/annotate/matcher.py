"""Register matching: the register's written forms compiled into token tries, and the walk.

Why a trie of tokens: a name may wrap across lines, use curly or straight
apostrophes, hyphens or en dashes; comparing word tokens makes all that free,
and a word matches whole or not at all (``Russia`` never inside ``Russian``).
Scanning starts only at words that could begin a form (capitalised words and
the few lower-case starts), so its cost grows with the capitalised words, not
with the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from tei.annotate.context import context_ok
from tei.annotate.lexical import U
from tei.annotate.namegrammar import (
    ACRONYM,
    COMPASS_BEFORE,
    CONTRACTION,
    INITIALS_BEFORE,
    KEYWORDS,
    LOCATIVE_BEFORE,
    NEVER_ALONE,
    NEXT_TOKEN,
    NOT_NAMES,
    SIGNATURE_REST,
    TITLE_BEFORE,
    TITLES,
    UPPER_START,
    VOCAB,
    before,
    caps_run,
    is_stop,
    with_forename,
)
from tei.annotate.register import DASHES, FormTarget, form_key, normalise_token

TAGS = {"person": "persName", "place": "placeName", "org": "orgName"}


class Target(NamedTuple):
    """What a form ending at a trie node names."""

    ref: str | None
    tag: str
    skip: int  # leading title tokens of the form that are not part of the name
    ambiguous: bool
    form: str  # the form as written in the register, tokens joined by spaces
    start: str | None = None  # the period in which the form names this entry (ISO, open when None)
    end: str | None = None

    def current(self, when: str | None) -> bool:
        """Does the form name this entry at ``when`` (an ISO date; None: the date is unknown)?"""
        if when is None:
            return True
        if self.start is not None:
            size = min(len(when), len(self.start))  # a year alone is compared as a year
            if when[:size] < self.start[:size]:
                return False
        if self.end is not None:
            size = min(len(when), len(self.end))
            if when[:size] > self.end[:size]:
                return False
        return True


#: A trie node: next token -> node, and under the key ``TARGETS`` (never a token) what a form
#: ending here names. Plain nested dicts, so that the compiled register loads fast from the cache.
Node = dict[str, Any]
TARGETS = ""


def in_period(targets: tuple[Target, ...], when: str | None) -> tuple[Target, ...]:
    """The targets a form has at ``when``; without a date, those of no period, else the latest period's."""
    if not any(t.start or t.end for t in targets):
        return targets
    if when is not None:
        return tuple(t for t in targets if t.current(when))
    timeless = tuple(t for t in targets if not (t.start or t.end))
    if timeless:
        return timeless
    latest = max(t.start or "" for t in targets)
    return tuple(t for t in targets if (t.start or "") == latest)


def targets_of(node: Node) -> tuple[Target, ...]:
    """What the forms ending at ``node`` name (empty when none ends there)."""
    found: tuple[Target, ...] = node.get(TARGETS, ())
    return found


class Candidate(NamedTuple):
    """A possible name: a span, its tag, ref and certainty; a register match wins a tie."""

    start: int
    end: int
    tag: str
    ref: str | None
    cert: str | None
    priority: int  # 0 register, 1 pattern
    evidence: str = "register"


def _insert(root: Node, key: tuple[str, ...], targets: Iterable[Target]) -> None:
    node = root
    for token in key:
        node = node.setdefault(token, {})
    for target in targets:
        present = targets_of(node)
        if target not in present:
            node[TARGETS] = (*present, target)


def lookup(root: Node, key: tuple[str, ...]) -> tuple[Target, ...]:
    """The targets of exactly the form ``key`` in a trie."""
    node = root
    for token in key:
        child = node.get(token) if token else None
        if child is None:
            return ()
        node = child
    return targets_of(node)


def _title_skip(key: tuple[str, ...]) -> int:
    """How many leading tokens of a person form are a title (``President Wilson`` -> 1)."""
    index = 0
    while index < len(key) and key[index] in TITLES:
        index += 1
        if index < len(key) and key[index] == ".":
            index += 1
    return index if index < len(key) else 0


def _excluded(key: tuple[str, ...]) -> bool:
    """Forms that must not be matched whatever the register says (see not_names, never_alone)."""
    if not key or not (key[0][0].isalnum()):
        return True
    if len(key) == 1:
        word = key[0]
        return len(word) < 2 or word in NEVER_ALONE or word.lower() in NOT_NAMES
    return False


@dataclass
class Tries:
    """The compiled register: plain data, so that it can be cached between runs."""

    exact: Node
    upper: Node | Callable[[], Node]  # the same forms in capitals; a loader when cached (needed rarely)
    starts: str  # the regex of words where a form may start
    forenames: frozenset[str]
    upper_firsts: frozenset[str]  # first tokens of the capitals trie
    #: surname -> (ref, first letter of a forename) of register persons, to link ``E. Grey``
    initials: dict[str, tuple[tuple[str, str], ...]]


def build_tries(forms: Mapping[tuple[str, ...], tuple[FormTarget, ...]]) -> Tries:
    """Compile the register's forms (plus the fallbacks) into two token tries and a start regex."""
    exact: Node = {}
    upper: Node = {}
    by_key: dict[tuple[str, ...], tuple[Target, ...]] = {}
    for written, tag in VOCAB.fallback_forms.items():
        key = form_key(written)
        if key not in forms:
            by_key[key] = (Target(None, tag, 0, False, " ".join(key)),)
    for key, form_targets in forms.items():
        if _excluded(key):
            continue
        by_key[key] = tuple(
            Target(
                t.ref,
                TAGS[t.kind],
                _title_skip(key) if t.kind == "person" else 0,
                t.ambiguous,
                " ".join(key),
                t.start,
                t.end,
            )
            for t in form_targets
            if t.kind in TAGS
        )
    lower_starts: set[str] = set()
    for key, targets in by_key.items():
        _insert(exact, key, targets)
        if not UPPER_START.match(key[0]):
            lower_starts.add(key[0])
        upper_key = tuple(token.upper() for token in key)
        if upper_key != key:
            _insert(upper, upper_key, targets)
    starts = rf"[{U}]\w*"
    if lower_starts:
        alternation = "|".join(re.escape(word) for word in sorted(lower_starts, key=lambda w: (-len(w), w)))
        starts += rf"|(?:{alternation})(?!\w)"
    return Tries(exact, upper, rf"(?<!\w)(?:{starts})", _forenames(by_key), frozenset(upper), _initials(by_key))


def _initials(forms: Mapping[tuple[str, ...], tuple[Target, ...]]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Register persons by surname with the initial of each forename form (``Edward Grey`` -> E)."""
    found: dict[str, set[tuple[str, str]]] = {}
    for key, targets in forms.items():
        words = [token for token in key if token != "."]
        if len(words) < 2 or not words[0][:1].isupper() or not words[-1][:1].isupper():
            continue
        for target in targets:
            if target.tag == "persName" and target.ref:
                found.setdefault(words[-1], set()).add((target.ref, words[0][0]))
    return {surname: tuple(sorted(pairs)) for surname, pairs in found.items()}


def _forenames(forms: Mapping[tuple[str, ...], tuple[Target, ...]]) -> frozenset[str]:
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
        and word not in VOCAB.not_forenames
        and not is_stop(word)
        and word.lower() not in NOT_NAMES
    )


_WORD_AFTER = re.compile(r"[ \t\u00a0]+([a-z][a-z-]*)")


def maker_of_goods(text: str, start: int, end: int) -> bool:
    """A name before goods (``40 Baldwin locomotives``, ``Remington rifles``) is a maker's."""
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1) in VOCAB.goods


class RegisterMatcher:
    """Finds register forms in a string; built once per register (see ``tei.annotate.cache``)."""

    def __init__(self, tries: Tries) -> None:
        self.tries = tries
        self.exact = tries.exact
        self._upper = tries.upper
        #: First names that may start an unknown person: the register's and the given-name lexicon.
        self.forenames = tries.forenames | VOCAB.given_names
        self.upper_firsts = tries.upper_firsts
        self.initials = tries.initials
        self.candidates = re.compile(tries.starts)

    @property
    def upper(self) -> Node:
        """The trie of forms in capitals (``RUSSIA``), loaded on first use."""
        if callable(self._upper):
            self._upper = self._upper()
        return self._upper

    def walk(self, text: str, pos: int, node: Node) -> list[tuple[int, Node]]:
        """Every end at which a form starting with ``node``'s token ends, shortest first."""
        ends: list[tuple[int, Node]] = []
        if TARGETS in node:
            ends.append((pos, node))
        while True:
            step = NEXT_TOKEN.match(text, pos)
            if step is None:
                break
            token = step.group(1)
            if token in DASHES:
                step = NEXT_TOKEN.match(text, step.end())
                if step is None:
                    break
                token = step.group(1)
            child = node.get(normalise_token(token))
            if child is None:
                break
            node, pos = child, step.end()
            if TARGETS in node:
                ends.append((pos, node))
        return ends

    def match_at(
        self, text: str, start: int, end: int, node: Node, *, caps: bool, when: str | None = None
    ) -> Candidate | None:
        """The longest register form at ``start`` (whose first token ends at ``end``) that its context allows.

        ``when`` (the document's ISO date) picks among entries a form names in different periods
        ("Russian Government": the Provisional Government until 7 November 1917, the Soviet one after).
        """
        for stop, found in reversed(self.walk(text, end, node)):
            if CONTRACTION.match(text, stop):
                continue
            if caps and not (caps_run(text, start, stop) or self.signature_line(text, start, stop, found)):
                continue
            targets = [
                t
                for t in in_period(targets_of(found), when)
                if context_ok(t.form, t.ambiguous, text, start, stop, caps)
            ]
            if targets and all(t.tag == "persName" for t in targets) and maker_of_goods(text, start, stop):
                continue  # "40 Baldwin locomotives": a maker's name, not the person
            if not targets:
                continue
            target = self.pick(targets, text, start)
            begin = self.skip_tokens(text, start, target.skip) if target.skip else start
            ref = target.ref
            if target.tag == "persName":
                initialled = self.with_initials(text, begin)
                fits = ref is None or self._initial_fits(text[initialled], ref, target.form)
                if initialled < begin and not fits:
                    ref = None  # "J. Wilson" is not Woodrow Wilson: a person, but not that entry
                begin = initialled
            elif target.tag == "placeName" and not caps:
                compass = COMPASS_BEFORE.search(text, max(0, begin - 12), begin)
                if compass is not None:
                    begin, ref = compass.start(), None  # "Southern Germany" is a region, not Germany
            return Candidate(begin, stop, target.tag, ref, None if ref else "low", 0)
        return None

    def _initial_fits(self, initial: str, ref: str, form: str) -> bool:
        """Does an initial before a register surname fit the entry's forenames (unknown: yes)?"""
        letters = {letter for known, letter in self.initials.get(form.split()[-1], ()) if known == ref}
        return not letters or initial in letters

    def by_initial(self, initial: str, surname: str) -> str | None:
        """The one register person with this surname whose forename starts with ``initial``."""
        refs = {ref for ref, letter in self.initials.get(surname, ()) if letter == initial}
        return refs.pop() if len(refs) == 1 else None

    def starts_register(self, text: str, pos: int) -> str | None:
        """Tag of the longest register form starting at ``pos`` (context ignored), if any."""
        token = NEXT_TOKEN.match(text, pos)
        if token is None:
            return None
        node = self.exact.get(token.group(1))
        if node is None:
            return None
        ends = self.walk(text, token.end(), node)
        return targets_of(ends[-1][1])[0].tag if ends else None

    def known(self, text: str, start: int, end: int, caps: bool = False, when: str | None = None) -> list[Target]:
        """The register targets of exactly ``text[start:end]`` that its context (and period) allows."""
        known = in_period(lookup(self.upper if caps else self.exact, form_key(text[start:end])), when)
        return [t for t in known if context_ok(t.form, t.ambiguous, text, start, end, False)]

    @staticmethod
    def signature_line(text: str, start: int, end: int, node: Node) -> bool:
        """``G. CHICHERIN`` alone on its line: a signature, where persons are written in capitals."""
        if not any(t.tag == "persName" for t in targets_of(node)):
            return False
        line_start = text.rfind("\n", max(0, start - 40), start) + 1
        line_end = text.find("\n", end, end + 40)
        if (line_start == 0 and start > 40) or (line_end < 0 and len(text) > end + 40):
            return False
        rest = text[line_start:start] + " " + text[end : line_end if line_end >= 0 else len(text)]
        return SIGNATURE_REST.fullmatch(rest) is not None

    @staticmethod
    def pick(targets: list[Target], text: str, start: int) -> Target:
        """One entry for a form that names several: a title says person, ``in``/``at`` say place."""
        if len(targets) == 1:
            return targets[0]
        window = before(text, start)
        wanted = None
        if TITLE_BEFORE.search(window):
            wanted = "persName"
        elif LOCATIVE_BEFORE.search(window):
            wanted = "placeName"
        for target in targets:
            if target.tag == wanted:
                return target
        for target in targets:
            if not target.ambiguous:
                return target
        return targets[0]

    @staticmethod
    def skip_tokens(text: str, start: int, count: int) -> int:
        """Offset of the token after ``count`` tokens from ``start`` (a title inside a register form)."""
        pos = start
        for _ in range(count):
            step = NEXT_TOKEN.match(text, pos)
            if step is None:
                return start
            pos = step.end()
        step = NEXT_TOKEN.match(text, pos)
        return step.start(1) if step is not None else start

    @staticmethod
    def with_initials(text: str, start: int) -> int:
        """Start of a person's name including initials before it (``V. I. Lenin``) and a forename before
        those (``Vladimir I. Lenin``); ``M.`` alone is Monsieur, and ``L.I.A.`` an acronym."""
        found = INITIALS_BEFORE.search(text, max(0, start - 24), start)
        if found is None:
            return start
        initials = found.group()
        if initials.strip() == "M." or ACRONYM.match(initials):
            return start
        return with_forename(text, found.start())
