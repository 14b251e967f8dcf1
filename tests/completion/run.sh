#!/bin/bash
# Tab completion in a real bash (and the zsh script checked by zsh): the script of `nytta completion bash` is sourced, `complete
# -p` must name _nytta, and _nytta is driven as bash drives it (COMP_WORDS, COMP_CWORD) for
# commands, flags, KPI ids, formats and files. Every long flag a command's --help lists
# must be completed after "--": the completion comes from the same definitions.
#   tests/completion/run.sh NYTTA   (run from the source tree)
set -u
nytta=$1
failures=0
fail() { echo "completion test: $*" >&2; failures=$((failures + 1)); }

script=$("$nytta" completion bash) || { echo "nytta completion bash failed" >&2; exit 1; }
eval "$script"
complete -p nytta | grep -q -- '-F _nytta nytta$' || fail "complete -p nytta: $(complete -p nytta 2>&1)"

# candidates WORD... : what _nytta offers for the last word, one per line, sorted.
candidates() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _nytta nytta "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort
}

# The command line as bash splits it; a trailing space starts a new, empty word.
split_words() {
  read -ra line_words <<<"$1"
  [[ $1 == *" " ]] && line_words+=("")
}

# expect "WORDS" EXPECTED... : the candidates must be exactly EXPECTED.
expect() {
  local words=$1 want got line_words
  shift
  want=$(printf '%s\n' "$@" | sed '/^$/d' | sort)
  split_words "$words"
  got=$(candidates "${line_words[@]}" | sed '/^$/d')
  [ "$got" = "$want" ] || fail "'$words<TAB>' gave [$(echo $got)], expected [$(echo $want)]"
}

# contains "WORDS" EXPECTED... : the candidates must include each EXPECTED.
contains() {
  local words=$1 got line_words
  shift
  split_words "$words"
  got=$(candidates "${line_words[@]}")
  for w in "$@"; do
    printf '%s\n' "$got" | grep -qx -- "$w" || fail "'$words<TAB>' lacks $w (gave: $(echo $got | head -c 300))"
  done
}

expect "nytta ra" rank
expect "nytta c" check compare completion convert
contains "nytta " report rank trend compare quadrant goal target explain similar kpis check batch validate convert completion
expect "nytta --v" --version
expect "nytta rank --kp" --kpi --kpis
expect "nytta rank --kpi cost_per_l" cost_per_loan
expect "nytta rank --kpi = cost_per_v" cost_per_visit
expect "nytta trend --kpi loans_per" loans_per_inhabitant
contains "nytta rank --kpi " benefit_index cost_per_loan visits_per_inhabitant active_borrower_share population
expect "nytta quadrant --result visits_p" visits_per_inhabitant
expect "nytta similar --by population,cost_per_i" "population,cost_per_inhabitant"
expect "nytta rank -f j" json
expect "nytta report --format m" md markdown
expect "nytta compare --lang " en sv nb
expect "nytta rank --against m" mean median
expect "nytta check --annotations " github
expect "nytta completion " bash zsh
expect "nytta frontier --outputs loans,vis" "loans,visits" "loans,visits_per_inhabitant"
expect "nytta frontier --inputs co" cost cost_per_active_borrower cost_per_inhabitant cost_per_loan cost_per_visit
expect "nytta frontier --rts " crs vrs drs irs fdh
expect "nytta malmquist --orientation " input output
expect "nytta target --method " ratio frontier
expect "nytta rank --year " ""
expect "nytta rank --unit " ""
expect "nytta rank data/fi_libraries_1999" data/fi_libraries_1999_2013.csv
expect "nytta check --rules data/rules/ex" data/rules/example.toml
expect "nytta rank --raw data/fi_libraries_1999" data/fi_libraries_1999_2013.csv   # a flag takes no value
expect "nytta check --gitlab-r" --gitlab-report
expect "nytta kpis --kpis kpis/kind" kpis/kindergarten.toml

# Every long flag of every command's --help is offered after "--", and nothing else.
commands=$("$nytta" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NF && $1 != "Subcommands:" {print $1}')
[ "$(echo "$commands" | wc -l)" -ge 15 ] || fail "could not read the commands from nytta --help"
for c in $commands; do
  help=$("$nytta" "$c" --help)
  want=$(printf '%s\n' "$help" | sed -n '/^Options:/,/^$/p' | grep -o -- '--[a-z][a-z0-9-]*' | sort -u)
  got=$(candidates nytta "$c" -- | grep -- '^--' | sort -u)
  [ "$got" = "$want" ] || fail "nytta $c --<TAB>: [$(echo $got)] but --help lists [$(echo $want)]"
  # And the help ends with an example of the command.
  last=$(printf '%s\n' "$help" | sed '/^$/d' | tail -1)
  case $last in
    "  nytta $c"*) ;;
    *) fail "nytta $c --help does not end with an example: '$last'" ;;
  esac
done

# The zsh script parses, and sourced after compinit it registers _nytta for nytta.
if ! command -v zsh >/dev/null; then
  fail "zsh is not installed: sudo apt-get install zsh (or make deps)"
else
  zscript=$("$nytta" completion zsh)
  zsh -n <<<"$zscript" || fail "zsh -n rejects the output of nytta completion zsh"
  registered=$(zsh -f -c 'autoload -U compinit; compinit -u -D; source <(print -r -- "$1"); print -r -- ${_comps[nytta]}' zsh "$zscript" 2>&1)
  [ "$registered" = "_nytta" ] || fail "the zsh completion does not register _nytta: $registered"
  for c in $commands; do
    grep -q "^        ($c)\$" <<<"$zscript" || fail "the zsh completion has no case for nytta $c"
  done
fi

if [ "$failures" -gt 0 ]; then
  echo "completion test: $failures failures" >&2
  exit 1
fi
echo "completion test: ok"
