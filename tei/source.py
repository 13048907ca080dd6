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
    if b"\x00" in data[:8192] and not (encoding or "").lower().startswith("utf-16"):
        raise InputError("this looks like a binary file (it contains NUL bytes), not text", path=path)
    had_bom = data.startswith(codecs.BOM_UTF8)
    name = encoding or "utf-8"
    try:
        codecs.lookup(name)
    except LookupError as exc:
        raise InputError(f"unknown encoding {name!r}: give a name Python knows, e.g. cp1252", path=path) from exc
    try:
        text = data.decode("utf-8-sig" if name.lower().replace("_", "-") in ("utf-8", "utf8") else name)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"byte 0x{data[exc.start]:02x} is not valid {name}; "
            "if the file is in another encoding, give it with --encoding (e.g. --encoding cp1252)",
            path=path,
            line=line,
        ) from exc
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
    if name.lower() not in ("utf-8", "utf8"):
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
