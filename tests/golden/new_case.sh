#!/bin/sh
# Adds a golden case: tests/golden/new_case.sh VERB 'nytta VERB …'
# then `make golden-update` records its output for review with git diff.
set -eu
verb=$1
shift
dir=$(dirname "$0")/$verb
mkdir -p "$dir"
n=$(ls "$dir" 2>/dev/null | grep -c '^[0-9]\{4\}$' || true)
case_dir=$(printf '%s/%04d' "$dir" $((n + 1)))
mkdir -p "$case_dir"
printf '%s\n' "$*" > "$case_dir/cmd"
echo "$case_dir"
