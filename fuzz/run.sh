#!/bin/sh
# Runs each libFuzzer target for SECONDS (default 600) on a corpus seeded from the real
# files next to the project, the bundled data, the fixtures and the bad-input corpus.
# A crash stops with the input in build/fuzz/artifacts/TARGET/: copy it into
# tests/fuzz_regressions/TARGET/, where the ordinary tests replay it forever after.
# usage: fuzz/run.sh [SECONDS] [TARGET…]   (targets: csv toml formula)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-csv toml formula}
build=build/fuzz

seed() {  # seed TARGET: fills $build/seeds/TARGET
  dir=$build/seeds/$1
  rm -rf "$dir" && mkdir -p "$dir"
  case $1 in
    csv)
      for f in tests/fixtures/*.csv tests/bad_input/files/*.csv data/*.csv tests/fuzz_regressions/csv/* \
               ../shared/data/real/*/*.csv ../shared/data/real/*/*.txt ../shared/data/real/*/*.tsv; do
        [ -f "$f" ] || continue
        # The first byte picks the options; the first 8 KiB of big files are enough.
        for pick in 0 1 2 8 16; do
          { printf "\\$(printf %03o $pick)"; head -c 8192 "$f"; } > "$dir/$(echo "$f" | tr '/' '_').$pick"
        done
      done ;;
    toml)
      for f in data/mappings/*.toml kpis/*.toml tests/fixtures/*.toml tests/fixtures/mappings/*.toml \
               tests/bad_input/files/*.toml data/rules/*.toml tests/fuzz_regressions/toml/*; do
        [ -f "$f" ] || continue
        for pick in 0 1 2; do
          { printf "\\$(printf %03o $pick)"; cat "$f"; } > "$dir/$(echo "$f" | tr '/' '_').$pick"
        done
      done ;;
    formula)
      for f in fuzz/seeds/formula/* tests/fuzz_regressions/formula/*; do
        if [ -f "$f" ]; then cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; fi
      done ;;
  esac
}

# One target: its log and a line of result (in $build/fuzz_TARGET.result).
run_one() {
  t=$1
  log=$build/fuzz_$t.log
  if "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=16384 \
       -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/" \
       "$build/corpus/$t" "$build/seeds/$t" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz $t: ${seconds} s, ${runs:-?} executions, no crash (corpus $(ls "$build/corpus/$t" | wc -l) inputs)" \
      >"$build/fuzz_$t.result"
  else
    echo "fuzz $t: FAILED, see $log and $build/artifacts/$t/" >"$build/fuzz_$t.result"
    return 1
  fi
}

# The targets run side by side: the machine's cores share them.
for t in $targets; do
  seed "$t"
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  rm -f "$build/fuzz_$t.result"
  run_one "$t" &
done
wait
status=0
for t in $targets; do
  cat "$build/fuzz_$t.result"
  if grep -q FAILED "$build/fuzz_$t.result"; then
    tail -n 40 "$build/fuzz_$t.log" >&2
    status=1
  fi
done
exit $status
