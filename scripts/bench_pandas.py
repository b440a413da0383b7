"""The pandas peer of the national bench: the county values of a few items of the
bundled scheme (ratio of sums over each county's townships), from the same file.

    python3 scripts/bench_pandas.py townships.csv OUT.csv
"""
import sys

import pandas as pd

# item: (numerator, denominator, factor) by the column labels of criteria/jsyzfw-2008.yaml
ITEMS = {
    "符合政策生育率": ("符合政策出生数", "出生人数", 1),
    "综合避孕率": ("落实避孕措施人数", "已婚育龄妇女数", 1),
    "出生人口性别比": ("出生男婴", "出生女婴", 100),
    "术后随访率": ("术后已随访人数", "术后应随访人数", 1),
    "流入已婚育龄妇女查验率": ("流入已婚育龄妇女已查验", "流入已婚育龄妇女", 1),
}


def main(src, out):
    columns = sorted({c for num, den, _ in ITEMS.values() for c in (num, den)})
    df = pd.read_csv(src, usecols=["县代码", *columns], dtype={"县代码": str})
    sums = df.groupby("县代码", sort=False)[columns].sum()
    result = pd.DataFrame({name: sums[num] / sums[den] * factor for name, (num, den, factor) in ITEMS.items()})
    result.to_csv(out)
    print(f"{len(result)} counties, {len(df)} townships")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
