#!/bin/bash
# CSV and JSON are for machines: their bytes never depend on --lang (only table, md and html
# are translated). Runs each command in en, sv and nb and compares the outputs.
# usage: machine_formats_ignore_lang.sh BIN_DIR
set -u
export PATH="$1:$PATH" NYTTA_DATA_DIR=data NO_COLOR=1 LC_ALL=C
failed=0
while IFS= read -r args; do
  [ -z "$args" ] && continue
  for f in csv json; do
    base=$(eval "nytta $args -f $f --lang en" 2>/dev/null) || { echo "failed: nytta $args -f $f"; failed=1; continue; }
    for lang in sv nb; do
      other=$(eval "nytta $args -f $f --lang $lang" 2>/dev/null)
      if [ "$base" != "$other" ]; then
        echo "nytta $args -f $f: --lang $lang differs from en:"
        diff <(printf '%s\n' "$base") <(printf '%s\n' "$other") | head -5
        failed=1
      fi
    done
  done
done <<'CASES'
report
rank --kpi cost_per_loan
compare --unit Raasepori
compare --unit Raasepori --against group
trend --kpi cost_per_loan --unit Helsinki
quadrant --result visits_per_inhabitant --input cost_per_inhabitant
explain --unit Helsinki --kpi benefit_index
target --unit Raasepori --option A
goal --kpis kpis/kindergarten.toml --kpi kindergarten_coverage_1_2 --target 0.95 --by 2027 data/no_kindergarten_2020_2023.csv
similar --unit Helsinki
kpis
validate data/se_libraries_2012.csv
check --rules data/rules/example.toml
CASES
exit $failed
