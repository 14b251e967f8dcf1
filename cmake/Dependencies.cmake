# Every dependency comes from a Debian package. A missing one stops configure with the
# apt-get line that installs it (`make deps` runs that line for you).

function(nytta_require_package name debian_package)
  find_package(${name} ${ARGN} QUIET)
  if(NOT ${name}_FOUND)
    message(FATAL_ERROR
      "nytta: ${name} not found. Install it with:\n"
      "  sudo apt-get install ${debian_package}\n"
      "or run `make deps` to install everything nytta needs.")
  endif()
endfunction()

nytta_require_package(fmt libfmt-dev)
nytta_require_package(CLI11 libcli11-dev)
nytta_require_package(tomlplusplus libtomlplusplus-dev)
nytta_require_package(nlohmann_json nlohmann-json3-dev)
nytta_require_package(muparser libmuparser-dev)
nytta_require_package(Threads libc6-dev)
if(NYTTA_BUILD_TESTS)
  nytta_require_package(Catch2 catch2 2)
  list(APPEND CMAKE_MODULE_PATH ${Catch2_DIR})  # Catch.cmake: catch_discover_tests
endif()

# The linear programmes of DEA (COIN-OR CLP), spreadsheets in (liborcus), xlsx out
# (libxlsxwriter), SQLite out, SHA-256 of the inputs (nettle): C and C++ libraries that
# Debian ships with pkg-config files.
find_package(PkgConfig QUIET)
function(nytta_require_pkg target module debian_package)
  if(PkgConfig_FOUND)
    pkg_check_modules(${target} QUIET IMPORTED_TARGET GLOBAL ${module})
  endif()
  if(NOT ${target}_FOUND)
    message(FATAL_ERROR
      "nytta: ${module} not found. Install it with:\n"
      "  sudo apt-get install ${debian_package}\n"
      "or run `make deps` to install everything nytta needs.")
  endif()
endfunction()

nytta_require_pkg(NYTTA_ORCUS liborcus-0.17 liborcus-dev)
nytta_require_pkg(NYTTA_XLSXWRITER xlsxwriter libxlsxwriter-dev)
nytta_require_pkg(NYTTA_SQLITE sqlite3 libsqlite3-dev)
nytta_require_pkg(NYTTA_NETTLE nettle nettle-dev)
nytta_require_pkg(NYTTA_CLP clp coinor-libclp-dev)
nytta_require_pkg(NYTTA_RE2 re2 libre2-dev)

# Static archives where Debian ships them: a shared library costs every run of nytta its
# loading and symbol binding (a report on a small file takes a few milliseconds in all),
# an archive costs nothing at start. The libraries they need themselves stay shared.
function(nytta_prefer_static target archive)
  find_library(${target}_ARCHIVE NAMES ${archive} NO_CACHE)
  if(${target}_ARCHIVE)
    set_property(TARGET PkgConfig::${target} PROPERTY INTERFACE_LINK_LIBRARIES ${${target}_ARCHIVE} ${ARGN})
    set_property(TARGET PkgConfig::${target} PROPERTY INTERFACE_LINK_DIRECTORIES "")
    set_property(TARGET PkgConfig::${target} PROPERTY INTERFACE_LINK_OPTIONS "")
  endif()
endfunction()
nytta_prefer_static(NYTTA_SQLITE libsqlite3.a m Threads::Threads ${CMAKE_DL_LIBS})
nytta_prefer_static(NYTTA_RE2 libre2.a Threads::Threads)
nytta_prefer_static(NYTTA_NETTLE libnettle.a)
