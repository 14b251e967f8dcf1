#!/bin/sh
# Writes the seed corpora of fuzz/seeds/{toml,mapped,kpi,sniff}/ (committed; the replay
# tests run every target over them). Each seed is a VALID input of its reader with the
# byte that picks the reader, so that the fuzzer starts past the required keys: the
# bundled mappings, catalogues and rules and the fixtures, each behind its pick byte; the
# mappings with the first lines of the exports they describe (../shared/data/real when it
# is there, else tests/fixtures); catalogues and rules with small data; generated chains
# of KPIs at and over the depth limit, and cycles; numbers as the statistics offices write
# them. Rerun after changing those files: fuzz/make_seeds.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
real=../shared/data/real
byte() { printf "\\$(printf %03o "$1")"; }
name_of() { echo "$1" | tr '/' '_'; }
# head_of FILE [RECORDS [BYTES]]: its first RECORDS (8) records, or fewer when they pass
# BYTES (4000), but at least 3 (a record ends at a line end outside quotes).
head_of() {
  LC_ALL=C awk -v n="${2:-8}" -v max="${3:-4000}" '
    { len += length($0) + 1; q += gsub(/"/, "&"); print; if (q % 2 == 0) records++ }
    q % 2 == 0 && records >= 3 && (records >= n || len > max) { exit }' "$1"
}

# --- toml: byte 0 mapping, 1 catalogue, 2 rules -------------------------------------------
d=fuzz/seeds/toml
rm -rf "$d" && mkdir -p "$d"
for f in data/mappings/*.toml tests/fixtures/mappings/*.toml tests/bad_input/files/mapping_*.toml; do
  { byte 0; cat "$f"; } > "$d/$(name_of "$f")"
done
for f in kpis/*.toml tests/fixtures/*kpis*.toml tests/bad_input/files/kpis_*.toml; do
  { byte 1; cat "$f"; } > "$d/$(name_of "$f")"
done
for f in data/rules/*.toml tests/fixtures/rules_*.toml tests/bad_input/files/rules_*.toml; do
  { byte 2; cat "$f"; } > "$d/$(name_of "$f")"
done

# --- mapped: mapping, then per file NUL, name, newline, bytes -----------------------------
d=fuzz/seeds/mapped
rm -rf "$d" && mkdir -p "$d"
# uncommented TOML: without its comment lines, which only cost the mapped and kpi targets time
# (the toml target keeps them).
uncommented() { grep -v '^[[:space:]]*#' "$1"; }
# project MAPPING FILE: the first records of FILE with only the columns MAPPING names (an
# export of 200 columns is 8 KiB a record; the fuzzer wants the few the mapping reads).
project() {
  python3 - "$1" "$2" <<'PY'
import csv, io, re, sys
mapping = open(sys.argv[1], encoding="utf-8").read()
norm = lambda s: re.sub(r"\s+", "_", s.strip().lower())
named = {norm(s) for s in re.findall(r'"((?:[^"\\]|\\.)*)"', mapping)}
raw = open(sys.argv[2], "rb").read().decode("latin-1")  # every byte kept as it is
rows = list(csv.reader(io.StringIO(raw, newline="")))[:6]
def text(field):
    try:
        return field.encode("latin-1").decode("utf-8-sig")
    except UnicodeDecodeError:
        return field.encode("latin-1").decode("cp1252", "replace")
keep = [i for i, h in enumerate(rows[0]) if norm(text(h)) in named]
out = io.StringIO(newline="")
csv.writer(out, lineterminator="\n").writerows([[r[i] if i < len(r) else "" for i in keep] for r in rows])
sys.stdout.buffer.write(out.getvalue().encode("latin-1"))
PY
}
mapped() {  # mapped SEED MAPPING FILE…: the files' heads (a file that is not there is left out)
  seed=$1 map=$2
  shift 2
  out="$d/$seed"
  uncommented "$map" > "$out"
  n=0
  for f in "$@"; do
    [ -f "$f" ] || continue
    if [ "$seed" = no_nb_folkebibl ] || [ "$seed" = se_kb_folkbibliotek ]; then
      { byte 0; basename "$f"; project "$map" "$f"; } >> "$out"
    else
      { byte 0; basename "$f"; head_of "$f" 6 2500; } >> "$out"
    fi
    n=$((n + 1))
  done
  if [ "$n" = 0 ]; then rm -f "$out"; fi
}
mapped fi_kirjastot data/mappings/fi_kirjastot.toml tests/fixtures/fi_kirjastot/*.csv
mapped fi_loans_per_capita data/mappings/fi_loans_per_capita.toml $real/fi_loans_per_capita_2012_2022/all_stats_clean.csv
mapped no_nb_folkebibl data/mappings/no_nb_folkebibl.toml $real/no_nb_folkebibl_2020/folkebibl-2020-kommuner.csv
mapped no_ssb_barnehage data/mappings/no_ssb_barnehage.toml $real/no_ssb_barnehage/ssb_13502_andel_barn_1-2_i_barnehage_2015-2023.csv
mapped se_kb_folkbibliotek data/mappings/se_kb_folkbibliotek.toml $real/se_kb_folkbibliotek_2012/Folk2012_converted_from_xlsx.csv
mapped se_scb_loans data/mappings/se_scb_loans.toml $real/se_scb_kb_library_loans_2000_2012/loans_with_population.csv
mapped uk_england data/mappings/uk_england.toml $real/uk_england_library_services_2023_24/services.csv
mapped uk_newcastle data/mappings/uk_newcastle.toml $real/uk_newcastle_libraries/*.csv
mapped us_imls_pls data/mappings/us_imls_pls.toml $real/us_imls_pls_ae/pls_fy2009_pupld09a.csv \
  $real/us_imls_pls_ae/pls_fy2014_pupld14a.csv
mapped cycle tests/fixtures/mappings/cycle.toml tests/fixtures/swedish_headers.csv
mapped wrong_column tests/fixtures/mappings/wrong_column.toml tests/fixtures/swedish_headers.csv

# --- kpi: byte 0 catalogue, 1 catalogue over the built-in one, 2 rules; NUL; long CSV -----
d=fuzz/seeds/kpi
rm -rf "$d" && mkdir -p "$d"
kpi() {  # kpi SEED PICK TOML CSV
  { byte "$2"; uncommented "$3"; byte 0; head_of "$4" 12; } > "$d/$1"
}
kpi library 0 kpis/library.toml tests/fixtures/small.csv
kpi library_gaps 0 kpis/library.toml tests/fixtures/gaps.csv
kpi library_hostile 1 kpis/library.toml tests/fixtures/hostile_names.csv
kpi kindergarten 0 kpis/kindergarten.toml data/no_kindergarten_2020_2023.csv
kpi kindergarten_over 1 kpis/kindergarten.toml data/no_kindergarten_2020_2023.csv
kpi cycle 1 tests/fixtures/cycle_kpis.toml tests/fixtures/small.csv
kpi bad 1 tests/fixtures/bad_kpis.toml tests/fixtures/small.csv
kpi rules_example 2 data/rules/example.toml data/fi_libraries_1999_2013.csv
for f in tests/fixtures/rules_*.toml; do
  kpi "$(basename "$f" .toml)" 2 "$f" tests/fixtures/small.csv
done
chain() {  # chain N: k1 = loans / population, kI = k(I-1) * 2 + national(k1): N deep
  echo '[[kpi]]'; echo 'id = "k1"'; echo 'formula = "loans / population"'; echo 'range = [0, inf]'
  i=2
  while [ "$i" -le "$1" ]; do
    echo '[[kpi]]'; echo "id = \"k$i\""; echo "formula = \"k$((i - 1)) * 2 + national(k1)\""
    i=$((i + 1))
  done
}
for n in 64 65; do
  { byte 1; chain $n; byte 0; cat tests/fixtures/small.csv; } > "$d/chain_$n"
done
{ byte 0; printf '[[kpi]]\nid = "a"\nformula = "b + national(c)"\n[[kpi]]\nid = "b"\nformula = "loans / staff"\n'
  printf 'aggregate = "mean"\nfallback = { formula = "loans / population", note = { en = "no staff" } }\n'
  printf '[[kpi]]\nid = "c"\nformula = "national(b) / b"\n'
  byte 0; cat tests/fixtures/small.csv; } > "$d/national_refs"
{ byte 0; printf '[[measure]]\nid = "loans"\nrange = [0, 1e6]\naggregate = "mean"\n'
  printf '[[kpi]]\nid = "share"\nformula = "if(cost > 0, loans / cost, -1)"\nrange = [0, 1]\n'
  printf 'aggregate = "weighted_mean"\nweight = "population"\n'
  byte 0; cat tests/fixtures/small.csv; } > "$d/ranges"

# --- sniff: byte = what is given; then the head of a file, or numbers one per line -------
d=fuzz/seeds/sniff
rm -rf "$d" && mkdir -p "$d"
for f in tests/fixtures/*.csv tests/fixtures/*.tsv data/*.csv tests/bad_input/files/*.csv; do
  { byte 0; head -c 2048 "$f"; } > "$d/$(name_of "$f")"
done
for f in tests/fixtures/semicolon.csv tests/fixtures/quoted_tab_ssb.tsv; do
  for pick in 7 17 44; do
    { byte $pick; head -c 2048 "$f"; } > "$d/$(name_of "$f").$pick"
  done
done
{ byte 0
  printf '%s\n' 0 -0 +12 1234567 1.5 .68 5. 1,5 "1 234,5" "1 234 567" 1.234.567 1,234.5 "12 %" "-3,5%" \
    1e400 1e-400 1E6 2.5e-3 0x10 NaN inf -inf abc 2013 2013.5 13 20130 " 2013 " .. ... - – — : x NA n/a \
    999999999999999 9999999999999999 123456789012345678901234567890 0.000000000000000000000001 \
    00000000000000000000000000000000000000000000000000000000000000000000000000000000000000001 \
    "$(printf '1\302\240234,5')" "$(printf '1\342\200\257234')" "$(printf '\342\210\22212')" "$(printf '0180\342\200\213')"
} > "$d/numbers"
{ byte 8; printf 'a;b;c\n1,5;2,25;"3,0"\n1.234,5;0,1;7\n'; } > "$d/decimal_comma"
{ byte 0; printf 'a,b\r1,2\r3,4\r'; } > "$d/cr_only"
{ byte 0; printf '\357\273\277kod;namn;\303\245r\n0114;V\303\244sby;2012\n'; } > "$d/bom_utf8"
{ byte 0; printf 'kod;namn;\345r\n0114;V\344sby;2012\n'; } > "$d/cp1252"
{ byte 0; printf '\377\376k\000o\000d\000'; } > "$d/utf16"
# --- a dictionary for the TOML targets: the keys, tables and words of the three readers ---
{ grep -ho '"[a-z][a-z0-9_]*"' src/load/mapping.cpp src/metrics/kpi_catalogue.cpp src/load/rules_file.cpp \
    src/util/toml_reader.cpp src/model/aggregation.cpp
  grep -ho '^\[\[*[a-z]*\]\]*' data/mappings/*.toml kpis/*.toml data/rules/*.toml | sed 's/.*/"&"/'
  printf '"%s"\n' ' = ' '\"' '[' ']' '{ ' ' }' ', ' 'national(' 'inf' 'true' 'false' '^(\\d{4})$' '(\\d+)' '.*'
} | sort -u > fuzz/toml.dict
echo "seeds: $(ls fuzz/seeds/toml | wc -l) toml, $(ls fuzz/seeds/mapped | wc -l) mapped, $(ls fuzz/seeds/kpi | wc -l) kpi, $(ls fuzz/seeds/sniff | wc -l) sniff"
