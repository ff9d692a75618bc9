"""Bytes to text: size limits, binary detection, encoding detection."""

from __future__ import annotations

import re
import unicodedata

from charset_normalizer import from_bytes

from communique.errors import UnreadableInputError

_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))
_CONTROL_OK = {"\n", "\r", "\t", "\f"}
_MAX_CHAOS = 0.3
_WEB_ENCODINGS = (
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1250",
    "cp1251",
    "iso8859_2",
    "koi8_r",
    "cp1253",
    "cp1254",
    "cp1256",
    "cp1257",
    "cp1255",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def check_size(size: int, limit: int, source: str) -> None:
    if limit and size > limit:
        raise UnreadableInputError(
            f"input is {size:,} bytes, over the limit of {limit:,} (setting max_bytes)",
            source=source,
        )


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` as UTF-8 if it is, else as the detected encoding.

    Raises :class:`UnreadableInputError` for empty, binary or undecodable input.
    """
    if not data.strip():
        raise UnreadableInputError("input is empty", source=source)
    text = _decode(data, source)
    if not text.strip():  # a byte order mark and nothing else
        raise UnreadableInputError("input is empty", source=source)
    if _looks_binary(text):
        raise UnreadableInputError("input looks binary, not text", source=source)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _decode(data: bytes, source: str) -> str:
    for encoding, bom in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    if b"\x00" in data[:4096]:
        raise UnreadableInputError("input looks binary, not text (NUL bytes)", source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if _has_utf8_sequences(data):
            # Mostly UTF-8 with broken bytes: corrupted, not a legacy encoding.
            raise UnreadableInputError(
                f"input is not valid UTF-8 (bad byte 0x{data[e.start]:02x} at offset {e.start})",
                source=source,
            ) from e
    detected = _detect(data[:200_000])
    if detected is None:
        raise UnreadableInputError(
            "input is not valid UTF-8 and its encoding cannot be detected", source=source
        )
    return data.decode(detected, errors="replace")


def _detect(data: bytes) -> str | None:
    """The legacy encoding of ``data``: among the least chaotic readings, the most common on the web.

    Short texts decode cleanly in many code pages; charset_normalizer's own
    ranking then often picks a DOS code page, so common web encodings win ties.
    """
    matches = [m for m in from_bytes(data) if m.encoding and m.chaos <= _MAX_CHAOS]
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    calm = [m for m in matches if m.chaos <= least + 0.01]
    coherent = max(m.coherence for m in calm)
    tied = [str(m.encoding) for m in calm if m.coherence >= coherent - 0.05]
    for encoding in _WEB_ENCODINGS:
        if encoding in tied:
            return encoding
    return tied[0]


def _has_utf8_sequences(data: bytes) -> bool:
    """Whether ``data`` holds well-formed multi-byte UTF-8 sequences (é, “, –)."""
    return _UTF8_MULTIBYTE.search(data) is not None


def _looks_binary(text: str) -> bool:
    sample = text[:20_000]
    if not sample:
        return False
    odd = sum(
        1
        for ch in sample
        if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in _CONTROL_OK)
    )
    return odd / len(sample) > 0.02
