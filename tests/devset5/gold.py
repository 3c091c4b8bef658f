"""Gold for tests/devset5 (documents h01-h06), as data; checks via ../goldkit.py.

Run `python tests/devset5/gold.py`: goldkit.check_and_write runs the checks (listed in its
docstring) and rewrites gold.jsonl. Edit the gold here, not in gold.jsonl.
F(surface, kind, value, metric, year, modality, qual); year Y -> [Y, Y].
Conventions: tests/devset/README.md, tests/devset2/README.md, tests/devset3/NOTES_A.md,
tests/devset3/NOTES_B.md, tests/devset4/README.md, tests/devset5/README.md.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from goldkit import A, T, S, F, MU, ar, c, check_and_write, document_builder, m, n, p, pp  # noqa: E402,F401

docs = []
D = document_builder(docs)

# ---------------------------------------------------------------- h01
# County 2024 annual report on 优质均衡, published 2025-03-18 (signed 2025-03-12) -> as_of 2024.
# 同年 -> the year named last (2024). 近三年 -> [2022, 2024]. The text avoids 今年/去年/目前.
N3 = [2022, 2024]
D("h01_wuding_junheng", "武定县2024年度县域义务教育优质均衡发展工作报告", "2025-03-18", 2024,
  "532329", "武定县", "county",
  ["武定县人民政府门户网站 > 政务公开", "【字体：大 中 小】", "【打印本页】【关闭窗口】",
   "主办：武定县人民政府办公室", "滇ICP备05001786号-1"],
  ["funding_guarantee", "school_construction", "class_size_control", "standardization",
   "digital_education", "teacher_supply", "county_managed_teachers", "teacher_rotation",
   "teacher_evaluation", "teacher_welfare", "quality_evaluation", "group_schooling",
   "urban_rural_integration", "teacher_training", "vulnerable_children", "boarding_schools",
   "rural_revitalization", "arts_sports_labor"],
  [F("138所", c, 138, "school_count", 2024), F("27所", c, 27, "nine_year_schools", 2024),
   F("41个", c, 41, "school_count", 2024), F("3.86万人", c, 38600, "student_count", 2024),
   F("2874人", c, 2874, "teacher_count", 2024), F("13.4:1", n, 13.4, None, 2024),
   F("9.27亿元", m, 927000000, "edu_spending", 2024),
   F("5.8%", p, 5.8, "edu_spending_growth", 2024),
   F("7.64亿元", m, 764000000, "edu_spending", 2024),
   F("21.3%", p, 21.3, "edu_budget_share", 2024),
   F("0.6个百分点", pp, 0.6, "edu_spending_growth", 2024),
   F("1.52万元", m, 15200, "per_student_spending", 2024),
   F("1.98万元", m, 19800, "per_student_spending", 2024),
   F("720元", m, 720, "per_student_public_funds", None, S),
   F("940元", m, 940, "per_student_public_funds", None, S),
   F("约4.3亿元", m, 430000000, "construction_investment", N3, A, "about"),
   F("32所", c, 32, "schools_built", N3),
   F("8.6万平方米", ar, 86000, "floor_area_built", N3),
   F("5400个", c, 5400, "school_places_added", N3),
   F("56人以上", c, 56, None, None, S, "over"),
   F("6.8%", p, 6.8, "large_class_ratio", 2021), F("0%", p, 0, "large_class_ratio", 2024),
   F("427名", c, 427, "teachers_recruited", N3),
   F("263人", c, 263, "teachers_exchanged", 2024), F("17.2%", p, 17.2, "teachers_exchanged", 2024),
   F("500元至1000元", m, 500, "teacher_pay_spending", None, S),
   F("0.318", n, 0.318, "quality_gap", 2024), F("0.276", n, 0.276, "quality_gap", 2024),
   F("2.1个", pp, 2.1), F("3.4个百分点", pp, 3.4),
   F("6所", c, 6, "paired_schools"),
   F("约60人", c, 60, None, 2024, A, "about"),
   F("1.2亿元", m, 120000000, "construction_investment", 2025, T),
   F("6所", c, 6, "boarding_schools", 2025, T),
   F("0.30", n, 0.30, "quality_gap", 2026, T, "at_most"),
   F("0.25", n, 0.25, "quality_gap", 2026, T, "at_most")])

# ---------------------------------------------------------------- h02
# County-level city bureau's progress notice on 民生实事, 2024-10-15, with a progress table as
# text. The table (no 。) is one stretch with its caption, whose 截至2024年9月底 gives 2024.
# 年度计划 column -> target, 完成情况 -> actual, 完成率 -> actual, metric NULL.
D("h02_jiangshan_minshengshishi", "江山市教育局关于2024年教育民生实事项目进展情况的通报", "2024-10-15", 2024,
  "330881", "江山市", "county",
  ["首页 > 信息公开 > 政府信息公开目录", "【字体：大 中 小】", "【打印本页】【关闭窗口】",
   "主办：江山市人民政府办公室", "浙ICP备05012896号-1"],
  ["school_construction", "standardization", "urban_rural_integration", "group_schooling",
   "teacher_rotation", "teacher_training", "teacher_welfare", "vulnerable_children",
   "home_school_society", "funding_guarantee"],
  [F("8个", c, 8, None, 2024),
   F("2.68亿元", m, 268000000, "construction_investment", 2024, T),
   F("1.93亿元", m, 193000000, "construction_investment", 2024),
   F("72.0%", p, 72.0, None, 2024),
   # table
   F("5所", c, 5, "schools_built", 2024, T), F("4所", c, 4, "schools_built", 2024),
   F("80.0%", p, 80.0, None, 2024),
   F("2700个", c, 2700, "school_places_added", 2024, T),
   F("2160个", c, 2160, "school_places_added", 2024), F("80.0%", p, 80.0, None, 2024),
   F("460间", c, 460, None, 2024, T), F("460间", c, 460, None, 2024), F("100%", p, 100, None, 2024),
   F("12所", c, 12, "paired_schools", 2024, T), F("12所", c, 12, "paired_schools", 2024),
   F("100%", p, 100, None, 2024),
   F("120套", c, 120, None, 2024, T), F("86套", c, 86, None, 2024), F("71.7%", p, 71.7, None, 2024),
   # text
   F("4个", c, 4, "projects", 2024),
   F("4.2万平方米", ar, 42000, "floor_area_built", 2024),
   F("540个", c, 540, "school_places_added", 2024, T),
   F("12所", c, 12, "paired_schools", 2024), F("6所", c, 6, "paired_schools", 2024),
   F("1,128人次", c, 1128, "teachers_exchanged", 2024),
   F("460间", c, 460, None, 2024),
   F("300勒克斯以上", n, 300, None, 2024, A, "over"),
   F("86套", c, 86, None, 2024),
   F("5.1万人", c, 51000, None, 2024), F("312名", c, 312, None, 2024),
   F("3,860万元", m, 38600000, "construction_investment"),
   F("8个", c, 8, None, 2024, T),
   F("2.68亿元", m, 268000000, "construction_investment", 2024, T, "at_least")])

# ---------------------------------------------------------------- h03
# Interview with a deputy county head, 2024-12-20. Chinese numerals mixed with Arabic.
# 目前/今年/1—11月/今年秋季学期起 -> 2024; 去年 only as a comparison; 近两年 -> [2023, 2024];
# 三年来/近三年 -> [2022, 2024]; 明年 -> 2025 (target).
D("h03_luxi_fangtan", "让山里娃在家门口上好学——访泸溪县人民政府副县长杨慧敏", "2024-12-20", 2024,
  "433122", "泸溪县", "county",
  ["泸溪县融媒体中心　首页 > 新闻中心", "【字号：大 中 小】", "分享到：微信", "上一条：",
   "下一条：", "版权所有：泸溪县融媒体中心", "湘ICP备15006482号-1"],
  ["school_construction", "class_size_control", "teacher_supply", "teacher_welfare",
   "vulnerable_children", "student_aid", "urban_rural_integration", "group_schooling",
   "teacher_rotation", "teacher_training", "digital_education", "quality_evaluation",
   "double_reduction", "arts_sports_labor", "curriculum_reform", "boarding_schools",
   "rural_revitalization"],
  [F("八十六所", c, 86, "school_count", 2024), F("十二所", c, 12, "school_count", 2024),
   F("九所", c, 9, "nine_year_schools", 2024),
   F("三万二千余人", c, 32000, "student_count", 2024, A, "over"),
   F("两千四百余名", c, 2400, "teacher_count", 2024, A, "over"),
   F("三个", c, 3),
   F("38.6亿元", m, 3860000000, "edu_spending", [2021, 2024]),
   F("7%以上", p, 7, "edu_spending_growth", [2021, 2024], A, "over"),
   F("百分之二十二点四", p, 22.4, "edu_budget_share", 2024),
   F("一点二个百分点", pp, 1.2, "edu_spending_growth", 2024),
   F("二十三所", c, 23, "schools_built", N3),
   F("四千八百个", c, 4800, "school_places_added", N3),
   F("一百零三个", c, 103, None, N3),
   F("412 名", c, 412, "teachers_recruited", [2023, 2024]),
   F("136 名", c, 136, "teachers_recruited", [2023, 2024]),
   F("200元", m, 200, "teacher_pay_spending", None, S),
   F("一千一百二十万元", m, 11200000, "teacher_pay_spending", 2024),
   F("六千三百余名", c, 6300, None, None, A, "over"),
   F("近两成", p, 20, None, None, A, "nearly"),
   F("一千一百多名", c, 1100, None, None, A, "over"),
   F("一百五十万元", m, 1500000, None, 2024),
   F("四十个", c, 40, None, 2024),
   F("3,126万元", m, 31260000, "student_aid", 2024),
   F("2.1万人次", c, 21000, "students_aided", 2024),
   F("6个", c, 6, "education_groups"),
   F("三百二十名", c, 320, "teachers_exchanged", N3),
   F("八十六所", c, 86, "school_count"), F("96.5%", p, 96.5),
   F("一千二百余个", c, 1200, None, None, A, "over"),
   F("12所", c, 12, "boarding_schools", 2024),
   F("2.3亿元", m, 230000000, "construction_investment", 2025, T),
   F("一千六百个", c, 1600, "school_places_added", 2025, T),
   F("百分之十六", p, 16, "backbone_teachers", 2024),
   F("百分之二十", p, 20, "backbone_teachers", 2025, T)])

# ---------------------------------------------------------------- h04
# A town school district's (学区) spring-term report, posted 2024-07-05 on the county site.
# Region = the county (no town level in the contract). 截至6月底 / 本学期 / 今年秋季学期 -> 2024.
D("h04_dangchang_hadapu", "哈达铺镇学区2024年春季学期乡村小规模学校和寄宿制学校管理工作总结", "2024-07-05", 2024,
  "621223", "宕昌县", "county",
  ["宕昌县人民政府网 > 乡镇动态", "浏览次数：526", "【打印本页】【关闭窗口】",
   "主办：宕昌县人民政府办公室", "陇ICP备09001452号-2"],
  ["rural_revitalization", "teacher_rotation", "teacher_training", "quality_evaluation",
   "digital_education", "arts_sports_labor", "boarding_schools", "nutrition_meals", "student_aid",
   "campus_safety", "vulnerable_children", "home_school_society", "teacher_welfare",
   "teacher_evaluation"],
  [F("2000米以上", n, 2000, None, None, A, "over"),
   F("1所", c, 1, "school_count", 2024), F("1所", c, 1, "school_count", 2024),
   F("9所", c, 9, "school_count", 2024), F("6个", c, 6, "school_count", 2024),
   F("1,842人", c, 1842, "student_count", 2024), F("486人", c, 486, "student_count", 2024),
   F("163人", c, 163, None, 2024), F("148人", c, 148, "teacher_count", 2024),
   F("100人以下", c, 100, None, None, S, "at_most"), F("11所", c, 11, "school_count"),
   F("六成以上", p, 60, "school_count", None, A, "over"),
   F("12名", c, 12, "teachers_exchanged"), F("42节", c, 42),
   F("6个", c, 6, "school_count", 2024), F("316节", c, 316, None, 2024),
   F("3所", c, 3, "boarding_schools"), F("520张", c, 520), F("4.6平方米", ar, 4.6),
   F("9名", c, 9, None, 2024),
   F("5元", m, 5, "student_aid", None, S), F("1000元", m, 1000, "student_aid", None, S),
   F("1250元", m, 1250, "student_aid", None, S),
   F("27.6万元", m, 276000, "student_aid", 2024), F("486人", c, 486, "students_aided", 2024),
   F("712名", c, 712), F("38.7%", p, 38.7), F("265名", c, 265),
   F("137名", c, 137), F("2次", c, 2, None, None, S, "at_least"),
   F("1,260余人次", c, 1260, None, 2024, A, "over"),
   F("700元", m, 700, "teacher_pay_spending", None, S),
   F("500元", m, 500, "teacher_pay_spending", None, S),
   F("约80万元", m, 800000, "construction_investment", 2024, T, "about"),
   F("60张", c, 60, None, 2024, T)])

# ---------------------------------------------------------------- h05
# City education bureau page, .html UTF-8 with full chrome, on 教师培训/名师工作室, 2024-09-10.
# “十四五”以来 / 2021年以来 -> [2021, 2024]; 今年上半年 -> 2024; 三年来 -> [2022, 2024];
# 近两年 -> [2023, 2024]; 比2021年 is a comparison base (year null); 到2025年底 -> 2025 target.
N21 = [2021, 2024]
D("h05_chifeng_mingshi", "赤峰市：名师工作室带动乡村教师专业成长", "2024-09-10", 2024,
  "150400", "赤峰市", "city",
  ["今天是：", "无障碍浏览", "当前位置：", "【字体：", "浏览次数", "分享到：", "打印本页", "关闭窗口",
   "上一篇：", "下一篇：", "主办单位：赤峰市教育局", "蒙ICP备05002731号-1", "蒙公网安备", "网站标识码",
   "_hmt", "<div", "&gt;", "&ldquo;"],
  ["teacher_training", "teacher_rotation", "urban_rural_integration", "teacher_evaluation",
   "quality_evaluation"],
  [F("216个", c, 216, None, N21), F("18个", c, 18, None, N21), F("3,260名", c, 3260, None, N21),
   F("超六成", p, 60, None, N21, A, "over"),
   F("1.26亿元", m, 126000000, "training_funds", N21), F("8.5%", p, 8.5, "training_funds", N21),
   F("5%", p, 5, "training_funds", None, S, "at_least"),
   F("46个", c, 46, None, 2024), F("2.8万人次", c, 28000, "teachers_trained", 2024),
   F("1.7万人次", c, 17000, "teachers_trained", 2024), F("60.7%", p, 60.7, "teachers_trained", 2024),
   F("120学时", c, 120, "teachers_trained", None, S, "at_least"),
   F("360学时", c, 360, "teachers_trained", None, S, "at_least"),
   F("1,850余场", c, 1850, None, N3, A, "over"),
   F("4,600余人次", c, 4600, "teachers_exchanged", N3, A, "over"),
   F("近3万人次", c, 30000, "teachers_trained", N3, A, "nearly"),
   F("12个", c, 12, "education_groups"), F("47所", c, 47, "paired_schools"),
   F("4节", c, 4, None, None, S, "at_least"),
   F("2项", c, 2, "awards", [2023, 2024]),
   F("3万元", m, 30000, None, None, S),
   F("58人", c, 58, "backbone_teachers"), F("112人", c, 112, "backbone_teachers"),
   F("4,215名", c, 4215, "backbone_teachers"), F("2.89万名", c, 28900, "teacher_count"),
   F("14.6%", p, 14.6, "backbone_teachers"), F("3.2个百分点", pp, 3.2, "backbone_teachers"),
   F("21节", c, 21, "awards", 2024), F("137节", c, 137, "awards", 2024),
   F("30个以上", c, 30, None, 2025, T, "over"), F("1个", c, 1, None, 2025, T, "at_least"),
   F("16%", p, 16, "backbone_teachers", 2025, T)])

# ---------------------------------------------------------------- h06
# JSON Lines, one record (html from the regional education department's site): 课后服务/双减.
# Province level (宁夏回族自治区; 全区 = the region). 今年秋季学期/目前/今年暑期/截至11月底/
# 今年以来/今年11月 -> 2024; 由2021年的… attached to one figure; 到2025年 -> target.
D("h06_ningxia_kehoufuwu", "宁夏：课后服务提质扩面 “双减”成效持续显现", "2024-12-03", 2024,
  "640000", "宁夏回族自治区", "province",
  ["您现在的位置：", "【字号：", "分享到：", "相关文章：", "主办：宁夏回族自治区教育厅",
   "宁ICP备05001632号-1", "宁公网安备", "网站标识码", "_hmt", "<div", "&gt;", "&ldquo;"],
  ["double_reduction", "arts_sports_labor", "ai_science_education", "reading", "nutrition_meals",
   "student_aid", "teacher_welfare", "home_school_society", "funding_guarantee",
   "quality_evaluation"],
  [F("1,186所", c, 1186, "school_count", 2024), F("100%", p, 100, "coverage_rate", 2024),
   F("逾86万人", c, 860000, None, 2024, A, "over"), F("93.7%", p, 93.7, None, 2024),
   F("1.6个百分点", pp, 1.6, None, 2024), F("91.2%", p, 91.2, None, 2024),
   F("5.2万人", c, 52000, "teacher_count"), F("2,380名", c, 2380),
   F("1.3万余门", c, 13000, None, None, A, "over"), F("5,600余个", c, 5600, None, None, A, "over"),
   F("326门", c, 326),
   F("43所", c, 43, None, 2024),
   F("1.42亿元", m, 142000000, "teacher_pay_spending", 2024),
   F("300元", m, 300, None, None, S, "at_most"),
   F("3.6万名", c, 36000, "students_aided", 2024), F("1,080万元", m, 10800000, "student_aid", 2024),
   F("214个", c, 214, None, 2024), F("1.1万人", c, 11000, None, 2024),
   F("1,025家", c, 1025, None, 2021), F("29家", c, 29, None, 2024), F("97.2%", p, 97.2, None, 2024),
   F("68起", c, 68, None, 2024), F("1,460家", c, 1460, None, 2024),
   F("98.5%", p, 98.5, "coverage_rate", 2024), F("95.6%", p, 95.6, "satisfaction_rate", 2024),
   F("2.3个百分点", pp, 2.3, "satisfaction_rate", 2024),
   F("95%以上", p, 95, None, 2025, T, "over"), F("20门", c, 20, None, 2025, T, "at_least")])


# ================================================================ checks
here = os.path.dirname(os.path.abspath(__file__))
check_and_write(docs, os.path.join(here, 'docs'), os.path.join(here, 'gold.jsonl'), lengths=(1500, 3500),
                every_file=True)
