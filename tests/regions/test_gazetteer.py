"""The gazetteer: every level fully loaded, known codes, the municipality and 省直辖 model,
short names, and rule-file errors that name the file and the entry."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from pipeline import gazetteer
from pipeline.errors import RuleError
from pipeline.gazetteer import derive_short_name, load_gazetteer, load_name_rules

RULES = Path(__file__).resolve().parents[2] / "rules"


def test_every_level_fully_loaded():
    counts = Counter(r["level"] for r in load_gazetteer().rows())
    assert 31 <= counts["province"] <= 34
    assert 330 <= counts["city"] <= 340
    assert 2800 <= counts["county"] <= 2900
    assert set(counts) == {"province", "city", "county"}


@pytest.mark.parametrize("code, name, level, parent, province, city, short", [
    ("350111", "晋安区", "county", "350100", "福建省", "福州市", "晋安"),
    ("420506", "夷陵区", "county", "420500", "湖北省", "宜昌市", "夷陵"),
    ("370100", "济南市", "city", "370000", "山东省", "济南市", "济南"),
    ("420500", "宜昌市", "city", "420000", "湖北省", "宜昌市", "宜昌"),
    ("110105", "朝阳区", "county", "110000", "北京市", "北京市", "朝阳"),      # municipality district
    ("500103", "渝中区", "county", "500000", "重庆市", "重庆市", "渝中"),
    ("429004", "仙桃市", "county", "420000", "湖北省", "", "仙桃"),           # 省直辖县级行政区
    ("429021", "神农架林区", "county", "420000", "湖北省", "", "神农架"),
    ("522700", "黔南布依族苗族自治州", "city", "520000", "贵州省", "黔南布依族苗族自治州", "黔南"),
    ("152500", "锡林郭勒盟", "city", "150000", "内蒙古自治区", "锡林郭勒盟", "锡林郭勒"),
    ("150000", "内蒙古自治区", "province", "", "内蒙古自治区", "", "内蒙古"),
    ("110000", "北京市", "province", "", "北京市", "", "北京"),
])
def test_known_codes(code, name, level, parent, province, city, short):
    assert load_gazetteer().by_code(code) == dict(code=code, name=name, level=level, parent_code=parent or None,
                                                  province=province, city=city or None,
                                                  short_name=short or None)


def test_rows_are_the_regions_table():
    rows = load_gazetteer().rows()
    assert len(rows) == len({r["code"] for r in rows})
    assert all(list(r) == ["code", "name", "level", "parent_code", "province", "city", "short_name"]
               for r in rows)
    rows[0]["name"] = "changed"  # a copy: the gazetteer itself is not mutated
    assert load_gazetteer().rows()[0]["name"] != "changed"
    load_gazetteer().by_code("350111")["name"] = "changed"
    assert load_gazetteer().by_code("350111")["name"] == "晋安区"
    assert sum(r["parent_code"] is None for r in rows) == 34  # NULL, not "", for the provinces


def test_every_parent_is_one_level_up_or_the_province():
    gz = load_gazetteer()
    for r in gz.rows():
        parent = gz.by_code(r["parent_code"])
        if r["level"] == "province":
            assert parent is None
        elif r["level"] == "city":
            assert parent["level"] == "province"
        else:
            assert parent["level"] in ("city", "province")
            assert r["code"][:2] == parent["code"][:2]


def test_no_one_character_short_names():
    gz = load_gazetteer()
    assert all(r["short_name"] is None or len(r["short_name"]) >= 2 for r in gz.rows())
    assert gz.by_code("130133")["short_name"] is None  # 赵县
    assert all(len(form) >= 2 for form in gz.surfaces())


@pytest.mark.parametrize("name, level, short", [
    ("黔南布依族苗族自治州", "city", "黔南"),
    ("长阳土家族自治县", "county", "长阳"),
    ("鄂温克族自治旗", "county", "鄂温克"),
    ("东乡族自治县", "county", "东乡"),
    ("积石山保安族东乡族撒拉族自治县", "county", "积石山"),
    ("伊犁哈萨克自治州", "city", "伊犁"),
    ("广西壮族自治区", "province", "广西"),
    ("内蒙古自治区", "province", "内蒙古"),
    ("香港特别行政区", "province", "香港"),
    ("万柏林区", "county", "万柏林"),
    ("神农架林区", "county", "神农架"),
    ("六枝特区", "county", "六枝"),
    ("阿克苏地区", "city", "阿克苏"),
    ("城区", "county", ""),
    ("赵县", "county", ""),
])
def test_derive_short_name(name, level, short):
    assert derive_short_name(name, level, load_name_rules().ethnic_groups) == short


def test_former_names_and_aliases():
    gz = load_gazetteer()
    assert [r["code"] for r in gz.lookup("郫县")] == ["510117"]
    assert [r["code"] for r in gz.lookup("襄樊市")] == ["420600"]
    assert [r["code"] for r in gz.lookup("梅列区")] == ["350404"]
    assert [r["code"] for r in gz.lookup("湘西州")] == ["433100"]
    assert gz.lookup("市区") == []  # a generic former name is not kept


def test_towns_are_loaded_and_read_only_inside_a_region():
    from pipeline.gazetteer import load_towns, towns_within

    towns = load_towns()
    assert 35000 <= sum(len(v) for v in towns.values()) <= 45000
    assert ("宦溪镇", "350111103") in towns["350111"]
    assert towns_within("350100")["宦溪镇"] == "350111"
    assert towns_within("350111")["宦溪镇"] == "350111"
    assert "宦溪镇" not in towns_within("420500")


def test_common_word_shorts_are_blocked():
    gz = load_gazetteer()
    for word in ("平原", "合作", "和平", "公安", "新建", "城关", "振兴", "通道"):
        assert gz.lookup(word) == [], word


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    shutil.copytree(RULES / "regions", tmp_path / "regions")
    monkeypatch.setenv("EDUMINE_RULES", str(tmp_path))
    load_name_rules.cache_clear()
    gazetteer.load_gazetteer.cache_clear()
    yield tmp_path
    load_name_rules.cache_clear()
    gazetteer.load_gazetteer.cache_clear()


@pytest.mark.parametrize("edit, loc, reason", [
    (lambda s: s + "\nsynonyms: []\n", "<file>", "unknown key"),
    (lambda s: s.replace("blocked_shorts: [", "blocked_shorts: [资源, "), "blocked_shorts[", "duplicate"),
    (lambda s: s.replace('内蒙: "150000"', '内蒙: "159999"'), "aliases.内蒙", "unknown code"),
    (lambda s: s.replace('内蒙: "150000"', '内蒙: "15"'), "aliases.内蒙", "6-digit"),
])
def test_names_yaml_errors_name_file_and_entry(rules_copy, edit, loc, reason):
    path = rules_copy / "regions" / "names.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(RuleError) as exc:
        load_gazetteer()
    assert "regions/names.yaml" in str(exc.value) and loc in exc.value.loc and reason in str(exc.value)


@pytest.mark.parametrize("edit, reason", [
    (lambda s: s.replace("350111,晋安区,county", "350111,晋安区,district"), "level 'district'"),
    (lambda s: s.replace("350111,晋安区,county,350100", "350111,晋安区,county,359900"), "unknown parent_code"),
    (lambda s: s + "350111,晋安区,county,350100,福建省,福州市,晋安\n", "duplicate code 350111"),
])
def test_gazetteer_csv_errors(rules_copy, edit, reason):
    path = rules_copy / "regions" / "gazetteer.csv"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(RuleError) as exc:
        load_gazetteer()
    assert "regions/gazetteer.csv" in str(exc.value) and reason in str(exc.value)
