#!/bin/sh
# The DEA benchmark: nytta's engine (bench/dea_bench.cpp) against the scipy peer
# (bench/peers/dea_scipy.py, one linprog/HiGHS LP per unit) on the bundled US public
# libraries, FY2014: input cost; outputs loans, visits, opening hours, active borrowers;
# units with all five present and cost > 0. CRS and VRS, both orientations. nytta solves
# every unit; scipy solves the first SAMPLE units (default 500) against all units and its
# time is extrapolated to all of them. Prints a Markdown table with the times and the
# largest score difference on the sampled units. Not part of `make test`.
#
#   bench/dea_job.sh            # SAMPLE=0 runs scipy on every unit (about 20 minutes)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sample=${SAMPLE:-500}
work=${WORK:-build/bench-dea}
mkdir -p "$work"

/usr/bin/python3 -c 'import scipy' 2>/dev/null || {
  echo "dea_job: needs Debian's python3-scipy (apt-get install python3-scipy)" >&2
  exit 1
}
cmake --preset release >/dev/null
cmake --build --preset release -j 2 --target nytta_dea_bench >/dev/null

data="$work/us_fy2014.csv"
/usr/bin/python3 - "$data" <<'EOF'
import csv, sys
cols = ["cost", "loans", "visits", "opening_hours", "active_borrowers"]
with open("data/us_public_libraries_2009_2014.csv", newline="") as f, open(sys.argv[1], "w") as out:
    out.write("code," + ",".join(cols) + "\n")
    for r in csv.DictReader(f):
        if r["year"] == "2014" and all(r[c] != "" for c in cols) and float(r["cost"]) > 0:
            out.write(r["code"] + "," + ",".join(r[c] for c in cols) + "\n")
EOF
units=$(($(wc -l < "$data") - 1))
flags="--inputs cost --outputs loans,visits,opening_hours,active_borrowers"

echo "DEA on US FY2014: $units units, 1 input, 4 outputs; scipy on $([ "$sample" -gt 0 ] && echo "the first $sample units, extrapolated" || echo "all units")"
echo
echo "| model | nytta [s] | scipy [s] | scipy ms/LP | speed-up | max abs score difference |"
echo "|---|---:|---:|---:|---:|---:|"
for rts in crs vrs; do
  for orientation in input output; do
    n_out="$work/nytta_${rts}_${orientation}.csv"
    s_out="$work/scipy_${rts}_${orientation}.csv"
    n_log=$(build/release/nytta_dea_bench "$data" $flags --rts "$rts" --orientation "$orientation" -o "$n_out" 2>&1)
    s_log=$(/usr/bin/python3 bench/peers/dea_scipy.py "$data" $flags --rts "$rts" --orientation "$orientation" \
            --sample "$sample" -o "$s_out" 2>&1)
    /usr/bin/python3 - "$n_log" "$s_log" "$n_out" "$s_out" "$rts $orientation" <<'EOF'
import csv, re, sys
n_log, s_log, n_out, s_out, name = sys.argv[1:]
nytta_s = float(re.search(r": ([0-9.]+) s \(", n_log).group(1))
ms_lp = float(re.search(r"([0-9.]+) ms/LP", s_log).group(1))
scipy_all = float(re.search(r"([0-9.]+) s for all units", s_log).group(1))
nytta = {r[0]: float(r[1]) for r in list(csv.reader(open(n_out)))[1:]}
diff = max(abs(float(r[1]) - nytta[r[0]]) for r in list(csv.reader(open(s_out)))[1:])
print(f"| {name} | {nytta_s:.2f} | {scipy_all:.0f} | {ms_lp:.1f} | {scipy_all / nytta_s:.0f}x | {diff:.1e} |")
EOF
  done
done
