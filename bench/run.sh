#!/bin/sh
# `make bench`: installs the peers when missing (Debian: nodejs, npm, python3-pandas,
# python3-scipy for the DEA job; npm:
# DuckDB and Polars into bench/node_modules), builds the release binary and the generator,
# and runs bench.py. Arguments go to bench.py (e.g. --sizes S,M --runs 3).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo

missing=""
command -v node >/dev/null || missing="$missing nodejs"
[ -x /usr/bin/time ] || missing="$missing time"
command -v npm >/dev/null || missing="$missing npm"
/usr/bin/python3 -c 'import pandas' 2>/dev/null || missing="$missing python3-pandas"
/usr/bin/python3 -c 'import scipy' 2>/dev/null || missing="$missing python3-scipy"
if [ -n "$missing" ]; then
  echo "bench: installing$missing" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi
if [ ! -d bench/node_modules/@duckdb/node-api ] || [ ! -d bench/node_modules/nodejs-polars-linux-x64-gnu ]; then
  echo "bench: installing DuckDB and Polars from npm" >&2
  (cd bench && npm install --no-audit --no-fund --loglevel=error)
fi

cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target nytta nytta_generate

exec /usr/bin/python3 bench/bench.py --nytta build/release/nytta --generate build/release/nytta_generate \
  --work build/bench --results bench/results "$@"
