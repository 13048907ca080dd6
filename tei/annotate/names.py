"""Find names of persons, places and organisations in plain strings.

Three sources of candidates, resolved together (longest span first, a
register match before a pattern match of the same length):

1. the register's written forms, walked in a token trie (``matcher``);
2. pattern rules for names the register does not know (``patterns``):
   ``cert="low"`` and no ref, unless the surface is a register form after all;
3. context rules for words that are names only in some uses (``context``,
   written in ``tei/data/names.toml``).

The vocabulary all three use is data (``tei/data/names.toml``).
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass, field

from tei.annotate.matcher import Candidate, RegisterMatcher, build_tries
from tei.annotate.namegrammar import (
    CREDIT,
    KEYWORDS,
    KEYWORDS_UP,
    NORMAL,
    SERVICE_AFTER_RANK,
    SERVICE_HINT,
    TITLE_STARTS,
    URL,
    WORKS,
    caps_grammar,
    caps_run,
)
from tei.annotate.patterns import PatternRules, Span
from tei.annotate.register import Register

TAGS = {"person": "persName", "place": "placeName", "org": "orgName"}


@dataclass(frozen=True)
class NameMatch:
    """``text[start:end]`` is a name to wrap in ``tag``; ``cert`` is "low" for pattern-found names.

    ``evidence`` says what found it ("register", "title", "forename", "heading" …) and
    ``role`` the office a heading gives its holder; neither takes part in equality.
    """

    start: int
    end: int
    tag: str
    ref: str | None
    cert: str | None
    evidence: str = field(default="", compare=False)
    role: str | None = field(default=None, compare=False)


#: The first initial and the surname of ``E. Grey``, ``S. Pichon``, ``Vl. I. Lenin``.
_INITIAL_AND_SURNAME = re.compile(r"(?P<initial>[^\W\d_])[a-z]?\.(?:.*?\s)?(?P<surname>[^\W\d_][\w'’-]*)$", re.S)

_MATCHERS: weakref.WeakKeyDictionary[Register, RegisterMatcher] = weakref.WeakKeyDictionary()


def remember_matcher(register: Register, matcher: RegisterMatcher) -> None:
    """Use ``matcher`` (e.g. loaded from the cache) for ``register`` from now on."""
    _MATCHERS[register] = matcher


def register_matcher(register: Register) -> RegisterMatcher:
    """The compiled matcher of a register, built once per register object."""
    matcher = _MATCHERS.get(register)
    if matcher is None:
        matcher = RegisterMatcher(build_tries(register.forms()))
        _MATCHERS[register] = matcher
    return matcher


class NameRecogniser:
    """Finds names in strings using a register; build once per register and reuse."""

    def __init__(self, register: Register) -> None:
        self._m = register_matcher(register)
        self._patterns = PatternRules(self._m)
        self._when: str | None = None

    def find(self, text: str, when: str | None = None) -> list[NameMatch]:
        """Names in ``text``, sorted and non-overlapping; never raises on a string.

        ``when`` is the document's date (ISO): it picks among entries that a form names in
        different periods.
        """
        self._when = when
        if not text:
            return []
        cands: list[Candidate] = []
        m = self._m
        rules = self._patterns
        ship_words: set[int] = set()
        for found in m.candidates.finditer(text):
            start, end = found.span()
            token = found.group()
            for ship in rules.ships(text, start, ship_words):
                cands.append(Candidate(*ship, None, None, -1, "ship"))
            hit = None
            node = m.exact.get(token)
            if node is not None:
                hit = m.match_at(text, start, end, node, caps=False, when=when)
            if hit is None and token in m.upper_firsts and len(token) > 1 and token.isupper():
                hit = m.match_at(text, start, end, m.upper[token], caps=True, when=when)
            if hit is not None:
                cands.append(hit)
            keyword = KEYWORDS.get(token)
            if keyword is not None:
                self._add(cands, text, rules.keyword(text, start, end, keyword, token, NORMAL), "keyword")
            elif len(token) > 1 and token.isupper():
                keyword = KEYWORDS_UP.get(token)
                if keyword is not None and caps_run(text, start, end):
                    found_caps = rules.keyword(text, start, end, keyword, token, caps_grammar())
                    self._add(cands, text, found_caps, "keyword", caps=True)
            if token in TITLE_STARTS:
                self._add(cands, text, rules.titled(text, start), "title")
            if len(token) <= 2 and text[end : end + 1] == ".":
                self._add(cands, text, rules.initials(text, start), "initials")
            elif token in m.forenames:
                self._add(cands, text, rules.forename(text, start, end), "forename")
        if "," in text:
            self._add(cands, text, rules.citations(text), "citation")
        if "igned" in text or "Sgd" in text:
            self._add(cands, text, rules.signed(text), "signed-label")
        if ("by" in text or ":" in text) and CREDIT.search(text):
            self._add(cands, text, rules.credits(text), "credit")
        if "," in text and SERVICE_HINT.search(text):
            for service in SERVICE_AFTER_RANK.finditer(text):
                start, end = service.span("service")
                cands.append(Candidate(start, end, "orgName", None, "low", -1, "service"))
        return self._resolve(text, cands)

    def _add(
        self, cands: list[Candidate], text: str, span: Span | list[Span] | None, evidence: str, caps: bool = False
    ) -> None:
        """Add pattern spans; a surface the register knows gets its ref and no ``cert``."""
        if span is None:
            return
        for start, end, tag in span if isinstance(span, list) else [span]:
            if not 0 <= start < end <= len(text):
                continue
            targets = self._m.known(text, start, end, caps, self._when)
            if targets:
                target = self._m.pick(targets, text, start)
                if target.ref:
                    cands.append(Candidate(start, end, target.tag, target.ref, None, 1, evidence))
                    continue
            if evidence == "initials":
                initialled = _INITIAL_AND_SURNAME.match(text, start, end)
                if initialled is not None:
                    ref = self._m.by_initial(initialled.group("initial"), initialled.group("surname"))
                    if ref is not None:  # "Sir E. Grey": Edward Grey of the register
                        cands.append(Candidate(start, end, tag, ref, None, 1, evidence))
                        continue
            cands.append(Candidate(start, end, tag, None, "low", 1, evidence))

    def _resolve(self, text: str, cands: list[Candidate]) -> list[NameMatch]:
        """Longest first, register before pattern on a tie; drop overlaps, names in URLs and work titles."""
        blocked_starts: list[int] = []
        blocked_ends: list[int] = []
        if "://" in text or "www." in text or "@" in text:
            for url in URL.finditer(text):
                blocked_starts.append(url.start())
                blocked_ends.append(url.end())
        chosen_starts: list[int] = []
        chosen: list[Candidate] = []
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
            if cand.tag == "persName" and WORKS.match(text, cand.end):
                continue
            chosen_starts.insert(index, cand.start)
            chosen.insert(index, cand)
        return [NameMatch(c.start, c.end, c.tag, c.ref, c.cert, c.evidence) for c in chosen]
