#!/usr/bin/env python3
"""Builds data/groups/se_size_classes_2012.csv: Swedish municipalities in four size classes
by their population on 31 Dec 2012 (KB Folk 2012, Folk200, in data/se_libraries_2012.csv).

An example of a --groups file. It is not an official grouping: SKR's kommungrupper and the
Norwegian KOSTRA groups also weigh commuting, density and income, which the data here lack.

    python3 data/groups/make_se_size_classes.py > data/groups/se_size_classes_2012.csv
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = [(200000, "200 000 and more"), (50000, "50 000–199 999"), (15000, "15 000–49 999"), (0, "under 15 000")]

with open(os.path.join(HERE, "..", "se_libraries_2012.csv"), encoding="utf-8", newline="") as f:
    rows = [r for r in csv.DictReader(f) if r["kind"] == "unit" and r["population"]]
w = csv.writer(os.sys.stdout, lineterminator="\n")
w.writerow(["code", "name", "group"])
for r in sorted(rows, key=lambda r: r["code"]):
    pop = float(r["population"])
    w.writerow([r["code"], r["name"], next(label for floor, label in CLASSES if pop >= floor)])
