#!/bin/bash
# Runs one bad-input case: tests/bad_input/cases/NAME.case holds three lines,
#   exit: CODE
#   message: the first line expected on stderr
#   run: a shell command (from the source tree; $CASE_TMP is an empty scratch directory)
# and passes when the exit code and the first line of the message match, stdout is empty after
# an error, and no output file ($CASE_TMP/out*) nor temporary file is left behind.
# With NYTTA_UPDATE_BAD_INPUT=1 it rewrites exit and message from the run, for review.
# usage: run_case.sh CASE BIN_DIR TMP_DIR
set -u
case_file=$1
bin_dir=$2
CASE_TMP=$3
export CASE_TMP
rm -rf "$CASE_TMP" && mkdir -p "$CASE_TMP" || exit 70

field() { sed -n "s/^$1: //p" "$case_file" | head -n 1; }
run=$(field run)
want_exit=$(field exit)
want_message=$(field message)

env -u LANG -u LC_MESSAGES PATH="$bin_dir:$PATH" NYTTA_DATA_DIR=data NO_COLOR=1 LC_ALL=C COLUMNS=120 \
  bash -o pipefail -c "$run" >"$CASE_TMP/.stdout" 2>"$CASE_TMP/.stderr"
got_exit=$?
# The message: the first error line (notes may come before it), else the first line; the
# scratch directory is written as $CASE_TMP, so that any build directory gives the same.
got_message=$(grep -m 1 '^nytta: error:' "$CASE_TMP/.stderr" || head -n 1 "$CASE_TMP/.stderr")
got_message=$(printf '%s' "$got_message" | awk -v t="$CASE_TMP" '{ while ((i = index($0, t)) > 0) $0 = substr($0, 1, i - 1) "$CASE_TMP" substr($0, i + length(t)); print }')

if [ "${NYTTA_UPDATE_BAD_INPUT:-}" = 1 ]; then
  printf 'exit: %s\nmessage: %s\nrun: %s\n' "$got_exit" "$got_message" "$run" >"$case_file"
  echo "updated $case_file"
  exit 0
fi

failed=0
if [ "$got_exit" != "$want_exit" ]; then
  echo "exit code $got_exit, expected $want_exit"
  failed=1
fi
if [ "$got_message" != "$want_message" ]; then
  printf 'first line of stderr:\n  %s\nexpected:\n  %s\n' "$got_message" "$want_message"
  failed=1
fi
# Exit 1 is a check that failed: its findings are data. Errors (2 and up) print none.
if [ "$want_exit" -ge 2 ] && [ -s "$CASE_TMP/.stdout" ]; then
  echo "stdout is not empty on failure:"
  head -n 5 "$CASE_TMP/.stdout"
  failed=1
fi
if [ "$want_exit" != 0 ] && ls "$CASE_TMP"/out* >/dev/null 2>&1; then
  echo "an output file was left behind:"
  ls -la "$CASE_TMP"/out*
  failed=1
fi
leftover=$(find "$CASE_TMP" -name '*.nytta-*' 2>/dev/null)
if [ -n "$leftover" ]; then
  echo "temporary files left behind: $leftover"
  failed=1
fi
if [ "$failed" = 1 ]; then
  echo "--- stderr:"
  cat "$CASE_TMP/.stderr"
fi
exit "$failed"
