"""Turn the bytes of an input file into clean text, saying what was changed.

Why a module of its own: the header must record the sha256 of the exact input
bytes and every normalisation applied (BOM, line ends, forbidden characters),
and the CLI must give one-line errors for bytes that are not text.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from tei.errors import InputError

# Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, surrogates, U+FFFE/FFFF).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


#: Codecs Python lists as text encodings that are not encodings of documents (they transform text).
_NOT_DOCUMENT_ENCODINGS = frozenset({"punycode", "idna", "unicode-escape", "raw-unicode-escape", "undefined"})

_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "UTF-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "UTF-16", "utf-16"),
)

_BOMS = tuple(bom for bom, _, _ in _WIDE_BOMS)


def _text_codec(name: str, path: str) -> codecs.CodecInfo:
    """The codec of ``--encoding``; only encodings of text are accepted (not rot13, base64, hex, punycode…)."""
    try:
        info = codecs.lookup(name)
    except LookupError as exc:
        raise InputError(f"unknown encoding {name!r}: give a name Python knows, e.g. cp1252", path=path) from exc
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_DOCUMENT_ENCODINGS:
        raise InputError(
            f"{name!r} is not an encoding of text files; give one such as utf-8, cp1252, latin-1 or utf-16",
            path=path,
        )
    return info


def _nul_message(data: bytes, encoding: str | None) -> str:
    """Why a file with NUL bytes is refused, with the --encoding to try when it is UTF-16 or UTF-32."""
    given = f" as {encoding}" if encoding else ""
    for bom, label, codec in _WIDE_BOMS:
        if data.startswith(bom):
            return f"the file is {label} (it starts with a {label} byte-order mark): give --encoding {codec}"
    head = data[:8192]
    if len(head) >= 4:
        even, odd = head[0::2], head[1::2]
        quads = [head[i::4] for i in range(4)]
        if sum(q.count(0) for q in quads[1:]) > 0.9 * sum(len(q) for q in quads[1:]) and not quads[0].count(0):
            return "the file looks like UTF-32 (little-endian) without a byte-order mark: give --encoding utf-32-le"
        if sum(q.count(0) for q in quads[:3]) > 0.9 * sum(len(q) for q in quads[:3]) and not quads[3].count(0):
            return "the file looks like UTF-32 (big-endian) without a byte-order mark: give --encoding utf-32-be"
        if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return "the file looks like UTF-16 (little-endian) without a byte-order mark: give --encoding utf-16-le"
        if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "the file looks like UTF-16 (big-endian) without a byte-order mark: give --encoding utf-16-be"
    return f"this looks like a binary file (it contains NUL bytes), not text{given}"


@dataclass(frozen=True)
class SourceText:
    """Decoded input plus the facts the header records about it."""

    text: str
    sha256: str
    encoding: str
    size: int
    had_bom: bool = False
    had_crlf: bool = False
    removed_controls: int = 0
    notes: tuple[str, ...] = field(default=())


def decode(data: bytes, *, path: str = "<input>", encoding: str | None = None) -> SourceText:
    """Decode ``data`` (UTF-8 unless ``encoding`` is given) and normalise it for XML.

    Raises InputError for empty input, binary data and undecodable bytes, with
    the line of the first bad byte and what to do about it.
    """
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError("the file is empty: there is no text to encode", path=path)
    name = encoding or "utf-8"
    info = _text_codec(name, path)
    wide = info.name.startswith(("utf-16", "utf-32"))
    if not wide and (b"\x00" in data[:8192] or (encoding is None and data.startswith(_BOMS))):
        raise InputError(_nul_message(data, encoding), path=path)
    had_bom = data.startswith(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8-sig" if info.name == "utf-8" else name)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"byte 0x{data[exc.start]:02x} is not valid {name}; "
            "if the file is in another encoding, give it with --encoding (e.g. --encoding cp1252)",
            path=path,
            line=line,
        ) from exc
    except (UnicodeError, ValueError, TypeError, LookupError) as exc:
        raise InputError(f"cannot be decoded as {name}: {exc}; check --encoding", path=path) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
        had_bom = True
    had_crlf = "\r" in text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, removed = _FORBIDDEN.subn("", text)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise InputError("the file holds no text once control characters are removed", path=path)
    notes = []
    if had_bom:
        notes.append("A byte-order mark at the start of the input was removed.")
    if had_crlf:
        notes.append("Line ends (CR LF or CR) were normalised to LF.")
    if removed:
        notes.append(f"{removed} control character(s) that XML does not allow were removed.")
    if info.name != "utf-8":
        notes.append(f"The input was decoded from {name}.")
    return SourceText(
        text=text,
        sha256=digest,
        encoding=name,
        size=len(data),
        had_bom=had_bom,
        had_crlf=had_crlf,
        removed_controls=removed,
        notes=tuple(notes),
    )
