"""Datatype libraries of RELAX NG: the built-in one and XML Schema Part 2's, as jing implements them.

A schema names a type and its parameters (facets) once; :func:`make_datatype`
checks them then (unknown library, type or parameter, a facet value the type
does not allow, a regular expression that is not one: each a schema error)
and returns a :class:`Datatype` that validates values without re-reading
anything. Values are compared by value, not by spelling (``1.0`` = ``1``,
``true`` = ``1``, ``…T20:45:00+01:00`` = ``…T19:45:00Z``), because a
``value`` pattern matches equal values.

Where jing departs from the letter of XML Schema 1.0, this follows jing (it
is the validator TEI users compare with): ``23:59:60`` is a time and
``24:00:00`` is not; time zones are not limited to ±14:00; durations are
equal only field by field (``P1Y`` ≠ ``P12M``) and ordered by the four
reference dates of the specification; float and double ``NaN`` equals
itself. The built-in types read ASCII digits only (``١٨٥٠`` is not a year),
while ``\\d`` in a pattern is any decimal digit (``xsdregex``).
"""

from __future__ import annotations

import functools
import math
import re
import struct
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from tei.validate.rng.grammar import DatatypeSpec
from tei.validate.rng.names import is_name, is_ncname, is_nmtoken, is_qname
from tei.validate.rng.xsdregex import Regex, RegexError, compile_regex

__all__ = [
    "BUILTIN",
    "COMPATIBILITY",
    "XSD",
    "Context",
    "Datatype",
    "DatatypeError",
    "datatype_of",
    "make_datatype",
]

#: The library URIs a schema may name.
BUILTIN = ""
XSD = "http://www.w3.org/2001/XMLSchema-datatypes"
COMPATIBILITY = "http://relaxng.org/ns/compatibility/datatypes/1.0"


class DatatypeError(Exception):
    """A type, parameter or value a schema uses that its datatype library does not allow."""


class _Invalid(Exception):
    """A value not in a type's value space (the message says why)."""


@dataclass(frozen=True)
class Context:
    """The in-scope namespaces where a value appears (for QName and NOTATION)."""

    prefixes: tuple[tuple[str, str], ...] = ()

    def resolve(self, prefix: str) -> str | None:
        if prefix == "xml":
            return "http://www.w3.org/XML/1998/namespace"
        for name, uri in self.prefixes:
            if name == prefix:
                return uri
        return "" if prefix == "" else None


NO_CONTEXT = Context()

# -- white space -----------------------------------------------------------------------------------

_SPACE_RUN = re.compile(r"[ \t\n\r]+")


def collapse(text: str) -> str:
    return _SPACE_RUN.sub(" ", text).strip(" ")


def _replace(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _preserve(text: str) -> str:
    return text


# -- names (XML 1.0 second edition, as jing) -----------------------------------------------------------

_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*")


def _language(text: str) -> bool:
    return _LANGUAGE.fullmatch(text) is not None


# -- the primitive (and built-in derived) types -----------------------------------------------------------


class _Base:
    """One type of the library before parameters: its lexical space, value space, order and length."""

    description = "a string"
    whitespace: Callable[[str], str] = staticmethod(collapse)
    ordered = False
    measured = False
    decimal = False
    id_type: str | None = None
    context_dependent = False

    def lexical(self, text: str) -> bool:
        return True

    def parse(self, text: str, context: Context) -> Any:
        """The value of a lexically valid ``text``; _Invalid if it is outside the value space."""
        return text

    def less(self, a: Any, b: Any) -> bool:
        raise NotImplementedError

    def length(self, value: Any) -> int:
        return len(value)


class _String(_Base):
    measured = True

    def __init__(self, whitespace: Callable[[str], str], description: str = "a string") -> None:
        self.whitespace = whitespace
        self.description = description


class _Pattern(_String):
    """A string type defined by a lexical test (Name, NCName, NMTOKEN, language, ID…)."""

    def __init__(self, test: Callable[[str], bool], description: str, id_type: str | None = None) -> None:
        super().__init__(collapse, description)
        self.test = test
        self.id_type = id_type

    def lexical(self, text: str) -> bool:
        return self.test(text)


class _Entity(_Pattern):
    """ENTITY: a name declared as an unparsed entity; documents here never declare any."""

    def parse(self, text: str, context: Context) -> Any:
        raise _Invalid("must be a name declared in the DTD as an unparsed entity")


class _QName(_Base):
    description = "an XML QName"
    context_dependent = True

    def lexical(self, text: str) -> bool:
        return is_qname(text)

    def parse(self, text: str, context: Context) -> Any:
        prefix, _, local = text.rpartition(":")
        namespace = context.resolve(prefix)
        if namespace is None:
            raise _Invalid(f"the prefix '{prefix}' is not declared")
        return (namespace, local)


class _Boolean(_Base):
    description = "true or false (or 1 or 0)"

    def lexical(self, text: str) -> bool:
        return text in ("true", "false", "1", "0")

    def parse(self, text: str, context: Context) -> Any:
        return text in ("true", "1")


_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_INTEGER = re.compile(r"[+-]?[0-9]+")


class _Decimal(_Base):
    description = "a decimal number"
    ordered = True
    decimal = True

    def lexical(self, text: str) -> bool:
        return _DECIMAL.fullmatch(text) is not None

    def parse(self, text: str, context: Context) -> Any:
        return Decimal(text)

    def less(self, a: Any, b: Any) -> bool:
        return bool(a < b)


class _Integer(_Decimal):
    def __init__(self, low: int | None, high: int | None, description: str) -> None:
        self.low = low
        self.high = high
        self.description = description

    def lexical(self, text: str) -> bool:
        return _INTEGER.fullmatch(text) is not None

    def parse(self, text: str, context: Context) -> Any:
        number = int(text)
        if self.low is not None and number < self.low:
            raise _Invalid(f"must be {self.description}, at least {self.low}")
        if self.high is not None and number > self.high:
            raise _Invalid(f"must be {self.description}, at most {self.high}")
        return Decimal(number)


_FLOAT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|-?INF|NaN")


class _FloatValue:
    """A float or double as jing compares them: NaN equals NaN, 0 equals -0."""

    __slots__ = ("number",)

    def __init__(self, number: float) -> None:
        self.number = number

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _FloatValue):
            return NotImplemented
        a, b = self.number, other.number
        return a == b or (math.isnan(a) and math.isnan(b))

    def __hash__(self) -> int:
        return hash("NaN") if math.isnan(self.number) else hash(self.number)


class _Double(_Base):
    description = "a floating-point number"
    ordered = True

    def __init__(self, single: bool) -> None:
        self.single = single

    def lexical(self, text: str) -> bool:
        return _FLOAT.fullmatch(text) is not None and text not in ("+INF",)

    def parse(self, text: str, context: Context) -> Any:
        number = float(text.replace("INF", "inf"))
        if self.single and math.isfinite(number):
            try:
                number = struct.unpack("f", struct.pack("f", number))[0]
            except OverflowError:
                number = math.copysign(math.inf, number)
        return _FloatValue(number)

    def less(self, a: Any, b: Any) -> bool:
        return bool(a.number < b.number)


class _Binary(_Base):
    measured = True
    whitespace = staticmethod(_preserve)


_HEX = re.compile(r"[ \t\n\r]*((?:[0-9a-fA-F]{2})*)[ \t\n\r]*")


class _HexBinary(_Binary):
    description = "hexadecimal digits in pairs"

    def lexical(self, text: str) -> bool:
        return _HEX.fullmatch(text) is not None

    def parse(self, text: str, context: Context) -> Any:
        match = _HEX.fullmatch(text)
        assert match is not None
        return bytes.fromhex(match.group(1))


_BASE64_ALPHABET = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


class _Base64Binary(_Binary):
    description = "base64"

    def lexical(self, text: str) -> bool:
        return self._decode(text) is not None

    def parse(self, text: str, context: Context) -> Any:
        return self._decode(text)

    @staticmethod
    def _decode(text: str) -> bytes | None:
        weights: list[int] = []
        padding = 0
        for char in text:
            if char in " \t\r\n":
                continue
            if char == "=":
                padding += 1
                if padding > 2:
                    return None
                continue
            weight = _BASE64_ALPHABET.get(char)
            if weight is None or padding:
                return None
            weights.append(weight)
        if (len(weights) + padding) % 4:
            return None
        if padding == 1 and weights and weights[-1] & 0x3:
            return None
        if padding == 2 and weights and weights[-1] & 0xF:
            return None
        bits = 0
        count = 0
        out = bytearray()
        for weight in weights:
            bits = (bits << 6) | weight
            count += 6
            if count >= 8:
                count -= 8
                out.append((bits >> count) & 0xFF)
        return bytes(out)


# -- anyURI ----------------------------------------------------------------------------------------

_URI_UNWISE = set('<>"{}|\\^`')
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
_URI_CHARS = re.compile(r"[A-Za-z0-9\-_.!~*'();/?:@&=+$,%\[\]#]*")


def _uri_ok(text: str) -> bool:
    """A URI reference as jing's java.net.URI check sees it (disallowed characters escaped first)."""
    encoded = "".join(
        "%20"
        if ord(c) <= 0x20 or c in _URI_UNWISE or 0x7F <= ord(c) <= 0x9F or unicodedata.category(c) in ("Zs", "Zl", "Zp")
        else ("a" if ord(c) > 0x7F else c)
        for c in text
    )
    if _URI_CHARS.fullmatch(encoded) is None:
        return False
    if re.search(r"%(?![0-9A-Fa-f]{2})", encoded):
        return False
    reference, hash_mark, fragment = encoded.partition("#")
    if "#" in fragment or "[" in fragment or "]" in fragment:
        return False
    if hash_mark and not reference and not fragment:
        return True
    scheme_end = reference.find(":")
    first_special = min((i for i in (reference.find("/"), reference.find("?")) if i >= 0), default=len(reference))
    if 0 <= scheme_end < first_special:
        scheme, rest = reference[:scheme_end], reference[scheme_end + 1 :]
        if _SCHEME.fullmatch(scheme) is None or not rest:
            return False
        if not rest.startswith("/"):
            return "[" not in rest and "]" not in rest  # opaque part
        reference = rest
    elif scheme_end == 0:
        return False
    path = reference
    if path.startswith("//"):
        authority, slash, remainder = path[2:].partition("/")
        authority = authority.split("?", 1)[0]
        path = slash + remainder
        if not _authority_ok(authority):
            return False
    return "[" not in path and "]" not in path


def _authority_ok(authority: str) -> bool:
    host = authority.rsplit("@", 1)[-1]
    if "[" in authority.rsplit("@", 1)[0] or "]" in authority.rsplit("@", 1)[0]:
        return False
    if host.startswith("["):
        end = host.find("]")
        if end < 0:
            return False
        rest = host[end + 1 :]
        return rest == "" or ((rest.startswith(":") and rest[1:].isdigit()) or rest == ":")
    return "[" not in host and "]" not in host


class _AnyUri(_String):
    def __init__(self) -> None:
        super().__init__(collapse, "a URI")

    def lexical(self, text: str) -> bool:
        return _uri_ok(text)


# -- dates and times -----------------------------------------------------------------------------------

_TZ = r"(?P<tz>Z|[+-][0-9]{2}:[0-5][0-9])?"
_YEAR = r"(?P<year>-?(?:[1-9][0-9]*)?[0-9]{4})"
_TIME = r"(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})(?P<fraction>\.[0-9]*)?"
_DATE_FORMS = {
    "dateTime": (rf"{_YEAR}-(?P<month>[0-9]{{2}})-(?P<day>[0-9]{{2}})T{_TIME}{_TZ}", "an ISO date and time"),
    "time": (rf"{_TIME}{_TZ}", "an ISO time"),
    "date": (rf"{_YEAR}-(?P<month>[0-9]{{2}})-(?P<day>[0-9]{{2}}){_TZ}", "an ISO date"),
    "gYearMonth": (rf"{_YEAR}-(?P<month>[0-9]{{2}}){_TZ}", "an ISO year and month"),
    "gYear": (rf"{_YEAR}{_TZ}", "a year"),
    "gMonthDay": (rf"--(?P<month>[0-9]{{2}})-(?P<day>[0-9]{{2}}){_TZ}", "an ISO month and day (--MM-DD)"),
    "gDay": (rf"---(?P<day>[0-9]{{2}}){_TZ}", "an ISO day of the month (---DD)"),
    "gMonth": (rf"--(?P<month>[0-9]{{2}}){_TZ}", "an ISO month (--MM)"),
}
_FOURTEEN_HOURS = 14 * 3600


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if _leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 in the proleptic Gregorian calendar (astronomical years)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


@dataclass(frozen=True)
class _Instant:
    """A date/time value: seconds since the epoch (UTC when zoned), a leap second part, zoned or not."""

    seconds: Fraction
    leap: Fraction
    zoned: bool


class _DateTime(_Base):
    ordered = True

    def __init__(self, kind: str) -> None:
        source, self.description = _DATE_FORMS[kind]
        self.form = re.compile(source)

    def lexical(self, text: str) -> bool:
        return self.form.fullmatch(text) is not None

    def parse(self, text: str, context: Context) -> Any:
        match = self.form.fullmatch(text)
        assert match is not None
        fields = match.groupdict()
        year, month, day = 2000, 1, 1
        if fields.get("year"):
            written = int(fields["year"])
            if written == 0:
                raise _Invalid("there is no year 0000")
            year = written + 1 if written < 0 else written  # astronomical numbering: -0001 is year 0
        if fields.get("month"):
            month = int(fields["month"])
            if not 1 <= month <= 12:
                raise _Invalid(f"there is no month {fields['month']}")
        if fields.get("day"):
            day = int(fields["day"])
            if not 1 <= day <= _days_in_month(year, month):
                raise _Invalid(f"there is no day {fields['day']} in that month")
        hour = int(fields.get("hour") or 0)
        minute = int(fields.get("minute") or 0)
        second = int(fields.get("second") or 0)
        fraction = Fraction(Decimal("0" + (fields.get("fraction") or ".0")))
        if hour > 23 or minute > 59 or second > 60:
            raise _Invalid("not a time of day (hh:mm:ss, hours 00-23)")
        leap = Fraction(0)
        if second == 60:
            second, leap = 59, fraction + 1
            fraction = Fraction(0)
        seconds = Fraction(_days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second) + fraction
        zone = fields.get("tz")
        if zone and zone != "Z":
            sign = -1 if zone[0] == "-" else 1
            seconds -= sign * (int(zone[1:3]) * 3600 + int(zone[4:6]) * 60)
        return _Instant(seconds, leap, bool(zone))

    def less(self, a: Any, b: Any) -> bool:
        first, second = a.seconds, b.seconds
        if a.zoned != b.zoned:
            if b.zoned:
                first += _FOURTEEN_HOURS
            else:
                second -= _FOURTEEN_HOURS
        return (first, a.leap) < (second, b.leap)


_DURATION = re.compile(
    r"(?P<sign>-)?P(?:(?P<Y>[0-9]+)Y)?(?:(?P<M>[0-9]+)M)?(?:(?P<D>[0-9]+)D)?"
    r"(?:T(?:(?P<h>[0-9]+)H)?(?:(?P<m>[0-9]+)M)?(?:(?P<s>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)S)?)?"
)
_REFERENCE_MONTHS = ((1696, 9), (1697, 2), (1903, 3), (1903, 7))


class _Duration(_Base):
    description = "a duration such as P1Y2M3DT4H5M6S"
    ordered = True

    def lexical(self, text: str) -> bool:
        return _DURATION.fullmatch(text) is not None and text[-1] not in "PT"

    def parse(self, text: str, context: Context) -> Any:
        match = _DURATION.fullmatch(text)
        assert match is not None
        sign = -1 if match.group("sign") else 1
        fields = [int(match.group(k) or 0) * sign for k in "YMDhm"]
        seconds = Decimal(match.group("s") or 0) * sign
        return (*fields, seconds.normalize() if seconds else Decimal(0))

    def less(self, a: Any, b: Any) -> bool:
        months_a, months_b = a[0] * 12 + a[1], b[0] * 12 + b[1]
        seconds_a, seconds_b = _duration_seconds(a), _duration_seconds(b)
        if months_a < months_b and seconds_a <= seconds_b:
            return True
        if months_a == months_b:
            return seconds_a < seconds_b
        if months_a > months_b and seconds_a >= seconds_b:
            return False
        for year, month in _REFERENCE_MONTHS:
            total_a = _month_days(months_a, year, month) * 86400 + seconds_a
            total_b = _month_days(months_b, year, month) * 86400 + seconds_b
            if total_a >= total_b:
                return False
        return True


def _duration_seconds(value: tuple[Any, ...]) -> Decimal:
    seconds: Decimal = value[5]
    return Decimal(((value[2] * 24 + value[3]) * 60 + value[4]) * 60) + seconds


def _month_days(months: int, year: int, month: int) -> int:
    """Days in ``months`` months counted from the start of ``year``-``month``."""
    if months < 0:
        return -_month_days(-months, year, month)
    cycles, rest = divmod(months, 400 * 12)
    total = 0
    for _ in range(rest):
        total += _days_in_month(year, month)
        month += 1
        if month == 13:
            month, year = 1, year + 1
    return cycles * (365 * 400 + 97) + total


class _List(_Base):
    """NMTOKENS, IDREFS, ENTITIES: a space-separated list of at least one item."""

    measured = True

    def __init__(self, item: _Base, description: str, id_type: str | None = None) -> None:
        self.item = item
        self.description = description
        self.id_type = id_type

    def lexical(self, text: str) -> bool:
        tokens = text.split(" ")
        return text != "" and all(self.item.lexical(token) for token in tokens)

    def parse(self, text: str, context: Context) -> Any:
        return tuple(self.item.parse(token, context) for token in text.split(" "))


def _integer(low: int | None, high: int | None, description: str) -> _Integer:
    return _Integer(low, high, description)


_XSD_TYPES: dict[str, Callable[[], _Base]] = {
    "string": lambda: _String(_preserve),
    "normalizedString": lambda: _String(_replace),
    "token": lambda: _String(collapse),
    "boolean": _Boolean,
    "decimal": _Decimal,
    "integer": lambda: _integer(None, None, "an integer"),
    "nonPositiveInteger": lambda: _integer(None, 0, "an integer"),
    "negativeInteger": lambda: _integer(None, -1, "an integer"),
    "long": lambda: _integer(-(2**63), 2**63 - 1, "an integer"),
    "int": lambda: _integer(-(2**31), 2**31 - 1, "an integer"),
    "short": lambda: _integer(-(2**15), 2**15 - 1, "an integer"),
    "byte": lambda: _integer(-128, 127, "an integer"),
    "nonNegativeInteger": lambda: _integer(0, None, "an integer"),
    "unsignedLong": lambda: _integer(0, 2**64 - 1, "an integer"),
    "unsignedInt": lambda: _integer(0, 2**32 - 1, "an integer"),
    "unsignedShort": lambda: _integer(0, 2**16 - 1, "an integer"),
    "unsignedByte": lambda: _integer(0, 255, "an integer"),
    "positiveInteger": lambda: _integer(1, None, "an integer"),
    "double": lambda: _Double(False),
    "float": lambda: _Double(True),
    "Name": lambda: _Pattern(is_name, "an XML name"),
    "QName": _QName,
    "NOTATION": _QName,
    "NCName": lambda: _Pattern(is_ncname, "an XML name without a colon"),
    "NMTOKEN": lambda: _Pattern(is_nmtoken, "an XML name token"),
    "NMTOKENS": lambda: _List(_Pattern(is_nmtoken, "an XML name token"), "a list of XML name tokens"),
    "ID": lambda: _Pattern(is_ncname, "an XML name without a colon", "ID"),
    "IDREF": lambda: _Pattern(is_ncname, "an XML name without a colon", "IDREF"),
    "IDREFS": lambda: _List(_Pattern(is_ncname, "an XML name"), "a list of XML names without colons", "IDREFS"),
    "ENTITY": lambda: _Entity(is_ncname, "the name of an unparsed entity"),
    "ENTITIES": lambda: _List(_Entity(is_ncname, "an entity name"), "a list of unparsed entity names"),
    "language": lambda: _Pattern(_language, "a language tag such as en or de-1901"),
    "anyURI": _AnyUri,
    "hexBinary": _HexBinary,
    "base64Binary": _Base64Binary,
    "duration": _Duration,
    "untypedAtomic": lambda: _String(_preserve),
    "anyAtomicType": lambda: _String(_preserve),
    **{kind: (lambda kind=kind: _DateTime(kind)) for kind in _DATE_FORMS},  # type: ignore[misc]
}

# -- parameters (facets) ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Facet:
    """One parameter: a test on the value (and the normalised text), and what to say when it fails."""

    name: str
    limit: Any
    text: str
    regex: Regex | None = None

    def problem(self, base: _Base, value: Any, normalised: str) -> str | None:
        name, limit = self.name, self.limit
        if name == "pattern":
            assert self.regex is not None
            return None if self.regex.matches(normalised) else f"must match the pattern {self.text!r}"
        if name in ("length", "minLength", "maxLength"):
            size = base.length(value)
            if name == "length" and size != limit:
                return f"must have length {limit} (it has {size})"
            if name == "minLength" and size < limit:
                return f"must have length at least {limit} (it has {size})"
            if name == "maxLength" and size > limit:
                return f"must have length at most {limit} (it has {size})"
            return None
        if name == "minInclusive":
            return None if base.less(limit, value) or value == limit else f"must be at least {self.text}"
        if name == "minExclusive":
            return None if base.less(limit, value) else f"must be more than {self.text}"
        if name == "maxInclusive":
            return None if base.less(value, limit) or value == limit else f"must be at most {self.text}"
        if name == "maxExclusive":
            return None if base.less(value, limit) else f"must be less than {self.text}"
        digits = value.normalize().as_tuple() if value else Decimal(0).as_tuple()
        exponent = digits.exponent if isinstance(digits.exponent, int) else 0
        if name == "fractionDigits":
            fraction = max(0, -exponent)
            return f"must have at most {limit} digits after the point" if fraction > limit else None
        total = max(len(digits.digits), -exponent) if exponent < 0 else len(digits.digits) + exponent
        if value == 0:
            total = 1
        return f"must have at most {limit} digits" if total > limit else None


_ORDER_FACETS = ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive")
_LENGTH_FACETS = ("length", "minLength", "maxLength")


class Datatype:
    """A type with its parameters, ready to validate values."""

    def __init__(self, library: str, name: str, base: _Base, facets: tuple[_Facet, ...]) -> None:
        self.library = library
        self.name = name
        self.base = base
        self.facets = facets
        self.id_type = base.id_type
        self.context_dependent = base.context_dependent
        #: string/token with no parameters: every text is valid (the derivative needs no check).
        self.allows_any_string = isinstance(base, _String) and type(base) is _String and not facets

    def normalise(self, text: str) -> str:
        return self.base.whitespace(text)

    def problem(self, text: str, context: Context = NO_CONTEXT) -> str | None:
        """None if ``text`` is a value of this type, else what is wrong (for messages)."""
        normalised = self.base.whitespace(text)
        if not self.base.lexical(normalised):
            return f"must be {self.base.description}"
        try:
            value = self.base.parse(normalised, context)
        except _Invalid as exc:
            return str(exc)
        for facet in self.facets:
            found = facet.problem(self.base, value, normalised)
            if found:
                return found
        return None

    def value(self, text: str, context: Context = NO_CONTEXT) -> Any:
        """The value of ``text`` (comparable with ``==``), or None when ``text`` is not one."""
        normalised = self.base.whitespace(text)
        if not self.base.lexical(normalised):
            return None
        try:
            value = self.base.parse(normalised, context)
        except _Invalid:
            return None
        for facet in self.facets:
            if facet.problem(self.base, value, normalised):
                return None
        return value

    def valid(self, text: str, context: Context = NO_CONTEXT) -> bool:
        return self.allows_any_string or self.value(text, context) is not None

    def __repr__(self) -> str:
        return f"Datatype({self.library!r}, {self.name!r}, {[(f.name, f.text) for f in self.facets]})"


def _length_parameter(text: str) -> int:
    stripped = text.strip()
    if _DECIMAL.fullmatch(stripped) is None:
        raise DatatypeError(f"must be a non-negative integer, not {text!r}")
    number = Decimal(stripped)
    if number < 0 or number != number.to_integral_value():
        raise DatatypeError(f"must be a non-negative integer, not {text!r}")
    return int(min(number, Decimal(2**31 - 1)))


def make_datatype(library: str, name: str, params: list[tuple[str, str]], context: Context = NO_CONTEXT) -> Datatype:
    """The datatype a ``data`` or ``value`` pattern names; DatatypeError (one line) if the schema is wrong."""
    if library in (BUILTIN, COMPATIBILITY):
        if library == BUILTIN and name in ("string", "token"):
            base: _Base = _String(_preserve if name == "string" else collapse)
        elif library == COMPATIBILITY and name in ("ID", "IDREF", "IDREFS"):
            base = _String(collapse)
            base.id_type = name
        else:
            known = "string and token" if library == BUILTIN else "ID, IDREF and IDREFS"
            raise DatatypeError(f"the datatype library {library or '(built-in)'} has no type {name!r} (only {known})")
        if params:
            raise DatatypeError(f"the type {name!r} of the built-in library takes no parameters")
        return Datatype(library, name, base, ())
    if library != XSD:
        raise DatatypeError(
            f"unknown datatype library {library!r}; use {XSD} (XML Schema) or leave datatypeLibrary empty"
        )
    make = _XSD_TYPES.get(name)
    if make is None:
        raise DatatypeError(f"XML Schema has no datatype {name!r}")
    base = make()
    facets: list[_Facet] = []
    for param, text in params:
        facets.append(_facet(base, name, param, text, context))
    return Datatype(library, name, base, tuple(facets))


def _facet(base: _Base, type_name: str, param: str, text: str, context: Context) -> _Facet:
    if param == "pattern":
        try:
            return _Facet(param, None, text, compile_regex(text))
        except RegexError as exc:
            where = f"at character {exc.position + 1}"
            raise DatatypeError(f"invalid regular expression {text!r}: {exc} ({where})") from exc
    if param in _ORDER_FACETS:
        if not base.ordered:
            raise DatatypeError(f"{param} applies only to ordered types, not to {type_name}")
        normalised = base.whitespace(text)
        if not base.lexical(normalised):
            raise DatatypeError(f"{param} {text!r} is not {base.description}")
        try:
            limit = base.parse(normalised, context)
        except _Invalid as exc:
            raise DatatypeError(f"{param} {text!r} is not allowed by {type_name}: {exc}") from exc
        return _Facet(param, limit, normalised)
    if param in _LENGTH_FACETS:
        if not base.measured:
            raise DatatypeError(f"{param} applies only to types with a length, not to {type_name}")
        try:
            return _Facet(param, _length_parameter(text), text.strip())
        except DatatypeError as exc:
            raise DatatypeError(f"{param} {exc}") from exc
    if param in ("fractionDigits", "totalDigits"):
        if not base.decimal:
            raise DatatypeError(f"{param} applies only to decimal types, not to {type_name}")
        try:
            limit = _length_parameter(text)
        except DatatypeError as exc:
            raise DatatypeError(f"{param} {exc}") from exc
        if param == "totalDigits" and limit == 0:
            raise DatatypeError("totalDigits must be a positive integer")
        return _Facet(param, limit, text.strip())
    if param == "enumeration":
        raise DatatypeError("enumeration is not a parameter in RELAX NG: use <choice> of <value> elements")
    if param == "whiteSpace":
        raise DatatypeError("whiteSpace is not a parameter in RELAX NG")
    raise DatatypeError(f"unknown parameter {param!r} for {type_name}")


@functools.lru_cache(maxsize=4096)
def datatype_of(spec: DatatypeSpec) -> Datatype:
    """The datatype a grammar's spec names (built once per process; specs were checked when the schema loaded)."""
    return make_datatype(spec.library, spec.name, list(spec.params), Context(spec.context))


def value_of(datatype: Datatype, text: str, context: Context) -> Any:
    """The value a ``value`` pattern stands for; DatatypeError when the schema's text is not of its type."""
    if datatype.library in (BUILTIN, COMPATIBILITY):
        return datatype.normalise(text)
    found = datatype.value(text, context)
    if found is None:
        problem = datatype.problem(text, context) or f"is not a valid {datatype.name}"
        raise DatatypeError(f"the value {text!r} is not a {datatype.name}: it {problem}")
    return found


def equal_value(datatype: Datatype, text: str, context: Context, expected: Any) -> bool:
    """Whether ``text`` has the value ``expected`` (from :func:`value_of`) in ``datatype``."""
    if datatype.library in (BUILTIN, COMPATIBILITY):
        return bool(datatype.normalise(text) == expected)
    found = datatype.value(text, context)
    return found is not None and bool(found == expected)

