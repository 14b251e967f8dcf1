#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "nytta/load/catalogue_file.hpp"
#include "nytta/util/error.hpp"
#include "nytta/metrics/evaluator.hpp"
#include "nytta/load/groups.hpp"
#include "nytta/load/load.hpp"
#include "nytta/load/price_index.hpp"
#include "nytta/metrics/reference.hpp"
#include "nytta/report/sparkline.hpp"

using namespace nytta;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

#include "test_support.hpp"

namespace {
std::string temp_file(const std::string& name, const std::string& text) {
  static nytta::test::Scratch scratch("reference");
  return scratch.write(name, text);
}
}  // namespace

TEST_CASE("summary statistics skip missing values and interpolate quartiles", "[reference]") {
  Summary s = summarize({4.0, kMissing, 1.0, 3.0, 2.0});
  CHECK(s.n == 4);
  CHECK(s.mean == 2.5);
  CHECK(s.median == 2.5);
  CHECK(s.q1 == 1.75);
  CHECK(s.q3 == 3.25);
  CHECK(s.min == 1.0);
  CHECK(s.max == 4.0);
  CHECK_THAT(s.sd, WithinRel(std::sqrt(1.25), 1e-12));
}

TEST_CASE("a single value is its own mean, median and quartiles with zero spread", "[reference]") {
  Summary s = summarize({7.0});
  CHECK(s.median == 7.0);
  CHECK(s.q1 == 7.0);
  CHECK(s.sd == 0.0);
  CHECK(summarize({kMissing}).n == 0);
  CHECK(is_missing(summarize({}).mean));
}

TEST_CASE("a group's value is its region row, else the sums of its units", "[reference]") {
  Dataset d = nytta::test::load_text(
      "name,group,kind,year,loans,cost\n"
      "North,North,region,2012,100,1000\n"
      "A,North,unit,2012,40,200\nB,North,unit,2012,50,300\n"
      "C,South,unit,2012,10,300\n");
  Evaluator e(d, builtin_catalogue());
  const NationalValue& north = e.reference("cost_per_loan", 2012, "North");
  CHECK(north.from_aggregate_row);
  CHECK(north.value == 10.0);
  const NationalValue& south = e.reference("cost_per_loan", 2012, "South");  // a group of one unit
  CHECK_FALSE(south.from_aggregate_row);
  CHECK(south.value == 30.0);
  CHECK(south.units_summed == 1);
  CHECK_THAT(e.national("cost_per_loan", 2012).value, WithinRel(800.0 / 100.0, 1e-12));
}

TEST_CASE("a group's benefit index is measured against the nation, not against itself", "[reference]") {
  Dataset d = nytta::test::load_text(
      "name,group,year,population,loans,visits,opening_hours,active_borrowers,cost,libraries\n"
      "A,North,2012,1000,5000,4000,2600,300,100000,1\n"
      "B,South,2012,3000,9000,6000,5200,600,300000,2\n");
  Evaluator e(d, builtin_catalogue());
  double nat = e.national("benefit_score", 2012).value;
  CHECK_THAT(e.reference("benefit_index", 2012, "North").value,
             WithinRel(100.0 * e.reference("benefit_score", 2012, "North").value / nat, 1e-12));
}

TEST_CASE("a KPI published in the data is used as it is and has no national sum", "[reference]") {
  Dataset d = nytta::test::load_text("code,name,year,loans_per_inhabitant\n1,A,2012,17.5\n2,B,2012,12\n");
  Evaluator e(d, builtin_catalogue());
  CHECK(e.column("loans_per_inhabitant").values[0] == 17.5);
  CHECK(is_missing(e.national("loans_per_inhabitant", 2012).value));
  CHECK(e.notes().back().kind == KpiNote::Kind::published);
}

TEST_CASE("real terms use the CPI of the base year over that of the value's year", "[reference]") {
  PriceIndex cpi = read_price_index(std::string(NYTTA_SOURCE_DIR) + "/data/se_cpi_1980_2025.csv");
  // SCB KPI 1996 = 256.00, 2007 = 290.51: the seed's +26.3 % in operating cost is +11.3 % real.
  double real_2007 = 1.263 * cpi.factor(2007, 1996);
  CHECK_THAT((real_2007 - 1.0) * 100.0, WithinAbs(11.30, 0.01));
  CHECK_THROWS_WITH(cpi.factor(1970, 1996), Catch::Contains("no price index for 1970"));
}

TEST_CASE("a price index file with a bad or repeated year is an error at its line", "[reference]") {
  std::string path = temp_file("nytta_cpi_bad.csv", "year,cpi\n2012,100\n2012,101\n20x3,99\n");
  try {
    read_price_index(path);
    FAIL("no error");
  } catch (const DataError& e) {
    REQUIRE(e.messages().size() == 2);
    CHECK(e.messages()[0].find(":3:1: the year appears twice") != std::string::npos);
    CHECK(e.messages()[1].find(":4:1: year must be a four-digit whole number from 1000 to 9999") != std::string::npos);
  }
}

TEST_CASE("a groups file sets the group of the units it names", "[reference]") {
  Dataset d = nytta::test::load_text("code,name,year,loans\n1,A,2012,5\n2,B,2012,6\n3,C,2012,7\n");
  std::string path = temp_file("nytta_groups.csv", "kommunkod,kommungrupp\n1,big\n2,small\n");
  std::string note = apply_groups(d, path);
  CHECK(d.units[0].group == "big");
  CHECK(d.units[1].group == "small");
  CHECK(note.find("1 of 3 units are not in the groups file") != std::string::npos);
}

TEST_CASE("sparklines scale from the minimum to the maximum and show gaps", "[reference]") {
  CHECK(sparkline({1, 2, 3, 4, 5, 6, 7, 8}) == "▁▂▃▄▅▆▇█");
  CHECK(sparkline({5, kMissing, 5}) == "▄ ▄");
  CHECK(sparkline({0, 10}) == "▁█");
}
