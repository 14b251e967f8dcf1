#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "load/mapped_csv.hpp"
#include "nytta/util/error.hpp"

using namespace nytta;
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

// A scratch folder per test with the files of one export.
struct Export {
  nytta::test::Scratch scratch{"mapping"};
  fs::path dir = scratch.dir;
  std::string file(const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
};

Dataset convert(const std::string& mapping, const std::vector<std::string>& files) {
  return load_mapped(files, parse_mapping(mapping, "m.toml"), LoadOptions{});
}

double mapped_value(const Dataset& d, const std::string& key, int year, const std::string& measure) {
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    if (d.unit_of(r).key() == key && d.row_year[r] == year) return d.find_measure(measure)->values[r];
  }
  FAIL("no row " << key << " " << year);
  return kMissing;
}

std::string mapping_error(const std::string& mapping, const std::vector<std::string>& files = {}) {
  try {
    if (files.empty()) parse_mapping(mapping, "m.toml");
    else convert(mapping, files);
  } catch (const DataError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a wide layout with one file per measure joins the files by key, not by row order", "[mapping]") {
  Export x;
  std::string a = x.file("loans.csv", "Region,Town,2012,2013\nNorth,A,10,12\nNorth,B,20,0\n");
  std::string b = x.file("pop.csv", "Region,Town,2013,2012\nNorth,B,5,4\nNorth,A,3,2\n");
  Dataset d = convert(R"toml(
[input]
zero_is_missing = true
[keys]
name = "Town"
group = "Region"
[layout]
type = "wide"
[[file]]
match = "loans.csv"
measure = "loans"
[[file]]
match = "pop.csv"
measure = "population"
[derive]
loans_per_head = "loans / population"
)toml", {a, b});
  CHECK(mapped_value(d, "A", 2012, "population") == 2.0);
  CHECK(mapped_value(d, "B", 2013, "population") == 5.0);
  CHECK(is_missing(mapped_value(d, "B", 2013, "loans")));  // 0 = missing here
  CHECK(mapped_value(d, "A", 2013, "loans_per_head") == 4.0);
  CHECK(d.units[0].group == "North");
}

TEST_CASE("year columns in PxWeb spellings are recognised", "[mapping]") {
  Export x;
  std::string f = x.file("px.csv", "kommun,år 2012,år 2013\nÅre,1,2\n");
  Dataset d = convert("[keys]\nname = \"kommun\"\n[layout]\ntype = \"wide\"\n[[file]]\nmatch = \"*\"\nmeasure = \"x\"\n", {f});
  CHECK(mapped_value(d, "Åre", 2013, "x") == 2.0);
}

TEST_CASE("code and name in one field are split, and a footer is skipped with a note", "[mapping]") {
  Export x;
  std::string f = x.file("ssb.csv",
                         "\"Title\"\n\n,\"label\"\n,2015,2016\n0301 Oslo,.,81.5\n3001 Halden,70.1,..\n\nFooter text\n");
  Dataset d = convert(R"toml(
[input]
header_line = 4
[keys]
code_name = { column = 1, pattern = "^(\\d{4}) (.+)$" }
skip_unmatched = true
[layout]
type = "wide"
[[file]]
match = "*.csv"
measure = "coverage"
scale = 0.01
)toml", {f});
  CHECK(d.units.size() == 2);
  CHECK(d.units[0].code == "0301");
  CHECK(d.units[0].name == "Oslo");
  CHECK_THAT(mapped_value(d, "3001", 2015, "coverage"), Catch::Matchers::WithinRel(0.701, 1e-12));
  REQUIRE_FALSE(d.notes.empty());
}

TEST_CASE("rows of parts are added up and a repeated value must agree", "[mapping]") {
  Export x;
  std::string f = x.file("scb.csv", "Region_Code,Year,Loan_Count,Population\n114,2012,10.0,100\n114,2012,5.0,100\n114,2011,,90\n");
  std::string mapping = R"toml(
[keys]
code = "Region_Code"
code_pad = 4
year = "Year"
[columns]
loans = { source = "Loan_Count", combine = "sum" }
population = { source = "Population", combine = "same" }
)toml";
  Dataset d = convert(mapping, {f});
  CHECK(mapped_value(d, "0114", 2012, "loans") == 15.0);
  CHECK(mapped_value(d, "0114", 2012, "population") == 100.0);
  CHECK(is_missing(mapped_value(d, "0114", 2011, "loans")));
  std::string g = x.file("bad.csv", "Region_Code,Year,Loan_Count,Population\n114,2012,10.0,100\n114,2012,5.0,101\n");
  CHECK(mapping_error(mapping, {g}).find(":3:") != std::string::npos);
}

TEST_CASE("a second value for a single-valued measure is an error naming both places", "[mapping]") {
  Export x;
  std::string f = x.file("d.csv", "id,year,v\n1,2012,5\n1,2012,6\n");
  std::string e = mapping_error("[keys]\ncode = \"id\"\nyear = \"year\"\n[columns]\nv = \"v\"\n", {f});
  CHECK(e.find("d.csv:3:8: a second value of v for 1 2012 (the first is at") != std::string::npos);
  CHECK(e.find("combine = \"sum\"") != std::string::npos);
}

TEST_CASE("months add up to a year only when the year is complete", "[mapping]") {
  Export x;
  std::string header = "Library";
  std::string row = "City";
  for (int m = 1; m <= 12; ++m) {
    header += ",2010-" + std::to_string(m);
    row += ",1";
  }
  header += ",2011-1";
  row += ",5";
  std::string f = x.file("issues.csv", header + "\n" + row + "\n");
  Dataset d = convert(R"toml(
[keys]
name = "Library"
[layout]
type = "wide"
year_columns = "^(\\d{4})-\\d{1,2}$"
[[file]]
match = "*"
measure = "loans"
combine = "sum"
complete = 12
)toml", {f});
  CHECK(mapped_value(d, "City", 2010, "loans") == 12.0);
  CHECK(d.row_count() == 1);  // 2011 has one month: missing, and the row is left out
}

TEST_CASE("aggregate rules mark national and region rows, recodes move a row", "[mapping]") {
  Export x;
  std::string f = x.file("kb.csv", "name,code,v\nRiket,00,9\nGotlands län,09,3\nGotland,0980,\nA,0114,6\n");
  Dataset d = convert(R"toml(
[keys]
name = "name"
code = "code"
group_prefix = 2
year = 2012
[[aggregate]]
kind = "national"
column = "code"
equals = "00"
[[aggregate]]
kind = "region"
column = "code"
matches = "^\\d{2}$"
group_from = "code"
[[recode]]
code = "09"
to_code = "0980"
to_name = "Gotland"
to_kind = "unit"
[columns]
v = "v"
)toml", {f});
  CHECK(d.units[0].kind == RowKind::national);
  CHECK(mapped_value(d, "0980", 2012, "v") == 3.0);
  CHECK(mapped_value(d, "0114", 2012, "v") == 6.0);
  bool grouped = false;
  for (const Unit& u : d.units) grouped = grouped || (u.code == "0114" && u.group == "01");
  CHECK(grouped);
}

TEST_CASE("per-mapping missing codes never enter a value", "[mapping]") {
  Export x;
  std::string f = x.file("fy2014.csv", "FSCSKEY,POPU_LSA,VISITS\nAK0001,-9,10\nAK0002,100,-1\n");
  Dataset d = convert(R"toml(
[input]
missing = ["-1", "-3", "-9"]
[keys]
code = "FSCSKEY"
year = { from_file = "fy(\\d{4})" }
[columns]
population = "POPU_LSA"
visits = "VISITS"
)toml", {f});
  CHECK(is_missing(mapped_value(d, "AK0001", 2014, "population")));
  CHECK(is_missing(mapped_value(d, "AK0002", 2014, "visits")));
  CHECK(mapped_value(d, "AK0002", 2014, "population") == 100.0);
}

TEST_CASE("an optional column may be absent, a required one is an error with a suggestion", "[mapping]") {
  Export x;
  std::string f = x.file("fy2016.csv", "FSCSKEY,VISITS\nAK0001,10\n");
  std::string ok = "[keys]\ncode = \"FSCSKEY\"\nyear = 2016\n[columns]\nvisits = \"VISITS\"\ncost = { source = \"TOTOPEXP\", optional = true }\n";
  CHECK(convert(ok, {f}).find_measure("cost") == nullptr);
  std::string bad = "[keys]\ncode = \"FSCSKEY\"\nyear = 2016\n[columns]\nvisits = \"VISTS\"\n";
  CHECK(mapping_error(bad, {f}).find("names column 'VISTS' for 'visits', which the file does not have, did you mean 'VISITS'?") !=
        std::string::npos);
}

TEST_CASE("mapping errors name the line and suggest the key", "[mapping]") {
  CHECK(mapping_error("[keys]\nname = \"a\"\nyaer = \"b\"\n") == "m.toml:3:1: unknown key in [keys], did you mean 'year'?, found 'yaer'");
  CHECK(mapping_error("[keys]\nname = \"a\"\nyear = \"y\"\n[columns]\nx = \"X\"\n[derive]\na = \"b + 1\"\nb = \"a * 2\"\n")
            .find("derived measures refer to each other in a cycle: a → b → a") != std::string::npos);
  CHECK(mapping_error("[keys]\nname = \"a\"\nyear = \"y\"\n[columns]\nx = { source = \"X\", combine = \"summ\" }\n")
            .find("did you mean 'sum'?") != std::string::npos);
  CHECK(mapping_error("[keys]\nname = \"a\"\ncode_name = { column = 1, pattern = \"(\" }\nyear = 1\n[columns]\nx = \"X\"\n")
            .find("not a valid regular expression") != std::string::npos);
}

TEST_CASE("a file no [[file]] entry matches is an error", "[mapping]") {
  Export x;
  std::string f = x.file("other.csv", "a,2012\nA,1\n");
  CHECK(mapping_error("[keys]\nname = \"a\"\n[layout]\ntype = \"wide\"\n[[file]]\nmatch = \"loans*.csv\"\nmeasure = \"loans\"\n", {f})
            .find("matches no [[file]] entry") != std::string::npos);
}

TEST_CASE("convert reproduces the bundled Finnish file from the raw statistics", "[mapping][real]") {
  std::string dir = std::string(NYTTA_SOURCE_DIR) + "/tests/fixtures/fi_kirjastot/";
  std::vector<std::string> files;
  for (const char* f : {"aotunnit", "kaynnit", "kokonaislainaus", "lainaajia", "lainauksetpa", "lainaukset", "toimintakulut"})
    files.push_back(dir + f + ".csv");
  Dataset d = load_mapped(files, read_mapping(std::string(NYTTA_SOURCE_DIR) + "/data/mappings/fi_kirjastot.toml"), LoadOptions{});
  CHECK(d.row_count() == 4495);
  CHECK(mapped_value(d, "Helsinki", 2013, "population") == 604005.0);  // round(8 939 278 / 14.8)
  CHECK(mapped_value(d, "Helsinki", 2013, "cost") == 38293917.0);       // round(63.4 × 604 005)
}
