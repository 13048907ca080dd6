"""XML Schema regular expressions (Part 2, appendix F), matched in time linear in the value.

Why not Python's ``re``: it backtracks, so a schema's ``(a+)+$`` makes a
40-character value take minutes; and XSD's syntax is not Python's (``^`` and
``$`` are ordinary characters, ``[a-z-[aeiou]]`` subtracts, a pattern always
matches the whole value). Here a pattern is parsed into a Thompson NFA and
run as a lazily built DFA: each character of the value costs at most one pass
over the NFA's states, whatever the pattern.

Character classes are sorted lists of code-point ranges; the Unicode
categories and blocks of ``\\p{…}`` come from ``elementpath`` (its tables
follow XSD's block names). ``\\d`` is ``\\p{Nd}`` as XSD and jing define it
(the built-in date and number types use ASCII digits; see ``datatypes``).
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from tei.validate.rng.names import is_name_char, is_name_start

__all__ = ["Regex", "RegexError", "compile_regex"]

MAX_CODE_POINT = 0x10FFFF
#: An expanded pattern larger than this many NFA states is refused (``a{1000}{1000}``).
MAX_STATES = 100_000
#: How many DFA states a matcher keeps before it starts afresh (memory stays bounded).
MAX_DFA_STATES = 4_096



class RegexError(ValueError):
    """A pattern that is not an XML Schema regular expression; ``position`` is where it went wrong."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


# -- character classes ----------------------------------------------------------------------------


class CharClass:
    """A set of code points; subclasses say how membership is decided."""

    def contains(self, code: int) -> bool:
        raise NotImplementedError

    def single(self) -> int | None:
        """The one code point of a one-character class (for range ends), else None."""
        return None


class _Ranges(CharClass):
    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges.sort()
        merged: list[tuple[int, int]] = []
        for low, high in ranges:
            if merged and low <= merged[-1][1] + 1:
                if high > merged[-1][1]:
                    merged[-1] = (merged[-1][0], high)
            else:
                merged.append((low, high))
        self.ranges = tuple(merged)

    def contains(self, code: int) -> bool:
        ranges = self.ranges
        index = bisect.bisect_right(ranges, (code, MAX_CODE_POINT + 1)) - 1
        return index >= 0 and ranges[index][0] <= code <= ranges[index][1]

    def single(self) -> int | None:
        if len(self.ranges) == 1 and self.ranges[0][0] == self.ranges[0][1]:
            return self.ranges[0][0]
        return None


class _Category(CharClass):
    """A Unicode general category (``L``, ``Lu``), read from ``unicodedata`` per character."""

    def __init__(self, name: str) -> None:
        self.name = name

    def contains(self, code: int) -> bool:
        return unicodedata.category(chr(code)).startswith(self.name)


class _Not(CharClass):
    def __init__(self, inner: CharClass) -> None:
        self.inner = inner

    def contains(self, code: int) -> bool:
        return not self.inner.contains(code)


class _Union(CharClass):
    def __init__(self, parts: list[CharClass]) -> None:
        self.parts = tuple(parts)

    def contains(self, code: int) -> bool:
        return any(part.contains(code) for part in self.parts)

    def single(self) -> int | None:
        return self.parts[0].single() if len(self.parts) == 1 else None


class _Minus(CharClass):
    def __init__(self, kept: CharClass, removed: CharClass) -> None:
        self.kept = kept
        self.removed = removed

    def contains(self, code: int) -> bool:
        return self.kept.contains(code) and not self.removed.contains(code)


_CATEGORIES = frozenset(
    {
        *("L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps"),
        *("Pe", "Pi", "Pf", "Po", "Z", "Zs", "Zl", "Zp", "S", "Sm", "Sc", "Sk", "So", "C", "Cc", "Cf", "Co", "Cn"),
    }
)


@functools.lru_cache(maxsize=256)
def _property(name: str) -> CharClass | None:
    """A Unicode category (``Lu``, ``L``) or block (``IsBasicLatin``, from elementpath's tables); None if unknown."""
    if name in _CATEGORIES:
        return _Category(name)
    if not name.startswith("Is") or not name[2:].replace("-", "").isalnum():
        return None
    from elementpath.regex import RegexError as ElementPathError
    from elementpath.regex import unicode_subset

    try:
        subset = unicode_subset(name)
    except (ElementPathError, KeyError, ValueError):
        return None
    ranges: list[tuple[int, int]] = []
    for item in subset.codepoints:
        if isinstance(item, tuple):
            ranges.append((item[0], item[1] - 1))
        else:
            ranges.append((item, item))
    return _Ranges(ranges)


def _single(code: int) -> CharClass:
    return _Ranges([(code, code)])


class _Predicate(CharClass):
    """Membership decided by a function of the character (XML name characters)."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test

    def contains(self, code: int) -> bool:
        return self.test(chr(code))


_SPACE = _Ranges([(9, 10), (13, 13), (32, 32)])
#: XSD's \i and \c: XML name characters (with ':'), as jing reads them (XML 1.0 second edition).
_NAME_START = _Predicate(lambda c: c == ":" or is_name_start(c))
_NAME_CHAR = _Predicate(lambda c: c == ":" or is_name_char(c))
_DIGIT = _Category("Nd")
_WORD = _Not(_Union([_Category("P"), _Category("Z"), _Category("C")]))
_NOT_LINE_END = _Not(_Ranges([(10, 10), (13, 13)]))


def _multi_char_escape(letter: str) -> CharClass:
    base = {"s": _SPACE, "i": _NAME_START, "c": _NAME_CHAR, "d": _DIGIT, "w": _WORD}[letter.lower()]
    return _Not(base) if letter.isupper() else base


_SINGLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t"}
_SINGLE_ESCAPABLE = set("\\|.?*+(){}-[]^")


# -- the syntax tree -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Chars:
    chars: CharClass


@dataclass(frozen=True)
class _Seq:
    items: tuple[_Node, ...]


@dataclass(frozen=True)
class _Alt:
    branches: tuple[_Node, ...]


@dataclass(frozen=True)
class _Repeat:
    item: _Node
    least: int
    most: int | None  # None: unbounded


_Node = _Chars | _Seq | _Alt | _Repeat


class _Parser:
    """A recursive-descent parser for the grammar of appendix F."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.depth = 0

    def fail(self, message: str) -> RegexError:
        return RegexError(message, self.at)

    def peek(self) -> str:
        return self.text[self.at] if self.at < len(self.text) else ""

    def parse(self) -> _Node:
        node = self.regexp()
        if self.at < len(self.text):
            raise self.fail(f"unexpected {self.peek()!r}")
        return node

    def regexp(self) -> _Node:
        branches = [self.branch()]
        while self.peek() == "|":
            self.at += 1
            branches.append(self.branch())
        return branches[0] if len(branches) == 1 else _Alt(tuple(branches))

    def branch(self) -> _Node:
        items: list[_Node] = []
        while self.at < len(self.text) and self.peek() not in "|)":
            items.append(self.piece())
        return items[0] if len(items) == 1 else _Seq(tuple(items))

    def piece(self) -> _Node:
        atom = self.atom()
        char = self.peek()
        if char == "?":
            self.at += 1
            return _Repeat(atom, 0, 1)
        if char == "*":
            self.at += 1
            return _Repeat(atom, 0, None)
        if char == "+":
            self.at += 1
            return _Repeat(atom, 1, None)
        if char == "{":
            self.at += 1
            least = self.number()
            most: int | None = least
            if self.peek() == ",":
                self.at += 1
                most = self.number() if self.peek().isdigit() else None
            if self.peek() != "}":
                raise self.fail("a quantifier {n}, {n,} or {n,m} is not closed with '}'")
            self.at += 1
            if most is not None and most < least:
                raise self.fail(f"in {{{least},{most}}} the maximum is less than the minimum")
            return _Repeat(atom, least, most)
        return atom

    def number(self) -> int:
        start = self.at
        while self.peek().isdigit() and self.peek() in "0123456789":
            self.at += 1
        if start == self.at:
            raise self.fail("a quantifier needs a number")
        return int(self.text[start : self.at])

    def atom(self) -> _Node:
        char = self.peek()
        if char == "(":
            self.depth += 1
            if self.depth > 200:
                raise self.fail("groups nested more than 200 deep")
            self.at += 1
            inner = self.regexp()
            if self.peek() != ")":
                raise self.fail("a group '(' is not closed with ')'")
            self.at += 1
            self.depth -= 1
            return inner
        if char == "[":
            return _Chars(self.class_expression())
        if char == "\\":
            return _Chars(self.escape(in_class=False))
        if char == ".":
            self.at += 1
            return _Chars(_NOT_LINE_END)
        if char in "?*+{":
            raise self.fail(f"{char!r} has nothing to repeat")
        if char in ")]}":
            raise self.fail(f"{char!r} must be escaped with a backslash here")
        self.at += 1
        return _Chars(_single(ord(char)))

    def escape(self, *, in_class: bool) -> CharClass:
        self.at += 1
        letter = self.peek()
        if not letter:
            raise self.fail("the pattern ends with a lone backslash")
        self.at += 1
        if letter in _SINGLE_ESCAPES:
            return _single(ord(_SINGLE_ESCAPES[letter]))
        if letter in _SINGLE_ESCAPABLE:
            return _single(ord(letter))
        if letter in "sSiIcCdDwW":
            return _multi_char_escape(letter)
        if letter in "pP":
            if self.peek() != "{":
                raise self.fail(f"\\{letter} must be followed by {{name}}")
            end = self.text.find("}", self.at)
            if end < 0:
                raise self.fail(f"\\{letter}{{ is not closed")
            name = self.text[self.at + 1 : end]
            ranges = _property(name)
            if ranges is None:
                raise self.fail(f"unknown Unicode category or block \\{letter}{{{name}}}")
            self.at = end + 1
            return _Not(ranges) if letter == "P" else ranges
        raise self.fail(f"unknown escape \\{letter}")

    def class_expression(self) -> CharClass:
        """``[`` charGroup ``]``, with subtraction ``[a-z-[aeiou]]``."""
        self.at += 1
        negated = self.peek() == "^"
        if negated:
            self.at += 1
        ranges: list[tuple[int, int]] = []
        classes: list[CharClass] = []
        first = True
        while True:
            char = self.peek()
            if not char:
                raise self.fail("a character class '[' is not closed with ']'")
            if char == "]":
                if first:
                    raise self.fail("']' must be escaped with a backslash in a character class")
                self.at += 1
                break
            if char == "-" and self.text.startswith("-[", self.at) and not first:
                self.at += 1
                removed = self.class_expression()
                if self.peek() != "]":
                    raise self.fail("a subtraction must end its character class")
                self.at += 1
                group = self._group(ranges, classes)
                return _Minus(_Not(group) if negated else group, removed)
            if char == "[":
                raise self.fail("'[' must be escaped inside a character class")
            if char == "\\":
                escaped_start = self.at
                escaped = self.escape(in_class=True)
                single = escaped.single() if self._single_escape(escaped_start) else None
                if single is not None and self.peek() == "-" and self.text[self.at + 1 : self.at + 2] not in "[]":
                    low = single
                    self.at += 1
                    high = self.range_end()
                    if high < low:
                        raise self.fail("a range's end comes before its start")
                    ranges.append((low, high))
                else:
                    classes.append(escaped)
                first = False
                continue
            if char == "-" and not first and self.text[self.at + 1 : self.at + 2] != "]":
                raise self.fail("'-' inside a character class must be escaped, or come first or last")
            self.at += 1
            low = ord(char)
            leading_dash = char == "-" and first
            if (
                not leading_dash
                and self.peek() == "-"
                and self.text[self.at + 1 : self.at + 2] not in ("[", "]", "")
            ):
                self.at += 1
                high = self.range_end()
                if high < low:
                    raise self.fail("a range's end comes before its start")
                ranges.append((low, high))
            else:
                ranges.append((low, low))
            first = False
        group = self._group(ranges, classes)
        return _Not(group) if negated else group

    @staticmethod
    def _group(ranges: list[tuple[int, int]], classes: list[CharClass]) -> CharClass:
        if ranges:
            classes = [_Ranges(ranges), *classes]
        return classes[0] if len(classes) == 1 else _Union(classes)

    def _single_escape(self, start: int) -> bool:
        letter = self.text[start + 1 : start + 2]
        return letter in _SINGLE_ESCAPES or letter in _SINGLE_ESCAPABLE

    def range_end(self) -> int:
        char = self.peek()
        if char == "\\":
            start = self.at
            escaped = self.escape(in_class=True)
            single = escaped.single()
            if not self._single_escape(start) or single is None:
                raise self.fail("a range must end with a single character")
            return single
        if char in ("[", "]", ""):
            raise self.fail("a range has no end")
        self.at += 1
        return ord(char)


# -- the automaton -----------------------------------------------------------------------------------


class _Nfa:
    """Thompson NFA: per state, a character set and one successor, or up to two epsilon successors."""

    def __init__(self) -> None:
        self.chars: list[CharClass | None] = []
        self.next: list[list[int]] = []

    def add(self, chars: CharClass | None = None) -> int:
        if len(self.chars) >= MAX_STATES:
            raise RegexError(f"the pattern expands to more than {MAX_STATES} states; simplify its repetitions", 0)
        self.chars.append(chars)
        self.next.append([])
        return len(self.chars) - 1

    def build(self, node: _Node, out: int) -> int:
        """States for ``node`` that continue to ``out``; returns the entry state."""
        if isinstance(node, _Chars):
            state = self.add(node.chars)
            self.next[state].append(out)
            return state
        if isinstance(node, _Seq):
            entry = out
            for item in reversed(node.items):
                entry = self.build(item, entry)
            return entry
        if isinstance(node, _Alt):
            state = self.add()
            self.next[state] = [self.build(branch, out) for branch in node.branches]
            return state
        entry = out
        if node.most is None:
            loop = self.add()
            self.next[loop] = [self.build(node.item, loop), out]
            entry = loop
        else:
            for _ in range(node.most - node.least):
                choice = self.add()
                self.next[choice] = [self.build(node.item, entry), out]
                entry = choice
        for _ in range(node.least):
            entry = self.build(node.item, entry)
        return entry


class Regex:
    """A compiled pattern: ``matches(value)`` tells whether the whole value matches."""

    def __init__(self, source: str, nfa: _Nfa, start: int, final: int) -> None:
        self.source = source
        self._nfa = nfa
        self._final = final
        self._closures: dict[int, frozenset[int]] = {}
        self._start = self._closure([start])
        self._moves: dict[tuple[frozenset[int], str], frozenset[int]] = {}

    def _closure(self, states: list[int]) -> frozenset[int]:
        seen: set[int] = set()
        stack = list(states)
        nfa = self._nfa
        while stack:
            state = stack.pop()
            if state in seen:
                continue
            seen.add(state)
            if nfa.chars[state] is None:
                stack.extend(nfa.next[state])
        return frozenset(seen)

    def _move(self, current: frozenset[int], char: str) -> frozenset[int]:
        code = ord(char)
        targets: list[int] = []
        nfa = self._nfa
        for state in current:
            chars = nfa.chars[state]
            if chars is not None and chars.contains(code):
                targets.extend(nfa.next[state])
        return self._closure(targets)

    def matches(self, value: str) -> bool:
        """Whether ``value`` as a whole matches (XSD patterns are implicitly anchored)."""
        current = self._start
        moves = self._moves
        for char in value:
            key = (current, char)
            following = moves.get(key)
            if following is None:
                following = self._move(current, char)
                if len(moves) >= MAX_DFA_STATES:
                    moves.clear()
                moves[key] = following
            if not following:
                return False
            current = following
        return self._final in current


@functools.lru_cache(maxsize=512)
def compile_regex(source: str) -> Regex:
    """The matcher of an XSD pattern; RegexError (with a position) when it is not one."""
    tree = _Parser(source).parse()
    nfa = _Nfa()
    final = nfa.add()
    start = nfa.build(tree, final)
    return Regex(source, nfa, start, final)
