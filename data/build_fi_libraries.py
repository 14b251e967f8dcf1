#!/usr/bin/env python3
"""Builds data/fi_libraries_1999_2013.csv from the Finnish library statistics in
../shared/data/real/fi_kirjastot_1999_2013/ (see data/README.md for the derivations).

Standard library only. Files are joined by (Maakunta, Kunta), never by row order; the
merger-year zeros of the source are missing values; lainaukset.csv (Latin-1, other
boundaries) is not used, kokonaislainaus.csv is.

    python3 data/build_fi_libraries.py [SOURCE_DIR] > data/fi_libraries_1999_2013.csv
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCE = os.path.join(HERE, "..", "..", "shared", "data", "real", "fi_kirjastot_1999_2013")
YEARS = list(range(1999, 2014))
FILES = {
    "loans": "kokonaislainaus.csv",          # loans per year
    "loans_per_inhabitant": "lainauksetpa.csv",
    "visits_per_inhabitant": "kaynnit.csv",
    "opening_hours": "aotunnit.csv",         # hours per year, all service points
    "borrowers_pct": "lainaajia.csv",        # borrowers, % of inhabitants
    "cost_per_inhabitant": "toimintakulut.csv",  # EUR per inhabitant
}
KIND_ORDER = {"national": 0, "region": 1, "unit": 2}


def read(path):
    """{(maakunta, kunta): {year: float or None}}; '0' is missing (did not exist)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    year_col = {int(h): i for i, h in enumerate(header) if h.isdigit()}
    table = {}
    for r in rows[1:]:
        values = {}
        for y in YEARS:
            text = r[year_col[y]].strip()
            values[y] = None if text in ("", "0", ".") else float(text)
        table[(r[0], r[1])] = values
    return table


def number(v):
    if v is None:
        return ""
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SOURCE
    data = {m: read(os.path.join(source, f)) for m, f in FILES.items()}
    out = []
    for key in data["loans"]:
        maakunta, kunta = key
        if maakunta == "Koko maa":
            kind, name, group = "national", kunta, ""
        elif maakunta == "Maakunta":
            kind, name, group = "region", kunta, kunta
        else:
            kind, name, group = "unit", kunta, maakunta
        for y in YEARS:
            get = lambda m: data[m][key][y]
            loans, lpi = get("loans"), get("loans_per_inhabitant")
            population = round(loans / lpi) if loans is not None and lpi is not None else None
            def per_pop(v, scale=1.0):
                return None if v is None or population is None else round(v * scale * population)
            measures = [population, loans, get("opening_hours")]
            if all(v is None for v in measures):
                continue  # the municipality did not exist that year
            out.append((KIND_ORDER[kind], name, y, [
                name, group, kind, str(y), number(population), number(loans),
                number(per_pop(get("visits_per_inhabitant"))), number(get("opening_hours")),
                number(per_pop(get("borrowers_pct"), 0.01)),
                number(per_pop(get("cost_per_inhabitant"))), "EUR"]))
    out.sort(key=lambda t: (t[0], t[1].encode("utf-8"), t[2]))
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["name", "group", "kind", "year", "population", "loans", "visits", "opening_hours",
                "active_borrowers", "cost", "currency"])
    for _, _, _, row in out:
        w.writerow(row)


if __name__ == "__main__":
    main()
