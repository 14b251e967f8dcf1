#pragma once
// Helpers shared by the unit tests: a scratch folder of its own per test (CTest runs test
// processes side by side, so no fixed names under /tmp), canonical CSV text as a Dataset,
// and a check that two Datasets are the same to the bit.

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdlib.h>
#include <string>
#include <vector>

#include "nytta/model/dataset.hpp"
#include "nytta/load/load.hpp"

namespace nytta::test {

// The source tree, where the bundled data and the fixtures are.
inline const std::string kSourceDir = NYTTA_SOURCE_DIR;

struct Scratch {
  std::filesystem::path dir;
  explicit Scratch(const std::string& name) {
    std::string tmpl = (std::filesystem::temp_directory_path() / ("nytta_" + name + "_XXXXXX")).string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data())) FAIL("cannot make a scratch directory under " << tmpl);
    dir = buf.data();
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() { std::filesystem::remove_all(dir); }
  std::string path(const std::string& file) const { return (dir / file).string(); }
  std::string write(const std::string& file, const std::string& text) const {
    std::ofstream(dir / file, std::ios::binary) << text;
    return path(file);
  }
};

/// Canonical long CSV text read as the file "t.csv".
inline Dataset load_text(const std::string& text) {
  std::istringstream in(text);
  return load_long_csv("t.csv", in, LoadOptions{});
}

inline bool same_bits(double a, double b) {
  if (is_missing(a) || is_missing(b)) return is_missing(a) && is_missing(b);
  return std::memcmp(&a, &b, sizeof a) == 0;
}

/// Units, rows, measures and every value equal (missing = missing); sources and notes may differ.
inline void require_same_data(const Dataset& a, const Dataset& b) {
  REQUIRE(a.units.size() == b.units.size());
  for (std::size_t u = 0; u < a.units.size(); ++u) {
    INFO("unit " << a.units[u].key());
    CHECK(a.units[u].code == b.units[u].code);
    CHECK(a.units[u].name == b.units[u].name);
    CHECK(a.units[u].group == b.units[u].group);
    CHECK(a.units[u].kind == b.units[u].kind);
  }
  REQUIRE(a.row_unit == b.row_unit);
  REQUIRE(a.row_year == b.row_year);
  REQUIRE(a.measure_names() == b.measure_names());
  CHECK(a.currency == b.currency);
  std::size_t different = 0;
  for (std::size_t m = 0; m < a.measures.size(); ++m) {
    for (std::size_t r = 0; r < a.row_count(); ++r) {
      if (!same_bits(a.measures[m].values[r], b.measures[m].values[r])) {
        if (++different <= 5)
          UNSCOPED_INFO(a.measures[m].name << " of " << a.unit_of(r).key() << " " << a.row_year[r] << ": " << a.measures[m].values[r]
                                           << " vs " << b.measures[m].values[r]);
      }
    }
  }
  CHECK(different == 0);
}

}  // namespace nytta::test
