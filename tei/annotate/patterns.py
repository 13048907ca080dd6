"""Pattern rules: names the register does not know, found by their shape and their words.

``X Committee``, ``Council of …``, ``the X Government``, ``Lake X`` around a
head word (``[keywords]`` of names.toml); a title and a surname (``President
Wilson`` -> ``Wilson``); initials and a surname; a known first name and an
unknown surname; signatories after ``(Signed)``; authors of a citation line;
credited translators and editors. Each rule returns spans; the recogniser
gives them ``cert="low"`` unless the register knows the surface after all.
"""

from __future__ import annotations

import re

from tei.annotate.lexical import WORD
from tei.annotate.matcher import RegisterMatcher, lookup
from tei.annotate.namegrammar import (
    ACRONYM,
    CITATION,
    CREDIT,
    CREDIT_NAME,
    CREDIT_SEP,
    DEPUTIES_AHEAD,
    FORENAME_NAME,
    INITIALS_NAME,
    KEYWORDS,
    MAJESTY,
    MAX_CHAIN,
    NAME_PART,
    NAMEWORD,
    NORMAL,
    NOT_BEFORE,
    NOT_NAMES,
    PERSON_AFTER,
    SHIP_NAME,
    SHIP_SEP,
    SHIP_WORD,
    SIGNED,
    SIGNED_NAME,
    SIGNED_SEP,
    STOP_WORDS,
    TITLE_AT,
    TITLES,
    VOCAB,
    Grammar,
    bad_possessive,
    is_adjective,
    is_stop,
    not_a_surname,
    noun_use,
    suffix_end,
    title_case_grammar,
    title_case_line,
    trim_possessive,
    with_forename,
)
from tei.annotate.register import APOSTROPHES, form_key
from tei.annotate.vocabulary import Keyword

Span = tuple[int, int, str]
#: The ship nouns (lower case): the word before a capitalised word is looked up here.
_SHIP_NOUNS = frozenset(w.lower() for w in VOCAB.ship_words if "." not in w)
_QUOTES_AND_SPACE = frozenset(" \t\u00a0\"“‘'«")


class PatternRules:
    """The pattern rules, asking the register matcher whether a word starts a known name."""

    def __init__(self, matcher: RegisterMatcher) -> None:
        self._m = matcher

    def keyword(
        self, text: str, start: int, end: int, keyword: Keyword, token: str, grammar: Grammar
    ) -> tuple[int, int, str] | None:
        """``X Committee``, ``Council of …``, ``the X Government``, ``Lake X`` … around a head word."""
        head = token.title()
        if keyword.prefix:
            after = grammar.prefix_name.match(text, end)
            name_end = None
            if after is not None:
                for word in grammar.left_word.finditer(text, after.start("name"), after.end("name")):
                    value = word.group()
                    if is_stop(value) or value.lower() in NOT_NAMES or bad_possessive(value):
                        break
                    name_end = word.end()
            if name_end is not None:
                return (start, trim_possessive(text, start, name_end), keyword.tag)
        else:
            following = grammar.modifier.match(text, end)
            if following is not None and not is_stop(following.group("word")):
                return None  # "Soviet Government", "Party Congress": the later head word decides
        if grammar is NORMAL and title_case_line(text, start, end):
            grammar = title_case_grammar()  # "Government Of The German Reich" in a title-case heading
        right = self._of_chain(text, end, keyword, grammar, head) if keyword.of else None
        left = self._left_chain(text, start, keyword, grammar, head)
        if left is not None and right is None:
            words = grammar.left_word.findall(text, left, start)
            if keyword.left_needs_of:
                left = None
            elif head == "Soviet" and words and is_adjective(words[-1]) and not noun_use(text, end):
                left = None  # "the Ukrainian Soviet authorities": Soviet is an adjective here
            elif head == "Congress" and self._place_or_nationality(text[left:start].strip()):
                left = None  # "American Congress": the register's Congress rule decides
        if left is None and right is None:
            return None
        return (left if left is not None else start, right if right is not None else end, keyword.tag)

    def _left_chain(self, text: str, start: int, keyword: Keyword, grammar: Grammar, head: str) -> int | None:
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
            if is_stop(value) or bad_possessive(value):
                break
            if not keyword.adjectives and (value.lower() in NOT_NAMES or value.lower() in STOP_WORDS):
                break  # "the German Press", "the Great Powers": not names
            kept.append(words[index])
            if len(kept) >= keyword.max_left:
                break
        if len(kept) < keyword.min_left:
            return None
        if head == "Government" and all(w.group()[:-2] in VOCAB.possessive_ok for w in kept):
            return None  # "a People's Government" is a phrase, not a name
        begin = kept[-1].start()
        if head == "Government" and any(w.group().upper().startswith("MAJESTY") for w in kept):
            majesty = MAJESTY.search(text, max(0, begin - 20), begin)
            if majesty is not None:
                begin = majesty.start()  # "His Britannic Majesty's Government"
        return begin

    @staticmethod
    def _chain_before(text: str, start: int, grammar: Grammar) -> list[re.Match[str]]:
        """The capitalised words directly before ``start``, joined by spaces (or ``Workers' and``).

        Read backwards once over a short window: linear, whatever the text.
        """
        window = list(grammar.left_word.finditer(text, max(0, start - 160), start))
        chain: list[re.Match[str]] = []
        boundary = start
        for word in reversed(window):
            if grammar.left_sep.fullmatch(text, word.end(), boundary) is None:
                break
            if word.start() > 0 and (text[word.start() - 1].isalnum() or text[word.start() - 1] in NOT_BEFORE):
                break
            chain.append(word)
            boundary = word.start()
        chain.reverse()
        return chain

    def _place_or_nationality(self, words: str) -> bool:
        """``American``, ``United States``: words that make ``X Congress`` the U.S. Congress."""
        if words.lower() in NOT_NAMES:
            return True
        return any(t.tag == "placeName" for t in lookup(self._m.exact, form_key(words)))

    def _of_chain(self, text: str, end: int, keyword: Keyword, grammar: Grammar, head: str) -> int | None:
        """End of ``of People's Commissars`` / ``of Workers', Soldiers' and Peasants' Deputies``, or None."""
        found = grammar.of_head.match(text, end)
        if found is None or (found.group("for") and not keyword.for_):
            return None
        first = grammar.left_word.match(text, found.end())
        if first is None or is_stop(first.group()) or bad_possessive(first.group()):
            return None
        if head == "Government" and self._m.starts_register(text, first.start()) == "persName":
            return None  # "the Government of Maximilian of Baden" describes; the person is the name
        last = first.end()
        previous = first.group()
        for _ in range(MAX_CHAIN):
            step = grammar.chain_next.match(text, last)
            if step is None:
                break
            word = step.group("word")
            if is_stop(word) or bad_possessive(word) or word.title() in TITLES:
                break  # "… International and Comrade Zinoviev": a title starts something else
            conn = (step.group("conn") or "").lower()
            apostrophe = previous[-1] in APOSTROPHES
            if step.group("comma") and not (apostrophe or DEPUTIES_AHEAD.match(text, step.start("word"))):
                break  # commas join only "Workers', Soldiers' and Peasants' Deputies"
            if (
                conn == "and"
                and not apostrophe
                and (step.group("the") or self._m.starts_register(text, step.start("word")) is not None)
            ):
                break  # "the Council of People's Commissars and the Central Committee": two names
            if not conn and self._m.starts_register(text, step.start("word")) == "persName":
                break
            last = step.end()
            previous = word
        return trim_possessive(text, end, last)

    def titled(self, text: str, start: int) -> tuple[int, int, str] | None:
        """``President Wilson`` -> ``Wilson``: a title and up to three capitalised words after it."""
        title = TITLE_AT.match(text, start)
        if title is None:
            return None
        after = PERSON_AFTER.match(text, title.end())
        if after is None:
            return None
        name_start = after.start("name")
        name_end = name_start
        # "Mr. HUGHES" (parliamentary reports print speakers in capitals): after a title that is
        # not itself in capitals, a word in capitals is a surname like any other
        capitals_ok = not title.group().isupper()
        for part in NAME_PART.finditer(text, name_start, after.end("name")):
            word = part.group().split()[-1]
            lower = word.lower()
            shown = word.title() if capitals_ok and word.isupper() and len(word) > 2 else word
            if not_a_surname(shown) or lower in VOCAB.after_title_stop:
                break
            name_end = part.end()
        if name_end == name_start:
            return None
        return (name_start, name_end, "persName")

    def initials(self, text: str, start: int) -> tuple[int, int, str] | None:
        """``L. Trotsky``, ``G. V. Chicherin``: initials and a surname (a lone ``M.`` is Monsieur)."""
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-"):
            return None
        found = INITIALS_NAME.match(text, start)
        if found is None:
            return None
        initials = found.group("initials")
        if initials.strip() == "M." or ACRONYM.match(initials):
            return None
        word = found.group("name")
        if not_a_surname(word):
            return None
        if self._m.starts_register(text, found.start("name")) not in (None, "persName"):
            return None
        return (with_forename(text, start), suffix_end(text, found.end()), "persName")

    def forename(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        """``Karl Wiegand``, ``Joseph Clark Grew``, ``Philip H. Patchin``: a known first name, then a
        surname the register does not know (and a middle name or a suffix such as ``Jr.``)."""
        found = FORENAME_NAME.match(text, end)
        if found is None:
            return None
        word = found.group("surname")
        if not_a_surname(word):
            return None
        if self._m.starts_register(text, found.start("surname")) not in (None, "persName"):
            return None
        stop = found.end()
        more = FORENAME_NAME.match(text, stop)
        if (
            more is not None
            and "\n" not in text[stop : more.start("surname")]
            and not not_a_surname(more.group("surname"))
            and self._m.starts_register(text, more.start("surname")) in (None, "persName")
            and not any(t.tag == "persName" for t in lookup(self._m.exact, form_key(text[start:stop])))
        ):
            stop = more.end()  # "Joseph Clark Grew"; but "Woodrow Wilson Papers" stays the register's
        return (start, suffix_end(text, stop), "persName")

    def signed(self, text: str) -> list[tuple[int, int, str]]:
        """Signatories after ``(Signed)``: ``Trotsky, Medivediev, Bitzenko, … Karachan (Secretary)``."""
        spans: list[tuple[int, int, str]] = []
        for label in SIGNED.finditer(text):
            pos = label.end()
            while True:
                name = SIGNED_NAME.match(text, pos)
                if name is None:
                    break
                words = WORD.findall(name.group())
                if any(is_stop(w) or w.lower() in NOT_NAMES or w in KEYWORDS or w in TITLES for w in words):
                    break
                begin = name.start() + len(name.group()) - len(name.group().lstrip())
                if self._m.starts_register(text, begin) not in (None, "persName"):
                    break
                spans.append((begin, name.end(), "persName"))
                sep = SIGNED_SEP.match(text, name.end())
                if sep is None:
                    break
                pos = sep.end()
        return spans

    def citations(self, text: str) -> list[tuple[int, int, str]]:
        """Authors of a source line ``Kluchnikov & Sabanin, ii, p. 94``: persons."""
        spans: list[tuple[int, int, str]] = []
        for line in CITATION.finditer(text):
            for part in re.finditer(NAMEWORD, line.group("names")):
                word = part.group()
                if word == "and" or is_stop(word) or word.lower() in NOT_NAMES:
                    continue
                offset = line.start("names") + part.start()
                if self._m.starts_register(text, offset) not in (None, "persName"):
                    continue
                spans.append((offset, offset + len(word), "persName"))
        return spans

    def credits(self, text: str) -> list[tuple[int, int, str]]:
        """Translators, editors and transcribers of a source note (``Translated: Yuri Sdobnikov and …``)."""
        spans: list[tuple[int, int, str]] = []
        for label in CREDIT.finditer(text):
            pos = label.end()
            while True:
                name = CREDIT_NAME.match(text, pos)
                if name is None:
                    break
                words = name.group().split()
                if any(is_stop(w) or w.lower() in NOT_NAMES or w in KEYWORDS for w in words):
                    break
                spans.append((name.start(), name.end(), "persName"))
                sep = CREDIT_SEP.match(text, name.end())
                if sep is None or not sep.group().strip():
                    break
                pos = sep.end()
        return spans

    def ships(self, text: str, name_start: int, done: set[int]) -> list[tuple[int, int, str]]:
        """Vessels named from the ship word before ``name_start``: ``U. S. S. “George Washington,”``,
        ``the destroyers Coghlan and Lamson``, ``steamers Orel 4,441, Kursk 4,495``.

        A ship is neither a person nor a place: the span becomes ``name type="ship"``
        (tag ``name``), and it wins over a register form of the same words. An
        abbreviation (``U. S. S.``) is part of the name; a noun (``destroyers``) is not.
        Asked at each capitalised word, so that a text without vessels costs a set lookup.
        """
        word = self._ship_word_before(text, name_start)
        if word is None or word.start() in done:
            return []
        done.add(word.start())
        spans: list[tuple[int, int, str]] = []
        prefix = "." in word.group("word")
        pos = word.end()
        first = True
        while True:
            name = SHIP_NAME.match(text, pos)
            if name is None:
                break
            group = "quoted" if name.group("quoted") else "plain"
            value = name.group(group)
            if any(is_stop(w) or w.lower() in NOT_NAMES or w in TITLES for w in WORD.findall(value)):
                break
            if prefix and first:  # "U. S. S. “George Washington,”": prefix and quotes belong together
                spans.append((word.start(), name.end() if group == "quoted" else name.end(group), "name"))
            else:
                spans.append((name.start(group), name.end(group), "name"))
            first = False
            sep = SHIP_SEP.match(text, name.end())
            if sep is None:
                break
            pos = sep.end()
        return spans

    @staticmethod
    def _ship_word_before(text: str, start: int) -> re.Match[str] | None:
        """The ship word (``destroyers``, ``U. S. S.``) right before a capitalised word, if any."""
        end = start
        while end > 0 and text[end - 1] in _QUOTES_AND_SPACE:
            end -= 1
        begin = end
        while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] in ".-"):
            begin -= 1
        word = text[begin:end]
        if word.lower() in _SHIP_NOUNS:
            return SHIP_WORD.match(text, begin)
        if word.endswith("."):  # an abbreviation: "U. S. S." spans spaces, so look a little further back
            return SHIP_WORD.search(text, max(0, begin - 8), end + 1)
        return None
