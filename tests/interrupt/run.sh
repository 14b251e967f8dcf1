#!/bin/sh
# SIGTERM in the middle of `nytta batch` leaves no partial directory and no temporary
# file, and an existing output directory as it was; the process ends by the signal.
# usage: run.sh BIN_DIR TMP_DIR   (from the source tree)
set -u
bin=$1/nytta
tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp" || exit 1
failed=0

interrupt() {  # interrupt DIR: starts a batch into DIR, stops it after a second
  "$bin" batch --out "$1" --format html --quiet &
  pid=$!
  sleep 1
  kill -TERM "$pid" 2>/dev/null
  wait "$pid"
  rc=$?
  if [ "$rc" = 0 ]; then
    echo "note: the batch finished before the signal; nothing to check this time"
    return 1
  fi
  if [ "$rc" != 143 ]; then
    echo "exit status $rc, expected 143 (ended by SIGTERM)"
    failed=1
  fi
  return 0
}

if interrupt "$tmp/fresh"; then
  [ -e "$tmp/fresh" ] && { echo "a partial output directory was left: $tmp/fresh"; failed=1; }
fi

mkdir -p "$tmp/existing" && echo "last year's" > "$tmp/existing/index.md"
if interrupt "$tmp/existing"; then
  if [ "$(cat "$tmp/existing/index.md" 2>/dev/null)" != "last year's" ] || [ "$(ls "$tmp/existing" | wc -l)" != 1 ]; then
    echo "the existing output directory was changed"
    failed=1
  fi
fi

leftover=$(find "$tmp" -name '.*nytta*' -o -name '*.nytta-*')
if [ -n "$leftover" ]; then
  echo "temporary files left behind: $leftover"
  failed=1
fi
exit $failed
