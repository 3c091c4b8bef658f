"""Build benchmark and soak corpora: real pages (as HTML) and generated reports (as text).

Generated reports are written from the team's own templates and vocabulary:
county-style education work reports with the figures, periods and measures
edumine extracts, so that every stage does real work. Two profiles: ``report``
mixes in sentences without figures to the density of the seed reports (about
one figure per 100 characters, 7.5 KB a report); ``dense`` (the default, kept
for tests and the soak) is figure sentences only, one figure per 18 characters. Each output file is
distinct (a document number is woven into it), so nothing is skipped as
unchanged.
"""
from __future__ import annotations

import random
from pathlib import Path

COUNTIES = [
    ("福建省", "福州市", "晋安区"), ("湖北省", "宜昌市", "夷陵区"), ("山东省", "济南市", "历城区"),
    ("浙江省", "湖州市", "德清县"), ("江苏省", "苏州市", "昆山市"), ("四川省", "成都市", "郫都区"),
    ("河南省", "郑州市", "中牟县"), ("广东省", "佛山市", "顺德区"), ("湖南省", "长沙市", "浏阳市"),
    ("安徽省", "合肥市", "肥西县"), ("江西省", "赣州市", "南康区"), ("河北省", "石家庄市", "正定县"),
]

OPENINGS = [
    "近年来，{county}坚持教育优先发展战略，推进义务教育优质均衡发展，各项工作取得明显成效。",
    "{year}年，{county}教育局围绕县域义务教育优质均衡创建目标，统筹推进学校建设和教师队伍建设。",
    "为加快推进城乡义务教育一体化，{county}出台系列举措，办学条件持续改善。",
]
SENTENCES = [
    "{year}年，全区财政性教育经费投入{money}亿元，较上年增长{pct}%。",
    "一般公共预算教育支出占一般公共预算支出的{share}%，实现“两个只增不减”。",
    "{year}年以来，累计投入{money2}亿元，新改扩建中小学{schools}所，新增学位{places}个。",
    "全县组建教育集团{groups}个，实现集团化办学全覆盖，城乡学校结对帮扶{pairs}所。",
    "推进教师交流轮岗，{year}年交流教师{teachers}人，其中骨干教师{backbone}名。",
    "近三年招聘引进教师{recruits}名，新增教师编制{posts}个。",
    "建成寄宿制学校{boarding}所、九年一贯制学校{nine}所，大班额比例从{big1}%降至{big2}%。",
    "小学生均公用经费提高到{per}元，初中生均公用经费达到{per2}元。",
    "全年资助家庭经济困难学生{aided}人次，发放资助资金{aid}万元。",
    "新建校舍{area}万平方米，改造运动场{fields}个。",
    "力争到{target_year}年，全县义务教育学校校际差异系数小学不高于0.{gap}，社会认可度达到{sat}%以上。",
    "开展教师培训{trained}人次，培训经费占公用经费的{train_pct}%。",
    "学校开齐开足音体美课程，开展课后服务，学生参与率达到{cover}%。",
]
# sentences without figures: what a county report says between its numbers (measures,
# context, method). A "report" mixes them in to the figure density of real county
# reports (the seed reports carry about one figure per 100 characters).
PROSE = [
    "{county}把义务教育优质均衡发展作为重大民生工程，列入政府年度重点工作，实行县级领导包联学校制度。",
    "坚持规划先行，结合城镇化进程和学龄人口变化，科学编制中小学布局专项规划，做到学校建设与城市开发同步规划、同步建设、同步交付。",
    "深化“县管校聘”管理改革，建立教师合理流动机制，推动优秀校长和骨干教师向乡村学校、薄弱学校流动。",
    "以集团化办学为抓手，推行管理共进、师资共享、课程共建、质量共评，促进城乡学校捆绑发展。",
    "实施乡村学校提质工程，改善乡村小规模学校和寄宿制学校办学条件，让农村孩子在家门口上好学。",
    "全面落实“双减”政策，强化学校教育主阵地作用，提升课后服务质量，切实减轻学生过重作业负担。",
    "健全控辍保学长效机制，建立适龄儿童少年入学信息比对和动态监测制度，确保不让一个孩子因贫失学。",
    "推进智慧校园建设，依托国家中小学智慧教育平台开展线上教研和专递课堂，推动优质资源共享。",
    "加强师德师风建设，将师德表现作为教师考核、职称评聘和评优评先的首要标准。",
    "完善特殊教育保障机制，落实随班就读和送教上门，保障残疾儿童少年平等接受义务教育的权利。",
    "规范民办义务教育发展，严格落实公民同招政策，维护良好的教育生态。",
    "强化教育督导，建立责任督学挂牌督导制度，定期对学校办学行为开展专项督导检查。",
    "保障进城务工人员随迁子女平等接受义务教育，坚持以居住证为主要依据，简化入学手续。",
    "推进劳动教育和体育美育，开足开齐相关课程，组织学生参加校园文化艺术节和阳光体育运动。",
    "建立教育经费投入保障机制，确保一般公共预算教育支出逐年只增不减、按在校学生人数平均的一般公共预算教育支出逐年只增不减。",
    "加强学校食堂管理，落实校长陪餐制度，保障学生饮食安全和营养健康。",
    "持续开展校园安全隐患排查整治，完善人防、物防、技防措施，创建平安校园。",
    "健全家校社协同育人机制，办好家长学校，引导家长树立科学的育儿观念。",
    "对照国家优质均衡评估认定标准逐项自查，建立问题清单、责任清单和整改清单，实行销号管理。",
    "深化课堂教学改革，推广大单元教学和项目式学习，提高课堂教学效率。",
]
CLOSINGS = [
    "下一步，{county}将继续深化教育综合改革，努力办好人民满意的教育。",
    "（编号{serial}）",
]


def _values(rng: random.Random) -> dict[str, object]:
    year = rng.randint(2015, 2024)
    return {
        "year": year, "target_year": year + rng.randint(1, 3),
        "money": f"{rng.uniform(1, 30):.2f}", "money2": f"{rng.uniform(5, 60):.1f}",
        "pct": f"{rng.uniform(0.5, 25):.2f}", "share": f"{rng.uniform(12, 30):.2f}",
        "schools": rng.randint(2, 40), "places": rng.randint(500, 30000),
        "groups": rng.randint(3, 30), "pairs": rng.randint(5, 60),
        "teachers": rng.randint(50, 1500), "backbone": rng.randint(10, 300),
        "recruits": rng.randint(50, 900), "posts": rng.randint(20, 600),
        "boarding": rng.randint(1, 50), "nine": rng.randint(1, 12),
        "big1": f"{rng.uniform(5, 35):.1f}", "big2": f"{rng.uniform(0, 4):.1f}",
        "per": rng.randint(650, 1200), "per2": rng.randint(850, 1600),
        "aided": rng.randint(1000, 90000), "aid": rng.randint(100, 9000),
        "area": f"{rng.uniform(1, 40):.1f}", "fields": rng.randint(3, 60),
        "gap": rng.randint(30, 50), "sat": rng.randint(85, 98),
        "trained": rng.randint(500, 20000), "train_pct": rng.randint(5, 10),
        "cover": rng.randint(80, 100),
    }


PROFILES = ("report", "dense")


def generate_report(rng: random.Random, serial: int, paragraphs: int = 6, profile: str = "dense") -> str:
    """One generated county report (title line, date and source lines, body).

    ``dense`` paragraphs hold only figure sentences (one figure per ~18 characters,
    the worst case for the per-figure stages); ``report`` paragraphs mix in the
    sentences without figures that fill a real report (about one figure per
    100 characters, as in the seed reports) and run twice as many paragraphs.
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}: use one of {', '.join(PROFILES)}")
    province, city, county = rng.choice(COUNTIES)
    v = _values(rng)
    v.update(county=county, serial=serial)
    lines = [f"{county}推进义务教育优质均衡发展工作情况报告（{serial}）",
             f"发布时间：{v['year']}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}  来源：{city}{county}教育局",
             rng.choice(OPENINGS).format(**v)]
    for _ in range(paragraphs if profile == "dense" else 2 * paragraphs):
        chosen = rng.sample(SENTENCES, k=rng.randint(3, 6) if profile == "dense" else 1)
        if profile == "report":
            chosen += rng.sample(PROSE, k=rng.randint(3, 5))
            rng.shuffle(chosen)
        lines.append("".join(t.format(**v) for t in chosen))
    lines.extend(c.format(**v) for c in CLOSINGS)
    return "\n".join(lines) + "\n"


def real_pages(html_dir: Path) -> list[Path]:
    return sorted(p for p in html_dir.iterdir()
                  if p.suffix in (".html", ".htm") and ".truth" not in p.name)


def build_corpus(out: Path, n: int, html_dir: Path | None, html_share: float = 1.0,
                 seed: int = 7, profile: str = "dense") -> dict[str, int]:
    """Write ``n`` documents into ``out``: ``html_share`` of them real pages, the rest text
    (generated reports of the given ``profile``, see :func:`generate_report`).

    Real pages are repeated with a distinct marker comment appended, so every
    file is new to the warehouse while the HTML work per page stays real.
    """
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    pages = real_pages(html_dir) if html_dir and html_dir.exists() else []
    n_html = int(round(n * html_share)) if pages else 0
    for i in range(n_html):
        src = pages[i % len(pages)]
        data = src.read_bytes() + f"\n<!-- edumine-bench {i} -->\n".encode("ascii")
        (out / f"h{i:06d}{src.suffix}").write_bytes(data)
    for i in range(n - n_html):
        (out / f"t{i:06d}.txt").write_text(generate_report(rng, i, profile=profile), encoding="utf-8")
    return {"html": n_html, "text": n - n_html}
