// Mapping features that one-file-per-indicator exports need (Kolada's DDF dump): unit
// names from an entity list joined by code, a range of years, and percent read as a share
// without float noise.

#include <catch2/catch.hpp>

#include "load/mapped_csv.hpp"
#include "load/unit_names.hpp"
#include "nytta/report/canonical_csv.hpp"
#include "nytta/util/error.hpp"
#include "test_support.hpp"

using namespace nytta;

namespace {

// A DDF export in miniature: two indicator files keyed by geo (0 = the nation, two digits
// = a region), and the entity lists that name the codes.
struct Ddf {
  nytta::test::Scratch scratch{"unit_names"};
  std::string kommun = scratch.write("ddf--entities--geo--kommun.csv", "kommun,name,region,rike\n0180,Stockholm,01,0\n0114,Upplands Väsby,01,0\n");
  std::string region = scratch.write("ddf--entities--geo--region.csv", "region,name,rike\n01,Region Stockholm,0\n");
  std::string rike = scratch.write("ddf--entities--geo--rike.csv", "rike,name\n0,Riket\n");
  std::string share = scratch.write("ddf--datapoints--n11800--by--geo--year.csv",
                                    "geo,year,n11800\n0,1999,60\n0,2022,85.768211\n01,2022,84\n0180,2022,84.929136\n0114,2022,41\n");
  std::string count = scratch.write("ddf--datapoints--n11103--by--geo--year.csv", "geo,year,n11103\n0180,2022,9451\n1480,2022,7000\n");
};

const std::string kMapping = R"toml(
[keys]
code = "geo"
code_pad = 4
year = "year"
years = { from = 2000, to = 2022 }
[[aggregate]]
kind = "national"
column = "geo"
equals = "0"
[[aggregate]]
kind = "region"
column = "geo"
matches = "^\\d{2}$"
group_from = "geo"
[[file]]
match = "ddf--entities--geo--kommun.csv"
names = { code = "kommun", name = "name", group = "region" }
[[file]]
match = "ddf--entities--geo--region.csv"
names = { code = "region", name = "name" }
[[file]]
match = "ddf--entities--geo--rike.csv"
names = { code = "rike", name = "name" }
[[file]]
match = "*n11800*"
columns = { share = { source = "n11800", scale = 0.01 } }
[[file]]
match = "*n11103*"
columns = { fte = "n11103" }
)toml";

const Unit* unit(const Dataset& d, const std::string& code) {
  for (const Unit& u : d.units) {
    if (u.code == code) return &u;
  }
  return nullptr;
}

double unit_value(const Dataset& d, const std::string& code, int year, const std::string& measure) {
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    if (d.unit_of(r).code == code && d.row_year[r] == year) return d.find_measure(measure)->values[r];
  }
  FAIL("no row " << code << " " << year);
  return kMissing;
}

bool has_note(const Dataset& d, const std::string& part) {
  for (const std::string& n : d.notes) {
    if (n.find(part) != std::string::npos) return true;
  }
  return false;
}

std::string load_error(const std::string& mapping, const std::vector<std::string>& files) {
  try {
    load_mapped(files, parse_mapping(mapping, "m.toml"), LoadOptions{});
  } catch (const DataError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("units keyed by a code alone get their names and groups from the entity lists, by code", "[mapping][names]") {
  Ddf x;
  // The names files come last: the join is by code, not by the order of the files.
  Dataset d = load_mapped({x.share, x.count, x.kommun, x.region, x.rike}, parse_mapping(kMapping, "m.toml"), LoadOptions{});
  REQUIRE(unit(d, "0180"));
  CHECK(unit(d, "0180")->name == "Stockholm");
  CHECK(unit(d, "0180")->group == "01");
  CHECK(unit(d, "0114")->name == "Upplands Väsby");
  // geo 0 and 01 padded to Kolada's API ids: Riket 0000, Region Stockholm 0001 (its group
  // stays the one its aggregate rule gave it, the region of its municipalities).
  CHECK(unit(d, "0000")->name == "Riket");
  CHECK(unit(d, "0000")->kind == RowKind::national);
  CHECK(unit(d, "0001")->name == "Region Stockholm");
  CHECK(unit(d, "0001")->kind == RowKind::region);
  CHECK(unit(d, "0001")->group == "01");
  // Göteborg (1480) is in no names file: it keeps its code, and a note says so.
  CHECK(unit(d, "1480")->name.empty());
  CHECK(has_note(d, "m.toml: 1 units have no name in the names files: 1480"));
  // The names files are inputs too.
  CHECK(d.sources.size() == 5);
}

TEST_CASE("a code named twice with different names is an error at the second place", "[mapping][names]") {
  Ddf x;
  std::string other = x.scratch.write("ddf--entities--geo--kommun2.csv", "kommun,name,region\n180,Solna,01\n");
  std::string mapping = kMapping + "[[file]]\nmatch = \"ddf--entities--geo--kommun2.csv\"\nnames = { code = \"kommun\", name = \"name\", group = \"region\" }\n";
  CHECK(load_error(mapping, {x.kommun, other, x.count}) ==
        other + ":2:1: the code 0180 is named 'Stockholm' at " + x.kommun + ":2:1; a code has one name, found 'Solna'");
  // The same name again is no conflict.
  CHECK(load_error(mapping, {x.kommun, x.kommun, x.count}) == "no error");
}

TEST_CASE("a names column the file lacks is an error with a suggestion", "[mapping][names]") {
  Ddf x;
  std::string mapping = R"toml(
[keys]
code = "geo"
year = "year"
[[file]]
match = "ddf--entities--*"
names = { code = "kommun", name = "namn" }
[[file]]
match = "*n11103*"
columns = { fte = "n11103" }
)toml";
  CHECK(load_error(mapping, {x.kommun, x.count}) ==
        x.kommun + ":1: m.toml names column 'namn' for the name of the names file, which the file does not have, did you mean 'name'?");
}

TEST_CASE("a names entry lists units only: values, a year or a missing column are mapping errors", "[mapping][names]") {
  auto parse_error = [](const std::string& text) {
    try {
      parse_mapping(text, "m.toml");
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  std::string head = "[keys]\ncode = \"geo\"\nyear = \"year\"\n[columns]\nx = \"x\"\n[[file]]\nmatch = \"a.csv\"\n";
  CHECK(parse_error(head + "names = { code = \"kommun\", name = \"name\" }\nmeasure = \"x\"\n") ==
        "m.toml:9:11: a [[file]] entry with names lists units and has no 'measure'");
  CHECK(parse_error(head + "names = { code = \"kommun\" }\n") == "m.toml:8:9: 'names' needs the code and the name column");
  CHECK(parse_error(head + "names = { code = \"kommun\", name = \"name\", region = \"r\" }\n") ==
        "m.toml:8:43: unknown key in names, found 'region'");
}

TEST_CASE("rows of years outside the mapping's years are not read, and a note counts them", "[mapping][years]") {
  Ddf x;
  Dataset d = load_mapped({x.share, x.kommun, x.region, x.rike}, parse_mapping(kMapping, "m.toml"), LoadOptions{});
  CHECK(d.years() == std::vector<int>{2022});
  CHECK(has_note(d, "m.toml: 1 rows or year columns of years outside 2000–2022 were not read (its [keys] years)"));

  SECTION("in a wide layout the year columns outside are left out") {
    std::string wide = x.scratch.write("wide.csv", "name,1999,2000,2001\nA,1,2,3\n");
    Dataset w = load_mapped({wide}, parse_mapping(R"toml(
[keys]
name = "name"
years = { to = 2000 }
[layout]
type = "wide"
[[file]]
match = "wide.csv"
measure = "loans"
)toml", "w.toml"), LoadOptions{});
    CHECK(w.years() == std::vector<int>{1999, 2000});
    CHECK(has_note(w, "1 rows or year columns of years after 2000 were not read"));
  }
  SECTION("a range that is empty or not a table is a mapping error") {
    CHECK_THROWS_WITH(parse_mapping("[keys]\ncode = \"c\"\nyear = \"y\"\nyears = { from = 2022, to = 2000 }\n[columns]\nx = \"x\"\n", "m.toml"),
                      "m.toml:4:9: 'years' needs from ≤ to");
    CHECK_THROWS_WITH(parse_mapping("[keys]\ncode = \"c\"\nyear = \"y\"\nyears = [2000, 2022]\n[columns]\nx = \"x\"\n", "m.toml"),
                      "m.toml:4:9: 'years' must be { from = 2000, to = 2022 }");
  }
}

TEST_CASE("a percent read with scale 0.01 is the share as written, not a product with float noise", "[mapping][scale]") {
  Ddf x;
  Dataset d = load_mapped({x.share, x.kommun}, parse_mapping(kMapping, "m.toml"), LoadOptions{});
  // 41 × 0.01 is 0.41000000000000003 in binary arithmetic; the converted file must say 0.41.
  CHECK(unit_value(d, "0114", 2022, "share") == 0.41);
  CHECK(unit_value(d, "0180", 2022, "share") == 0.84929136);
  CHECK(unit_value(d, "0000", 2022, "share") == 0.85768211);
  std::ostringstream csv;
  write_canonical_csv(d, csv);
  CHECK(csv.str().find("0114,Upplands Väsby,01,unit,2022,0.41\n") != std::string::npos);
}

TEST_CASE("padded_code pads numeric codes only", "[mapping][names]") {
  CHECK(padded_code("0", 4) == "0000");
  CHECK(padded_code("01", 4) == "0001");
  CHECK(padded_code("0180", 4) == "0180");
  CHECK(padded_code("A1", 4) == "A1");
  CHECK(padded_code("", 4).empty());
  CHECK(padded_code("7", 0) == "7");
}

TEST_CASE("a count rebuilt from a percent rounds an exact half away from zero", "[mapping][scale]") {
  // Kitee 2012 in the Finnish library statistics (lainaajia.csv): 34.3 % of 11 500
  // inhabitants are 3 944.5 active borrowers, 3 945 rounded; 34.3 × 0.01 = 0.34299999999999997
  // gave 3 944.
  nytta::test::Scratch s("scale_half");
  std::string f = s.write("k.csv", "name,year,share,pop\nKitee,2012,34.3,11500\n");
  Dataset d = load_mapped({f}, parse_mapping(R"toml(
[keys]
name = "name"
year = "year"
[columns]
share = { source = "share", scale = 0.01 }
population = "pop"
[derive]
active_borrowers = "round(share * population)"
)toml", "m.toml"), LoadOptions{});
  CHECK(d.find_measure("active_borrowers")->values[0] == 3945.0);
}
