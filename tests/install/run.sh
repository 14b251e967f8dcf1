#!/bin/sh
# The installed tree works on its own: `cmake --install` of a build into a temporary
# DESTDIR, then the installed nytta runs from another working directory without
# NYTTA_DATA_DIR and must read the data installed beside it (not the source tree's), list
# the catalogue, and its manual page must render without a warning.
#   tests/install/run.sh BUILD_DIR TMP_DIR
set -eu
build=$1
tmp=$2
rm -rf "$tmp"
mkdir -p "$tmp"
root=$tmp/root
prefix=/opt/nytta-test
fail() { echo "install test: $*" >&2; exit 1; }

DESTDIR=$root cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log" >&2; fail "cmake --install failed"; }
p=$root$prefix
for f in bin/nytta lib/nytta/libnytta_lp.so lib/nytta/libnytta_sheets.so lib/nytta/libnytta_xlsx.so share/man/man1/nytta.1.gz share/bash-completion/completions/nytta share/zsh/site-functions/_nytta \
         share/nytta/data/fi_libraries_1999_2013.csv share/nytta/data/README.md share/nytta/data/rules/example.toml \
         share/nytta/data/mappings/fi_kirjastot.toml share/nytta/kpis/kindergarten.toml share/nytta/kpis/library.toml \
         share/nytta/examples/ci/github-nytta.yml share/nytta/examples/ci/gitlab-ci.yml share/doc/nytta/README.md; do
  [ -f "$p/$f" ] || fail "$prefix/$f was not installed"
done
[ -x "$p/bin/nytta" ] || fail "bin/nytta is not executable"
if find "$p/share/nytta" -name '*.py' | grep -q .; then fail "generator scripts were installed under share/nytta"; fi

# From elsewhere, with no hint where the data are.
cd "$tmp"
unset NYTTA_DATA_DIR || true
export LC_ALL=C NO_COLOR=1 COLUMNS=120
# The modules are found beside the installed binary (<prefix>/lib/nytta), not in the build
# tree: --version loads all three, and an xlsx written and a frontier solved use them.
"$p/bin/nytta" --version >version.txt 2>version.err || { cat version.err >&2; fail "installed nytta --version failed"; }
grep -q '^  CLP ' version.txt || fail "--version names no CLP: $(cat version.txt)"
"$p/bin/nytta" report -o report.xlsx 2>xlsx.err || { cat xlsx.err >&2; fail "installed nytta could not write xlsx"; }
"$p/bin/nytta" report -f csv >report.csv 2>report.err || { cat report.err >&2; fail "installed nytta report failed"; }
head -1 report.csv | grep -q '^rank,code,name,' || fail "report: unexpected header: $(head -1 report.csv)"
grep -q ',Helsinki,' report.csv || fail "report: Helsinki is not in the ranking of the bundled data"
[ "$(wc -l <report.csv)" -gt 250 ] || fail "report: fewer than 250 rows"

"$p/bin/nytta" kpis -f csv >kpis.csv 2>kpis.err || { cat kpis.err >&2; fail "installed nytta kpis failed"; }
grep -q '^benefit_index,' kpis.csv || fail "kpis: benefit_index is not listed"
grep -q '^cost_per_loan,' kpis.csv || fail "kpis: cost_per_loan is not listed"

# The catalogue and data of the goal example in the installed tree.
"$p/bin/nytta" goal --kpis "$p/share/nytta/kpis/kindergarten.toml" --kpi kindergarten_coverage_1_2 --target 0.95 --by 2027 \
  "$p/share/nytta/data/no_kindergarten_2020_2023.csv" -f csv >goal.csv 2>goal.err || { cat goal.err >&2; fail "installed goal example failed"; }

# It was the installed copy that was read: without it, the error names the installed path.
mv "$p/share/nytta/data/fi_libraries_1999_2013.csv" "$tmp/moved.csv"
if "$p/bin/nytta" report -f csv >/dev/null 2>missing.err; then fail "report ran without the installed data file"; fi
grep -q "$prefix/share/nytta/data/fi_libraries_1999_2013.csv" missing.err ||
  fail "without the installed data the error does not name $prefix/share/nytta/data: $(cat missing.err)"
mv "$tmp/moved.csv" "$p/share/nytta/data/fi_libraries_1999_2013.csv"

# The manual renders without a warning and has the hand-written sections.
gzip -dc "$p/share/man/man1/nytta.1.gz" >nytta.1
groff -man -Tutf8 -ww -z nytta.1 2>groff.err
[ ! -s groff.err ] || { cat groff.err >&2; fail "groff warns about nytta.1"; }
MANWIDTH=100 man -l nytta.1 >man.txt 2>man.err || { cat man.err >&2; fail "man -l nytta.1 failed"; }
for s in NAME SYNOPSIS DESCRIPTION COMMANDS EXAMPLES 'EXIT STATUS' ENVIRONMENT FILES; do
  grep -q "^$s" man.txt || fail "the manual has no $s section"
done
grep -q 'nytta check' man.txt || fail "the manual does not describe nytta check"
[ "$(tr -d '\000-\177' <nytta.1 | wc -c)" -eq 0 ] || fail "nytta.1 is not ASCII"
if grep -q '???' man.txt; then fail "the manual shows ??? for a character it lost"; fi

# The installed bash completion loads and completes a command.
bash -c ". '$p/share/bash-completion/completions/nytta'; complete -p nytta" | grep -q -- '-F _nytta nytta' ||
  fail "the installed bash completion does not register _nytta"

rm -rf "$tmp"
echo "install test: ok"
