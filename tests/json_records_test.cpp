// JSON in: JSON-stat 2.0 (PxWeb: SCB, SSB) and Kolada API v2 answers become records that the
// canonical loader and the mapping files read.

#include <catch2/catch.hpp>
#include <filesystem>

#include "load/json_records.hpp"
#include "load/mapped_csv.hpp"
#include "nytta/util/error.hpp"
#include "nytta/load/load.hpp"
#include "test_support.hpp"

using namespace nytta;
using nytta::test::kSourceDir;
using Catch::Matchers::WithinRel;
using nytta::test::Scratch;
namespace fs = std::filesystem;

namespace {

const std::string kFixtures = kSourceDir + "/tests/fixtures/json/";

LoadOptions mapped(const std::string& mapping) {
  LoadOptions o;
  o.fast = false;
  o.map_file = mapping;
  return o;
}

double json_value(const Dataset& d, const std::string& key, int year, const std::string& measure) {
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    if (d.unit_of(r).key() == key && d.row_year[r] == year) return d.find_measure(measure)->values[r];
  }
  return -1.0;  // no row
}

std::string json_error(const std::string& text, const JsonOptions& o = {}) {
  try {
    read_json_records("t.json", text, o);
  } catch (const DataError& e) {
    return e.messages().front();
  }
  FAIL("no error");
  return {};
}

// All records of a table, fields joined by '|', one string per record.
std::vector<std::string> records(RecordSource& r) {
  std::vector<std::string> out;
  while (r.next()) {
    std::string line;
    for (std::size_t i = 0; i < r.size(); ++i) line += (i ? "|" : "") + std::string(r.field(i));
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("a JSON-stat dataset read through a mapping gives the coverage of SSB's PX-Web CSV export", "[json]") {
  // The fixture holds SSB table 13502 for four municipalities 2020–2023, as the PxWeb API
  // (json-stat2) returns it; the same figures are in the PX-Web CSV export of SOURCES.md §6.
  Dataset json = load_files({kFixtures + "ssb_13502_kindergarten.json"}, mapped(kFixtures + "ssb_13502.toml"));
  CHECK(json.row_count() == 15);  // Utsira 2023 ('..') has no value at all: the row is left out
  CHECK(json_value(json, "1151", 2023, "kindergarten_coverage_1_2") == -1.0);
  CHECK_THAT(json_value(json, "0301", 2021, "kindergarten_coverage_1_2"), WithinRel(0.861, 1e-12));
  CHECK(json.units[json.row_unit[0]].name == "Oslo");

  std::string csv = std::string(NYTTA_REAL_DATA_DIR) + "/no_ssb_barnehage/ssb_13502_andel_barn_1-2_i_barnehage_2015-2023.csv";
  if (!fs::exists(csv)) {
    WARN("../shared/data/real is not here");
    return;
  }
  Dataset px = load_files({csv}, mapped(kSourceDir + "/data/mappings/no_ssb_barnehage.toml"));
  for (const char* code : {"0301", "1151", "4601", "5001"}) {
    for (int year = 2020; year <= 2023; ++year) {
      INFO(code << " " << year);
      double a = json_value(json, code, year, "kindergarten_coverage_1_2");
      double b = json_value(px, code, year, "kindergarten_coverage_1_2");
      if (a == -1.0) CHECK((b == -1.0 || is_missing(b)));
      else CHECK(a == b);  // the same text, the same double
    }
  }
}

TEST_CASE("a JSON-stat dataset with geo and time roles reads without a mapping", "[json]") {
  Dataset d = load_files({kFixtures + "ssb_13502_kindergarten.json"}, LoadOptions{});
  CHECK(d.measure_names() == std::vector<std::string>{"kosandel120000"});
  CHECK_THAT(json_value(d, "4601", 2023, "kosandel120000"), WithinRel(93.2, 1e-12));
  CHECK(d.units.size() == 4);
}

TEST_CASE("JSON-stat records: one per region and year, a column per contents category", "[json]") {
  // Sparse form: categories as a list, values as an object of positions, a single-category
  // dimension without an index. Region × contents × year = 2 × 2 × 2.
  const std::string text = R"({"version":"2.0","class":"dataset","id":["Region","ContentsCode","Tid","Kjonn"],"size":[2,2,2,1],
    "role":{"geo":["Region"],"time":["Tid"],"metric":["ContentsCode"]},
    "dimension":{"Region":{"category":{"index":["0301","4601"],"label":{"0301":"Oslo","4601":"Bergen"}}},
                 "ContentsCode":{"category":{"index":{"A":0,"B":1}}},
                 "Tid":{"category":{"index":["2022","2023"]}},
                 "Kjonn":{"category":{"label":{"0":"Begge kjønn"}}}},
    "value":{"0":1,"1":2,"2":3.5,"5":6,"7":8}})";
  std::unique_ptr<RecordTable> r = read_json_records("t.json", text, JsonOptions{});
  CHECK(records(*r) == std::vector<std::string>{"Region|Region label|Tid|Tid label|Kjonn|Kjonn label|A|B",
                                                 "0301|Oslo|2022|2022|0|Begge kjønn|1|3.5",
                                                 "0301|Oslo|2023|2023|0|Begge kjønn|2|",
                                                 "4601|Bergen|2022|2022|0|Begge kjønn||",
                                                 "4601|Bergen|2023|2023|0|Begge kjønn|6|8"});
  JsonOptions canonical;
  canonical.canonical_names = true;
  std::unique_ptr<RecordTable> c = read_json_records("t.json", text, canonical);
  CHECK(records(*c).front() == "code|name|year|A|B");
}

TEST_CASE("a JSON-stat dimension with several categories must be narrowed to one", "[json]") {
  const std::string text = R"({"version":"2.0","class":"dataset","id":["Region","Kjonn","Tid"],"size":[1,2,1],
    "role":{"geo":["Region"],"time":["Tid"]},
    "dimension":{"Region":{"category":{"index":["0301"]}},
                 "Kjonn":{"label":"kjønn","category":{"index":["1","2"],"label":{"1":"Menn","2":"Kvinner"}}},
                 "Tid":{"category":{"index":["2023"]}}},
    "value":[10,20]})";
  CHECK(json_error(text) == "t.json: JSON-stat dimension 'Kjonn' (kjønn) has 2 categories (1, 2): keep one with [json] select = { Kjonn = \"1\" } in the mapping");
  JsonOptions o;
  o.select = {{"Kjonn", "Kvinner"}};  // by label as well as by code
  std::unique_ptr<RecordTable> r = read_json_records("t.json", text, o);
  CHECK(records(*r).back() == "0301|0301|2|Kvinner|2023|2023|20");  // no labels: the code
  o.select = {{"Kjonn", "3"}};
  CHECK(json_error(text, o) == "t.json: JSON-stat dimension 'Kjonn' has no category '3', did you mean '1'?");
}

TEST_CASE("a malformed JSON-stat dataset is an error saying what is wrong", "[json]") {
  CHECK(json_error(R"({"class":"dataset","id":["A"],"size":[2],"dimension":{"A":{"category":{"index":["x","y"]}}},"value":[1]})") ==
        "t.json: the JSON-stat \"value\" list has 1 entries, but the sizes of the dimensions multiply to 2");
  CHECK(json_error("{\"class\":\"dataset\",\n\"id\":[") ==
        "t.json:2:7: the file is not valid JSON: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
  CHECK(json_error(R"({"dataset":{"dimension":{}}})") == "t.json: a JSON-stat 1.x bundle: download JSON-stat 2.0 (PxWeb: format json-stat2)");
  CHECK(json_error(R"({"hello":1})") == "t.json: JSON that is neither a JSON-stat 2.0 dataset nor a Kolada answer (\"values\")");
}

TEST_CASE("a Kolada API v2 answer read through a mapping gives loans per inhabitant and population", "[json][real]") {
  // The fixture holds real values of the Kolada dump in ../shared/data/real/se_kolada_2024/
  // (SOURCES.md §11, spot checks: N01951 Riket 2022 = 10 521 556, Stockholm 984 748;
  // N09801 Riket 2022 = 4.83, Stockholm 3.57 loans per inhabitant).
  Dataset d = load_files({kFixtures + "kolada_libraries_2021_2022.json"}, mapped(kFixtures + "kolada_libraries.toml"));
  CHECK(d.row_count() == 8);
  CHECK(json_value(d, "0180", 2022, "population") == 984748.0);
  CHECK_THAT(json_value(d, "0180", 2022, "loans_per_inhabitant"), WithinRel(3.57, 1e-3));
  CHECK(json_value(d, "0000", 2022, "population") == 10521556.0);
  CHECK_THAT(json_value(d, "0000", 2022, "loans_per_inhabitant"), WithinRel(4.83, 1e-3));
  CHECK_THAT(json_value(d, "0180", 2022, "loans"), WithinRel(3.569827 * 984748, 1e-12));
  std::size_t riket = 0;
  for (const Unit& u : d.units) riket += u.kind == RowKind::national;
  CHECK(riket == 1);
}

TEST_CASE("a Kolada answer reads without a mapping: code, year and a column per KPI", "[json]") {
  Dataset d = load_files({kFixtures + "kolada_libraries_2021_2022.json"}, LoadOptions{});
  CHECK(d.measure_names() == std::vector<std::string>{"n09801", "n01951"});
  CHECK(json_value(d, "1480", 2021, "n01951") == 587549.0);
}

TEST_CASE("Kolada values are those of the total (T) unless the mapping selects a gender", "[json]") {
  // Test values, not statistics.
  const std::string text = R"({"values":[{"kpi":"N1","municipality":"0180","period":"2022","values":[
      {"gender":"K","value":1.5},{"gender":"M","value":2.5},{"gender":"T","value":2.0}]},
    {"kpi":"N2","municipality":"0180","period":2022,"values":[{"gender":"T","value":null}]}],"count":2})";
  std::unique_ptr<RecordTable> t = read_json_records("k.json", text, JsonOptions{});
  CHECK(records(*t) == std::vector<std::string>{"code|year|N1|N2", "0180|2022|2|"});
  JsonOptions women;
  women.select = {{"gender", "K"}};
  std::unique_ptr<RecordTable> k = read_json_records("k.json", text, women);
  CHECK(records(*k).back() == "0180|2022|1.5|");
}

TEST_CASE("a Kolada value twice is an error naming it, and a page with more to come gets a note", "[json]") {
  const std::string twice = R"({"values":[{"kpi":"N1","municipality":"0180","period":2022,"values":[]},
                                          {"kpi":"N1","municipality":"0180","period":2022,"values":[]}]})";
  CHECK(json_error(twice) == "t.json[municipality 0180, period 2022, N1]: this KPI, municipality and period appear twice");
  const std::string page = R"({"values":[{"kpi":"N1","municipality":"0180","period":2022,"values":[{"gender":"T","value":1}]}],
                              "count":1,"next_page":"http://api.kolada.se/v2/data/kpi/N1?page=2"})";
  std::unique_ptr<RecordTable> t = read_json_records("k.json", page, JsonOptions{});
  REQUIRE(t->remarks().size() == 1);
  CHECK(t->remarks()[0].find("one page of Kolada's answer") != std::string::npos);
}

TEST_CASE("a bad value in a JSON file is located by the observation and the column", "[json]") {
  Scratch s("json_place");
  std::string file = s.write("k.json", R"({"values":[
      {"kpi":"N1","municipality":"0114","period":2022,"values":[{"gender":"T","value":1}]},
      {"kpi":"N1","municipality":"0180","period":2022,"values":[{"gender":"T","value":"many"}]},
      {"kpi":"N1","municipality":"1280","period":2022,"values":[{"gender":"T","value":3}]}]})");
  try {
    load_files({file}, LoadOptions{});
    FAIL("no error");
  } catch (const DataError& e) {
    CHECK(e.messages().front() == file + "[municipality 0180, period 2022, N1]: not a number in column 'n1', found 'many'");
  }
}
