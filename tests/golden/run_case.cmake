# Runs one golden case: the command in CASE_DIR/cmd through bash (pipefail), from the source tree, with
# a fixed environment; compares stdout, stderr and the exit code with expout, experr and
# exit. With NYTTA_UPDATE_GOLDEN=1 it writes them instead.

file(READ ${CASE_DIR}/cmd cmd)
string(STRIP "${cmd}" cmd)
# Cases on the public files next to the project run where those files are.
if(cmd MATCHES "\\.\\./shared/" AND NOT EXISTS ${SOURCE_DIR}/../shared/data/real)
  message(STATUS "NYTTA-SKIP: ../shared/data/real is not here")
  return()
endif()

file(REMOVE_RECURSE ${TMP_DIR})
file(MAKE_DIRECTORY ${TMP_DIR})

execute_process(
  COMMAND ${CMAKE_COMMAND} -E env
          --unset=LANG --unset=LC_MESSAGES --unset=CLICOLOR_FORCE NYTTA_DATA_DIR=data
          "PATH=${NYTTA_BIN_DIR}:$ENV{PATH}" NO_COLOR=1 LC_ALL=C COLUMNS=120
          "CASE_TMP=${TMP_DIR}" ASAN_OPTIONS=detect_leaks=1
          bash -o pipefail -c "${cmd}"
  WORKING_DIRECTORY ${SOURCE_DIR}
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
# The scratch directory is written as $CASE_TMP, so that any build directory gives the same.
string(REPLACE "${TMP_DIR}" "$CASE_TMP" out "${out}")
string(REPLACE "${TMP_DIR}" "$CASE_TMP" err "${err}")

if("$ENV{NYTTA_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE ${CASE_DIR}/expout "${out}")
  file(WRITE ${CASE_DIR}/experr "${err}")
  file(WRITE ${CASE_DIR}/exit "${rc}\n")
  message(STATUS "updated ${CASE_DIR}")
  return()
endif()

set(failed FALSE)
foreach(part IN ITEMS expout experr exit)
  if(NOT EXISTS ${CASE_DIR}/${part})
    message(SEND_ERROR "${CASE_DIR}/${part} is missing; run make golden-update")
    set(failed TRUE)
  endif()
endforeach()
if(failed)
  return()
endif()

file(READ ${CASE_DIR}/exit expected_rc)
string(STRIP "${expected_rc}" expected_rc)
if(NOT rc STREQUAL expected_rc)
  message(SEND_ERROR "exit code ${rc}, expected ${expected_rc}\nstderr:\n${err}")
  set(failed TRUE)
endif()
foreach(pair IN ITEMS "out;expout" "err;experr")
  list(GET pair 0 var)
  list(GET pair 1 file)
  file(READ ${CASE_DIR}/${file} expected)
  if(NOT "${${var}}" STREQUAL "${expected}")
    file(WRITE ${TMP_DIR}/actual.${file} "${${var}}")
    execute_process(COMMAND diff -u ${CASE_DIR}/${file} ${TMP_DIR}/actual.${file} OUTPUT_VARIABLE d)
    message(SEND_ERROR "${file} differs:\n${d}")
    set(failed TRUE)
  endif()
endforeach()
