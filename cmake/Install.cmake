# Installing nytta as a Debian tool is installed: `cmake --install` (make install, with
# PREFIX and DESTDIR) puts the binary in bin/, the manual in share/man/man1, bash and zsh
# completion where the shells look, and the bundled data, catalogues, mappings and
# examples under share/nytta, where the installed binary finds them (../share/nytta/data
# from its own path). CPack builds the .deb from the same rules (make deb).

include(GNUInstallDirs)

# `make install` in a build directory and cpack's preinstall step do not build `all` first (the
# release build has no reason to compile the unit tests for a package).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

# `nytta --version` (src/cmd/about.cpp) names the versions of the libraries the layers below
# use, from their own version headers and functions.
target_link_libraries(nytta_cmd PRIVATE PkgConfig::NYTTA_CLP PkgConfig::NYTTA_ORCUS PkgConfig::NYTTA_XLSXWRITER
                      PkgConfig::NYTTA_SQLITE PkgConfig::NYTTA_NETTLE muparser::muparser tomlplusplus::tomlplusplus
                      nlohmann_json::nlohmann_json)

# --- Generated documentation: nytta(1) by help2man, completion scripts by nytta itself ----
find_program(NYTTA_HELP2MAN help2man)
if(NOT NYTTA_HELP2MAN)
  message(FATAL_ERROR
    "nytta: help2man not found (it writes the manual page from --help). Install it with:\n"
    "  sudo apt-get install help2man\n"
    "or run `make deps` to install everything nytta needs.")
endif()

# The paths the manual names: where this build installs to (make install and make deb
# configure CMAKE_INSTALL_PREFIX to PREFIX and /usr).
set(NYTTA_INSTALL_SHARE_DIR "${CMAKE_INSTALL_FULL_DATADIR}/nytta")
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/docs/nytta.h2m.in ${CMAKE_CURRENT_BINARY_DIR}/nytta.h2m @ONLY)

set(NYTTA_MAN_PAGE ${CMAKE_CURRENT_BINARY_DIR}/nytta.1)
set(NYTTA_BASH_COMPLETION ${CMAKE_CURRENT_BINARY_DIR}/completions/nytta)
set(NYTTA_ZSH_COMPLETION ${CMAKE_CURRENT_BINARY_DIR}/completions/_nytta)

add_custom_command(
  OUTPUT ${NYTTA_MAN_PAGE} ${NYTTA_MAN_PAGE}.gz
  COMMAND ${CMAKE_COMMAND}
          -DMODE=man -DNYTTA=$<TARGET_FILE:nytta> -DHELP2MAN=${NYTTA_HELP2MAN}
          -DINCLUDE=${CMAKE_CURRENT_BINARY_DIR}/nytta.h2m -DOUTPUT=${NYTTA_MAN_PAGE}
          -DDATA_DIR=${NYTTA_INSTALL_SHARE_DIR}/data -DVERSION=${PROJECT_VERSION}
          -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/man-tmp
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/GenerateDocs.cmake
  DEPENDS nytta ${CMAKE_CURRENT_BINARY_DIR}/nytta.h2m ${CMAKE_CURRENT_SOURCE_DIR}/cmake/GenerateDocs.cmake
  COMMENT "Writing the manual page nytta.1 (help2man)"
  VERBATIM)

add_custom_command(
  OUTPUT ${NYTTA_BASH_COMPLETION} ${NYTTA_ZSH_COMPLETION}
  COMMAND ${CMAKE_COMMAND}
          -DMODE=completion -DNYTTA=$<TARGET_FILE:nytta>
          -DBASH_OUTPUT=${NYTTA_BASH_COMPLETION} -DZSH_OUTPUT=${NYTTA_ZSH_COMPLETION}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/GenerateDocs.cmake
  DEPENDS nytta ${CMAKE_CURRENT_SOURCE_DIR}/cmake/GenerateDocs.cmake
  COMMENT "Writing the bash and zsh completion of nytta"
  VERBATIM)

add_custom_target(nytta_docs ALL DEPENDS ${NYTTA_MAN_PAGE} ${NYTTA_BASH_COMPLETION} ${NYTTA_ZSH_COMPLETION})

# --- What is installed ---------------------------------------------------------------------
install(TARGETS nytta RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The modules go where the executable looks for them: <bindir>/../lib/nytta
# (src/util/module.cpp), whatever the prefix.
foreach(name ${NYTTA_MODULES})
  install(TARGETS nytta_${name}_module LIBRARY DESTINATION lib/nytta)
endforeach()
install(FILES ${NYTTA_MAN_PAGE}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${NYTTA_BASH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
# Debian's zsh reads /usr/share/zsh/vendor-completions; other prefixes use site-functions,
# which zsh searches under /usr/local by default.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(NYTTA_ZSH_DIR ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
else()
  set(NYTTA_ZSH_DIR ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
endif()
install(FILES ${NYTTA_ZSH_COMPLETION} DESTINATION ${NYTTA_ZSH_DIR})

# The bundled data with their provenance (data/README.md), mappings, groups and rules; the
# scripts that made two of the files stay in the source tree.
install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/nytta/data
        PATTERN "*.py" EXCLUDE)
install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/kpis/ DESTINATION ${CMAKE_INSTALL_DATADIR}/nytta/kpis
        FILES_MATCHING PATTERN "*.toml")
install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/examples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/nytta/examples)
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# --- The Debian package (make deb: cpack -G DEB in the release build) ----------------------
set(NYTTA_PACKAGE_MAINTAINER "nytta developers <nytta-dev@invalid>" CACHE STRING "Maintainer field of the .deb")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME nytta)
set(CPACK_PACKAGE_VENDOR nytta)
set(CPACK_PACKAGE_CONTACT "${NYTTA_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "benchmarking calculator for municipal services")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends from the libraries the binary links (dpkg-shlibdeps: libfmt9, libmuparser2v5,
# coinor-libclp1, liborcus-0.17-0, libxlsxwriter4, libsqlite3-0, libnettle8, libtomlplusplus3,
# libre2-9, ...).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
# The extended description (CPack puts the summary above it), one string: a CMake list
# would be joined with ';'.
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
       "nytta puts the benefit a municipal service creates in relation to what it\n"
       "costs (the Swedish model nytta per skattekrona, benefit per tax krona) and\n"
       "compares municipalities with each other and over time: rankings, trends,\n"
       "service analyses, goals, data-quality reports and CI checks, written as\n"
       "tables, CSV, JSON, Markdown, HTML, xlsx or SQLite. Bundled: Nordic and US\n"
       "public-library data and a kindergarten example.")
include(CPack)

# --- Tests: the installed tree, and completion in a real bash -------------------------------
if(NYTTA_BUILD_TESTS)
  add_test(NAME install.tree_runs_from_anywhere
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/tests/install/run.sh ${CMAKE_CURRENT_BINARY_DIR}
                   ${CMAKE_CURRENT_BINARY_DIR}/install-tmp)
  set_tests_properties(install.tree_runs_from_anywhere PROPERTIES LABELS install TIMEOUT 60)
  add_test(NAME completion.bash_candidates
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/completion/run.sh $<TARGET_FILE:nytta>
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  set_tests_properties(completion.bash_candidates PROPERTIES LABELS completion TIMEOUT 120)
endif()
