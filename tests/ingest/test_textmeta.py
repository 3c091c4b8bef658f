"""Title, date and source read from a page's header lines."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.textmeta import (find_published, find_source, find_title, is_meta_line, parse_date,
                               tidy_title)


@pytest.mark.parametrize("text, date", [
    ("2024-07-08", dt.date(2024, 7, 8)),
    ("2024年7月8日", dt.date(2024, 7, 8)),
    ("2024年07月08日 09:30", dt.date(2024, 7, 8)),
    ("2024/7/8 10:11:12", dt.date(2024, 7, 8)),
    ("2024.7.8", dt.date(2024, 7, 8)),
    ("2024-13-40", None),
    ("共12345个", None),
])
def test_parse_date(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize("lines, date", [
    (["某县推进均衡发展", "发布时间:2024-07-08 来源:某报客户端"], dt.date(2024, 7, 8)),
    (["访谈时间:2023-04-24 11:13:40", "主持人:办公室"], dt.date(2023, 4, 24)),
    (["日期：2022年3月1日"], dt.date(2022, 3, 1)),
    # a Q&A page: the question's 发布时间, not the answer's 时间, whatever the order
    (["时间:2024-12-12 13:40", "发布时间:2023-05-14 05:12"], dt.date(2023, 5, 14)),
    (["发布网友", "发布时间:2023-05-14 05:12", "我来回答", "时间:2024-12-12 13:40"], dt.date(2023, 5, 14)),
    (["2019年以来全县新建学校12所。"], None),
    (["活动时间：全年"], None),
    (["某校举办科技节", "为丰富校园生活，学校举办科技节。", "时间：2024年5月1日上午"], None),
])
def test_find_published(lines: list[str], date: dt.date | None) -> None:
    assert find_published(lines) == date


def test_find_source() -> None:
    assert find_source(["发布时间:2024-07-08 来源:中国教育报客户端"]) == "中国教育报客户端"
    assert find_source(["文章来源：某市教育局 | 作者：张三"]) == "某市教育局"
    assert find_source(["全县教育经费来源多元。"]) is None
    assert find_source(["学校经费来源：财政拨款和社会捐助。"]) is None


@pytest.mark.parametrize("line, meta", [
    ("发布时间:2024-07-08 来源:中国教育报客户端", True),
    ("2009年11月09日00:00 来源：某某网-《某某日报》", True),
    ("发布时间：2024年05月05日 | 字体放大 | 字体缩小", True),
    ("记者 张三 来源：某某青年报", False),
    ("2023年我区财政性教育经费投入9.64亿元", False),
    ("某省教育厅　　2023-07-21", True),
    ("某市日报 2024年3月1日", True),
    ("全县2023年7月21日召开教育工作会议", False),
    ("某县实验小学2023年9月1日开学", False),
    ("某区教育 2024-10-15 18:30 浙江", True),
    ("来源：某日报 2024年09月03日 记者 张三 通讯员 李四", True),
    ("某某新闻网讯 2024-06-20 记者 王五", True),
    ("2024年6月20日，全县召开教育大会", False),
    ("全县 2024年6月20日召开教育大会", False),
])
def test_is_meta_line(line: str, meta: bool) -> None:
    assert is_meta_line(line) is meta


@pytest.mark.parametrize("lines, title", [
    (["某县教育局:弯道超车 迈向优质均衡", "发布时间:2024-07-08 来源:某报", "正文第一段。"],
     "某县教育局:弯道超车 迈向优质均衡"),
    (["访谈主题:【在线访谈】《某市教育强镇实施方案》政策解读", "访谈时间:2023-04-24"],
     "《某市教育强镇实施方案》政策解读"),
    (["高点定位促进高位均衡", "——某区推进义务教育均衡工作情况", "近年来，全区坚持优先发展。"],
     "高点定位促进高位均衡——某区推进义务教育均衡工作情况"),
    (["近年来，全区坚持优先发展教育，投入大量资金改善办学条件。"], None),
    (["某校开展读书月活动", "本月全校开展读书活动。", "主题：书香校园"], "某校开展读书月活动"),
])
def test_find_title(lines: list[str], title: str | None) -> None:
    found = find_title(lines)
    assert (found[0] if found else None) == title


@pytest.mark.parametrize("lines, max_rank, date", [
    (["活动时间：2024-05-01", "发布日期：2024-04-20"], 2, dt.date(2024, 4, 20)),
    (["活动时间：2024-05-01"], 2, None),  # 时间 inside 活动时间 is not a label
    (["时间:2024-12-12 13:40"], 1, None),
    (["日期：2022-03-01"], 1, dt.date(2022, 3, 1)),
    (["日期：2022-03-01"], 0, None),
])
def test_find_published_label_boundaries_and_rank(lines: list[str], max_rank: int,
                                                  date: dt.date | None) -> None:
    assert find_published(lines, max_rank=max_rank) == date


@pytest.mark.parametrize("title, tidy", [
    ("曹方新碟发布会创意无限 特制入场门票体现心意_大陆新闻_娱乐_某某网", "曹方新碟发布会创意无限 特制入场门票体现心意"),
    ("【某某专栏】坚定实施扩大内需战略 -某新网", "【某某专栏】坚定实施扩大内需战略"),
    ("中华人民共和国监察法-纪检", "中华人民共和国监察法"),
    ("某项目启动--健康·生活--某某网", "某项目启动"),
    ("某市教育局 | 关于做好2024年义务教育招生工作的通知", "关于做好2024年义务教育招生工作的通知"),
    ("2023-2024学年度第一学期校历", "2023-2024学年度第一学期校历"),
    ("某县推进均衡发展", "某县推进均衡发展"),
    (None, None),
])
def test_tidy_title(title: str | None, tidy: str | None) -> None:
    assert tidy_title(title) == tidy


def test_header_date() -> None:
    from pipeline.textmeta import header_date
    assert header_date(["某县新建学校", "2024年7月8日 09:30 来源：某县融媒体中心", "正文。"]) == dt.date(2024, 7, 8)
    assert header_date(["某县新建学校", "2019年以来全县新建学校12所。"]) is None
