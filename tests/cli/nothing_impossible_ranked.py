#!/usr/bin/python3
"""On every bundled data file and every raw export a shipped mapping reads, `report` and
`compare` rank no total row and no impossible value, and whatever they leave unranked is
in the notes (issue: numbers an analyst can trust on messy exports).

usage: nothing_impossible_ranked.py NYTTA  (run from the source tree)"""
import json
import os
import subprocess
import sys

NYTTA = sys.argv[1]
REAL = "../shared/data/real"
TOTAL_WORDS = {"total", "totalt", "summa", "sum", "riket", "hela landet", "hele landet", "koko maa", "yhteensä", "i alt", "all"}

inputs = [
    ["data/fi_libraries_1999_2013.csv"],
    ["data/se_libraries_2012.csv"],
    ["data/us_public_libraries_2009_2014.csv"],
    ["data/no_libraries_2020.csv"],
    ["data/se_library_loans_2000_2012.csv"],
    ["--kpis", "kpis/kindergarten.toml", "data/no_kindergarten_2020_2023.csv"],
    ["tests/fixtures/se_excel_totalt.csv"],
    ["--map", "data/mappings/fi_kirjastot.toml"] + [f"{REAL}/fi_kirjastot_1999_2013/{f}" for f in sorted(os.listdir(f"{REAL}/fi_kirjastot_1999_2013"))] if os.path.isdir(REAL) else None,
    ["--map", "data/mappings/se_kb_folkbibliotek.toml", f"{REAL}/se_kb_folkbibliotek_2012/Folk2012_converted_from_xlsx.csv"],
    ["--map", "data/mappings/us_imls_pls.toml", f"{REAL}/us_imls_pls_ae/pls_fy2014_pupld14a.csv"],
    ["--map", "data/mappings/us_imls_pls.toml", f"{REAL}/us_imls_pls_ae/pls_fy2018_libraries.csv"],
    ["--map", "data/mappings/uk_england.toml", f"{REAL}/uk_england_library_services_2023_24/services.csv"],
    ["--map", "data/mappings/no_nb_folkebibl.toml", f"{REAL}/no_nb_folkebibl_2020/folkebibl-2020-kommuner.csv"],
]
failures = []
checked = 0
for args in inputs:
    if args is None or any(a.startswith(REAL) and not os.path.exists(a) for a in args):
        continue
    run = subprocess.run([NYTTA, "report", "-f", "json"] + args, capture_output=True, text=True)
    if run.returncode != 0:
        failures.append(f"report {' '.join(args)}: exit {run.returncode}: {run.stderr.strip()[:300]}")
        continue
    doc = json.loads(run.stdout)
    notes = " ".join(doc.get("notes", []))
    ranked = [r for r in doc["rows"] if r.get("rank") is not None]
    checked += 1
    for r in ranked:
        name = (r.get("name") or "").strip().lower()
        if r.get("kind") != "unit" or name in TOTAL_WORDS:
            failures.append(f"report {' '.join(args)}: a total is ranked: {r.get('name')}")
        # Independent of the flag's wording: a share of inhabitants above 1 is impossible unless
        # the data widen the range (registered borrowers); a row ranked with one must say so.
        share = r.get("active_borrower_share")
        if share is not None and share > 1 and "active_borrower_share" not in (r.get("flag") or ""):
            failures.append(f"report {' '.join(args)}: active_borrower_share {share} is ranked without a flag: {r.get('name')}")
        if share is not None and share > 1 and doc["headline"] in ("benefit_index", "benefit_score", "active_borrower_share") \
                and "borrowers exceed the population served" not in (r.get("flag") or ""):
            failures.append(f"report {' '.join(args)}: ranked on {doc['headline']} with active_borrower_share {share}: {r.get('name')}")
        if "outside" in (r.get("flag") or "") and "uses" not in r["flag"] and "widened" not in r["flag"]:
            failures.append(f"report {' '.join(args)}: an impossible value is ranked: {r.get('name')} ({r['flag']})")
    for r in doc["rows"]:
        if r.get("kind") == "unit" and r.get("rank") is None and r.get(doc["headline"]) is not None and r.get("flag") \
                and (r.get("name") or r.get("code")) not in notes:
            # Only the first names are listed; the count must be there.
            if "not ranked" not in notes:
                failures.append(f"report {' '.join(args)}: {r.get('name')} is left unranked without a note")
    # The best unit of a compare is never flagged.
    if ranked:
        unit = ranked[len(ranked) // 2].get("code") or ranked[len(ranked) // 2].get("name")
        cmp = subprocess.run([NYTTA, "compare", "--unit", unit, "-f", "json"] + args, capture_output=True, text=True)
        if cmp.returncode != 0:
            failures.append(f"compare --unit {unit} {' '.join(args)}: exit {cmp.returncode}: {cmp.stderr.strip()[:300]}")
            continue
        rank = subprocess.run([NYTTA, "rank", "--kpi", doc["headline"], "-f", "json"] + args, capture_output=True, text=True)
        flagged = {r.get("name") for r in json.loads(rank.stdout)["rows"] if r.get("flag")}
        for line in json.loads(cmp.stdout)["rows"]:
            if line.get("best_name") in flagged and line.get("kpi") == doc["headline"]:
                failures.append(f"compare {' '.join(args)}: the best unit on {line['kpi']} is flagged: {line['best_name']}")

print(f"checked {checked} inputs")
for f in failures:
    print(f)
sys.exit(1 if failures or checked < 7 else 0)
