"""Bytes to clean text: encoding detection, binary detection and normalisation.

Articles arrive as files saved by anything: UTF-8 with or without a byte-order mark, old
Windows-1252 or Latin-1 exports, the occasional binary file named ``.txt``. A wrong guess is
worse than a rejection: mojibake ("Ã©tÃ©") would be annotated, stored and quoted as evidence.
So the order is: byte-order mark, then binary check, then strict UTF-8, then Windows-1252 when the
result reads like Western European text (chronique reads French and English), and only then the
statistical guess of ``charset-normalizer``, which on short French texts prefers Central European
code pages and must not be trusted first.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from chronique.errors import DecodingError

__all__ = ["MAX_DOCUMENT_BYTES", "decode_bytes", "normalise_text", "normalise_line"]

#: Largest document accepted, in bytes of UTF-8 text (and of an article file on disk). Larger
#: inputs are rejected before being read whole: no news article comes near it.
MAX_DOCUMENT_BYTES = 5_000_000

#: Checked longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_SAMPLE_BYTES = 8192
_BINARY_CONTROL_BYTES = frozenset(set(range(0x20)) - set(b"\t\n\r\f\v") | {0x7F})
#: Share of control bytes above which a sample is binary (text has almost none).
_MAX_CONTROL_SHARE = 0.10
#: Share of words written only with non-ASCII letters above which a Windows-1252 reading is
#: taken for mojibake (Cyrillic or Greek bytes read as "Ïðèâåò"); French words almost always
#: hold an ASCII letter ("été", "ça", "où").
_MAX_FOREIGN_WORD_SHARE = 0.10

_LINE_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_WORDS = re.compile(r"[^\W\d_]{2,}")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text in ``data`` and the name of the encoding it was read with.

    Raises ``DecodingError`` (reason only, the caller names the document) for binary data or
    bytes that no encoding decodes.
    """
    marked_encoding = _encoding_from_byte_order_mark(data)
    if marked_encoding is not None:
        try:
            return data.decode(marked_encoding), marked_encoding
        except UnicodeDecodeError:
            reason = f"not text: invalid {marked_encoding} despite its byte-order mark"
            raise DecodingError(reason) from None
    if _looks_binary(data):
        raise DecodingError("not text: looks like a binary file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = _decode_western(data)
    if western is not None:
        return western, "cp1252"
    match = from_bytes(data).best()
    if match is None:
        raise DecodingError("not text: no known encoding decodes it")
    return str(match), match.encoding


def normalise_text(text: str) -> str:
    """``text`` with ``\\n`` line endings, no control characters but ``\\n`` and ``\\t``, in NFC.

    Offsets of every annotation index this text, so it must be one canonical string: the same
    article saved on Windows or with decomposed accents gives the same characters. Control
    characters (NUL, escape sequences…) are hostile or noise in an article and are dropped;
    form feeds and other line separators become line breaks so that words stay apart.
    """
    text = _LINE_BREAKS.sub("\n", text).lstrip("\ufeff")
    text = _CONTROL_CHARACTERS.sub("", text)
    return unicodedata.normalize("NFC", text)


def normalise_line(value: str) -> str:
    """A one-line field (title, source): normalised text with whitespace runs made one space."""
    return " ".join(normalise_text(value).split())


def _encoding_from_byte_order_mark(data: bytes) -> str | None:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    return None


def _looks_binary(data: bytes) -> bool:
    """True for data with a NUL byte or many control bytes near its start, as git and grep judge."""
    sample = data[:_BINARY_SAMPLE_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _BINARY_CONTROL_BYTES)
    return controls > len(sample) * _MAX_CONTROL_SHARE


def _decode_western(data: bytes) -> str | None:
    """``data`` read as Windows-1252 when that gives plausible Western European text, else None.

    Windows-1252 is a superset of Latin-1 for text (it puts ’ œ € … where Latin-1 has unused
    control codes), so it reads both. Polish or Czech files in their own code pages are out of
    scope here and may be misread; UTF-8 is the answer for them.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    words = _WORDS.findall(text)
    foreign_words = sum(1 for word in words if not any(character.isascii() for character in word))
    if foreign_words > len(words) * _MAX_FOREIGN_WORD_SHARE:
        return None
    return text
