"""Gold for tests/devset2, written as data, plus a consistency check.

Run `python tests/devset2/build_gold.py`: checks that every gold surface occurs
in its document, in text order (for the JSONL dump: in both records), then
rewrites gold.jsonl. Edit the gold here, not in gold.jsonl.
F(surface, kind, value, metric, year, modality, qualifier); year Y -> [Y, Y].
"""
import json, os, re, html as H
A='actual'; T='target'; S='standard'
def F(surface, kind, value, metric=None, year=None, modality=A, qual=None):
    if isinstance(year, int): year=[year, year]
    return {"surface": surface, "kind": kind, "value": value, "qualifier": qual, "metric": metric, "year": year, "modality": modality}
docs = []
def D(doc, title, published, as_of, code, name, level, junk, measures, figures):
    docs.append({"doc": doc, "title": title, "published": published, "as_of_year": as_of,
                 "region": {"code": code, "name": name, "level": level}, "junk": junk,
                 "measures": sorted(measures), "figures": figures})
c='count'; m='money'; p='percent'; n='number'; ar='area'
Y3=[2022,2024]
D("e01_fuping_ziping","富平县县域义务教育优质均衡发展督导评估自评报告","2024-09-20",2024,"610528","富平县","county",
  ["【打印本页】","【关闭窗口】"],
  ["quality_evaluation","funding_guarantee","school_construction","class_size_control","teacher_welfare","teacher_supply","county_managed_teachers","teacher_rotation","principal_management"],
  [F("86所",c,86,"school_count"),F("61所",c,61,"school_count"),F("19所",c,19,"school_count"),F("6所",c,6,"nine_year_schools"),
   F("6.12万人",c,61200,"student_count"),F("4538人",c,4538,"teacher_count"),
   F("0.386",n,0.386,"quality_gap"),F("0.297",n,0.297,"quality_gap"),F("0.50",n,0.5,"quality_gap",None,S,"at_most"),F("0.45",n,0.45,"quality_gap",None,S,"at_most"),
   F("5.6人",c,5.6),F("6.3人",c,6.3),F("4.2人",c,4.2,None,None,S),F("5.3人",c,5.3,None,None,S),F("1.4人",c,1.4),F("1.3人",c,1.3),
   F("5.82平方米",ar,5.82),F("7.14平方米",ar,7.14),F("4.5平方米",ar,4.5,None,None,S),F("5.8平方米",ar,5.8,None,None,S),
   F("2680元",m,2680),F("3350元",m,3350),F("2000元",m,2000,None,None,S),F("2500元",m,2500,None,None,S),F("2.9间",c,2.9),F("3.4间",c,3.4),
   F("9.83亿元",m,983000000,"edu_spending",2023),F("6.4%",p,6.4,"edu_spending_growth",2023),F("20.7%",p,20.7,"edu_budget_share",2023),
   F("720元",m,720,"per_student_public_funds",None,S),F("940元",m,940,"per_student_public_funds",None,S),
   F("4.6亿元",m,460000000,"construction_investment",Y3),F("23所",c,23,"schools_built",Y3),F("6800个",c,6800,"school_places_added",Y3),F("11.2万平方米",ar,112000,"floor_area_built",Y3),
   F("312名",c,312,"teachers_recruited",2024),F("46名",c,46,"teachers_recruited",2024),
   F("15%",p,15,"teachers_exchanged",None,S,"at_least"),F("20%",p,20,"teachers_exchanged",None,S,"at_least"),
   F("1146人次",c,1146,"teachers_exchanged",Y3),F("87人次",c,87,"principals_exchanged",Y3),
   F("99.3%",p,99.3,"consolidation_rate"),F("97.6%",p,97.6,"enrollment_rate"),F("94.8%",p,94.8,"satisfaction_rate"),
   F("2所",c,2,"schools_built",2025,T),F("1500个",c,1500,"school_places_added",2025,T),F("0.35以内",n,0.35,"quality_gap",2025,T,"at_most")])
D("e02_tianshui_zongjie","天水市教育局2023年工作总结","2024-01-08",2023,"620500","天水市","city",
  ["【字体：大 中 小】"],
  ["funding_guarantee","weak_school_improvement","school_construction","boarding_schools","class_size_control","digital_education","teacher_supply","county_managed_teachers","teacher_rotation","teacher_training","student_aid","nutrition_meals","quality_evaluation"],
  [F("68.4亿元",m,6840000000,"edu_spending",2023),F("5.2%",p,5.2,"edu_spending_growth",2023),
   F("650元",m,650,"per_student_public_funds"),F("850元",m,850,"per_student_public_funds"),
   F("3.26亿元",m,326000000,"construction_investment",2023),F("142个",c,142,"projects",2023),
   F("19所",c,19,"schools_built"),F("7所",c,7,"boarding_schools"),F("1.14万个",c,11400,"school_places_added"),
   F("3.2%",p,3.2,"large_class_ratio",2022),F("0.4%",p,0.4,"large_class_ratio",2023),F("580间",c,580),
   F("420名",c,420,"teachers_recruited"),F("185名",c,185,"teachers_recruited"),F("2317人",c,2317,"teachers_exchanged"),F("596人",c,596,"teachers_exchanged"),
   F("1.6万人次",c,16000,"teachers_trained"),F("97.8%",p,97.8,"consolidation_rate"),F("96.5%",p,96.5,"enrollment_rate"),F("23枚",c,23,"awards"),
   F("2.87亿元",m,287000000,"student_aid",2023),F("31.6万人次",c,316000,"students_aided",2023),F("21.3万人",c,213000,"students_aided",2023),
   F("12所",c,12,"schools_built",2024,T),F("8000个以上",c,8000,"school_places_added",2024,T,"over"),F("4个",c,4,None,2024,T),
   F("1.5万人次",c,15000,"teachers_trained",2024,T,"at_least")])
D("e03_yunnan_tongbao","我省又一批县（市）迎来国家义务教育优质均衡发展督导评估","2024-11-05",2024,"530000","云南省","province",
  ["【打印】","【关闭】"],
  ["quality_evaluation","school_construction","funding_guarantee","teacher_rotation","county_managed_teachers","urban_rural_integration"],
  [F("0.412",n,0.412,"quality_gap"),F("0.365",n,0.365,"quality_gap"),F("0.338",n,0.338,"quality_gap"),
   F("0.301",n,0.301,"quality_gap"),F("0.287",n,0.287,"quality_gap"),F("0.264",n,0.264,"quality_gap"),
   F("9.6亿元",m,960000000,"construction_investment",Y3),F("7.2亿元",m,720000000,"construction_investment",Y3),F("11.5亿元",m,1150000000,"construction_investment",Y3),
   F("21所",c,21,"schools_built",Y3),F("17所",c,17,"schools_built",Y3),F("26所",c,26,"schools_built",Y3),
   F("19.8%",p,19.8,"edu_budget_share",2023),F("22.3%",p,22.3,"edu_budget_share",2023),F("18.6%",p,18.6,"edu_budget_share",2023),
   F("862人次",c,862,"teachers_exchanged",[2023,2024]),F("17.5%",p,17.5,"teachers_exchanged"),F("45所",c,45,"paired_schools"),
   F("38个",c,38,None,2024),F("29.5%",p,29.5,"coverage_rate",2024),F("60%以上",p,60,"coverage_rate",2027,T,"over")])
D("e04_qijiang_renda","綦江区人民政府关于全区教育经费投入和使用管理情况的报告","2024-08-29",2024,"500110","綦江区","county",
  [],
  ["funding_guarantee","boarding_schools","school_construction","teacher_welfare","weak_school_improvement"],
  [F("29.7亿元",m,2970000000,"edu_spending",2023),F("5.7%",p,5.7,"edu_spending_growth",2023),F("24.6亿元",m,2460000000,"edu_spending",2023),
   F("22.9亿元",m,2290000000,"edu_spending",2023),F("17.6%",p,17.6,"edu_budget_share",2023),F("0.8个百分点","pp",0.8,"edu_spending_growth",2023),
   F("1.38万元",m,13800,"per_student_spending",2023),F("1.86万元",m,18600,"per_student_spending",2023),
   F("3.1%",p,3.1,"edu_spending_growth",2023),F("4.6%",p,4.6,"edu_spending_growth",2023),
   F("800元",m,800,"per_student_public_funds"),F("1000元",m,1000,"per_student_public_funds"),F("200元",m,200,"per_student_public_funds",None,S),
   F("5.84亿元",m,584000000,"construction_investment",[2022,2024]),F("6所",c,6,"schools_built",[2022,2024]),F("31所",c,31,"schools_built",[2022,2024]),
   F("7200个",c,7200,"school_places_added",[2022,2024]),F("9.6万平方米",ar,96000,"floor_area_built",[2022,2024]),
   F("4860万元",m,48600000,"teacher_pay_spending",2023),F("3120人",c,3120,"teacher_count",2023),
   F("15.2亿元",m,1520000000,"edu_spending",2024),F("52.3%",p,52.3,None,2024),F("126所",c,126,"school_count"),
   F("1.2亿元",m,120000000,"construction_investment",2025,T),F("20个",c,20,"projects",2025,T)])
D("e05_jiangbei_wechat","家门口的好学校又多了！江北这样推进义务教育优质均衡","2024-10-15",2024,"330205","江北区","county",
  ["点击蓝字","预览时标签不可点","微信扫一扫","关注该公众号","写留言","分享 收藏 在看 点赞"],
  ["school_construction","county_managed_teachers","teacher_rotation","group_schooling","urban_rural_integration"],
  [F("超12亿元",m,1200000000,"construction_investment",2024,A,"over"),F("5所",c,5,"schools_built",2024),F("6300个",c,6300,"school_places_added",None,T),
   F("42所",c,42,"school_count",2024),F("5.3万余人",c,53000,"student_count",2024,A,"over"),
   F("千余人次",c,1000,"teachers_exchanged",Y3,A,"over"),F("35%以上",p,35,"teachers_exchanged",Y3,A,"over"),
   F("9个",c,9,"education_groups"),F("4个",c,4,"education_groups"),F("100%",p,100,"coverage_rate"),
   F("96.7%",p,96.7,"satisfaction_rate"),F("2.1个百分点","pp",2.1,"satisfaction_rate")])
D("e06_meihekou_gbk","梅河口市：城乡学校共同体让农村娃就近上好学","2024-07-12",2024,"220581","梅河口市","county",
  ["网站首页","当前位置","分享到","QQ空间","打印本页","关闭窗口","吉ICP备10002345号","网站标识码","_hmt","<div","&gt;"],
  ["urban_rural_integration","teacher_rotation","digital_education","standardization","teacher_training"],
  [F("26所",c,26,"paired_schools"),F("43所",c,43,"paired_schools"),F("14个",c,14,"education_groups"),
   F("1.9亿元",m,190000000,"construction_investment",2023),F("18块",c,18,None,2023),F("4200万元",m,42000000,"construction_investment",2023),
   F("236名",c,236,"teachers_exchanged",2024),F("118名",c,118,"teachers_exchanged",2024),F("120余节",c,120,None,None,A,"over"),
   F("不足百人",c,100,None,2021,A,"at_most"),F("620人",c,620,None,2024),F("90%以上",p,90,None,2026,T,"over")])
D("e07_sihong_crawl","泗洪县：“强镇筑基”让乡镇学校强起来","2024-05-20",2024,"321324","泗洪县","county",
  ["我要纠错","苏ICP备05012345号","相关阅读","版权所有","<div","&gt;"],
  ["rural_revitalization","school_construction","standardization","boarding_schools","nutrition_meals","student_aid","teacher_welfare","teacher_supply"],
  [F("3.5亿元",m,350000000,"construction_investment",[2021,2024]),F("22所",c,22,"schools_built",[2021,2024]),F("37所",c,37,"school_count"),
   F("1.86万人",c,18600,"student_count",2024),F("5元",m,5,"student_aid",None,S),F("4650万元",m,46500000,"student_aid",2023),F("5.1万人",c,51000,"students_aided",2023),
   F("200元至800元",m,200,"teacher_pay_spending"),F("1350名",c,1350,"teachers_recruited",Y3),F("85%以上",p,85,"teachers_recruited",Y3,A,"over"),
   F("3000个",c,3000,"school_places_added",2026,T)])
Y5=[2016,2020]
D("e08_lanling_shisanwu","兰陵县“十三五”时期教育事业发展成就回顾","2021-02-25",2020,"371324","兰陵县","county",
  [],
  ["school_construction","class_size_control","teacher_supply","teacher_training","digital_education","quality_evaluation","student_aid"],
  [F("128.6亿元",m,12860000000,"edu_spending",Y5),F("8.9%",p,8.9,"edu_spending_growth",Y5),
   F("143所",c,143,"schools_built",Y5),F("68.4万平方米",ar,684000,"floor_area_built",Y5),F("4.2万个",c,42000,"school_places_added",Y5),
   F("41.6%",p,41.6,"large_class_ratio",2015),F("3.2%",p,3.2,"large_class_ratio",2020),
   F("4860名",c,4860,"teachers_recruited",Y5),F("3200余名",c,3200,"teachers_recruited",Y5,A,"over"),F("1.18万人",c,11800,"teacher_count",2020),
   F("9.6万人次",c,96000,"teachers_trained"),F("625名",c,625,"backbone_teachers"),
   F("9860元",m,9860,"per_student_spending",2020),F("13420元",m,13420,"per_student_spending",2020),F("2.3倍",n,2.3,None,Y5),
   F("94.2%",p,94.2,"consolidation_rate"),F("98.9%",p,98.9,"consolidation_rate"),
   F("31.5万人次",c,315000,"students_aided",Y5),F("2.46亿元",m,246000000,"student_aid",Y5),
   F("1.5万个",c,15000,"school_places_added",2025,T),F("0.50",n,0.5,"quality_gap",2025,T,"at_most"),F("0.45",n,0.45,"quality_gap",2025,T,"at_most")])
P=[2025,2027]
D("e09_handan_fangan","邯郸市义务教育优质均衡发展三年行动方案（2025—2027年）","2025-03-18",2025,"130400","邯郸市","city",
  [],
  ["quality_evaluation","class_size_control","school_construction","teacher_supply","county_managed_teachers","teacher_rotation","teacher_training","funding_guarantee","digital_education","principal_management"],
  [F("1426所",c,1426,"school_count",2024),F("121.8万人",c,1218000,"student_count",2024),F("8.96万人",c,89600,"teacher_count",2024),
   F("5个",c,5,None,2025),F("0.3%",p,0.3,"large_class_ratio",2025),
   F("70%以上",p,70,"coverage_rate",2027,T,"over"),F("99%以上",p,99,"consolidation_rate",2027,T,"over"),F("90%以上",p,90,"satisfaction_rate",2027,T,"over"),
   F("60所",c,60,"schools_built",P,T,"at_least"),F("5万个",c,50000,"school_places_added",P,T),F("约80万平方米",ar,800000,"floor_area_built",P,T,"about"),
   F("48个",c,48,None,None,S,"at_most"),F("60个",c,60,None,None,S,"at_most"),F("45人",c,45,None,None,S,"at_most"),F("50人",c,50,None,None,S,"at_most"),
   F("5%",p,5,"teachers_recruited",None,S,"at_least"),F("6000名以上",c,6000,"teachers_recruited",P,T,"over"),
   F("10%",p,10,"teachers_exchanged",None,S,"at_least"),F("20%",p,20,"teachers_exchanged",None,S,"at_least"),
   F("3000名",c,3000,"backbone_teachers",2027,T),F("100名",c,100,None,2027,T),
   F("720元",m,720,"per_student_public_funds",None,S,"at_least"),F("920元",m,920,"per_student_public_funds",None,S,"at_least"),
   F("80%",p,80,"coverage_rate",2027,T)])
D("e10_gongcheng_xianguan","恭城瑶族自治县：“县管校聘”激活乡村教师队伍一池春水","2024-09-03",2024,"450332","恭城瑶族自治县","county",
  [],
  ["county_managed_teachers","teacher_supply","teacher_rotation","principal_management","teacher_evaluation","teacher_welfare","teacher_training"],
  [F("5名",c,5,"teachers_exchanged"),F("186个",c,186,"teacher_posts_added",Y3),
   F("1023人次",c,1023,"teachers_exchanged",Y3),F("21.4%",p,21.4,"teachers_exchanged",Y3),F("57人",c,57,"principals_exchanged",Y3),
   F("500元至1000元",m,500,"teacher_pay_spending"),F("236名",c,236,None,2024),F("12名",c,12,"teachers_trained",2024),F("2418人",c,2418,"teacher_count",2024),
   F("52.3%",p,52.3),F("78.6%",p,78.6),F("15%",p,15,"teachers_exchanged",None,S,"at_least")])
D("e11_yuanzhou_gaizhuang","原州区2024年义务教育薄弱学校改造与能力提升工作情况报告","2024-12-16",2024,"640402","原州区","county",
  [],
  ["weak_school_improvement","school_construction","boarding_schools","nutrition_meals","standardization","teacher_training","student_aid"],
  [F("2.36亿元",m,236000000,"construction_investment",2024),F("16850万元",m,168500000,"construction_investment",2024),
   F("4120万元",m,41200000,"construction_investment",2024),F("2630万元",m,26300000,"construction_investment",2024),
   F("60亩",ar,40000),F("2.28万平方米",ar,22800,"floor_area_built"),F("1620个",c,1620,"school_places_added"),F("4所",c,4,"boarding_schools"),
   F("1.36万平方米",ar,13600,"floor_area_built"),F("32所",c,32),F("3480万元",m,34800000,"construction_investment"),
   F("6500套",c,6500),F("12.6万册",c,126000),F("11处",c,11),F("4.5万平方米",ar,45000),F("30亩",ar,20000),
   F("8900人次",c,8900,"teachers_trained",2024),F("1.8千元",m,1800,"training_funds",2024),
   F("1000元",m,1000,"student_aid"),F("1250元",m,1250,"student_aid"),F("2.1万人次",c,21000,"students_aided",2024),F("2186.5万元",m,21865000,"student_aid",2024),
   F("91.6%",p,91.6,None,2024),F("4.3个百分点","pp",4.3,None,2024),
   F("约1.5亿元",m,150000000,"construction_investment",2025,T,"about"),F("8所",c,8,"schools_built",2025,T),F("3.2万平方米",ar,32000,"floor_area_built",2025,T)])
D("e12_wuqing_jituan","天津武清：集团化办学让优质资源“扩容”","2024-06-20",2024,"120114","武清区","county",
  ["【纠错】"],
  ["group_schooling","teacher_rotation","teacher_training"],
  [F("二十一个",c,21,"education_groups",2024),F("百分之八十五",p,85,"coverage_rate",2024),
   F("一百二十四所",c,124,"school_count"),F("逾十万人",c,100000,"student_count",None,A,"over"),
   F("近三千万元",m,30000000,None,None,A,"nearly"),F("五十万元",m,500000),F("12所",c,12,"paired_schools"),
   F("一千二百余名",c,1200,"teachers_exchanged",2023,A,"over"),F("三百四十名",c,340,"teachers_exchanged",2023),
   F("百分之九十五以上",p,95,None,None,A,"over"),F("五个",c,5,"education_groups",None,T)])

# check: surfaces in order in each doc's text
import os
here=os.path.dirname(os.path.abspath(__file__)); base=os.path.join(here,'docs')
def text_of(doc):
    for fn in os.listdir(base):
        if os.path.splitext(fn)[0]==doc:
            path=os.path.join(base,fn)
            if fn.endswith('.jsonl'):
                recs=[json.loads(l) for l in open(path,encoding='utf-8')]
                return [re.sub(r'<[^>]+>','',H.unescape(r.get('html') or '')) if r.get('html') else r['text'] for r in recs]
            raw=open(path,'rb').read()
            t=raw.decode('gbk') if fn.endswith('.html') else raw.decode('utf-8')
            return [t]
ok=True
for d in docs:
    for t in text_of(d['doc']):
        pos=0
        for f in d['figures']:
            i=t.find(f['surface'],pos)
            if i<0: print('NOT IN ORDER', d['doc'], f['surface']); ok=False; break
            pos=i+len(f['surface'])
        for j in d['junk']:
            pass
        if d['title'] not in t: print('title?', d['doc'])
print('ok' if ok else 'FAIL', sum(len(d['figures']) for d in docs), 'figures', len(docs),'docs')
with open(os.path.join(here,'gold.jsonl'),'w',encoding='utf-8') as fh:
    for d in docs: fh.write(json.dumps(d,ensure_ascii=False)+'\n')
