"""Gold for tests/devset3, documents f01-f06 (writer A), as data, plus checks.

Run `python tests/devset3/gold_a.py`. It checks that
  1. every gold surface occurs in its document's text, in text order (for the
     HTML page and the JSON Lines record: in the visible text, after dropping
     script/style, stripping tags and unescaping entities; the HTML file is
     GB18030/GBK bytes), and that a match is not the tail of a longer number;
  2. every junk string occurs in the raw document;
  3. each title occurs in the text;
  4. the value of every surface written with Arabic digits agrees with an
     independent reading of the surface (unit multipliers, 亩, full-width digits);
then rewrites gold_a.jsonl. Edit the gold here, not in gold_a.jsonl.
F(surface, kind, value, metric, year, modality, qual); year Y -> [Y, Y].
Conventions: tests/devset/README.md, tests/devset2/README.md, NOTES_A.md.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from goldkit import A, T, S, F, MU, ar, c, check_and_write, document_builder, m, n, p, pp  # noqa: E402,F401

docs = []
D = document_builder(docs)

# ---------------------------------------------------------------- f01
# County government work report, delivered 2025-01-09, posted 2025-01-21,
# reviewing 2024 -> as_of 2024; 2025 section = targets.
S21 = [2021, 2024]
D("f01_dancheng_zhengfubaogao", "郸城县政府工作报告（节选）", "2025-01-21", 2024,
  "411625", "郸城县", "county",
  [],
  ["funding_guarantee", "school_construction", "class_size_control", "teacher_supply",
   "teacher_welfare", "teacher_rotation", "urban_rural_integration", "group_schooling",
   "student_aid", "nutrition_meals", "campus_safety", "county_managed_teachers",
   "standardization", "quality_evaluation"],
  [F("386.2亿元", m, 38620000000, None, 2024), F("5.6%", p, 5.6, None, 2024),
   F("18.7亿元", m, 1870000000, None, 2024), F("4.1%", p, 4.1, None, 2024),
   F("33120元", m, 33120, None, 2024), F("17860元", m, 17860, None, 2024),
   F("4.6%", p, 4.6, None, 2024), F("6.8%", p, 6.8, None, 2024),
   F("12.6万亩", ar, 126000 * MU), F("412公里", n, 412),
   F("78.5%", p, 78.5), F("6120人", c, 6120), F("1.2万余人", c, 12000, None, None, A, "over"),
   F("21.36亿元", m, 2136000000, "edu_spending", 2024), F("23.4%", p, 23.4, "edu_budget_share", 2024),
   F("1.2个百分点", pp, 1.2, "edu_spending_growth", 2024),
   F("3.8亿元", m, 380000000, "construction_investment", 2024), F("14所", c, 14, "schools_built", 2024),
   F("9600个", c, 9600, "school_places_added", 2024),
   F("486名", c, 486, "teachers_recruited"), F("210名", c, 210, "teachers_recruited"),
   F("300元至700元", m, 300, "teacher_pay_spending", None, S),
   F("1830人次", c, 1830, "teachers_exchanged", S21), F("26个", c, 26, "education_groups", S21),
   F("1.27亿元", m, 127000000, "student_aid"), F("8.6万人次", c, 86000, "students_aided"),
   F("13.5万人", c, 135000, "students_aided"), F("97.6%", p, 97.6, "consolidation_rate"),
   F("6%左右", p, 6, None, 2025, T, "about"), F("5%", p, 5, None, 2025, T),
   F("8所", c, 8, "schools_built", 2025, T), F("5000个以上", c, 5000, "school_places_added", 2025, T, "over"),
   F("2.4万平方米", ar, 24000, "floor_area_built", 2025, T),
   F("400名", c, 400, "teachers_recruited", 2025, T, "at_least"),
   F("3—5所", c, 3, "featured_schools", 2025, T)])

# ---------------------------------------------------------------- f02
# Interview with the county education bureau head, 2024-08-29.
Y3 = [2022, 2024]
D("f02_wangkui_fangtan", "让每个孩子在家门口上好学", "2024-08-29", 2024,
  "231221", "望奎县", "county",
  ["【打印本页】", "【关闭窗口】"],
  ["vulnerable_children", "school_construction", "standardization", "class_size_control",
   "teacher_supply", "county_managed_teachers", "teacher_rotation", "teacher_welfare",
   "group_schooling", "teacher_training", "digital_education", "quality_evaluation"],
  [F("两所", c, 2, "schools_built", 2024),
   F("四十六所", c, 46, "school_count", 2024), F("三十一所", c, 31, "school_count", 2024),
   F("十一所", c, 11, "school_count", 2024), F("四所", c, 4, "nine_year_schools", 2024),
   F("两万一千余人", c, 21000, "student_count", 2024, A, "over"),
   F("两千三百多名", c, 2300, "teacher_count", 2024, A, "over"),
   F("三千二百余名", c, 3200, None, None, A, "over"),
   F("3亿多元", m, 300000000, "construction_investment", S21, A, "over"),
   F("8.6万平方米", ar, 86000, "floor_area_built", S21), F("19块", c, 19, None, S21),
   F("2700个", c, 2700, "school_places_added", 2024),
   F("37个", c, 37, None, 2023),
   F("45人以内", c, 45, None, 2024, T, "at_most"),
   F("318名", c, 318, "teachers_recruited", Y3), F("12名", c, 12, "teachers_recruited", Y3),
   F("15%", p, 15, "teachers_exchanged", None, S, "at_least"),
   F("九百六十余人次", c, 960, "teachers_exchanged", S21, A, "over"),
   F("200元至600元", m, 200, "teacher_pay_spending"),
   F("一千一百万元", m, 11000000, "teacher_pay_spending", 2024),
   F("1.5倍", n, 1.5, None, 2024),
   F("5个", c, 5, "education_groups"), F("六十八间", c, 68),
   F("超过120节", c, 120, None, None, A, "over"),
   F("四个百分点", pp, 4, None, 2023),
   F("0.50以内", n, 0.5, "quality_gap", 2026, T, "at_most"),
   F("0.45以内", n, 0.45, "quality_gap", 2026, T, "at_most"),
   F("1.2亿元", m, 120000000, "construction_investment", 2025, T),
   F("1500个", c, 1500, "school_places_added", 2025, T)])

# ---------------------------------------------------------------- f03
# City government site, GBK bytes labelled gb2312 (the page uses 喆, a GBK-only
# character), full-width １２所, 1,268名, &ldquo;1+N&rdquo;.
D("f03_jinzhou_zhengfuwang", "锦州市多措并举推进义务教育优质均衡发展", "2024-11-12", 2024,
  "210700", "锦州市", "city",
  ["网站首页", "无障碍浏览", "当前位置", "浏览次数", "【字体：", "打印本页", "关闭窗口",
   "分享到", "上一篇", "相关链接", "主办单位", "辽ICP备05003618号", "辽公网安备",
   "网站标识码", "_hmt", "<div", "&gt;"],
  ["group_schooling", "urban_rural_integration", "funding_guarantee", "school_construction",
   "weak_school_improvement", "standardization", "county_managed_teachers", "teacher_rotation",
   "teacher_training", "quality_evaluation"],
  [F("287所", c, 287, "school_count"), F("逾25万人", c, 250000, "student_count", None, A, "over"),
   F("1.87万人", c, 18700, "teacher_count"),
   F("56.8亿元", m, 5680000000, "edu_spending", 2023), F("6.2%", p, 6.2, "edu_spending_growth", 2023),
   F("720元", m, 720, "per_student_public_funds", 2023), F("920元", m, 920, "per_student_public_funds", 2023),
   F("18.6亿元", m, 1860000000, "construction_investment", S21),
   F("１２所", c, 12, "schools_built", S21),
   F("1.5万余个", c, 15000, "school_places_added", S21, A, "over"),
   F("32万平米", ar, 320000, "floor_area_built", S21), F("120亩", ar, 120 * MU, None, S21),
   F("9个", c, 9, "education_groups", 2024), F("42个", c, 42, "education_groups", 2024),
   F("78.6%", p, 78.6, "coverage_rate", 2024),
   F("1,268名", c, 1268, "teachers_exchanged", 2024), F("19.3%", p, 19.3, "teachers_exchanged", 2024),
   F("312名", c, 312, "teachers_exchanged", 2024),
   F("2000万元", m, 20000000, "training_funds", None, S, "at_least"),
   F("4.2万人次", c, 42000, "teachers_trained", Y3),
   F("3个", c, 3, None, 2024),
   F("50%以上", p, 50, "coverage_rate", 2027, T, "over"),
   F("0.50", n, 0.5, "quality_gap", 2027, T, "at_most"), F("0.45", n, 0.45, "quality_gap", 2027, T, "at_most")])

# ---------------------------------------------------------------- f04
# 2023 statistical bulletin published 2024-04-18 -> as_of 2023.
D("f04_chengmai_tongjigongbao", "澄迈县2023年教育事业发展统计公报", "2024-04-18", 2023,
  "469023", "澄迈县", "county",
  [],
  ["class_size_control", "teacher_supply", "special_education", "student_aid", "nutrition_meals"],
  [F("268所", c, 268, "school_count", 2023), F("5所", c, 5, "school_count", 2023),
   F("7.42万人", c, 74200, "student_count", 2023), F("1,035人", c, 1035, "student_count", 2023),
   F("5,873人", c, 5873, "teacher_count", 2023), F("156人", c, 156, "teacher_count", 2023),
   F("120所", c, 120, "school_count"), F("96所", c, 96, "school_count"), F("24所", c, 24, "school_count"),
   F("11所", c, 11, "nine_year_schools"), F("71所", c, 71, "school_count"), F("73.96%", p, 73.96, "school_count"),
   F("6,482人", c, 6482, None, 2023), F("213人", c, 213, None, 2023),
   F("3.62万人", c, 36200, "student_count", 2023), F("1.55万人", c, 15500, "student_count", 2023),
   F("486人", c, 486, "student_count", 2023),
   F("100%", p, 100, "enrollment_rate", 2023), F("102.3%", p, 102.3, "enrollment_rate", 2023),
   F("97.9%", p, 97.9, "consolidation_rate", 2023), F("0.4个百分点", pp, 0.4, "consolidation_rate", 2023),
   F("332个", c, 332), F("46.7人", c, 46.7), F("12个", c, 12),
   F("3.61%", p, 3.61, "large_class_ratio"), F("2.1个百分点", pp, 2.1, "large_class_ratio"),
   F("12.4∶1", n, 12.4), F("11.2:1", n, 11.2),
   F("238名", c, 238, "teachers_recruited", 2023), F("百分之七十二", p, 72, "teachers_recruited", 2023),
   F("68.7万平方米", ar, 687000, "floor_area_built"), F("3.6万平方米", ar, 36000, "floor_area_built"),
   F("2.84亿元", m, 284000000),
   F("142所", c, 142, "school_count"), F("1.27万人", c, 12700, "student_count"),
   F("92.5%", p, 92.5, "enrollment_rate"), F("5所", c, 5, "school_count"), F("8,946人", c, 8946, "student_count"),
   F("4.16万人次", c, 41600, "students_aided", 2023), F("5,382.6万元", m, 53826000, "student_aid", 2023),
   F("5.17万人", c, 51700, "students_aided", 2023), F("4,136万元", m, 41360000, "student_aid", 2023)])

# ---------------------------------------------------------------- f05
# Inspection feedback and rectification report, signed 2024-06-28, posted 2024-07-02.
D("f05_huzhu_dudaozhenggai",
  "互助土族自治县人民政府关于义务教育优质均衡发展省级督导检查反馈问题整改情况的报告",
  "2024-07-02", 2024, "630223", "互助土族自治县", "county",
  [],
  ["quality_evaluation", "teacher_supply", "county_managed_teachers", "school_construction",
   "class_size_control", "standardization", "boarding_schools", "teacher_rotation",
   "teacher_evaluation", "funding_guarantee"],
  [F("2,846名", c, 2846), F("2,671名", c, 2671, "teacher_count"), F("175名", c, 175),
   F("一百二十余名", c, 120, None, None, A, "over"),
   F("45人", c, 45, None, None, S, "at_most"), F("50人", c, 50, None, None, S, "at_most"),
   F("21个", c, 21), F("6.8%", p, 6.8, "large_class_ratio"),
   F("82.4%", p, 82.4, "coverage_rate"),
   F("15%", p, 15, "teachers_exchanged", None, S, "at_least"),
   F("20%", p, 20, "teachers_exchanged", None, S, "at_least"),
   F("11.6%", p, 11.6, "teachers_exchanged", 2023), F("13.2%", p, 13.2, "teachers_exchanged", 2023),
   F("14.3%", p, 14.3, "edu_budget_share", 2023), F("0.6个百分点", pp, 0.6, "edu_spending_growth", 2023),
   F("80个", c, 80, "teacher_posts_added", 2024), F("96名", c, 96, "teachers_recruited", 2024),
   F("41名", c, 41, "teachers_recruited", 2024), F("37名", c, 37, "teachers_exchanged", 2024),
   F("1.35亿元", m, 135000000, "construction_investment"), F("2160个", c, 2160, "school_places_added"),
   F("3%以下", p, 3, "large_class_ratio", 2024, T, "at_most"),
   F("4800万元", m, 48000000, "construction_investment"), F("3.6万平方米", ar, 36000),
   F("4栋", c, 4), F("约1200万元", m, 12000000, "construction_investment", None, A, "about"),
   F("316名", c, 316, "teachers_exchanged", 2024, T), F("16.5%", p, 16.5, "teachers_exchanged", 2024, T),
   F("68名", c, 68, "teachers_exchanged", 2024, T), F("21.5%", p, 21.5, "teachers_exchanged", 2024, T),
   F("2.06亿元", m, 206000000, "edu_spending", 2024), F("8.7%", p, 8.7, "edu_spending_growth", 2024),
   F("15%以上", p, 15, "edu_budget_share", 2024, T, "over")])

# ---------------------------------------------------------------- f06
# JSON Lines dump, one record (html from the county media centre).
D("f06_manasi_rongmeiti", "玛纳斯县：城乡教育共同体让乡村孩子共享优质资源", "2024-10-16", 2024,
  "652324", "玛纳斯县", "county",
  ["下载客户端", "当前位置", "分享到", "QQ空间", "版权所有", "新ICP备16002310号-1",
   "未经授权禁止转载", "<div", "&gt;"],
  ["urban_rural_integration", "group_schooling", "teacher_rotation", "teacher_welfare",
   "school_construction", "standardization", "digital_education", "teacher_training",
   "quality_evaluation"],
  [F("8个", c, 8, "education_groups", 2024), F("21所", c, 21, "paired_schools", 2024),
   F("5%至8%", p, 5, "teachers_exchanged", None, S),
   F("23名", c, 23, "teachers_exchanged", 2024),
   F("近五百万元", m, 5000000, None, 2024, A, "nearly"),
   F("300元", m, 300, "teacher_pay_spending", 2024),
   F("超2.6亿元", m, 260000000, "construction_investment", S21, A, "over"),
   F("11所", c, 11, "schools_built", S21),
   F("约2.3万人", c, 23000, "student_count", None, A, "about"),
   F("38%左右", p, 38, None, None, A, "about"),
   F("近600节", c, 600, None, None, A, "nearly"), F("320余场次", c, 320, None, None, A, "over"),
   F("92.6%", p, 92.6, None, 2024), F("5.3个百分点", pp, 5.3, None, 2024),
   F("3个", c, 3, "education_groups", 2025, T)])


# ================================================================ checks
here = os.path.dirname(os.path.abspath(__file__))
check_and_write(docs, os.path.join(here, 'docs'), os.path.join(here, 'gold_a.jsonl'), html_charset='gbk')
