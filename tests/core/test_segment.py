"""Sentence splitting and the owned jieba tokenizer."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.segment import (JiebaSpacyTokenizer, RJiebaSegmenter, JiebaSegmenter, clauses,
                              make_segmenter, make_tokenizer, split_sentences, words)


def texts(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("今年投入3亿元。新建学校5所！", ["今年投入3亿元。", "新建学校5所！"]),
    ("他说：“我们建了5所学校。”然后离开了。", ["他说：“我们建了5所学校。”", "然后离开了。"]),
    ("他说：“第一，建校。第二，招人。”会议结束。", ["他说：“第一，建校。第二，招人。”", "会议结束。"]),
    ("一是加大投入\n二是建设学校", ["一是加大投入", "二是建设学校"]),
    ("  前有空格。  \n\n后有空行  ", ["前有空格。", "后有空行"]),
    ("真的吗？！是的。", ["真的吗？！", "是的。"]),
    ("没有句号的一句", ["没有句号的一句"]),
    ("", []),
    ("（一）优化条件。（二）提高质量。", ["（一）优化条件。", "（二）提高质量。"]),
])
def test_split_sentences(text, expected):
    assert texts(text) == expected


def test_spans_lie_inside_text_and_in_order():
    text = "甲。乙！\n丙？“丁。”戊"
    spans = split_sentences(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


def test_clauses_split_at_chinese_punctuation():
    text = "投入1.8亿元，加固校舍139栋；新增学位：2000个"
    got = [text[a:b] for a, b in clauses(text, 0, len(text))]
    assert got == ["投入1.8亿元", "加固校舍139栋", "新增学位", "2000个"]


@pytest.mark.parametrize("text, want", [
    ("交流教师1,268名,其中骨干教师312名", ["交流教师1,268名", "其中骨干教师312名"]),
    ("生师比16.3:1,低于标准", ["生师比16.3:1", "低于标准"]),
    ("学位12,50个", ["学位12", "50个"]),          # not a digit group: a break
    ("共1,2345人", ["共1", "2345人"]),            # four digits after it: a break
    ("时间:10:30;地点:礼堂", ["时间", "10:30", "地点", "礼堂"]),
    ("a∶b，,c", ["a", "b", "c"]),
])
def test_clauses_keep_digit_groups_and_digit_colons(text, want):
    assert [text[a:b] for a, b in clauses(text, 0, len(text))] == want


def test_clauses_read_the_digit_before_their_start():
    text = "共1,268名"  # from 2 the comma follows a digit outside the span: still a digit group
    assert [text[a:b] for a, b in clauses(text, 2, len(text))] == [",268名"]


def test_jieba_words_rebuild_text_exactly():
    text = "福州市晋安区推进县管校聘改革，新增学位1.5万个。\n  第二段"
    assert "".join(words(text)) == text


def test_spacy_doc_text_equals_input():
    import spacy

    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaSpacyTokenizer(nlp.vocab)
    text = "晋安区 财政性教育经费投入9.64亿元，\n较上年增长23.65%。"
    doc = nlp(text)
    assert doc.text == text
    assert "".join(t.text for t in doc) == text


def test_tokenizer_is_owned_not_global():
    import jieba

    tk = make_tokenizer()
    assert tk is not jieba.dt
    assert make_tokenizer() is tk  # one load per process


SAMPLES = [
    "福州市晋安区推进县管校聘改革，新增学位1.5万个，增长23.65%。",
    "发布时间:2023-05-14 05:12 来源：www.moe.gov.cn 3,500万元 COVID-19 A-B级",
    "探索集团化办学与教育共同体建设，统筹推进城乡义务教育一体化，九年一贯制学校10所。",
    "Copyright@2000-2022 All Rights Reserved. 京ICP备05071141号",
    "  空格  与\n换行\t制表  ",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_rjieba_matches_jieba_with_our_user_dictionary(text):
    assert RJiebaSegmenter().cut(text) == JiebaSegmenter().cut(text)


def test_user_dictionary_is_loaded():
    for seg in (JiebaSegmenter(), RJiebaSegmenter()):
        assert "县管校聘" in seg.cut("推行县管校聘改革"), seg.name


def test_unknown_segmenter_is_a_rule_error(monkeypatch):
    from pipeline.errors import RuleError

    with pytest.raises(RuleError, match="unknown segmenter"):
        make_segmenter("nope")


def _sentences_char_by_char(text: str) -> list[tuple[int, int]]:
    """The splitter's rules read one character at a time (the reference for its skipping search)."""
    from pipeline.segment import _CLOSE_QUOTES, _CLOSERS, _OPEN_QUOTES, _TERMINAL

    spans, start, depth, i, n = [], 0, 0, 0, len(text)

    def push(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))

    while i < n:
        ch = text[i]
        depth += 1 if ch in _OPEN_QUOTES else -1 if ch in _CLOSE_QUOTES and depth else 0
        if ch == "\n":
            push(start, i)
            start, depth = i + 1, 0
        elif ch in _TERMINAL:
            j = i + 1
            while j < n and text[j] in _TERMINAL:
                j += 1
            closes = 0
            while j < n and text[j] in _CLOSERS:
                closes += text[j] in _CLOSE_QUOTES
                j += 1
            if depth == 0 or closes >= depth:
                depth = 0
                push(start, j)
                start = j
            i = j
            continue
        i += 1
    push(start, n)
    return spans


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="甲乙 \n。！？!?“”‘’「」『』）)】a", max_size=60))
def test_sentence_split_equals_reading_every_character(text: str) -> None:
    assert split_sentences(text) == _sentences_char_by_char(text)
