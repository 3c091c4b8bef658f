"""Each encoding Chinese sites use, written by the test itself, and the failures."""
from __future__ import annotations

import pytest

from pipeline.decode import codec_name, decode, looks_binary, meta_charset
from pipeline.errors import InputError

SIMPLIFIED = "福州市晋安区今年新建学校12所，新增学位1.5万个，教育经费投入9.64亿元。"
TRADITIONAL = "晉安區劃調整前叫郊區，有城有鄉、有平原有山區，教育經費投入9.64億元。"


def _page(charset: str, body: str) -> str:
    return f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">' \
           f"</head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize("text, codec, declared, encoding", [
    (SIMPLIFIED, "utf-8", None, "utf-8"),
    (SIMPLIFIED, "utf-8-sig", None, "utf-8-sig"),
    (SIMPLIFIED, "gbk", None, "gb18030"),
    (SIMPLIFIED, "gb2312", None, "gb18030"),
    (SIMPLIFIED, "gb18030", None, "gb18030"),
    (SIMPLIFIED, "gbk", "gb2312", "gb18030"),
    (TRADITIONAL, "big5", None, "big5hkscs"),
    (TRADITIONAL, "big5", "big5", "big5hkscs"),
    (TRADITIONAL, "utf-8", None, "utf-8"),
    (SIMPLIFIED, "utf-8", "gb2312", "utf-8"),  # the header lies: bytes are UTF-8
    (SIMPLIFIED, "gbk", "utf-8", "gb18030"),  # the header lies the other way
    (TRADITIONAL, "big5", "utf-8", "big5hkscs"),
])
def test_plain_bytes(text: str, codec: str, declared: str | None, encoding: str) -> None:
    assert decode(text.encode(codec), declared) == (text, encoding)


def test_gbk_declared_page_with_char_outside_gb2312() -> None:
    text = "镕基同志到学校调研，喆、堃两位教师参加座谈。"  # 镕 喆 堃 are GBK, not GB2312
    html = _page("gb2312", text)
    assert decode(html.encode("gbk")) == (html, "gb18030")


def test_meta_says_gb2312_bytes_are_utf8() -> None:
    html = _page("gb2312", SIMPLIFIED)
    assert decode(html.encode("utf-8")) == (html, "utf-8")


def test_meta_charset_used_when_it_decodes() -> None:
    html = _page("big5", TRADITIONAL)
    assert decode(html.encode("big5")) == (html, "big5hkscs")
    assert meta_charset(html.encode("big5")) == "big5"


def test_utf16_with_bom() -> None:
    assert decode("\ufeff".encode("utf-16-le") + SIMPLIFIED.encode("utf-16-le")) == (SIMPLIFIED, "utf-16")


def test_few_damaged_bytes_are_dropped_not_shown() -> None:
    data = (SIMPLIFIED * 40).encode("gbk") + b"\xff" + SIMPLIFIED.encode("gbk")
    text, enc = decode(data)
    assert enc == "gb18030" and "\ufffd" not in text and text == SIMPLIFIED * 41


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(100), b"%PDF-1.7\n" + bytes(50), b"PK\x03\x04" + bytes(40),
    bytes(range(0, 32)) * 20, b"abc\x00def",
])
def test_binary(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(InputError) as err:
        decode(data)
    assert err.value.reason == "binary"


def test_undecodable() -> None:
    data = bytes([0x80, 0xFF, 0x80, 0xFF, 0x41]) * 200
    with pytest.raises(InputError) as err:
        decode(data)
    assert err.value.reason == "undecodable"


@pytest.mark.parametrize("label, codec", [
    ("GB2312", "gb18030"), ("gbk", "gb18030"), ("x-gbk", "gb18030"), ("Big5", "big5hkscs"),
    ("UTF-8", "utf-8"), ("latin-1", "iso8859-1"), ("nonsense", None), (None, None),
])
def test_codec_names(label: str | None, codec: str | None) -> None:
    assert codec_name(label) == codec


def test_utf8_with_a_cut_character_stays_utf8_whatever_the_meta_says() -> None:
    html = _page("gb2312", SIMPLIFIED * 30)
    data = html.encode("utf-8")
    data = data[:200] + data[201:]  # one byte of a character lost
    text, enc = decode(data)
    assert enc == "utf-8" and "\ufffd" not in text and text.count("晋安区") >= 29


def test_gbk_page_with_few_chinese_characters_is_not_taken_for_utf8() -> None:
    html = _page("gbk", "<script>var x = 1;</script>" * 200 + "教育局")
    assert decode(html.encode("gbk")) == (html, "gb18030")


def test_short_utf8_text_cut_inside_two_characters() -> None:
    good = "某县教育局工作报告\n2023年全区财政性教育经费投入9.64亿元。\n"
    data = good.encode("utf-8")[:-2] + "教".encode("utf-8")[:2]
    text, enc = decode(data)
    assert enc == "utf-8" and text == good[:-2]


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "latin1", "us-ascii"])
def test_western_charset_declared_on_a_chinese_page_is_ignored(label: str) -> None:
    html = _page(label, SIMPLIFIED)
    assert decode(html.encode("gbk"), label) == (html, "gb18030")
