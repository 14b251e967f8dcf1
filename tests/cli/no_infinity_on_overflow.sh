#!/bin/bash
# Numbers that overflow never reach the output as inf or nan. overflow_sum.csv has two units with
# 1e308 loans, so the national sum of loans overflows: the reference and every deviation from it
# are missing. overflow_product.csv has one unit whose benefit score overflows: that unit has no
# benefit index, and the other three keep theirs.
# usage: no_infinity_on_overflow.sh BIN_DIR
set -u
export PATH="$1:$PATH" NYTTA_DATA_DIR=data NO_COLOR=1 LC_ALL=C
failed=0
for data in tests/fixtures/overflow_sum.csv tests/fixtures/overflow_product.csv; do
  while IFS= read -r args; do
    [ -z "$args" ] && continue
    for f in csv json md html table; do
      out=$(eval "nytta $args -f $f $data" 2>&1)
      rc=$?
      # A KPI that no unit has a value of (the sum behind it overflows) is an error naming it.
      if [ $rc -eq 65 ] && printf '%s\n' "$out" | grep -q '^nytta: error: .*: no unit has a value of benefit_index in any year$'; then continue; fi
      if [ $rc -ne 0 ]; then
        echo "nytta $args -f $f $data: exit $rc"; printf '%s\n' "$out" | head -3; failed=1; continue
      fi
      if printf '%s\n' "$out" | grep -Eiwq 'inf|infinity|nan|-inf'; then
        echo "nytta $args -f $f $data prints an infinity or nan:"
        printf '%s\n' "$out" | grep -Eiw 'inf|infinity|nan' | head -3
        failed=1
      fi
    done
  done <<'CASES'
report
rank --kpi loans_per_inhabitant
rank --kpi benefit_index
compare --unit 0116
explain --unit 0116 --kpi loans_per_inhabitant
explain --unit 0114 --kpi benefit_index
quadrant --result loans_per_inhabitant --input cost_per_inhabitant
validate
CASES
done
# The reference of the overflowing sum is missing, not infinite ...
ref=$(nytta rank --kpi loans_per_inhabitant -f csv tests/fixtures/overflow_sum.csv 2>/dev/null | awk -F, '$2 == "0116" { print $6 "|" $7 }')
if [ "$ref" != "|" ]; then echo "overflow_sum: 0116's reference and deviation should be missing, got '$ref'"; failed=1; fi
# ... and one overflowing product leaves the others' benefit index in place.
n=$(nytta rank --kpi benefit_index -f csv tests/fixtures/overflow_product.csv 2>/dev/null | awk -F, 'NR > 1 && $5 != ""' | wc -l)
if [ "$n" != 3 ]; then echo "overflow_product: 3 units should keep a benefit index, $n do"; failed=1; fi
exit $failed
