// The bundled Norwegian library data (data/no_libraries_2020.csv) against the raw file and
// the spot figures of ../shared/data/real/SOURCES.md §12 and no_nb_folkebibl_2020/NOTES.md.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/mapped_csv.hpp"
#include "test_support.hpp"
#include "nytta/load/catalogue_file.hpp"
#include "nytta/report/canonical_csv.hpp"
#include "nytta/metrics/evaluator.hpp"
#include "nytta/load/load.hpp"

using namespace nytta;
using nytta::test::kSourceDir;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

const Dataset& norway() {
  static const Dataset d = load_long_csv(kSourceDir + "/data/no_libraries_2020.csv", LoadOptions{});
  return d;
}

double of(const std::string& name, const std::string& measure) {
  const Dataset& d = norway();
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    if (d.unit_of(r).name == name) return d.find_measure(measure)->values[r];
  }
  FAIL("no unit " << name);
  return kMissing;
}

double sum(const std::string& measure, const std::string& only_with = {}) {
  const Dataset& d = norway();
  double s = 0.0;
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    double v = d.find_measure(measure)->values[r];
    if (!only_with.empty() && is_missing(d.find_measure(only_with)->values[r])) continue;
    if (!is_missing(v)) s += v;
  }
  return s;
}

}  // namespace

TEST_CASE("the bundled Norwegian file is what nytta convert makes of the raw file", "[real]") {
  std::string raw = std::string(NYTTA_REAL_DATA_DIR) + "/no_nb_folkebibl_2020/folkebibl-2020-kommuner.csv";
  if (!std::filesystem::exists(raw)) {
    WARN("../shared/data/real is not here");
    return;
  }
  LoadOptions o;
  o.fast = false;
  Dataset d = load_mapped({raw}, read_mapping(kSourceDir + "/data/mappings/no_nb_folkebibl.toml"), o);
  std::ostringstream made;
  write_canonical_csv(d, made);
  std::ifstream in(kSourceDir + "/data/no_libraries_2020.csv", std::ios::binary);
  std::stringstream bundled;
  bundled << in.rdbuf();
  CHECK(made.str() == bundled.str());
}

TEST_CASE("Norwegian libraries 2020 match the spot figures of the source notes", "[real]") {
  const Dataset& d = norway();
  CHECK(d.currency == "NOK");
  CHECK(d.units.size() == 355);
  // SOURCES.md §12: the population column sums to 5 367 580 (Norway, 1 January 2020).
  CHECK(sum("population") == 5367580.0);
  // Oslo: 693 494 inhabitants, 2 441 381 visits, 225 FTEs, 188.4 MNOK salaries + media;
  // code 0301 from the float 301.0.
  CHECK(of("Oslo", "population") == 693494.0);
  CHECK(of("Oslo", "visits") == 2441381.0);
  CHECK(of("Oslo", "staff") == 225.0);
  CHECK_THAT(of("Oslo", "cost") / 1e6, WithinAbs(188.4, 0.05));
  CHECK(d.units[d.row_unit[0]].code == "0301");
  // NOTES.md: Oslo 1 261 544 first-time loans; Bergen 283 929 inhabitants and 70.6 MNOK;
  // Utsira 198 inhabitants, 0.7 FTE, 0.50 MNOK.
  CHECK(of("Oslo", "loans") == 1261544.0);
  CHECK(of("Bergen", "population") == 283929.0);
  CHECK_THAT(of("Bergen", "cost") / 1e6, WithinAbs(70.6, 0.05));
  CHECK(of("Utsira", "population") == 198.0);
  CHECK_THAT(of("Utsira", "staff"), WithinAbs(0.7, 1e-9));
  CHECK_THAT(of("Utsira", "cost") / 1e6, WithinAbs(0.50, 0.005));
  // National: 15.9 M visits, 11.3 M first-time loans, 1.378 bn NOK salaries + media ≈ 257 NOK
  // per inhabitant (over the municipalities that report a cost).
  CHECK_THAT(sum("visits") / 1e6, WithinAbs(15.9, 0.05));
  CHECK_THAT(sum("loans") / 1e6, WithinAbs(11.3, 0.05));
  CHECK_THAT(sum("cost") / 1e9, WithinAbs(1.378, 0.0005));
  CHECK_THAT(sum("cost") / sum("population", "cost"), WithinRel(257.0, 0.005));
  Evaluator e(d, builtin_catalogue());
  CHECK_THAT(e.national("cost_per_inhabitant", 2020).value, WithinRel(257.0, 0.005));
}

TEST_CASE("a Norwegian municipality without salaries has no cost, not the media purchases alone", "[real]") {
  // Vågan reports media purchases (263 031 NOK) but no salaries; the published total is the
  // media alone, which would make it the cheapest library of the country.
  CHECK(is_missing(of("Vågan", "cost")));
  CHECK(is_missing(of("Flakstad", "cost")));  // 0 salaries: no library
}
