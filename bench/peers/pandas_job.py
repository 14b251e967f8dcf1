"""The benchmark job in pandas (Debian python3-pandas): the same table as `nytta report -f csv`.

usage: python3 pandas_job.py INPUT.csv OUTPUT.csv
"""
import sys

import numpy as np
import pandas as pd

MEASURES = ["population", "loans", "visits", "opening_hours", "active_borrowers", "cost", "libraries"]
# id: (numerator, denominator, factor); the factor turns hours per year into hours per week
KPIS = {
    "loans_per_inhabitant": ("loans", "population", 1.0),
    "visits_per_inhabitant": ("visits", "population", 1.0),
    "hours_per_library_week": ("opening_hours", "libraries", 52.0),
    "active_borrower_share": ("active_borrowers", "population", 1.0),
    "cost_per_inhabitant": ("cost", "population", 1.0),
    "cost_per_loan": ("cost", "loans", 1.0),
    "cost_per_visit": ("cost", "visits", 1.0),
}


def ratio(num, den, factor):
    out = num / den.where(den != 0) / factor
    return out.replace([np.inf, -np.inf], np.nan)


def benefit(k):
    b = (k["loans_per_inhabitant"] * k["visits_per_inhabitant"] * k["hours_per_library_week"]
         * k["active_borrower_share"]) / k["cost_per_inhabitant"].where(k["cost_per_inhabitant"] != 0)
    return b.replace([np.inf, -np.inf], np.nan)


def national(rows):
    out = {}
    for kpi, (num, den, factor) in KPIS.items():
        both = rows[num].notna() & rows[den].notna()
        d = rows.loc[both, den].sum()
        out[kpi] = rows.loc[both, num].sum() / d / factor if d != 0 else np.nan
    return out


def main(src, dst):
    d = pd.read_csv(src, dtype={"code": str, "name": str})
    complete = d[MEASURES].notna().all(axis=1)
    latest = d.loc[complete, "year"].max()
    prev = d.loc[d["year"] < latest, "year"].max()

    per_year = {}
    for year in (latest, prev):
        rows = d[d["year"] == year]
        k = rows[["code", "name", "year"]].copy()
        for kpi, (num, den, factor) in KPIS.items():
            k[kpi] = ratio(rows[num], rows[den], factor)
        nat = national(rows)
        nat_benefit = benefit(pd.DataFrame([national(rows[complete.loc[rows.index]])])).iloc[0]
        k["benefit_index"] = 100 * benefit(k) / nat_benefit
        per_year[year] = (k, nat, nat_benefit)

    cur, nat, nb = per_year[latest]
    old, nat_old, nb_old = per_year[prev]
    cur = cur.merge(old[["code", "benefit_index", "cost_per_loan"]].rename(
        columns={"benefit_index": "bi_old", "cost_per_loan": "cpl_old"}), on="code", how="left")
    cur["benefit_index_yoy_pct"] = (cur["benefit_index"] / cur["bi_old"] - 1) * 100
    cur["cost_per_loan_yoy_pct"] = (cur["cost_per_loan"] / cur["cpl_old"] - 1) * 100
    cur["rank"] = cur["benefit_index"].rank(method="min", ascending=False).astype("Int64")
    cur["kind"] = "unit"
    cur = cur.sort_values(["rank", "code"], na_position="last", kind="stable")

    row = {"rank": pd.NA, "code": "", "name": "National", "year": latest, "benefit_index": 100.0, **nat,
           "benefit_index_yoy_pct": ((nb / nb) / (nb_old / nb_old) - 1) * 100,
           "cost_per_loan_yoy_pct": (nat["cost_per_loan"] / nat_old["cost_per_loan"] - 1) * 100, "kind": "national"}
    columns = ["rank", "code", "name", "year", "benefit_index", *KPIS, "benefit_index_yoy_pct",
               "cost_per_loan_yoy_pct", "kind"]
    out = pd.concat([pd.DataFrame([row]), cur[columns]], ignore_index=True)[columns]
    out.to_csv(dst, index=False, float_format="%.17g")


if __name__ == "__main__":
    main(*sys.argv[1:3])
