#!/bin/bash
# An input of 8 MiB or more makes nytta start itself again on huge pages (src/main.cpp): the
# restarted run must give the same stdout, stderr and exit code as a run that is not
# restarted (a GLIBC_TUNABLES of the user's own stands, and then nytta does not restart);
# NYTTA_TIMING says whether it restarted.
# usage: large_input_restart.sh BIN_DIR
set -u
export PATH="$1:$PATH" NYTTA_DATA_DIR=data NO_COLOR=1 LC_ALL=C
unset GLIBC_TUNABLES
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# 6,000 units × 30 years of plain canonical rows: about 10.6 MiB.
awk 'BEGIN {
  print "code,name,year,population,loans,visits,opening_hours,active_borrowers,cost,libraries"
  for (u = 1; u <= 6000; u++) for (y = 1995; y <= 2024; y++)
    printf "%05d,Kommun %d,%d,%d,%d,%d,%d,%d,%d.25,%d\n", u, u, y, 1000 + u, 5000 + 7 * u + y, 4000 + 3 * u, 800 + u % 50, 300 + u % 97, 900000 + 11 * u + y, 1 + u % 4
}' > "$dir/large.csv"
size=$(stat -c %s "$dir/large.csv")
if [ "$size" -lt $((8 << 20)) ]; then echo "the test file has $size bytes, less than 8 MiB"; exit 1; fi
failed=0
for args in "report -f csv" "rank --kpi cost_per_loan --top 5 -f csv" "validate -f csv"; do
  nytta $args "$dir/large.csv" > "$dir/restarted.out" 2> "$dir/restarted.err"; rc1=$?
  GLIBC_TUNABLES=glibc.malloc.hugetlb=0 nytta $args "$dir/large.csv" > "$dir/plain.out" 2> "$dir/plain.err"; rc2=$?
  if [ $rc1 -ne $rc2 ] || ! cmp -s "$dir/restarted.out" "$dir/plain.out" || ! cmp -s "$dir/restarted.err" "$dir/plain.err"; then
    echo "nytta $args: the restarted run differs (exit $rc1 against $rc2)"
    diff "$dir/restarted.out" "$dir/plain.out" | head -5
    diff "$dir/restarted.err" "$dir/plain.err" | head -5
    failed=1
  fi
  if [ ! -s "$dir/restarted.out" ]; then echo "nytta $args: no output"; failed=1; fi
done
# The restart itself shows in the phase timings (and only there).
if ! NYTTA_TIMING=1 nytta rank --kpi cost_per_loan --top 1 -f csv "$dir/large.csv" 2>&1 >/dev/null | grep -q '^nytta: timing: malloc on huge pages'; then
  echo "a large input did not restart nytta on huge pages"; failed=1
fi
if NYTTA_TIMING=1 nytta rank --kpi cost_per_loan --top 1 -f csv tests/fixtures/small.csv 2>&1 >/dev/null | grep -q 'huge pages'; then
  echo "a small input restarted nytta"; failed=1
fi
exit $failed
