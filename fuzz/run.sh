#!/bin/sh
# Runs each libFuzzer target for SECONDS (default 600) on a corpus seeded from the seeds of
# fuzz/seeds/TARGET/ (made by fuzz/make_seeds.sh from the bundled data, mappings,
# catalogues, rules and fixtures) and every input that ever crashed; the csv target also
# from the real files next to the project and the bad-input corpus.
# A crash stops with the input in build/fuzz/artifacts/TARGET/: copy it into
# tests/fuzz_regressions/TARGET/, where the ordinary tests replay it forever after.
# FUZZ_JOBS targets (default 2) run at a time, niced: the machine's cores are shared.
# usage: fuzz/run.sh [SECONDS] [TARGET…]   (targets: csv toml formula mapped kpi sniff)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-csv toml formula mapped kpi sniff}
jobs=${FUZZ_JOBS:-2}
build=build/fuzz
# muparser evaluates in OpenMP threads, which spin between formulas: one input at a time
# runs five times faster on one thread, and leaves the other core to the other target.
export OMP_NUM_THREADS=1
# ASan keeps freed memory out of use for a while (256 MiB) to catch uses after free; at
# thousands of inputs a second that cycles through fresh pages, and page faults took a
# quarter of the time. 16 MiB still holds everything an input frees.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16}

seed() {  # seed TARGET: fills $build/seeds/TARGET
  dir=$build/seeds/$1
  rm -rf "$dir" && mkdir -p "$dir"
  for f in fuzz/seeds/$1/* tests/fuzz_regressions/$1/*; do
    if [ -f "$f" ]; then cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; fi
  done
  if [ "$1" = csv ]; then
    for f in tests/fixtures/*.csv tests/bad_input/files/*.csv data/*.csv \
             ../shared/data/real/*/*.csv ../shared/data/real/*/*.txt ../shared/data/real/*/*.tsv; do
      [ -f "$f" ] || continue
      # The first byte picks the options; the first 8 KiB of big files are enough.
      for pick in 0 1 2 8 16; do
        { printf "\\$(printf %03o $pick)"; head -c 8192 "$f"; } > "$dir/$(echo "$f" | tr '/' '_').$pick"
      done
    done
  fi
}

# One target: its log and a line of result (in $build/fuzz_TARGET.result).
run_one() {
  t=$1
  log=$build/fuzz_$t.log
  # The CPU time it had, when /usr/bin/time is there: on shared cores, executions per CPU
  # second say how fast the target is, executions per second how busy the machine was.
  timer=
  if [ -x /usr/bin/time ]; then timer="/usr/bin/time -f %U+%S -o $build/fuzz_$t.cpu"; fi
  # The TOML readers' keys and tables (fuzz/make_seeds.sh): mutations that make sense to them.
  dict=
  case $t in toml|mapped|kpi) dict=-dict=fuzz/toml.dict ;; esac
  if $timer nice -n 10 "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=16384 \
       -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/" $dict \
       "$build/corpus/$t" "$build/seeds/$t" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    cpu=
    if [ -n "$timer" ]; then
      cpu=$(awk -F+ -v runs="${runs:-0}" '{ s = $1 + $2; printf ", %.0f per CPU second (%.0f s CPU)", (s > 0 ? runs / s : 0), s }' "$build/fuzz_$t.cpu")
    fi
    echo "fuzz $t: ${seconds} s, ${runs:-?} executions (${speed:-?}/s${cpu}), no crash (corpus $(ls "$build/corpus/$t" | wc -l) inputs)" \
      >"$build/fuzz_$t.result"
  else
    echo "fuzz $t: FAILED, see $log and $build/artifacts/$t/" >"$build/fuzz_$t.result"
    return 1
  fi
}

running=0
for t in $targets; do
  seed "$t"
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  rm -f "$build/fuzz_$t.result"
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait
    running=0
  fi
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
