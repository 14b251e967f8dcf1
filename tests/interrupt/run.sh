#!/bin/bash
# SIGTERM in the middle of `nytta batch` leaves no partial directory and no temporary
# file, and an existing output directory as it was; the process ends by the signal. The
# signal is sent while the batch is writing (its temporary directory holds reports), and a
# batch that finishes first fails the test: it must never pass without interrupting.
# usage: run.sh BIN_DIR TMP_DIR   (from the source tree)
set -u
bin=$1/nytta
tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp" || exit 1
failed=0

interrupt() {  # interrupt DIR: starts a batch into DIR, stops it once it has written reports
  local dir=$1 base
  base=$(basename "$dir")
  "$bin" batch data/us_public_libraries_2009_2014.csv --out "$dir" --format html --quiet -j 1 &
  pid=$!
  for _ in $(seq 1 600); do
    temp=$(find "$tmp" -maxdepth 1 -name ".$base.nytta-*" -type d | head -n 1)
    if [ -n "$temp" ] && [ "$(ls "$temp" | wc -l)" -ge 20 ]; then break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -TERM "$pid" 2>/dev/null
  wait "$pid"
  rc=$?
  if [ "$rc" = 0 ]; then
    echo "the batch into $dir finished before the signal: nothing was interrupted"
    failed=1
  elif [ "$rc" != 143 ]; then
    echo "exit status $rc, expected 143 (ended by SIGTERM)"
    failed=1
  fi
}

interrupt "$tmp/fresh"
[ -e "$tmp/fresh" ] && { echo "a partial output directory was left: $tmp/fresh"; failed=1; }

# An earlier batch's directory (nytta's marker in it): kept as it was.
mkdir -p "$tmp/existing" && echo "last year's" > "$tmp/existing/index.md" && echo "nytta" > "$tmp/existing/.nytta-output"
interrupt "$tmp/existing"
if [ "$(cat "$tmp/existing/index.md" 2>/dev/null)" != "last year's" ] || [ "$(ls -A "$tmp/existing" | wc -l)" != 2 ]; then
  echo "the existing output directory was changed"
  failed=1
fi

leftover=$(find "$tmp" -name '.*nytta-*' -o -name '*.nytta-*' | grep -v '/existing/.nytta-output$')
if [ -n "$leftover" ]; then
  echo "temporary files left behind: $leftover"
  failed=1
fi
exit $failed
