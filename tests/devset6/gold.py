"""Gold for tests/devset6 (documents k01-k06), as data; checks via ../goldkit.py.

Run `python tests/devset6/gold.py`: goldkit.check_and_write runs the checks (listed in its
docstring) and rewrites gold.jsonl. Edit the gold here, not in gold.jsonl.
F(surface, kind, value, metric, year, modality, qual); year Y -> [Y, Y].
Conventions: tests/devset/README.md, tests/devset2/README.md, tests/devset3/NOTES_A.md,
tests/devset3/NOTES_B.md, tests/devset4/README.md, tests/devset5/README.md, and the
additions in tests/devset6/README.md.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from goldkit import A, T, S, F, MU, ar, c, check_and_write, document_builder, m, n, p, pp  # noqa: E402,F401

docs = []
D = document_builder(docs)
N3 = [2022, 2024]     # 近三年 / 三年来 with as_of 2024
N21 = [2021, 2024]    # "十四五"以来 with as_of 2024

# ---------------------------------------------------------------- k01
# City 2024 statistics bulletin, published 2025-04-22 (signed 2025-04-18) -> as_of 2024.
# 同年 / 当年 with no year of their own in the sentence -> the year named last (2024).
# Sections 二, the second and fourth paragraphs of 三, and 四 carry no time phrase -> null.
D("k01_jian_tongjigongbao", "吉安市2024年教育事业发展统计公报", "2025-04-22", 2024,
  "360800", "吉安市", "city",
  ["吉安市教育局 > 信息公开 > 统计数据", "浏览次数：1873", "【字体：大 中 小】", "【打印本页】",
   "【关闭窗口】", "主办单位：吉安市教育局", "赣ICP备05003682号-1"],
  ["class_size_control", "school_construction", "boarding_schools", "nutrition_meals",
   "standardization", "special_education"],
  [F("3,184所", c, 3184, "school_count", 2024), F("67所", c, 67, "school_count", 2024),
   F("98.36万人", c, 983600, "student_count", 2024), F("1.42万人", c, 14200, "student_count", 2024),
   F("7.63万人", c, 76300, None, 2024), F("6.12万人", c, 61200, "teacher_count", 2024),
   F("836人", c, 836, "teacher_count", 2024),
   # 二 (no time phrase)
   F("1,527所", c, 1527, "school_count"), F("49所", c, 49, "school_count"),
   F("18.9万人", c, 189000, "student_count"),
   F("93.6%", p, 93.6, "enrollment_rate"), F("0.8个百分点", pp, 0.8, "enrollment_rate"),
   # 三: 当年 -> 2024
   F("1,412所", c, 1412, "school_count", 2024), F("21所", c, 21, "school_count", 2024),
   F("1,006所", c, 1006, "school_count", 2024), F("285所", c, 285, "school_count", 2024),
   F("121所", c, 121, "nine_year_schools", 2024), F("468个", c, 468, "school_count", 2024),
   F("68.47万人", c, 684700, "student_count"), F("5.26万人", c, 52600, "student_count"),
   F("97.8%", p, 97.8, "consolidation_rate"), F("0.3个百分点", pp, 0.3, "consolidation_rate"),
   F("56人以上", c, 56, None, 2024, S, "over"), F("0.6%", p, 0.6, "large_class_ratio", 2024),
   F("1.3个百分点", pp, 1.3, "large_class_ratio", 2024),
   F("4.55万人", c, 45500, "teacher_count"), F("16.6:1", n, 16.6), F("12.8:1", n, 12.8),
   # 四 (no time phrase)
   F("93.1%", p, 93.1, "enrollment_rate"), F("11所", c, 11, "school_count"),
   F("97.5%", p, 97.5, "enrollment_rate"),
   # 五
   F("1,286.4万平方米", ar, 12864000, "floor_area_built", 2024),
   F("37.2万平方米", ar, 372000, "floor_area_built", 2024),
   F("28所", c, 28, "schools_built", 2024), F("1.96万个", c, 19600, "school_places_added", 2024)])

# ---------------------------------------------------------------- k02
# County government work report delivered 2025-01-08, page 2025-01-20 -> as_of 2024.
# 过去一年 is not a time phrase; sentences without a year are null. 同年起 -> [2024, 2024].
# The 2025 section: 2025年… targets; later task sentences (计划/力争/争取) are target, year null.
D("k02_juxian_zhengfubaogao", "莒县2025年政府工作报告（教育部分摘编）", "2025-01-20", 2024,
  "371122", "莒县", "county",
  ["莒县人民政府　首页 > 政务公开 > 政府工作报告", "【字号：大 中 小】", "主办：莒县人民政府办公室",
   "网站标识码：3711220003", "鲁ICP备05017826号-1", "鲁公网安备37112202000118号"],
  ["county_managed_teachers", "teacher_supply", "teacher_rotation", "teacher_welfare",
   "teacher_evaluation", "student_aid", "school_construction", "class_size_control",
   "quality_evaluation", "standardization", "arts_sports_labor", "rural_revitalization",
   "special_education", "campus_safety", "group_schooling", "urban_rural_integration",
   "funding_guarantee", "double_reduction", "vulnerable_children", "home_school_society",
   "digital_education"],
  [F("512.6亿元", m, 51260000000, None, 2024), F("5.8%", p, 5.8, None, 2024),
   F("31.4亿元", m, 3140000000, None, 2024), F("3.86万元", m, 38600, None, 2024),
   F("2.17万元", m, 21700, None, 2024), F("80.2%", p, 80.2, None, 2024),
   F("21.7亿元", m, 2170000000, "edu_spending", 2024), F("24.3%", p, 24.3, "edu_budget_share", 2024),
   F("0.9个百分点", pp, 0.9, "edu_spending_growth", 2024),
   F("9.6亿元", m, 960000000, "construction_investment", 2024),
   F("17所", c, 17, "schools_built", 2024), F("8,100个", c, 8100, "school_places_added", 2024),
   F("9所", c, 9, "schools_built", 2024),
   F("326名", c, 326, "teachers_recruited", 2024), F("48名", c, 48, "teachers_recruited", 2024),
   F("412人次", c, 412, "teachers_exchanged", 2024),
   F("400元至800元", m, 400, "teacher_pay_spending", 2024, S),
   F("1.36亿元", m, 136000000, "student_aid"), F("4.2万人次", c, 42000, "students_aided"),
   F("99.2%", p, 99.2, "consolidation_rate"), F("58.6%", p, 58.6),
   F("28.3亿元", m, 2830000000, "construction_investment", N21),
   F("3.2万个", c, 32000, "school_places_added", N21), F("1,260间", c, 1260, None, N21),
   F("5.5%左右", p, 5.5, None, 2025, T, "about"), F("3%以上", p, 3, None, 2025, T, "over"),
   F("6所", c, 6, "schools_built", 2025, T),
   F("5,400个以上", c, 5400, "school_places_added", 2025, T, "over"),
   F("300名", c, 300, "teachers_recruited", None, T, "at_least"),
   F("12个", c, 12, "education_groups", None, T),
   F("50所以上", c, 50, "paired_schools", None, T, "over"),
   F("850元", m, 850, "per_student_public_funds", None, T),
   F("1050元", m, 1050, "per_student_public_funds", None, T)])

# ---------------------------------------------------------------- k03
# 巡察整改进展通报 of a county education bureau's Party group, page 2024-11-15, signed 11-12.
# 截至2024年10月31日 -> 2024; 同期 -> the period named last (2024); 2024年秋季学期, 2024年,
# 2024年春季学期, 今年以来 -> 2024; 2021—2023年 -> [2021, 2023]. Inspection counts, problem
# statements, 问责 counts and recovered money are NULL.
D("k03_rongan_xunchazhenggai", "中共融安县教育局党组关于县委第三轮巡察整改进展情况的通报", "2024-11-15",
  2024, "450224", "融安县", "county",
  ["融安县人民政府门户网站 > 政务公开 > 巡察整改", "【字体：大 中 小】", "【打印】", "【打印本页】",
   "【关闭窗口】", "主办单位：融安县人民政府办公室", "桂ICP备13004276号-1"],
  ["class_size_control", "school_construction", "teacher_supply", "county_managed_teachers",
   "teacher_welfare", "arts_sports_labor", "nutrition_meals", "student_aid", "double_reduction",
   "quality_evaluation"],
  [F("4次", c, 4), F("5个", c, 5), F("23个", c, 23), F("68项", c, 68),
   F("23个", c, 23, None, 2024), F("21个", c, 21, None, 2024), F("91.3%", p, 91.3, None, 2024),
   F("2个", c, 2, None, 2024),
   F("14项", c, 14, None, 2024), F("9人", c, 9, None, 2024), F("3人", c, 3, None, 2024),
   F("6人", c, 6, None, 2024),
   F("56人以上", c, 56, None, None, S, "over"), F("37个", c, 37),
   F("1,080个", c, 1080, "school_places_added", 2024), F("37个", c, 37, None, 2024),
   F("9个", c, 9, None, 2024), F("2.1%", p, 2.1, "large_class_ratio", 2024),
   F("84名", c, 84),
   F("132名", c, 132, "teachers_recruited", 2024), F("41名", c, 41, "teachers_recruited", 2024),
   F("56名", c, 56, "teachers_exchanged", 2024), F("120套", c, 120, None, 2024),
   F("3所", c, 3, None, [2021, 2023]), F("46.8万元", m, 468000, None, [2021, 2023]),
   F("3所", c, 3), F("2.35万元", m, 23500), F("126所", c, 126, "school_count"),
   F("2.86万人", c, 28600, "students_aided", 2024), F("1,287万元", m, 12870000, "student_aid", 2024),
   F("100%", p, 100, "coverage_rate", 2024), F("7家", c, 7, None, 2024),
   F("2次", c, 2, None, None, S, "at_least")])

# ---------------------------------------------------------------- k04
# County media news on 营养改善计划 and 学生资助, 2024-12-16. 2012年起 is replaced by 目前
# before the figures; 今年春秋两季学期, 上半年, 截至11月底 -> 2024; 去年 -> 2023; 近三年 ->
# [2022, 2024]; 明年 -> 2025 (target). 比2019年 is a comparison base; 由2019年的8.6% is attached.
D("k04_fuping_yingyangcan", "阜平：营养餐吃出好身体 资助暖心暖到家", "2024-12-16", 2024,
  "130624", "阜平县", "county",
  ["阜平县融媒体中心　首页 > 新闻中心 > 阜平要闻", "【字号：大 中 小】", "分享到：微信 微博",
   "相关新闻：", "阜平县举行2024年秋季开学安全检查", "分享到：微信 微博 QQ空间",
   "版权所有：阜平县融媒体中心", "冀ICP备17031265号-2"],
  ["nutrition_meals", "student_aid", "boarding_schools", "campus_safety", "arts_sports_labor",
   "social_participation", "rural_revitalization"],
  [F("78所", c, 78, "school_count", 2024), F("2.13万人", c, 21300, "students_aided", 2024),
   F("5元", m, 5, "student_aid", None, S),
   F("2,047万元", m, 20470000, "student_aid", 2024), F("3.6%", p, 3.6, "student_aid", 2024),
   F("约320万元", m, 3200000, "student_aid", None, A, "about"),
   F("1,860万元", m, 18600000, "construction_investment", N3), F("23个", c, 23, None, N3),
   F("6,400平方米", ar, 6400, "floor_area_built", N3), F("1,150台", c, 1150, None, N3),
   F("68所", c, 68), F("10所", c, 10),
   F("4,386.5万元", m, 43865000, "student_aid", 2024),
   F("3.27万人次", c, 32700, "students_aided", 2024), F("1.06万人", c, 10600, "students_aided", 2024),
   F("1000元", m, 1000, "student_aid", 2024, S), F("1250元", m, 1250, "student_aid", 2024, S),
   F("100%", p, 100, None, 2024),
   F("6,712人", c, 6712, "students_aided", 2023), F("6,530人", c, 6530, "students_aided", 2024),
   F("182人", c, 182, "students_aided", 2024),
   F("186万元", m, 1860000, "social_funds", 2024), F("420名", c, 420, "students_aided", 2024),
   F("1000元至3000元", m, 1000, "student_aid", 2024),
   F("2.3厘米", n, 2.3, None, 2024), F("8.6%", p, 8.6, None, 2019), F("3.1%", p, 3.1, None, 2024),
   F("1元", m, 1, "student_aid", 2025, T), F("5个", c, 5, None, 2025, T)])

# ---------------------------------------------------------------- k05
# County 教委 results notice, .html, GBK bytes labelled charset=gb2312 (the 下一篇 title holds
# the GBK-only 赟). 今年 / 2024年上半年 / 目前 / 8月中旬 -> 2024; 2022年以来 -> [2022, 2024];
# 由2021年的17.8:1 is attached to one figure. Applicants, towns, retained teachers: NULL.
D("k05_youyang_tegang", "关于酉阳县2024年中小学教师招聘和公费师范毕业生安置结果的公告", "2024-08-26", 2024,
  "500242", "酉阳土家族苗族自治县", "county",
  ["设为首页", "加入收藏", "无障碍浏览", "当前位置：", "&gt;", "浏览次数：", "【字体：", "【打印本页】",
   "【关闭窗口】", "上一篇：", "下一篇：", "网站地图", "主办单位：酉阳土家族苗族自治县教育委员会",
   "渝ICP备12003917号-1", "渝公网安备50024202000231号", "网站标识码：5002420011", "_hmt", "<div"],
  ["teacher_supply", "teacher_welfare", "teacher_training", "rural_revitalization",
   "arts_sports_labor", "vulnerable_children"],
  [F("150名", c, 150, "teachers_recruited", 2024, T), F("1,862人", c, 1862, None, 2024),
   F("1,574人", c, 1574, None, 2024), F("1.2倍", n, 1.2, None, 2024, S),
   F("143名", c, 143, "teachers_recruited", 2024), F("136名", c, 136, "teachers_recruited", 2024),
   F("95.1%", p, 95.1, "teachers_recruited", 2024), F("73.4%", p, 73.4, "teachers_recruited", 2024),
   F("58名", c, 58, "teachers_recruited", 2024),
   F("28个", c, 28), F("61名", c, 61, "teachers_recruited"),
   F("3.82万元", m, 38200, "teacher_pay_spending", None, S),
   F("600元", m, 600, "teacher_pay_spending", None, S),
   F("68名", c, 68, "teachers_recruited", 2024, T), F("65名", c, 65, "teachers_recruited", 2024),
   F("7名", c, 7, "teachers_recruited", 2024), F("3个", c, 3, None, 2024),
   F("50%", p, 50, None, None, S),
   F("46名", c, 46, "teachers_recruited", 2024), F("4名", c, 4, "teachers_recruited", 2024),
   F("42名", c, 42, "teachers_recruited", 2024),
   F("712名", c, 712, "teachers_recruited", [2022, 2024]), F("17.8:1", n, 17.8, None, 2021),
   F("16.2:1", n, 16.2, None, 2024),
   F("118名", c, 118, None, 2024), F("92.2%", p, 92.2, None, 2024),
   F("40学时", c, 40, "teachers_trained", 2024, T, "at_least")])

# ---------------------------------------------------------------- k06
# JSON Lines, one record (newspaper html) on 集团化办学 / 城乡学校共同体 with quotes, 2024-10-28.
# 2022年以来 -> [2022, 2024]; 2023年秋季学期起 -> [2023, 2024]; 目前 / 今年 / 今年以来 -> 2024;
# 三年来 -> [2022, 2024]; 近两年 -> [2023, 2024]; 到2026年 in a quote -> 2026 target.
D("k06_yingde_jituanhua", "英德：集团化办学让山区孩子共享优质教育", "2024-10-28", 2024,
  "441881", "英德市", "county",
  ["下载客户端", "您当前的位置：", "【字号：", "分享到：", "相关新闻", "英德新增2所公办初中",
   "清远日报社主办", "互联网新闻信息服务许可证编号：44120170011", "粤ICP备10219634号-1", "_hmt",
   "<div", "&gt;", "&ldquo;"],
  ["group_schooling", "urban_rural_integration", "teacher_rotation", "principal_management",
   "teacher_training", "digital_education", "quality_evaluation", "standardization",
   "rural_revitalization"],
  [F("3名", c, 3),
   F("11.2万人", c, 112000, "student_count"), F("超过四成", p, 40, "student_count", None, A, "over"),
   F("11个", c, 11, "education_groups", [2022, 2024]), F("86所", c, 86, "paired_schools", [2022, 2024]),
   F("57所", c, 57, "paired_schools", [2022, 2024]), F("66.3%", p, 66.3, "paired_schools", [2022, 2024]),
   F("6所", c, 6, "paired_schools", [2023, 2024]),
   F("24个", c, 24, "education_groups", 2024), F("132个", c, 132, "paired_schools", 2024),
   F("640人次", c, 640, "teachers_exchanged", N3), F("23名", c, 23, "principals_exchanged", N3),
   F("1,150余人次", c, 1150, "teachers_exchanged", N3, A, "over"),
   F("18.6%", p, 18.6, "teachers_exchanged", N3),
   F("15%", p, 15, "teachers_exchanged", None, S, "at_least"),
   F("20%", p, 20, "teachers_exchanged", None, S, "at_least"),
   F("800万元", m, 8000000), F("30万元", m, 300000, None, None, S),
   F("1.2亿元", m, 120000000, "construction_investment", 2024),
   F("2,380节", c, 2380, None, 2024), F("1.6万人", c, 16000, None, 2024),
   F("86.4%", p, 86.4, None, 2024), F("9.7个百分点", pp, 9.7, None, 2024),
   F("0.42", n, 0.42, "quality_gap", 2021), F("0.29", n, 0.29, "quality_gap", 2024),
   F("95.3%", p, 95.3, "satisfaction_rate", 2024),
   F("1,300余名", c, 1300, None, [2023, 2024], A, "over"),
   F("15个", c, 15, "education_groups", 2026, T)])


# ================================================================ checks
here = os.path.dirname(os.path.abspath(__file__))
# The .html page declares gb2312 but holds a GBK-only character, so it is read as GBK.
check_and_write(docs, os.path.join(here, 'docs'), os.path.join(here, 'gold.jsonl'), html_charset='gbk',
                lengths=(1500, 3500), every_file=True)
