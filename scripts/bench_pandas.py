"""The pandas peer of the national bench: what an analyst would write to score every
county of a national file against the bundled scheme (criteria/jsyzfw-2008.yaml),
with the scheme's rules hard-coded, independently of pinggu.

    python3 scripts/bench_pandas.py townships.csv county.csv OUT.csv

Every county-level item of the scheme (26 scored items, 2 bonus items): township
fields summed per county (a rate is a ratio of sums), county fields from county.csv;
points by the item's rule (deduction per unit with its rounding and caps, windows,
all-or-nothing, checklists, bands, proportional, bonus with the 5-point cap) and
its n/a policy; the hard floor of 符合政策生育率; the five vetoes; the county total
(items x 100 / applicable maximum + bonus); the rank within the run (vetoed last,
ties share a rank). Data is read as pinggu reads it: a township row failing one of
the scheme's error checks makes that check's fields invalid for the row, so the
county's sum of them is invalid and the items reading them score 0 of their points
(as do items with a missing value). Boundary decisions (units of deduction, targets)
are made in exact integer arithmetic on the sums, so they agree with pinggu's exact
rationals; points are then floats.

OUT.csv: one row per county: key, each item's points, max, bonus, total, vetoed, rank.
"""
import sys

import numpy as np
import pandas as pd

# Township fields (label in the generated file -> short name). All counts (type count, min 0).
TOWNSHIP = {
    "期末总人口": "pop", "已婚育龄妇女数": "mw", "出生人数": "births", "符合政策出生数": "policy",
    "出生计划数": "planned", "政策外多孩出生数": "multi", "出生男婴": "boys", "出生女婴": "girls",
    "落实避孕措施人数": "contra", "手术并发症例数": "compl", "术后应随访人数": "fu_due",
    "术后已随访人数": "fu_done", "接受生殖健康服务人数": "rh", "行政村数": "villages",
    "开展知情选择的村数": "informed", "流入已婚育龄妇女": "mig", "流入已婚育龄妇女已查验": "mig_chk",
    "流出已婚育龄妇女": "out", "流出已婚育龄妇女已办证": "out_cert", "流动人口信息应反馈数": "info_due",
    "流动人口信息已反馈数": "info_fed", "奖励扶助应兑现人数": "rw_due", "奖励扶助已兑现人数": "rw_paid",
    "独生子女父母奖励应发户数": "oc_due", "独生子女父母奖励已发户数": "oc_paid", "村级专职计生专干人数": "workers",
}

# County fields: label -> (short name, type). Money is held in cents, percents in
# thousandths of a percentage point, so that every comparison is on integers.
COUNTY = {
    "计生事业经费投入（元）": ("funds", "money"), "计生事业经费增长率": ("fund_growth", "percent"),
    "经常性财政收入增长率": ("rev_growth", "percent"), "奖励扶助资金应到位（元）": ("rf_due", "money"),
    "奖励扶助资金实际到位（元）": ("rf_recv", "money"), "村专干报酬占村主任报酬比例": ("pay_ratio", "percent"),
    "育龄群众满意率": ("satisfaction", "percent"), "政策知晓率": ("awareness", "percent"),
    "调查出生数": ("survey_births", "count"), "报表出生数": ("reported_births", "count"),
    "党政专题研究计生工作次数": ("sessions", "count"), "有领导小组": ("leading_group", "bool"),
    "有办公场地": ("office", "bool"), "有专职人员": ("staff", "bool"), "有工作制度": ("rules", "bool"),
    "有信息平台": ("platform", "bool"), "有B超使用登记制度": ("bscan", "bool"),
    "有终止中期妊娠审批制度": ("termination", "bool"), "有出生信息通报制度": ("birth_reporting", "bool"),
    "有两非专项治理队伍": ("lianfei_team", "bool"), "奖励优惠政策落实情况": ("incentive", "count"),
    "查处两非案件数": ("lianfei_cases", "count"), "党员干部政策外生育数": ("cadre_births", "count"),
    "严重弄虚作假": ("falsification", "bool"),
}
SCALE = {"money": 100, "percent": 1000, "count": 1}

# The scheme's error-level checks on township rows: a failing row's fields are invalid there.
CHECKS = [
    (("policy", "births"), lambda t: t.policy <= t.births),
    (("boys", "girls", "births"), lambda t: t.boys + t.girls == t.births),
    (("multi", "births", "policy"), lambda t: t.multi <= t.births - t.policy),
    (("contra", "mw"), lambda t: t.contra <= t.mw),
    (("rh", "mw"), lambda t: t.rh <= t.mw),
    (("fu_done", "fu_due"), lambda t: t.fu_done <= t.fu_due),
    (("informed", "villages"), lambda t: t.informed <= t.villages),
    (("mig_chk", "mig"), lambda t: t.mig_chk <= t.mig),
    (("out_cert", "out"), lambda t: t.out_cert <= t.out),
    (("info_fed", "info_due"), lambda t: t.info_fed <= t.info_due),
    (("rw_paid", "rw_due"), lambda t: t.rw_paid <= t.rw_due),
    (("oc_paid", "oc_due"), lambda t: t.oc_paid <= t.oc_due),
]

MISSING = {"", "-", "--", "—", "——", "–", "/", "\\", "－", "／"}
YES = {"是", "有", "y", "yes", "true", "1", "√", "✓", "✔", "已"}
NO = {"否", "无", "没有", "n", "no", "false", "0", "×", "✗", "✘", "未"}


def parse_numbers(col, kind):
    """Cell text -> scaled integers (float NaN where missing), and a mask of cells that are not numbers."""
    s = col.fillna("").astype(str).str.strip().str.replace(",", "", regex=False)
    missing = s.isin(MISSING)
    pct = s.str.endswith("%")
    x = pd.to_numeric(s.str.rstrip("%"), errors="coerce")
    # A bare number in a percent column is percentage points, as pinggu reads it.
    if kind != "percent":
        x = x.where(~pct)
    scaled = (x * SCALE[kind]).round()
    bad = ~missing & (x.isna() | ((x * SCALE[kind] - scaled).abs() > 1e-6))
    if kind in ("count", "money"):
        bad |= ~missing & (x < 0)
    return scaled.where(~bad & ~missing), bad


def read_townships(path):
    df = pd.read_csv(path, dtype={"县代码": str}, usecols=["县代码", *TOWNSHIP], keep_default_na=False, na_values=list(MISSING))
    df = df.rename(columns=TOWNSHIP)
    invalid = pd.DataFrame(False, index=df.index, columns=list(TOWNSHIP.values()))
    for c in TOWNSHIP.values():
        if df[c].dtype.kind not in "if":
            df[c], invalid[c] = parse_numbers(df[c], "count")
        elif df[c].dtype.kind == "f":
            invalid[c] = df[c].notna() & ((df[c] < 0) | (df[c] != df[c].round()))
            df[c] = df[c].where(~invalid[c])
        else:
            invalid[c] = df[c] < 0
    for fields, ok in CHECKS:
        present = df[list(fields)].notna().all(axis=1)
        fails = present & ~ok(df).fillna(True).astype(bool)
        for f in fields:
            invalid[f] |= fails
    return df, invalid


def read_counties(path):
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    out = pd.DataFrame(index=raw["县代码"].str.strip())
    bad = pd.DataFrame(False, index=out.index, columns=[n for n, _ in COUNTY.values()])
    for label, (name, kind) in COUNTY.items():
        col = raw[label].fillna("").str.strip() if label in raw else pd.Series("", index=raw.index)
        if kind == "bool":
            k = col.str.lower()
            v = pd.Series(np.nan, index=raw.index, dtype=object)
            v[k.isin(YES)] = True
            v[k.isin(NO)] = False
            out[name] = v.values
            bad[name] = (~k.isin(YES | NO | MISSING)).values
        else:
            v, b = parse_numbers(col, kind)
            out[name] = v.values
            bad[name] = b.values
    return out, bad


def score(town, invalid, county, cbad):
    keys = town["县代码"]
    g = town.groupby(keys, sort=False)
    cols = list(TOWNSHIP.values())
    sums = g[cols].sum(min_count=1)
    # A county's sum is unusable if any township's value is missing or invalid.
    unusable = (town[cols].isna() | invalid).groupby(keys, sort=False).any()
    idx = sums.index.union(county.index, sort=False)
    sums = sums.reindex(idx)
    unusable = unusable.reindex(idx, fill_value=True)
    county = county.reindex(idx)
    cbad = cbad.reindex(idx, fill_value=False) | county.isna()

    def S(name):  # township sum as int64 (0 where unusable; masked by `bad`)
        return sums[name].fillna(0).to_numpy(np.int64)

    def C(name):
        v = county[name]
        if v.dtype == object:
            return v.fillna(False).to_numpy(bool)
        return v.fillna(0).to_numpy(np.int64)

    def bad(*names):
        m = np.zeros(len(idx), bool)
        for n in names:
            m |= unusable[n].to_numpy(bool) if n in unusable else cbad[n].to_numpy(bool)
        return m

    def ceil_div(a, b):
        return -((-a) // np.where(b == 0, 1, b))

    def floor_div(a, b):
        return a // np.where(b == 0, 1, b)

    pts, mx = {}, {}

    def item(name, full, fields, points, na=None, policy="exclude"):
        """points: the rule's points where the data is usable; na: where the value is
        undefined (a division by zero), scored by the item's n/a policy. A missing or
        invalid field scores 0 of the item's points (a bonus item: 0 of 0)."""
        bonus = name.startswith("bonus")
        na = np.zeros(len(idx), bool) if na is None else na
        p = np.asarray(points, float)
        m = np.full(len(idx), 0.0 if bonus else float(full))
        if bonus or policy == "exclude":
            p, m = np.where(na, 0.0, p), np.where(na, 0.0, m)
        elif policy == "full":
            p = np.where(na, float(full), p)
        else:
            p = np.where(na, 0.0, p)
        b = bad(*fields)
        pts[name] = np.where(b, 0.0, p)
        mx[name] = np.where(b, 0.0 if bonus else float(full), m)

    def deduct(full, units, per_unit, cap=None):
        lost = units * per_unit
        if cap is not None:
            lost = np.minimum(lost, cap)
        return full - np.minimum(lost, full)

    pos = lambda a: np.maximum(a, 0)  # noqa: E731

    # 综合管理
    org = sum((~C(n)).astype(np.int64) for n in ("leading_group", "office", "staff", "rules", "platform"))
    item("zhgl_org", 6, ("leading_group", "office", "staff", "rules", "platform"), deduct(6, org, 2))
    item("zhgl_agenda", 4, ("sessions",), deduct(4, pos(4 - C("sessions")), 1))
    # 稳定低生育水平
    births, policy = S("births"), S("policy")
    rkkz = deduct(10, floor_div(pos(950 * births - 1000 * policy), births), 0.3)
    floor_hit = (100 * policy < 82 * births) & (births > 0) & ~bad("policy", "births")
    item("rkkz_policy", 10, ("policy", "births"), np.where(floor_hit, 0.0, rkkz), na=births == 0)
    planned = S("planned")
    item("rkkz_plan", 4, ("births", "planned"), np.where((100 * births >= 85 * planned) & (births <= planned), 4.0, 0.0), na=planned == 0)
    item("rkkz_multi", 3, ("multi",), deduct(3, S("multi"), 0.5))
    sb, rb = C("survey_births"), C("reported_births")
    err = np.abs(sb - rb)
    item("rkkz_stat", 3, ("survey_births", "reported_births"), deduct(3, ceil_div(pos(200 * err - 10 * sb), sb), 1), na=sb == 0)
    # 出生人口性别比
    boys, girls = S("boys"), S("girls")
    off = ceil_div(pos(103 * girls - 100 * boys), girls) + ceil_div(pos(100 * boys - 107 * girls), girls)
    item("xbb_ratio", 6, ("boys", "girls"), deduct(6, off, 0.5, cap=4), na=girls == 0)
    gov = sum((~C(n)).astype(np.int64) for n in ("bscan", "termination", "birth_reporting", "lianfei_team"))
    item("xbb_governance", 4, ("bscan", "termination", "birth_reporting", "lianfei_team"), deduct(4, gov, 1))
    # 优质服务
    mw, contra = S("mw"), S("contra")
    mwf = np.where(mw == 0, 1, mw).astype(float)
    item("yzfw_contraception", 6, ("contra", "mw"), deduct(6, pos(85 - 100 * contra / mwf), 1.0), na=mw == 0)
    due, done = S("fu_due"), S("fu_done")
    item("yzfw_followup", 3, ("fu_done", "fu_due"), deduct(3, ceil_div(pos(95 * due - 100 * done), due), 0.5), na=due == 0)
    item("yzfw_rh", 3, ("rh", "mw"), np.where(100 * S("rh") >= 80 * mw, 3.0, 0.0), na=mw == 0)
    vil = S("villages")
    item("yzfw_informed", 3, ("informed", "villages"), deduct(3, floor_div(pos(90 * vil - 100 * S("informed")), vil), 0.3), na=vil == 0)
    item("yzfw_complication", 3, ("compl",), deduct(3, S("compl"), 1, cap=3))
    # 流动人口
    mig = S("mig")
    item("ldrk_checked", 4, ("mig_chk", "mig"), deduct(4, ceil_div(pos(85 * mig - 100 * S("mig_chk")), mig), 0.5), na=mig == 0)
    out = S("out")
    item("ldrk_outflow", 3, ("out_cert", "out"), deduct(3, ceil_div(pos(85 * out - 100 * S("out_cert")), out), 0.5), na=out == 0)
    idue = S("info_due")
    item("ldrk_info", 3, ("info_fed", "info_due"), np.where(100 * S("info_fed") >= 95 * idue, 3.0, 0.0), na=idue == 0)
    # 利益导向
    rdue = S("rw_due")
    item("lyd_reward", 4, ("rw_paid", "rw_due"), np.where(S("rw_paid") >= rdue, 4.0, 0.0), na=rdue == 0, policy="full")
    odue = S("oc_due")
    item("lyd_onechild", 4, ("oc_paid", "oc_due"), deduct(4, ceil_div(pos(90 * odue - 100 * S("oc_paid")), odue), 0.5), na=odue == 0)
    inc = C("incentive")
    item("lyd_policy", 4, ("incentive",), np.select([inc >= 2, inc >= 1], [4.0, 2.0], 0.0))
    # 经费保障 (funds in cents: funds/pop >= 13.04 yuan; each 0.1 yuan short, rounded up, costs 0.2)
    pop = S("pop")
    funds = C("funds")
    item("jfbz_per_capita", 4, ("funds", "pop"), deduct(4, ceil_div(pos(1304 * pop - funds), 10 * pop), 0.2), na=pop == 0)
    item("jfbz_growth", 2, ("fund_growth", "rev_growth"), np.where(C("fund_growth") > C("rev_growth"), 2.0, 0.0))
    rfd = C("rf_due")
    item("jfbz_reward_funds", 2, ("rf_recv", "rf_due"), np.where(C("rf_recv") >= rfd, 2.0, 0.0), na=rfd == 0)
    item("jfbz_worker_pay", 2, ("pay_ratio",), np.where(C("pay_ratio") >= 80_000, 2.0, 0.0))
    # 队伍建设与群众满意 (percents in thousandths of a point)
    item("dwmy_satisfaction", 6, ("satisfaction",), deduct(6, floor_div(pos(90_000 - C("satisfaction")), 1000), 2))
    item("dwmy_awareness", 2, ("awareness",), np.where(C("awareness") >= 85_000, 2.0, 0.0))
    popf = np.where(pop == 0, 1, pop).astype(float)
    item("dwmy_workers", 2, ("workers", "pop"), 2 * np.minimum(3000 * S("workers") / popf, 1.0), na=pop == 0)
    # 加分项
    item("bonus_lianfei", 2, ("lianfei_cases",), np.where(C("lianfei_cases") >= 1, 2.0, 0.0))
    beyond = floor_div(100 * contra - 90 * mw, mw)
    item("bonus_contraception", 3, ("contra", "mw"), np.where(100 * contra >= 90 * mw, np.minimum(beyond, 3), 0).astype(float), na=mw == 0)

    scored = [k for k in pts if not k.startswith("bonus")]
    points = sum(pts[k] for k in scored)
    maximum = sum(mx[k] for k in scored)
    bonus = np.minimum(pts["bonus_lianfei"] + pts["bonus_contraception"], 5.0)
    total = np.where(maximum > 0, points * 100 / np.where(maximum > 0, maximum, 1), 0.0) + bonus

    # 一票否决 (only for the rank: a vetoed county ranks after every other)
    vetoed = floor_hit.copy()
    vetoed |= ~bad("cadre_births") & (C("cadre_births") > 0)
    vetoed |= ~bad("boys", "girls") & (girls > 0) & (100 * boys > 120 * girls)
    vetoed |= ~bad("survey_births", "reported_births") & (sb > 0) & (100 * err > 7 * sb)
    vetoed |= ~bad("falsification") & C("falsification")

    res = pd.DataFrame({f"{k}": pts[k] for k in pts}, index=idx)
    res["max"] = maximum
    res["bonus"] = bonus
    res["total"] = total
    res["vetoed"] = vetoed
    # Competition rank (1, 2, 2, 4): vetoed last, then by total; totals equal to 1e-9 tie.
    t = pd.Series(np.round(total, 9), index=idx)
    clean = ~vetoed
    rank = t.where(clean).rank(ascending=False, method="min")
    rank = rank.fillna(t.where(vetoed).rank(ascending=False, method="min") + int(clean.sum()))
    res["rank"] = rank.astype(int)
    res.index.name = "key"
    return res


def main(townships, counties, out):
    town, invalid = read_townships(townships)
    county, cbad = read_counties(counties)
    res = score(town, invalid, county, cbad)
    res.to_csv(out)
    print(f"{len(res)} counties, {len(town)} townships, {int(invalid.any(axis=1).sum())} rows with invalid fields")


if __name__ == "__main__":
    main(*sys.argv[1:4])
