// The fast path for large canonical files (src/load/fast_long_csv.cpp) must give the
// general loader's Dataset: these tests write files above its size threshold in the
// dialects it takes, and in the ones it must hand over.

#include <catch2/catch.hpp>

#include "nytta/util/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>

#include "load/fast_long_csv.hpp"
#include "nytta/load/load.hpp"

using namespace nytta;

#include "test_support.hpp"

namespace {

struct Style {
  char sep = ',';
  char decimal = '.';
  bool crlf = false;
  bool bom = false;
  bool swedish_headers = false;
  bool kind_and_group = false;
  const char* late_name = nullptr;  // a name spelt differently for the last unit's last row
};

std::string number(double v, char decimal) {
  std::string s = std::to_string(v);
  if (decimal == ',') std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

// About 300 KB: 700 units (a few with quoted, escaped and non-ASCII names) × 8 years, with
// missing cells and zeros.
std::string write_file(const std::string& name, const Style& s) {
  static nytta::test::Scratch scratch("fast");
  std::filesystem::path p = scratch.path(name + ".csv");
  std::ofstream out(p, std::ios::binary);
  const std::string nl = s.crlf ? "\r\n" : "\n";
  if (s.bom) out << "\xEF\xBB\xBF";
  out << (s.swedish_headers ? "kommunkod" : "code") << s.sep << (s.swedish_headers ? "kommun" : "name") << s.sep
      << (s.swedish_headers ? "år" : "year");
  if (s.kind_and_group) out << s.sep << "kind" << s.sep << "group";
  out << s.sep << (s.swedish_headers ? "folkmängd" : "population") << s.sep << (s.swedish_headers ? "utlån" : "loans")
      << s.sep << (s.swedish_headers ? "kostnad" : "cost") << nl;
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int unit = 0; unit < 700; ++unit) {
    for (int year = 2010; year < 2018; ++year) {
      char code[8];
      std::snprintf(code, sizeof code, "%04d", unit);
      std::string unit_name = "Kommun " + std::to_string(unit);
      if (unit % 50 == 1) unit_name = "\"Kommun " + std::to_string(unit) + std::string(1, s.sep) + " norra\"";
      if (unit % 50 == 2) unit_name = "\"Kommun \"\"" + std::to_string(unit) + "\"\"\"";
      if (unit % 50 == 3) unit_name = "Malmö " + std::to_string(unit);
      if (s.late_name && unit == 699 && year == 2017) unit_name = s.late_name;
      out << code << s.sep << unit_name << s.sep << year;
      if (s.kind_and_group) out << s.sep << (unit == 0 ? "national" : "unit") << s.sep << "g" << unit % 4;
      double pop = std::floor(1000 + 100000 * u(rng));
      out << s.sep << pop;
      out << s.sep << (unit % 97 == 5 ? std::string() : number(std::floor(pop * 5 * u(rng)), s.decimal));
      out << s.sep << (unit % 89 == 7 ? std::string("0") : number(pop * 300 * u(rng), s.decimal)) << nl;
    }
  }
  return p.string();
}

// A Dataset in an order-free form: (kind, key, year) → unit fields and values.
using Canonical = std::map<std::tuple<int, std::string, int>, std::tuple<std::string, std::string, std::vector<std::optional<double>>>>;
Canonical canonical(const Dataset& d) {
  Canonical c;
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    const Unit& u = d.unit_of(r);
    std::vector<std::optional<double>> values;
    for (const Measure& m : d.measures) {
      values.push_back(std::isnan(m.values[r]) ? std::nullopt : std::optional<double>(m.values[r]));
    }
    c[{static_cast<int>(u.kind), u.key(), d.row_year[r]}] = {u.name, u.group, values};
  }
  return c;
}

void check_same(const Dataset& fast, const Dataset& general) {
  REQUIRE(fast.row_count() == general.row_count());
  CHECK(fast.measure_names() == general.measure_names());
  CHECK(fast.currency == general.currency);
  CHECK(canonical(fast) == canonical(general));
}

LoadOptions general_options(YearNeeds years = {}) {
  LoadOptions o;
  o.fast = false;
  o.years = years;
  return o;
}

}  // namespace

TEST_CASE("the fast path reads a plain file exactly as the general loader, row for row", "[load][fast]") {
  std::string path = write_file("plain", Style{});
  std::optional<Dataset> fast = try_fast_long_csv(path, LoadOptions{});
  REQUIRE(fast);  // the fast path took it
  Dataset general = load_long_csv(path, general_options());
  REQUIRE(fast->row_count() == general.row_count());
  CHECK(fast->row_year == general.row_year);
  CHECK(fast->row_unit == general.row_unit);
  REQUIRE(fast->units.size() == general.units.size());
  for (std::size_t i = 0; i < general.units.size(); ++i) {
    CHECK(fast->units[i].code == general.units[i].code);
    CHECK(fast->units[i].name == general.units[i].name);
  }
  for (std::size_t m = 0; m < general.measures.size(); ++m) {
    for (std::size_t r = 0; r < general.row_count(); ++r) {
      double a = fast->measures[m].values[r], b = general.measures[m].values[r];
      CHECK(std::memcmp(&a, &b, sizeof a) == 0);  // bit for bit, missing included
    }
  }
}

TEST_CASE("the fast path reads Swedish dialect, CRLF, a BOM, kinds and groups as the general loader", "[load][fast]") {
  Style s;
  s.sep = ';';
  s.decimal = ',';
  s.crlf = true;
  s.bom = true;
  s.swedish_headers = true;
  s.kind_and_group = true;
  std::string path = write_file("swedish", s);
  std::optional<Dataset> fast = try_fast_long_csv(path, LoadOptions{});
  REQUIRE(fast);
  check_same(*fast, load_long_csv(path, general_options()));
}

TEST_CASE("the fast path keeps the same years as the general loader followed by keep_years", "[load][fast]") {
  std::string path = write_file("pruned", Style{});
  for (YearNeeds needs : {YearNeeds{false, true, 2}, YearNeeds{false, false, 1}, YearNeeds{false, true, 0}}) {
    LoadOptions o;
    o.years = needs;
    std::optional<Dataset> fast = try_fast_long_csv(path, o);
    REQUIRE(fast);
    Dataset general = load_long_csv(path, general_options());
    keep_years(general, needs);
    check_same(*fast, general);
  }
}

TEST_CASE("the fast path hands over a file with a Latin-1 name late in it, which is an error at its place", "[load][fast]") {
  Style s;
  s.late_name = "Malm\xF6";  // Latin-1 ö in a UTF-8 file (its other names are UTF-8): one broken character
  std::string path = write_file("latin1", s);
  CHECK_FALSE(try_fast_long_csv(path, LoadOptions{}));
  // Not the whole file silently re-read as Windows-1252: the place of the broken character.
  try {
    load_files({path}, LoadOptions{});
    FAIL("the file loaded");
  } catch (const nytta::DataError& e) {
    CHECK(e.messages().front().find(":5601:6: invalid UTF-8") != std::string::npos);
  }
}

TEST_CASE("the fast path hands over small files and files it is told not to read", "[load][fast]") {
  CHECK_FALSE(try_fast_long_csv(std::string(NYTTA_SOURCE_DIR) + "/data/fi_libraries_1999_2013.csv", general_options()));
  std::string path = write_file("plain", Style{});
  LoadOptions latin;
  latin.encoding = Encoding::cp1252;
  CHECK_FALSE(try_fast_long_csv(path, latin));
}

TEST_CASE("year pruning skips work, never a check: a bad cell or a duplicate in a year not needed is still an error",
          "[load][fast]") {
  std::string path = write_file("pruned_checks", Style{});
  std::string text;
  {
    std::ifstream in(path, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  YearNeeds last_year{false, false, 1};
  LoadOptions fast;
  fast.years = last_year;
  SECTION("a cell that is not a number in the first year") {
    std::size_t line = text.find("\n0005,");  // a row of the first year
    REQUIRE(line != std::string::npos);
    std::size_t last_comma = text.find('\n', line + 1);
    last_comma = text.rfind(',', last_comma);
    text.replace(last_comma + 1, 1, "x");
    std::ofstream(path, std::ios::binary) << text;
    CHECK_FALSE(try_fast_long_csv(path, fast));
    CHECK_THROWS_AS(load_files({path}, fast), nytta::DataError);
  }
  SECTION("the same unit and year twice in the first year") {
    std::size_t line = text.find("\n0005,");
    std::size_t next = text.find('\n', line + 1);
    text.insert(next, text.substr(line, next - line));
    std::ofstream(path, std::ios::binary) << text;
    CHECK_FALSE(try_fast_long_csv(path, fast));
    CHECK_THROWS_WITH(load_files({path}, fast), Catch::Contains("appears twice"));
  }
}
