"""Gold for tests/devset4 (documents g01-g06), as data, plus checks.

Run `python tests/devset4/gold.py`. It checks that
  1. every gold surface occurs in its document's text, in text order (for the
     HTML page and the JSON Lines record: in the visible text, after dropping
     script/style, stripping tags and unescaping entities; the HTML file is
     decoded strictly in the charset its <meta> declares, here GBK), and that
     a match is not the tail or head of a longer number;
  2. every junk string occurs in the raw document;
  3. each title occurs in the text;
  4. the value of every surface written with Arabic digits agrees with an
     independent reading of the surface (unit multipliers, 亩, thousands commas);
     added here: the same for surfaces written in Chinese numerals
     (百分之二十二点五, 两万三千四百余人, 七成以上);
  5. added here: every metric/measure id is in vocabulary.md, every file in
     docs/ has a gold entry, years are [start <= end], and each document's
     (visible) text is 1,500-3,500 characters;
then rewrites gold.jsonl. Edit the gold here, not in gold.jsonl.
F(surface, kind, value, metric, year, modality, qual); year Y -> [Y, Y].
Conventions: tests/devset/README.md, tests/devset2/README.md,
tests/devset3/NOTES_A.md, tests/devset3/NOTES_B.md, tests/devset4/README.md.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from goldkit import A, T, S, F, MU, ar, c, check_and_write, document_builder, m, n, p, pp  # noqa: E402,F401

docs = []
D = document_builder(docs)

# ---------------------------------------------------------------- g01
# County education bureau's reply (答复函) to a people's congress deputy's proposal.
# Page 2024-06-28, signed 2024-06-24. 截至2024年5月 / 目前 / 今年上半年 -> 2024.
N21 = [2021, 2024]; N3 = [2022, 2024]; XN = [2023, 2024]
D("g01_luotian_dafu", "罗田县教育局关于县十九届人大四次会议第27号建议的答复", "2024-06-28", 2024,
  "421123", "罗田县", "county",
  ["您当前的位置：首页 > 政务公开", "【打印本页】", "【关闭窗口】", "鄂ICP备05003527号-1"],
  ["teacher_supply", "teacher_welfare", "county_managed_teachers", "teacher_rotation",
   "urban_rural_integration", "teacher_training", "teacher_evaluation"],
  [F("126所", c, 126, "school_count", 2024), F("108所", c, 108, "school_count", 2024),
   F("23个", c, 23, "school_count", 2024), F("5.62万人", c, 56200, "student_count", 2024),
   F("4186人", c, 4186, "teacher_count", 2024), F("2735人", c, 2735, "teacher_count", 2024),
   F("31.5%", p, 31.5, None, 2024), F("约140人", c, 140, None, 2024, A, "about"),
   F("612名", c, 612, "teachers_recruited", N21),
   F("82%以上", p, 82, "teachers_recruited", N21, A, "over"),
   F("45个", c, 45, "teacher_posts_added", 2023),
   F("400元至1000元", m, 400, "teacher_pay_spending", None, S),
   F("1856万元", m, 18560000, "teacher_pay_spending", 2023),
   F("2690人", c, 2690, "teacher_count", 2023),
   F("约2100万元", m, 21000000, "construction_investment", N3, A, "about"),
   F("320套", c, 320, None, N3),
   F("10%", p, 10, "teachers_exchanged", None, S, "at_least"),
   F("20%", p, 20, "teachers_exchanged", None, S, "at_least"),
   F("358人", c, 358, "teachers_exchanged", XN), F("16.4%", p, 16.4, "teachers_exchanged", XN),
   F("87人", c, 87, "teachers_exchanged", XN),
   F("14个", c, 14, "education_groups", XN), F("58所", c, 58, "paired_schools", XN),
   F("5%", p, 5, "training_funds", None, S, "at_least"),
   F("386万元", m, 3860000, "training_funds", 2023),
   F("3200余人次", c, 3200, "teachers_trained", 2024, A, "over"),
   F("156名", c, 156, "backbone_teachers", 2024),
   F("120名", c, 120, "teachers_recruited", 2024, T),
   F("1500元", m, 1500, "teacher_pay_spending", None, T),
   F("18.6%", p, 18.6, "backbone_teachers", 2024),
   F("25%以上", p, 25, "backbone_teachers", 2025, T, "over"),
   F("80套", c, 80, None, 2025, T, "at_least")])

# ---------------------------------------------------------------- g02
# City inspectorate's feedback (反馈意见) on a county's 优质均衡 assessment, posted on the
# county site 2024-10-30, signed 2024-10-28. Indicator list as numbered lines.
D("g02_huoshan_fankui", "六安市人民政府教育督导委员会关于霍山县县域义务教育优质均衡发展市级督导评估的反馈意见",
  "2024-10-30", 2024, "341525", "霍山县", "county",
  ["您当前的位置：首页 > 信息公开", "字号：大 中 小", "【打印本页】", "【关闭窗口】",
   "主办单位：霍山县人民政府", "皖ICP备10201874号-2", "网站标识码"],
  ["quality_evaluation", "funding_guarantee", "standardization", "group_schooling",
   "urban_rural_integration", "county_managed_teachers", "teacher_rotation", "digital_education",
   "boarding_schools", "class_size_control", "arts_sports_labor", "teacher_supply",
   "double_reduction", "teacher_training"],
  [F("28所", c, 28), F("近九成", p, 90, None, None, A, "nearly"),
   F("61所", c, 61, "school_count", 2024), F("44所", c, 44, "school_count", 2024),
   F("13所", c, 13, "school_count", 2024), F("4所", c, 4, "nine_year_schools", 2024),
   F("3.18万人", c, 31800, "student_count", 2024), F("2451人", c, 2451, "teacher_count", 2024),
   F("0.386", n, 0.386, "quality_gap"), F("0.294", n, 0.294, "quality_gap"),
   F("0.50", n, 0.5, "quality_gap", None, S, "at_most"),
   F("0.45", n, 0.45, "quality_gap", None, S, "at_most"),
   F("5.36人", c, 5.36), F("6.02人", c, 6.02),
   F("4.2人", c, 4.2, None, None, S), F("5.3人", c, 5.3, None, None, S),
   F("8.64平方米", ar, 8.64), F("11.27平方米", ar, 11.27),
   F("2所", c, 2), F("7.5平方米", ar, 7.5, None, None, S),
   F("720元", m, 720, "per_student_public_funds", None, S),
   F("940元", m, 940, "per_student_public_funds", None, S),
   F("200元", m, 200, "per_student_public_funds", None, S),
   F("5.86亿元", m, 586000000, "edu_spending", 2023),
   F("45人", c, 45, None, None, A, "at_most"), F("50人", c, 50, None, None, A, "at_most"),
   F("56人以上", c, 56, None, None, S, "over"),
   F("22.7%", p, 22.7, "teachers_exchanged", N3), F("20%", p, 20, "teachers_exchanged", N3, S),
   F("99.2%", p, 99.2, "consolidation_rate", XN), F("97.6%", p, 97.6, "enrollment_rate", XN),
   F("93.4%", p, 93.4, "satisfaction_rate"),
   F("85%以上", p, 85, "satisfaction_rate", None, S, "over"),
   F("14人", c, 14), F("2所", c, 2, None, 2025, T)])

# ---------------------------------------------------------------- g03
# City newspaper piece on 县管校聘 with quotes, Chinese numerals throughout. 2024-11-28.
D("g03_sanming_xianguan", "让好老师“流动”起来——三明市深化教师“县管校聘”改革见闻", "2024-11-28", 2024,
  "350400", "三明市", "city",
  ["分享到", "【打印】【关闭】", "相关阅读", "版权所有：三明日报社", "闽ICP备05019412号-1",
   "未经授权禁止转载"],
  ["county_managed_teachers", "teacher_rotation", "principal_management", "teacher_welfare",
   "teacher_evaluation", "teacher_supply", "urban_rural_integration", "group_schooling",
   "teacher_training", "digital_education"],
  [F("一千二百余名", c, 1200, None, 2021, A, "over"),
   F("十一个", c, 11, None, N3),
   F("一千八百六十七人次", c, 1867, "teachers_exchanged", N3),
   F("四百二十人次", c, 420, "teachers_exchanged", N3),
   F("百分之二十二点五", p, 22.5, "teachers_exchanged", N3),
   F("一百一十二人", c, 112, "principals_exchanged", N3),
   F("五位", c, 5, "teachers_exchanged", 2023),
   F("两千万元", m, 20000000, "teacher_pay_spending", 2024),
   F("三百元至八百元", m, 300, "teacher_pay_spending", 2024, S),
   F("百分之十五", p, 15, "teachers_exchanged", None, S, "at_least"),
   F("三百六十套", c, 360, None, 2024),
   F("六十八个", c, 68),
   F("一百二十余人", c, 120, None, 2021, A, "over"),
   F("三十人", c, 30, None, 2024, A, "at_most"),
   F("二百三十六名", c, 236, "teachers_exchanged", 2024),
   F("四十一名", c, 41, "teachers_exchanged", 2024),
   F("一百五十八名", c, 158, "teachers_exchanged", 2024),
   F("两万三千四百余人", c, 23400, "teacher_count", 2024, A, "over"),
   F("百分之三十八点二", p, 38.2, "teacher_count", 2021),
   F("百分之四十一点六", p, 41.6, "teacher_count", 2024),
   F("八百六十名", c, 860, "teachers_recruited", 2024),
   F("七成以上", p, 70, "teachers_recruited", 2024, A, "over"),
   F("96个", c, 96, "education_groups"), F("312所", c, 312, "paired_schools"),
   F("二十三名", c, 23, "teachers_trained", 2024),
   F("百分之九十一以上", p, 91, "satisfaction_rate", 2024, A, "over"),
   F("六点三个百分点", pp, 6.3, "satisfaction_rate", 2024),
   F("百分之二十左右", p, 20, "teachers_exchanged", 2025, T, "about"),
   F("百分之三十", p, 30, "backbone_teachers", 2025, T)])

# ---------------------------------------------------------------- g04
# District bureau's 2025 work plan (工作要点), page 2025-02-20, signed 2025-02-18.
# The review section reports 2024 -> as_of 2024; the 2025 items are targets.
D("g04_wenjiang_yaodian", "成都市温江区教育局2025年工作要点", "2025-02-20", 2024,
  "510115", "温江区", "county",
  ["首页 > 政务公开 > 法定主动公开内容", "【字体：大 中 小】", "【打印】", "【关闭】"],
  ["moral_education", "school_construction", "nine_year_schools", "teacher_supply",
   "teacher_rotation", "county_managed_teachers", "teacher_training", "teacher_welfare",
   "group_schooling", "class_size_control", "funding_guarantee", "student_aid",
   "double_reduction", "arts_sports_labor", "vulnerable_children", "home_school_society",
   "digital_education", "ai_science_education", "quality_evaluation", "campus_safety"],
  [F("28.6亿元", m, 2860000000, "edu_spending", 2024),
   F("6.3%", p, 6.3, "edu_spending_growth", 2024), F("22.4%", p, 22.4, "edu_budget_share", 2024),
   F("5所", c, 5, "schools_built"), F("2所", c, 2, "nine_year_schools"),
   F("8100个", c, 8100, "school_places_added"),
   F("9.82万人", c, 98200, "student_count", 2024),
   F("386名", c, 386, "teachers_recruited", 2024), F("24名", c, 24, "teachers_recruited", 2024),
   F("31.2%", p, 31.2, "backbone_teachers", 2024), F("2.4个百分点", pp, 2.4, "backbone_teachers", 2024),
   F("412人", c, 412, "teachers_exchanged"),
   F("65%以上", p, 65, "teachers_exchanged", None, A, "over"),
   F("0.312", n, 0.312, "quality_gap"), F("0.268", n, 0.268, "quality_gap"),
   F("30亿元以上", m, 3000000000, "edu_spending", 2025, T, "over"),
   F("4所", c, 4, "schools_built", 2025, T), F("3所", c, 3, "schools_built", 2025, T),
   F("6000个以上", c, 6000, "school_places_added", 2025, T, "over"),
   F("1100元", m, 1100, "per_student_public_funds", 2025, T),
   F("1300元", m, 1300, "per_student_public_funds", 2025, T),
   F("90%以上", p, 90, "coverage_rate", 2025, T, "over"),
   F("3个", c, 3, "education_groups", 2025, T),
   F("33%", p, 33, "backbone_teachers", 2025, T),
   F("35%以上", p, 35, "backbone_teachers", 2027, T, "over"),
   F("0.5个百分点以上", pp, 0.5, None, 2025, T, "over"),
   F("6.5亿元", m, 650000000, "construction_investment", 2025, T),
   F("约12万平方米", ar, 120000, "floor_area_built", 2025, T, "about"),
   F("15%", p, 15, "teachers_exchanged", 2025, S, "at_least"),
   F("20%", p, 20, "teachers_exchanged", 2025, S, "at_least"),
   F("400名左右", c, 400, "teachers_recruited", None, T, "about"),
   F("1.2万人次", c, 12000, "teachers_trained", None, T),
   F("200名", c, 200, "backbone_teachers", None, T),
   F("25%", p, 25, "teachers_exchanged", 2025, T),
   F("5所", c, 5, "paired_schools", None, T),
   F("3260万元", m, 32600000, "student_aid", 2025, T)])

# ---------------------------------------------------------------- g05
# County government site, .html in GBK bytes with charset=gbk, full page chrome.
D("g05_meixian_gbk", "眉县：织密保障网 让乡村孩子吃得好住得好学得好", "2024-09-13", 2024,
  "610326", "眉县", "county",
  ["今天是：", "无障碍浏览", "网站首页", "当前位置", "【字体：", "浏览次数", "分享到", "【打印本页】",
   "【关闭窗口】", "上一篇", "下一篇", "主办：眉县人民政府办公室", "陕ICP备12003418号-1",
   "陕公网安备", "网站标识码", "_hmt", "<div", "&gt;", "&ldquo;"],
  ["nutrition_meals", "student_aid", "boarding_schools", "school_construction", "standardization",
   "teacher_supply", "teacher_welfare", "special_education", "rural_revitalization",
   "digital_education", "arts_sports_labor", "double_reduction", "vulnerable_children",
   "campus_safety"],
  [F("49所", c, 49, "school_count", 2024), F("30个", c, 30, "school_count", 2024),
   F("近四成", p, 40, "school_count", 2024, A, "nearly"),
   F("5元", m, 5, "student_aid", None, S),
   F("约1020万元", m, 10200000, "student_aid", 2024, A, "about"),
   F("1.46万人", c, 14600, "students_aided", 2024), F("100%", p, 100, "coverage_rate", 2024),
   F("12所", c, 12, "boarding_schools"),
   F("3680名", c, 3680, "students_aided", 2024),
   F("1000元", m, 1000, "student_aid", 2024, S), F("1250元", m, 1250, "student_aid", 2024, S),
   F("1.36亿元", m, 136000000, "construction_investment", N3),
   F("14栋", c, 14, None, N3), F("2.3万平方米", ar, 23000, "floor_area_built", N3),
   F("1850张", c, 1850, None, N3), F("3200张", c, 3200, None, N3),
   F("860万元", m, 8600000, "construction_investment", 2024),
   F("17所", c, 17, None, 2024), F("2600余套", c, 2600, None, 2024, A, "over"),
   F("46台", c, 46, None, 2024),
   F("65名", c, 65, "teachers_recruited", 2024),
   F("300元", m, 300, "teacher_pay_spending", 2024, S),
   F("500元", m, 500, "teacher_pay_spending", 2024, S),
   F("700元", m, 700, "teacher_pay_spending", 2024, S),
   F("13.2:1", n, 13.2, None, 2024),
   F("18名", c, 18), F("2次", c, 2, None, None, S, "at_least"),
   F("96.8%", p, 96.8, "satisfaction_rate", 2024),
   F("3000万元", m, 30000000, "construction_investment", 2025, T),
   F("8个", c, 8, None, 2025, T)])

# ---------------------------------------------------------------- g06
# JSON Lines, one record (html from the city education bureau's site): news about a
# school-led education group. Founded 2019 (an event, not a period).
D("g06_liyang_jituan", "溧阳市实验小学教育集团：以城带乡 让城乡孩子共享优质教育", "2024-12-06", 2024,
  "320481", "溧阳市", "county",
  ["溧阳教育网首页", "您现在的位置", "【字号", "分享到", "QQ空间", "相关新闻",
   "版权所有：溧阳市教育局", "苏ICP备08101742号-3", "苏公网安备", "技术支持", "_hmt", "<div",
   "&gt;", "&ldquo;"],
  ["group_schooling", "urban_rural_integration", "teacher_rotation", "teacher_training",
   "digital_education", "standardization", "quality_evaluation", "principal_management"],
  [F("6所", c, 6, "paired_schools"), F("2所", c, 2, "paired_schools"),
   F("4所", c, 4, "paired_schools"),
   F("8600余人", c, 8600, "student_count", None, A, "over"),
   F("612人", c, 612), F("538人", c, 538, "teacher_count"),
   F("86人次", c, 86, "teachers_exchanged", N3), F("34人次", c, 34, "teachers_exchanged", N3),
   F("近400节", c, 400, None, N3, A, "nearly"), F("120余场", c, 120, None, N3, A, "over"),
   F("两所", c, 2, "paired_schools"),
   F("2名", c, 2),
   F("16学时", c, 16, "teachers_trained", None, S, "at_least"),
   F("460人次", c, 460, "teachers_trained", 2024),
   F("3名", c, 3, "backbone_teachers", 2024),
   F("18门", c, 18), F("6所", c, 6, "paired_schools"),
   F("210万元", m, 2100000, "construction_investment", 2024),
   F("5间", c, 5, None, 2024), F("3间", c, 3, None, 2024),
   F("82.3%", p, 82.3, None, 2021), F("94.1%", p, 94.1, None, 2024),
   F("0.36", n, 0.36, "quality_gap", 2021), F("0.21", n, 0.21, "quality_gap", 2024),
   F("1320人", c, 1320, "student_count", 2021), F("1510人", c, 1510, "student_count", 2024),
   F("27项", c, 27, "awards", 2024), F("9项", c, 9, "awards", 2024),
   F("3所", c, 3, "featured_schools", 2024),
   F("2所", c, 2, "paired_schools", 2025, T), F("4个", c, 4, None, 2025, T),
   F("55%以上", p, 55, None, 2025, T, "over")])


# ================================================================ checks
here = os.path.dirname(os.path.abspath(__file__))
check_and_write(docs, os.path.join(here, 'docs'), os.path.join(here, 'gold.jsonl'), lengths=(1500, 3500),
                every_file=True)
