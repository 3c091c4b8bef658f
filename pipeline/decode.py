"""Bytes to text for the encodings Chinese sites use.

Declared charsets lie: a page whose meta says gb2312 is often UTF-8. So strict
UTF-8 is tried first (random GBK bytes almost never form valid multi-byte
UTF-8), then the declared charset (HTTP header, else the page's own meta),
then detection. GB2312 and GBK are decoded as GB18030, their superset, so a
rare character outside GB2312 does not break a page.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .errors import InputError

# codecs we decode a declared charset with (superset first)
_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030",
    "cp936": "gb18030", "euc-cn": "gb18030", "hz-gb-2312": "gb18030",
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "cp950": "big5hkscs", "x-x-big5": "big5hkscs",
    "utf8": "utf-8", "utf-8": "utf-8",
}
_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
          b"BZh", b"\x7fELF", b"MZ", b"Rar!", b"7z\xbc\xaf", b"OggS", b"ID3", b"\x00\x00\x01\x00")
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# single-byte Western charsets decode any bytes: declared on a page with non-ASCII bytes,
# they are a template default, never the truth of a Chinese page
_WESTERN = re.compile(r"^(?:iso8859-\d+|cp125\d|latin-?1|ascii|mac-roman|cp437)$")
# detection is asked to choose among these only: what Chinese pages are written in
_CANDIDATES = ("gb18030", "big5hkscs")
# undecodable sequences we tolerate in a damaged page, per non-ASCII byte (they are
# dropped, never shown as U+FFFD); a page in another encoding fails on most of them
_DAMAGE = 0.02
_DAMAGE_MIN = 3  # a cut download loses a character or two at its end


def codec_name(label: str | None) -> str | None:
    """The codec we decode a declared charset label with, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _ALIASES:
        return _ALIASES[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_ASCII = bytes(range(0x80))


def looks_binary(data: bytes) -> bool:
    """True for images, archives, executables and other non-text bytes."""
    head = data[:8192]
    if head.startswith(_MAGIC):
        return True
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROLS))  # counted in C, not per byte
    return controls > max(4, len(head) // 50)


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its own ``<meta>`` (first 4 KB), if any."""
    m = _META.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _damaged(data: bytes, codec: str) -> str | None:
    """Decode dropping a few bad bytes; None when the damage is more than a trace."""
    text = data.decode(codec, errors="replace")
    high = len(data.translate(None, _ASCII))  # bytes above 0x7F (ASCII deleted), counted in C
    if text.count("\ufffd") > max(_DAMAGE_MIN, high * _DAMAGE):
        return None
    return text.replace("\ufffd", "")


def _detect(data: bytes) -> tuple[str, str] | None:
    """Choose among the Chinese legacy codecs the bytes decode with."""
    fits = [(c, t) for c in _CANDIDATES if (t := _strict(data, c)) is not None]
    if len(fits) == 1:
        return fits[0][1], fits[0][0]
    best = from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
    if best is not None and best.encoding in dict(fits):
        return str(best), best.encoding
    if fits:  # both decode: GB18030 is by far the commoner on mainland sites
        return fits[0][1], fits[0][0]
    best = from_bytes(data).best()
    if best is not None and best.chaos < 0.2 and not _WESTERN.match(codec_name(best.encoding) or ""):
        return str(best), best.encoding
    return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes; return (text, encoding used).

    Raises ``InputError("binary")`` for non-text bytes and
    ``InputError("undecodable")`` when no Chinese encoding fits.
    """
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8") or _damaged(data[3:], "utf-8")
        if text is None:
            raise InputError("undecodable", "UTF-8 BOM but invalid UTF-8")
        return text, "utf-8-sig"
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom) and (text := _strict(data[2:], codec)) is not None:
            return text, "utf-16"
    if looks_binary(data):
        raise InputError("binary", "binary content")
    text = _strict(data, "utf-8") or _damaged(data, "utf-8")
    if text is not None:  # a cut or damaged UTF-8 page also fits GB18030, as nonsense
        return text, "utf-8"
    for label in (declared, meta_charset(data)):
        codec = codec_name(label)
        if codec and codec != "utf-8" and not _WESTERN.match(codec) \
                and (text := _strict(data, codec)) is not None:
            return text, codec
    found = _detect(data)
    if found is not None:
        return found
    for label in (declared, meta_charset(data), "utf-8", "gb18030"):
        codec = codec_name(label)
        if codec and not _WESTERN.match(codec) and (text := _damaged(data, codec)) is not None:
            return text, codec
    raise InputError("undecodable", "no Chinese encoding fits the bytes")
