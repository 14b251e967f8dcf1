#!/bin/sh
# make deb's check of the package it built: its fields and Depends, its files, and the
# nytta in it unpacked into a temporary root (dpkg-deb -x, no root needed), run from
# another directory on the data the package installed. The libraries are the system's.
#   tests/install/deb_smoke.sh BUILD_DIR
set -eu
build=$1
deb=$(ls -t "$build"/nytta_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "deb: no nytta_*.deb in $build" >&2; exit 1; }
fail() { echo "deb: $*" >&2; exit 1; }

echo "deb: $deb"
dpkg-deb -f "$deb" Package Version Architecture Depends
dpkg-deb -f "$deb" Description | grep -q ';' && fail "the description has a ';' from a CMake list"
depends=$(dpkg-deb -f "$deb" Depends)
# SQLite, RE2 and nettle are linked from static archives; CLP, liborcus and libxlsxwriter
# by the modules in /usr/lib/nytta, which dpkg-shlibdeps reads too.
for lib in libc6 libstdc++6 libfmt9 libmuparser2v5 coinor-libclp1 liborcus-0.17-0 libxlsxwriter4 libtomlplusplus3; do
  echo "$depends" | grep -q "\(^\|, \)$lib\( \|,\|\$\)" || fail "Depends lacks $lib: $depends"
done

files=$(dpkg-deb -c "$deb")
for f in ./usr/bin/nytta ./usr/lib/nytta/libnytta_lp.so ./usr/lib/nytta/libnytta_sheets.so ./usr/lib/nytta/libnytta_xlsx.so \
         ./usr/share/man/man1/nytta.1.gz ./usr/share/bash-completion/completions/nytta \
         ./usr/share/zsh/vendor-completions/_nytta ./usr/share/nytta/data/fi_libraries_1999_2013.csv \
         ./usr/share/nytta/kpis/kindergarten.toml ./usr/share/nytta/examples/ci/github-nytta.yml; do
  echo "$files" | grep -q " $f\$" || fail "the package lacks $f"
done

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
cd "$root"
unset NYTTA_DATA_DIR || true
# --version asks each module for its library's version: it fails unless all three load.
./usr/bin/nytta --version >version.txt || fail "nytta --version failed (a module that does not load?)"
cat version.txt
grep -q '^  CLP ' version.txt || fail "nytta --version names no CLP"
LC_ALL=C NO_COLOR=1 ./usr/bin/nytta report -f csv >report.csv 2>report.err || { cat report.err >&2; fail "nytta report failed"; }
grep -q ',Helsinki,' report.csv || fail "nytta report from the package did not rank Helsinki"
echo "deb: nytta report from the package: $(($(wc -l <report.csv) - 1)) rows; first:"
sed -n 2p report.csv
rm "$root/usr/share/nytta/data/fi_libraries_1999_2013.csv"
if ./usr/bin/nytta report >/dev/null 2>missing.err; then fail "report ran without the packaged data"; fi
grep -q "$root/usr/share/nytta/data/" missing.err || fail "the packaged nytta did not look in its own share/nytta: $(cat missing.err)"
echo "deb: ok"
