# Writes what is generated from the built nytta (cmake -P, run by cmake/Install.cmake):
#   MODE=man         nytta.1 by help2man from `nytta --help`, with a COMMANDS section made
#                    of every command's --help, the hand-written sections of INCLUDE, and
#                    OUTPUT.gz (gzip -9n, as Debian installs manual pages)
#   MODE=completion  `nytta completion bash` and `nytta completion zsh`
# The environment is fixed, so the page is the same on every machine; the examples in the
# --help texts name the bundled files under DATA_DIR, where the installed nytta has them.

set(ENV{LC_ALL} C)
set(ENV{COLUMNS} 80)
set(ENV{NO_COLOR} 1)
unset(ENV{LANG})
unset(ENV{NYTTA_DATA_DIR})

function(run_nytta out_var)
  execute_process(COMMAND ${NYTTA} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "nytta ${ARGN} failed (${rc}): ${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

if(MODE STREQUAL "completion")
  run_nytta(bash completion bash)
  file(WRITE ${BASH_OUTPUT} "${bash}")
  run_nytta(zsh completion zsh)
  file(WRITE ${ZSH_OUTPUT} "${zsh}")
  return()
endif()

if(NOT MODE STREQUAL "man")
  message(FATAL_ERROR "GenerateDocs.cmake: MODE must be man or completion")
endif()

set(ENV{NYTTA_DATA_DIR} ${DATA_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# The commands, in the order `nytta --help` lists them under "Subcommands:".
run_nytta(main_help --help)
string(REGEX REPLACE ".*\nSubcommands:\n" "" listing "${main_help}")
string(REGEX REPLACE "\n\n.*" "" listing "${listing}")
string(REPLACE "\n" ";" listing "${listing}")
set(commands "")
foreach(line IN LISTS listing)
  if(line MATCHES "^  ([a-z]+) ")
    list(APPEND commands ${CMAKE_MATCH_1})
  endif()
endforeach()
list(LENGTH commands n)
if(n LESS 5)
  message(FATAL_ERROR "GenerateDocs.cmake: could not read the commands from nytta --help:\n${main_help}")
endif()

# Each command's --help verbatim (.nf), escaped for roff: backslashes, and a '.' or "'"
# that starts a line.
set(section "[COMMANDS]\nEvery command takes the options shown; input files are canonical long CSV (or any\nexport with \\fB\\-\\-map\\fR), and with none the bundled data are read.\n")
set(glyphs "–=2013" "—=2014" "−=2212" "×=00D7" "·=00B7" "→=2192" "θ=03B8" "λ=03BB" "φ=03C6" "²=00B2"
           "≥=2265" "≤=2264" "±=00B1" "å=00E5" "ä=00E4" "ö=00F6" "ø=00F8" "æ=00E6" "Å=00C5" "Ä=00C4"
           "Ö=00D6" "Ø=00D8" "Æ=00C6" "é=00E9")
foreach(cmd IN LISTS commands)
  run_nytta(text ${cmd} --help)
  string(REPLACE "\\" "\\e" text "${text}")
  # The page is ASCII (help2man runs in the C locale): other characters of the help texts
  # become groff's \[uXXXX] glyphs. The install test fails on any that is missed.
  string(REPLACE "…" "..." text "${text}")
  foreach(pair IN LISTS glyphs)
    string(REGEX MATCH "^([^=]+)=(.+)$" _ "${pair}")
    string(REPLACE "${CMAKE_MATCH_1}" "\\[u${CMAKE_MATCH_2}]" text "${text}")
  endforeach()
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  string(APPEND section ".SS \"nytta ${cmd}\"\n.nf\n${text}.fi\n")
endforeach()
file(WRITE ${WORK_DIR}/commands.h2m "${section}")

execute_process(
  COMMAND ${HELP2MAN} --no-info --no-discard-stderr
          "--name=benchmarking calculator for municipal services"
          --section=1 --version-string=${VERSION}
          --include=${WORK_DIR}/commands.h2m --include=${INCLUDE}
          --output=${OUTPUT} ${NYTTA}
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed (${rc}): ${err}")
endif()
execute_process(COMMAND gzip -9n -c ${OUTPUT} OUTPUT_FILE ${OUTPUT}.gz RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip ${OUTPUT} failed")
endif()
