#include <catch2/catch.hpp>
#include <sstream>

#include "nytta/util/error.hpp"
#include "nytta/load/load.hpp"

using namespace nytta;
using Catch::Matchers::WithinRel;

#include "test_support.hpp"

namespace {
std::vector<std::string> errors_of(const std::string& text) {
  try {
    nytta::test::load_text(text);
  } catch (const DataError& e) {
    std::vector<std::string> m = e.messages();
    if (e.not_shown()) m.push_back("and " + std::to_string(e.not_shown()) + " more");
    return m;
  }
  return {};
}
double row_value(const Dataset& d, const std::string& measure, std::size_t row) {
  return d.find_measure(measure)->values[row];
}
}  // namespace

TEST_CASE("Swedish headers, ';' and decimal comma read as canonical columns", "[load]") {
  Dataset d = nytta::test::load_text(
      "kommunkod;kommun;år;folkmängd;utlån;öppettimmar;aktiva låntagare;kostnad\r\n"
      "0114;Upplands Väsby;2012;41 000;190 000;5200,5;12 500;8 400 000\r\n");
  REQUIRE(d.row_count() == 1);
  CHECK(d.units[0].code == "0114");
  CHECK(d.units[0].name == "Upplands Väsby");
  CHECK(d.row_year[0] == 2012);
  CHECK(row_value(d, "population", 0) == 41000.0);
  CHECK(row_value(d, "opening_hours", 0) == 5200.5);
  CHECK(row_value(d, "active_borrowers", 0) == 12500.0);
  CHECK(row_value(d, "cost", 0) == 8400000.0);
}

TEST_CASE("codes keep their leading zeros and header case does not matter", "[load]") {
  Dataset d = nytta::test::load_text("CODE,Name,YEAR,Loans\n0005,Alajärvi,2013,100\n");
  CHECK(d.units[0].code == "0005");
  CHECK(d.find_measure("loans"));
}

TEST_CASE("empty cells and missing markers are missing values", "[load]") {
  Dataset d = nytta::test::load_text("name,year,loans,visits\nA,2012,,..\nB,2012,-,5\n");
  CHECK(is_missing(row_value(d, "loans", 0)));
  CHECK(is_missing(row_value(d, "visits", 0)));
  CHECK(is_missing(row_value(d, "loans", 1)));
  CHECK(row_value(d, "visits", 1) == 5.0);
}

TEST_CASE("the kind column keeps aggregate rows apart from units", "[load]") {
  Dataset d = nytta::test::load_text("name,kind,year,loans\nKoko maa,national,2013,10\nUusimaa,region,2013,6\nHelsinki,unit,2013,4\n");
  CHECK(d.units[0].kind == RowKind::national);
  CHECK(d.units[1].kind == RowKind::region);
  CHECK(d.units[2].kind == RowKind::unit);
}

TEST_CASE("a unit and an aggregate may share a name without colliding", "[load]") {
  Dataset d = nytta::test::load_text("name,kind,year,loans\nGotland,region,2012,10\nGotland,unit,2012,10\n");
  CHECK(d.units.size() == 2);
}

TEST_CASE("every bad row is reported with line, column and value", "[load]") {
  std::vector<std::string> e = errors_of(
      "code,name,year,population,loans\n0114,A,2012,100,abc\n0115,B,2012,100,200\n0115,B,2012,100,200\n"
      "0116,C,20x2,100,200\n0117,D,2012,100\n");
  REQUIRE(e.size() == 4);
  CHECK(e[0] == "t.csv:2:17: not a number in column 'loans', found 'abc'");
  CHECK(e[1] == "t.csv:4: 0115 2012 appears twice (first at line 3)");
  CHECK(e[2] == "t.csv:5:8: year must be a four-digit whole number from 1000 to 9999, found '20x2'");
  CHECK(e[3] == "t.csv:6: expected 5 fields as in the header, found 4");
}

TEST_CASE("at most 20 errors are listed, the rest counted", "[load]") {
  std::string text = "name,year,loans\n";
  for (int i = 0; i < 30; ++i) text += "U" + std::to_string(i) + ",2012,bad\n";
  std::vector<std::string> e = errors_of(text);
  REQUIRE(e.size() == 21);
  CHECK(e.back() == "and 10 more");
}

TEST_CASE("a missing year column is explained with its aliases", "[load]") {
  std::vector<std::string> e = errors_of("name,loans\nA,1\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].find("t.csv:1: no 'year' column (also read as år") == 0);
}

TEST_CASE("years across columns point to the mapping files", "[load]") {
  std::vector<std::string> e = errors_of("Maakunta,Kunta,1999,2000\nUusimaa,Espoo,1,2\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].find("wide layout") != std::string::npos);
}

TEST_CASE("duplicate column names are an error at the second one", "[load]") {
  std::vector<std::string> e = errors_of("name,year,loans,Loans\nA,2012,1,2\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "t.csv:1:17: column 'loans' appears twice (also column 3), found 'Loans'");
}

TEST_CASE("an unnamed text column is dropped with a note, a numeric one is a measure", "[load]") {
  Dataset d = nytta::test::load_text("name,year,loans,comment,staff\nA,2012,1,new building,3\nB,2012,2,,4\n");
  CHECK(d.find_measure("comment") == nullptr);
  CHECK(d.find_measure("staff") != nullptr);
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0] == "t.csv: column 'comment' holds text and was not read as a measure");
}

TEST_CASE("a few bad cells in an extra numeric column are errors, not a dropped column", "[load]") {
  std::vector<std::string> e = errors_of("name,year,staff\nA,2012,1\nB,2012,2\nC,2012,x3\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "t.csv:4:8: not a number in column 'staff', found 'x3'");
}

TEST_CASE("a file with only a header has no data rows", "[load]") {
  CHECK(errors_of("name,year,loans\n") == std::vector<std::string>{"t.csv:2: no data rows after the header"});
  CHECK(errors_of("") == std::vector<std::string>{"t.csv:1: the file is empty: expected a header row"});
}

TEST_CASE("a semicolon file forced to comma suggests the delimiter", "[load]") {
  std::istringstream in("code;name;year;loans\n1;A;2012;5\n");
  LoadOptions o;
  o.delimiter = ',';
  try {
    load_long_csv("t.csv", in, o);
    FAIL("no error");
  } catch (const DataError& e) {
    CHECK(std::string(e.what()).find("did you mean --delimiter ';'?") != std::string::npos);
  }
}

TEST_CASE("two currencies in one file are an error", "[load]") {
  std::vector<std::string> e = errors_of("name,year,cost,currency\nA,2012,1,SEK\nB,2012,2,EUR\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "t.csv:3:10: currency differs from SEK at t.csv:2:10, found 'EUR'");
}

TEST_CASE("merging files refuses the same unit and year twice", "[load]") {
  Dataset a = nytta::test::load_text("code,name,year,loans\n1,A,2012,5\n");
  std::istringstream in("code,name,year,loans\n1,A,2012,6\n1,A,2013,7\n");
  Dataset b = load_long_csv("u.csv", in, LoadOptions{});
  CHECK_THROWS_WITH(merge_into(a, b), "1 2012 appears both in t.csv and in u.csv");
}

TEST_CASE("merging files of different years joins units by key", "[load]") {
  Dataset a = nytta::test::load_text("code,name,year,loans\n1,A,2012,5\n");
  std::istringstream in("code,name,year,loans,visits\n1,A,2013,6,9\n2,B,2013,1,1\n");
  merge_into(a, load_long_csv("u.csv", in, LoadOptions{}));
  CHECK(a.units.size() == 2);
  CHECK(a.row_count() == 3);
  CHECK(is_missing(a.find_measure("visits")->values[0]));
  CHECK(a.find_measure("visits")->values[1] == 9.0);
}

TEST_CASE("the bundled Finnish file loads with its aggregate rows", "[load][real]") {
  Dataset d = load_long_csv(std::string(NYTTA_SOURCE_DIR) + "/data/fi_libraries_1999_2013.csv", LoadOptions{});
  std::size_t national = 0, regions = 0, units = 0;
  for (const Unit& u : d.units) {
    if (u.kind == RowKind::national) ++national;
    else if (u.kind == RowKind::region) ++regions;
    else ++units;
  }
  CHECK(national == 1);
  CHECK(regions == 18);
  CHECK(units == 286);
  CHECK(d.currency == "EUR");
}
