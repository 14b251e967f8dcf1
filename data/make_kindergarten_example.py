#!/usr/bin/env python3
"""Builds data/no_kindergarten_2020_2023.csv for the example catalogue kpis/kindergarten.toml.

Only kindergarten_coverage_1_2 is real: SSB StatBank table 13502 (percent / 100), read from
../shared/data/real/no_ssb_barnehage/. Every other column is an EXAMPLE value drawn with a
fixed seed around plausible magnitudes, because no cost, man-year or survey table was
available (SOURCES.md). The file says so in "# note:" lines that nytta shows in every report.

    python3 data/make_kindergarten_example.py > data/no_kindergarten_2020_2023.csv
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SSB = os.path.join(HERE, "..", "..", "shared", "data", "real", "no_ssb_barnehage",
                   "ssb_13502_andel_barn_1-2_i_barnehage_2015-2023.csv")
YEARS = [2020, 2021, 2022, 2023]
# Municipality code → rough number of children aged 1–5 (example magnitudes).
UNITS = {"0301": 36000, "1103": 8400, "1804": 3300, "3001": 1600, "3005": 6300, "3024": 6800,
         "3407": 1500, "4204": 6700, "4601": 15600, "5401": 4200, "1506": 1600}


def read_coverage():
    out = {}
    with open(SSB, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[3]
    for r in rows[4:]:
        if not r or " " not in r[0]:
            continue
        code, name = r[0].split(" ", 1)
        if code not in UNITS:
            continue
        for i, h in enumerate(header):
            if h.isdigit() and int(h) in YEARS and r[i] not in (".", "..", ""):
                out[(code, int(h))] = (name, float(r[i]) / 100)
    return out


def main():
    coverage = read_coverage()
    rng = random.Random(2024)
    print("# note: kindergarten_coverage_1_2 is real (SSB table 13502); every other measure is an "
          "EXAMPLE value, not statistics")
    w = csv.writer(os.sys.stdout, lineterminator="\n")
    w.writerow(["code", "name", "year", "kindergarten_coverage_1_2", "children_1_2", "children_1_5",
                "children_in_kindergarten", "man_years", "cost", "attendance_hours", "staff",
                "pedagogical_staff", "parent_survey_score", "currency"])
    for code in sorted(UNITS):
        for y in YEARS:
            if (code, y) not in coverage:
                continue
            name, cov12 = coverage[(code, y)]
            c15 = round(UNITS[code] * (1 - 0.01 * (y - 2020)) * rng.uniform(0.97, 1.03))
            c12 = round(c15 * 0.4)
            kids = round(c15 * rng.uniform(0.88, 0.95))
            man_years = round(kids * rng.uniform(0.165, 0.2), 1)
            cost = round(kids * rng.uniform(205000, 245000) * (1 + 0.04 * (y - 2020)), -3)
            hours = round(kids * rng.uniform(1950, 2150), -2)
            staff = round(man_years * rng.uniform(1.05, 1.15))
            ped = round(staff * rng.uniform(0.38, 0.5))
            score = round(rng.uniform(4.4, 5.0), 1)
            w.writerow([code, name, y, repr(cov12), c12, c15, kids, man_years, int(cost), int(hours), staff, ped,
                        score, "NOK"])


if __name__ == "__main__":
    main()
