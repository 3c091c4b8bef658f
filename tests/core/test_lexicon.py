"""The lean word lists read from jieba's dictionary file equal the Python Tokenizer's own tables."""
from pipeline.regions import _WORD_FREQ, lexicon, load_org_rules
from pipeline.segment import jieba_dictionary_path, load_lexicon, make_tokenizer

# every tricky case of Tokenizer.add_word: a word of frequency 19 added again without one (jieba
# suggests 20: it joins the frequent words), a frequent word given a low frequency (it leaves),
# a cut through a character that only begins entries (仫) and an unknown one (龘), a cut over an
# earlier user word, a word written twice (the last wins), a frequent word added again
SYNTHETIC = """# test dictionary
丁宁
学校 5
仫龘 n
丁宁龘
县管校聘 n
县管校聘 30
教育
校聘教育 v
"""


def _frequent(tk, min_freq):
    return {w for w, f in tk.FREQ.items() if f >= min_freq}


def _tagged(tk, initials):
    """The tag table as regions read it before: every "word freq tag" line of the dictionary file."""
    tags = {}
    with tk.get_dict_file() as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return {w for w, t in tags.items() if t[:1] in initials}


def test_dictionary_path_is_the_tokenizers():
    import jieba

    with jieba.Tokenizer().get_dict_file() as fh:
        assert str(jieba_dictionary_path()) == fh.name


def test_regions_lexicon_equals_the_tokenizers_tables():
    tk, lex = make_tokenizer(), lexicon()
    assert lex.common == _frequent(tk, _WORD_FREQ)
    assert lex.tagged == _tagged(tk, load_org_rules().cut_tags)
    assert lex.user_freq == {w: tk.FREQ[w] for w in lex.user_freq}
    assert "县管校聘" in lex.user_freq and "学校" in lex.common


def test_user_words_get_the_tokenizers_frequencies(tmp_path):
    path = tmp_path / "userdict.txt"
    path.write_text(SYNTHETIC, encoding="utf-8")
    tk = make_tokenizer(str(path))
    lex = load_lexicon(20, frozenset("v"), str(path))
    assert lex.user_freq == {w: tk.FREQ[w] for w in lex.user_freq}
    assert len(lex.user_freq) == 7
    assert lex.user_freq["丁宁"] == 20 and lex.user_freq["县管校聘"] == 30 and lex.user_freq["学校"] == 5
    assert lex.common == _frequent(tk, 20)
    assert "丁宁" in lex.common and "学校" not in lex.common
