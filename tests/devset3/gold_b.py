"""Gold for tests/devset3, documents f07-f12 (writer B), as data, plus checks.

Run `python tests/devset3/gold_b.py`. It checks that
  1. every gold surface occurs in its document's text, in text order (for the
     HTML page and the JSON Lines record: in the visible text, after dropping
     script/style, stripping tags and unescaping entities; the HTML file is
     decoded strictly in the charset its <meta> declares, here UTF-8), and that
     a match is not the tail of a longer number;
  2. every junk string occurs in the raw document;
  3. each title occurs in the text;
  4. the value of every surface written with Arabic digits agrees with an
     independent reading of the surface (unit multipliers, 亩, thousands commas);
then rewrites gold_b.jsonl. Edit the gold here, not in gold_b.jsonl.
F(surface, kind, value, metric, year, modality, qual); year Y -> [Y, Y].
Conventions: tests/devset/README.md, tests/devset2/README.md, NOTES_A.md, NOTES_B.md.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from goldkit import A, T, S, F, MU, ar, c, check_and_write, document_builder, m, n, p, pp  # noqa: E402,F401

docs = []
D = document_builder(docs)

# ---------------------------------------------------------------- f07
# District self-assessment excerpt (优质均衡 自评报告), page 2024-10-15, signed
# 2024-09-28. Indicator table as text lines with ≥/≤ standards; 2023—2024学年.
D("f07_yanqing_ziping", "延庆区县域义务教育优质均衡发展督导评估自评报告（摘要）", "2024-10-15", 2024,
  "110119", "延庆区", "county",
  ["当前位置", "【打印本页】", "【关闭窗口】"],
  ["quality_evaluation", "standardization", "digital_education", "funding_guarantee",
   "teacher_welfare", "teacher_evaluation", "teacher_training", "county_managed_teachers",
   "teacher_rotation", "class_size_control", "group_schooling", "arts_sports_labor",
   "special_education"],
  [F("四个", c, 4),
   F("41所", c, 41, "school_count", 2024), F("27所", c, 27, "school_count", 2024),
   F("9所", c, 9, "school_count", 2024), F("5所", c, 5, "nine_year_schools", 2024),
   F("2.86万人", c, 28600, "student_count", 2024), F("2573人", c, 2573, "teacher_count", 2024),
   # table 1: no time phrase anywhere in the table block
   F("6.12人", c, 6.12), F("7.05人", c, 7.05),
   F("4.2人", c, 4.2, None, None, S, "at_least"), F("5.3人", c, 5.3, None, None, S, "at_least"),
   F("6.84平方米", ar, 6.84), F("8.92平方米", ar, 8.92),
   F("4.5平方米", ar, 4.5, None, None, S, "at_least"), F("5.8平方米", ar, 5.8, None, None, S, "at_least"),
   F("4860元", m, 4860), F("6270元", m, 6270),
   F("2000元", m, 2000, None, None, S, "at_least"), F("2500元", m, 2500, None, None, S, "at_least"),
   F("0.327", n, 0.327, "quality_gap"), F("0.281", n, 0.281, "quality_gap"),
   F("0.50", n, 0.5, "quality_gap", None, S, "at_most"), F("0.45", n, 0.45, "quality_gap", None, S, "at_most"),
   F("21.4亿元", m, 2140000000, "edu_spending", 2023), F("18.9%", p, 18.9, "edu_budget_share", 2023),
   F("1450元", m, 1450, "per_student_public_funds"), F("1750元", m, 1750, "per_student_public_funds"),
   F("5%", p, 5, "training_funds", None, S), F("1680万元", m, 16800000, "training_funds", 2024),
   F("196人", c, 196, "teachers_exchanged", [2023, 2024]), F("13.6%", p, 13.6, "teachers_exchanged", [2023, 2024]),
   F("52人", c, 52, "teachers_exchanged", [2023, 2024]), F("26.5%", p, 26.5, "teachers_exchanged", [2023, 2024]),
   F("10%", p, 10, "teachers_exchanged", None, S, "at_least"),
   F("20%", p, 20, "teachers_exchanged", None, S, "at_least"),
   F("99.6%", p, 99.6, "consolidation_rate"), F("97.8%", p, 97.8, "enrollment_rate"),
   F("96.4%", p, 96.4, "satisfaction_rate"),
   F("0.30", n, 0.3, "quality_gap", 2025, T, "at_most"),
   F("0.25以下", n, 0.25, "quality_gap", 2025, T, "at_most")])

# ---------------------------------------------------------------- f08
# City bureau half-year summary (上半年), page 2024-07-12, signed 2024-07-10.
# Bare 1—6月 / 上半年 / 春季学期 / 截至6月底 -> 2024; 下半年 plan -> 2024 targets.
D("f08_anshun_zongjie", "安顺市教育局2024年上半年工作总结及下半年工作计划", "2024-07-12", 2024,
  "520400", "安顺市", "city",
  ["【字体：大 中 小】"],
  ["funding_guarantee", "weak_school_improvement", "school_construction", "class_size_control",
   "nutrition_meals", "standardization", "teacher_supply", "county_managed_teachers",
   "teacher_rotation", "teacher_training", "student_aid", "vulnerable_children",
   "special_education", "group_schooling", "double_reduction", "quality_evaluation",
   "principal_management", "campus_safety"],
  [F("38.6亿元", m, 3860000000, "edu_spending", 2024), F("5.2%", p, 5.2, "edu_spending_growth", 2024),
   F("21.3%", p, 21.3, "edu_budget_share", 2024), F("0.9个百分点", pp, 0.9, "edu_spending_growth", 2024),
   F("4.72亿元", m, 472000000, None, 2024), F("1.36亿元", m, 136000000, "construction_investment", 2024),
   F("23个", c, 23, "projects"), F("7个", c, 7, "projects", 2024), F("4个", c, 4, "projects", 2024),
   F("3.46亿元", m, 346000000, "construction_investment", 2024), F("58.7%", p, 58.7, None, 2024),
   F("3150个", c, 3150, "school_places_added", 2024),
   F("56人以上", c, 56, None, None, S, "over"),
   F("1.8%", p, 1.8, "large_class_ratio"), F("0.7个百分点", pp, 0.7, "large_class_ratio"),
   F("12所", c, 12), F("5块", c, 5),
   F("612名", c, 612, "teachers_recruited", 2024), F("34.5%", p, 34.5, "teachers_recruited", 2024),
   F("6个", c, 6, None, 2024), F("1024名", c, 1024, "teachers_exchanged", 2024),
   F("386名", c, 386, "teachers_exchanged", 2024),
   F("2.3万余人次", c, 23000, "teachers_trained", 2024, A, "over"),
   F("97.2%", p, 97.2, "consolidation_rate"),
   F("1.28亿元", m, 128000000, "student_aid", 2024), F("19.6万人次", c, 196000, "students_aided", 2024),
   F("1186所", c, 1186, "school_count"), F("32.4万人", c, 324000, "students_aided"),
   F("5元", m, 5, "student_aid", None, S),
   F("1.8万名", c, 18000),
   F("9个", c, 9, "education_groups", 2024), F("47个", c, 47, "education_groups", 2024),
   F("213所", c, 213, "paired_schools", 2024), F("61.5%", p, 61.5, "paired_schools", 2024),
   F("93.8%", p, 93.8),
   F("4500个以上", c, 4500, "school_places_added", 2024, T, "over"), F("100%", p, 100, None, 2024, T),
   F("380名", c, 380, "teachers_recruited", 2024, T), F("800人次", c, 800, "teachers_trained", 2024, T),
   F("0.45以内", n, 0.45, "quality_gap", 2024, T, "at_most"),
   F("0.40以内", n, 0.4, "quality_gap", 2024, T, "at_most")])

# ---------------------------------------------------------------- f09
# Municipal people's congress research report, UTF-8 HTML page, 2024-09-27.
# Province-level region (上海市) while the body names districts.
D("f09_shanghai_renda", "关于本市义务教育阶段教师队伍建设情况的调研报告", "2024-09-27", 2024,
  "310000", "上海市", "province",
  ["今天是：", "网站首页", "无障碍浏览", "当前位置", "【字体：", "【打印本页】", "【关闭窗口】",
   "分享到", "上一篇", "下一篇", "相关链接", "主办单位", "沪ICP备05012786号-1", "沪公网安备",
   "网站标识码", "_hmt", "<div", "&gt;", "&ldquo;"],
  ["teacher_supply", "teacher_rotation", "teacher_welfare", "teacher_training",
   "teacher_evaluation", "county_managed_teachers"],
  [F("8个", c, 8, None, 2024), F("16场", c, 16, None, 2024), F("42所", c, 42, None, 2024),
   F("1.2万余份", c, 12000, None, 2024, A, "over"),
   F("1,612所", c, 1612, "school_count", 2023), F("147.3万人", c, 1473000, "student_count", 2023),
   F("11.26万人", c, 112600, "teacher_count", 2023),
   F("14.1∶1", n, 14.1, None, 2023), F("11.6∶1", n, 11.6, None, 2023),
   F("2.14万名", c, 21400, "teachers_recruited", [2021, 2024]),
   F("18.7%", p, 18.7, "teachers_recruited", 2021), F("27.4%", p, 27.4, "teachers_recruited", 2023),
   F("16个", c, 16), F("6,850人", c, 6850, "teachers_exchanged", 2023),
   F("31.2%", p, 31.2, "teachers_exchanged", 2023),
   F("600元至1800元", m, 600, "teacher_pay_spending"),
   F("540学时", c, 540, "teachers_trained", None, S, "at_least"),
   F("约2300人", c, 2300, None, None, A, "about"), F("45%左右", p, 45, None, None, A, "about"),
   F("超过10%", p, 10, None, None, A, "over"),
   F("约480人", c, 480, None, [2021, 2023], A, "about"),
   F("七成以上", p, 70, None, [2021, 2023], A, "over"),
   F("近四成", p, 40, None, None, A, "nearly"),
   F("12.8%", p, 12.8, "backbone_teachers"), F("9.6个百分点", pp, 9.6, "backbone_teachers"),
   F("21.6%", p, 21.6),
   F("约8万人", c, 80000, "student_count", [2024, 2027], T, "about"),
   F("约6万人", c, 60000, "student_count", [2024, 2027], T, "about"),
   F("15%", p, 15, "teachers_recruited", None, S, "at_least"),
   F("120学时", c, 120, "teachers_trained", None, S, "at_least"),
   F("2500元", m, 2500, "teacher_pay_spending", None, T),
   F("20%以上", p, 20, "backbone_teachers", 2027, T, "over")])

# ---------------------------------------------------------------- f10
# JSON Lines, one record (html from a city newspaper site), news with quotes.
Y22 = [2022, 2024]
D("f10_pingyao_jituan", "平遥：教育集团“一体化”管理让城乡学校同频共振", "2024-11-08", 2024,
  "140728", "平遥县", "county",
  ["晋中新闻网首页", "下载客户端", "您现在的位置", "【字号", "分享到", "QQ空间", "相关新闻",
   "版权所有", "晋ICP备09003217号-1", "互联网新闻信息服务许可证", "未经授权禁止转载",
   "_hmt", "<div", "&gt;"],
  ["group_schooling", "urban_rural_integration", "county_managed_teachers", "teacher_rotation",
   "teacher_welfare", "teacher_training", "digital_education", "principal_management",
   "quality_evaluation"],
  [F("30公里", n, 30), F("两名", c, 2),
   F("92所", c, 92, "school_count"), F("3.6万余人", c, 36000, "student_count", None, A, "over"),
   F("6所", c, 6, "paired_schools", Y22), F("6个", c, 6, "education_groups", Y22),
   F("47所", c, 47, "paired_schools", Y22),
   F("1名", c, 1, None, None, S),
   F("2136名", c, 2136, None, 2024), F("158名", c, 158, "teachers_exchanged", 2024),
   F("93名", c, 93, "teachers_exchanged", 2024), F("37.2%", p, 37.2, "teachers_exchanged", 2024),
   F("41人次", c, 41, "awards", 2024), F("一倍", n, 1, None, 2024),
   F("18个", c, 18),
   F("500元", m, 500, "teacher_pay_spending"),
   F("800万元", m, 8000000), F("2400余万元", m, 24000000, None, Y22, A, "over"),
   F("6个", c, 6, "education_groups", 2024), F("52间", c, 52, None, 2024),
   F("近1.2万节", c, 12000, None, 2024, A, "nearly"),
   F("310人", c, 310, None, 2024), F("320余名", c, 320, None, 2024, A, "over"),
   F("0.512", n, 0.512, "quality_gap", 2021), F("0.386", n, 0.386, "quality_gap", 2024),
   F("0.463", n, 0.463, "quality_gap", 2021), F("0.339", n, 0.339, "quality_gap", 2024),
   F("94.7%", p, 94.7, "satisfaction_rate", 2024), F("8.3个百分点", pp, 8.3, "satisfaction_rate", 2024),
   F("2个", c, 2, "education_groups", 2025, T)])

# ---------------------------------------------------------------- f11
# County budget execution report (预算执行情况), page 2024-11-22, dated 2024-11-18.
# 预算 amounts are plans -> target; 支出 amounts are actual. Bare 1—10月 -> 2024.
D("f11_bayi_yusuanzhixing", "关于巴宜区2024年1—10月教育经费预算执行情况的报告", "2024-11-22", 2024,
  "540402", "巴宜区", "county",
  ["阅读次数"],
  ["funding_guarantee", "teacher_welfare", "student_aid", "nutrition_meals", "boarding_schools",
   "teacher_training", "school_construction", "standardization", "digital_education"],
  [F("26,380万元", m, 263800000, "edu_spending", 2024, T),
   F("1,846.5万元", m, 18465000, "edu_spending", 2024, T),
   F("28,226.5万元", m, 282265000, "edu_spending", 2024, T),
   F("22,468.37万元", m, 224683700, "edu_spending", 2024),
   F("6.8%", p, 6.8, "edu_spending_growth", 2024), F("79.6%", p, 79.6, None, 2024),
   F("3.2个百分点", pp, 3.2, None, 2024), F("4.5个百分点", pp, 4.5, None, 2024),
   F("1.47亿元", m, 147000000, "edu_spending", None, T), F("52.2%", p, 52.2, None, None, T),
   F("2,108万元", m, 21080000, "edu_spending", None, T),
   F("11,392.5万元", m, 113925000, "edu_spending", None, T),
   F("19.6%", p, 19.6, "edu_budget_share", 2024),
   F("13,652.8万元", m, 136528000, "teacher_pay_spending", 2024), F("83.4%", p, 83.4, None, 2024),
   F("1,286名", c, 1286, "teacher_count"),
   F("500元", m, 500, "teacher_pay_spending", None, S, "at_least"),
   F("4200元", m, 4200, "student_aid", None, S),
   F("2,136.48万元", m, 21364800, "student_aid", 2024), F("6,218人", c, 6218, "students_aided", 2024),
   F("6元", m, 6, "student_aid", 2024, S), F("486万元", m, 4860000, "student_aid", 2024),
   F("1,200元", m, 1200, "per_student_public_funds", None, S),
   F("1,400元", m, 1400, "per_student_public_funds", None, S),
   F("300元", m, 300, "per_student_public_funds", None, S),
   F("1,968.3万元", m, 19683000, None, 2024),
   F("172.6万元", m, 1726000, "training_funds", 2024), F("8.8%", p, 8.8, "training_funds", 2024),
   F("5%", p, 5, "training_funds", 2024, S),
   F("4,213.6万元", m, 42136000, "construction_investment", 2024),
   F("1,500万元", m, 15000000, "construction_investment", 2024),
   F("2,050万元", m, 20500000, "construction_investment", 2024),
   F("663.6万元", m, 6636000, "construction_investment", 2024),
   F("6,480平方米", ar, 6480, "floor_area_built"), F("420张", c, 420),
   F("326万元", m, 3260000, "construction_investment"),
   F("318.5万元", m, 3185000, "construction_investment", 2024),
   F("61.7%", p, 61.7),
   F("95%以上", p, 95, None, 2024, T, "over"),
   F("23所", c, 23, "school_count", 2024, T)])

# ---------------------------------------------------------------- f12
# School profile on a county-level-city media-centre site (.txt copy of the page).
D("f12_dunhua_xiaoyuan", "【走进校园】敦化市第三小学：让每个孩子都有出彩的机会", "2024-05-28", 2024,
  "222403", "敦化市", "county",
  ["首页 > 教育 > 走进校园", "字号：大 中 小", "敦化市融媒体中心版权所有", "吉ICP备17003825号-2",
   "未经授权，禁止转载"],
  ["arts_sports_labor", "curriculum_reform", "reading", "ai_science_education", "standardization",
   "digital_education", "urban_rural_integration", "group_schooling", "teacher_rotation",
   "teacher_training", "vulnerable_children", "home_school_society", "campus_safety",
   "double_reduction", "nutrition_meals"],
  [F("2.8万平方米", ar, 28000), F("1.36万平方米", ar, 13600, "floor_area_built"),
   F("48个", c, 48), F("2136名", c, 2136, "student_count"), F("152人", c, 152),
   F("138人", c, 138, "teacher_count"),
   F("42个", c, 42), F("1个", c, 1, None, None, S, "at_least"),
   F("5.6万册", c, 56000), F("26册", c, 26),
   F("86万元", m, 860000, "construction_investment"), F("6间", c, 6),
   F("37人次", c, 37, "awards", 2023),
   F("4所", c, 4, "paired_schools", [2021, 2024]),
   F("46人次", c, 46, "teachers_exchanged", [2022, 2024]),
   F("120余人次", c, 120, "teachers_exchanged", [2022, 2024], A, "over"),
   F("近600节", c, 600, None, [2022, 2024], A, "nearly"),
   F("9名", c, 9, "backbone_teachers", 2024), F("27名", c, 27, "backbone_teachers", 2024),
   F("26.1%", p, 26.1, "backbone_teachers", 2024),
   F("18个", c, 18, "awards", [2022, 2024]),
   F("1.2亩", ar, 1.2 * MU), F("2名", c, 2), F("4次", c, 4, None, None, S, "at_least"),
   F("126个", c, 126),
   F("98.3%", p, 98.3), F("62.4%", p, 62.4), F("800人", c, 800),
   F("8元", m, 8, None, 2024),
   F("2个", c, 2, None, 2024, T), F("6所", c, 6, "paired_schools", 2025, T)])


# ================================================================ checks
here = os.path.dirname(os.path.abspath(__file__))
check_and_write(docs, os.path.join(here, 'docs'), os.path.join(here, 'gold_b.jsonl'), html_charset=None)
