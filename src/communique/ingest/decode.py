"""Bytes to text: size limits, binary detection, encoding detection."""

from __future__ import annotations

import unicodedata

from charset_normalizer import from_bytes

from communique.errors import UnreadableInputError

_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))
_CONTROL_OK = {"\n", "\r", "\t", "\f"}


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
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise UnreadableInputError(
            "input is not valid UTF-8 and its encoding cannot be detected", source=source
        )
    return data.decode(best.encoding, errors="replace")


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
