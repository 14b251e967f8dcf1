// What the fuzz targets of fuzz/ found, and the in-memory entries they run through: each
// finding as the user would meet it (tests/fuzz_regressions/ holds the inputs themselves).

#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "load/csv_reader.hpp"
#include "load/fast_long_csv.hpp"
#include "load/fast_scan.hpp"
#include "load/mapped_csv.hpp"
#include "load/mapping.hpp"
#include "nytta/load/number.hpp"
#include "nytta/formula/formula.hpp"
#include "nytta/util/error.hpp"
#include "nytta/load/load.hpp"
#include "nytta/report/canonical_csv.hpp"
#include "nytta/util/text.hpp"

using namespace nytta;
#include "test_support.hpp"

namespace {

// A canonical file above the fast path's threshold (64 KiB), with cell put in the loans
// column of the last row, and header as its header.
std::string big_file(const std::string& header = "code,name,year,population,loans",
                     const std::string& cell = "7") {
  std::string text = header + "\n";
  for (int unit = 0; unit < 1200; ++unit) {
    for (int year = 2010; year < 2013; ++year) {
      // One name in UTF-8, as in every Nordic export: the file is UTF-8, not Windows-1252.
      std::string name = unit == 3 ? "Malm\xC3\xB6" : "Kommun " + std::to_string(unit);
      text += std::to_string(1000 + unit) + "," + name + "," + std::to_string(year) + "," +
              std::to_string(1000 + unit) + "," + (unit == 1199 && year == 2012 ? cell : "5") + "\n";
    }
  }
  REQUIRE(text.size() > kMinFastBytes);
  return text;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const DataError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the fast path reads bytes in memory as it reads the file that holds them", "[load][fast][fuzz]") {
  test::Scratch scratch("fuzz_findings");
  std::string text = big_file();
  std::string path = scratch.write("big.csv", text);
  std::optional<Dataset> from_file = try_fast_long_csv(path, LoadOptions{});
  std::optional<Dataset> from_memory = try_fast_long_csv(std::string_view(text), path, LoadOptions{});
  REQUIRE(from_file);
  REQUIRE(from_memory);
  test::require_same_data(*from_file, *from_memory);
  LoadOptions general;
  general.fast = false;
  test::require_same_data(*from_memory, load_files({path}, general));
  CHECK(from_memory->sources == std::vector<std::string>{path});
}

TEST_CASE("a broken character in the header of a large file is the same error as in a small one", "[load][fast][fuzz]") {
  // Found by fuzz_csv: the fast path took such a header, the general loader refuses it.
  test::Scratch scratch("fuzz_findings");
  std::string path = scratch.write("big.csv", big_file("code,name,year,population,l\xFF\xFFoans"));
  CHECK_FALSE(try_fast_long_csv(path, LoadOptions{}));
  CHECK_THAT(error_of([&] { load_files({path}, LoadOptions{}); }), Catch::Contains(":1:27: invalid UTF-8"));
}

TEST_CASE("a number of 90 digits is too many digits in a large file too, leading zeros or not", "[load][fast][fuzz]") {
  // Found by fuzz_sniff: the fast path's plain_number read it as 1, parse_number refuses it.
  std::string zeros = std::string(89, '0') + "1";
  double v = 0.0;
  CHECK_FALSE(fast::plain_number(zeros.data(), zeros.data() + zeros.size(), '.', v));
  CHECK(parse_number(zeros, NumberFormat{'.', {}}).status == ParsedNumber::Status::error);
  std::string sixty = std::string(59, '0') + "1";
  REQUIRE(fast::plain_number(sixty.data(), sixty.data() + sixty.size(), '.', v));
  CHECK(v == 1.0);
  test::Scratch scratch("fuzz_findings");
  std::string path = scratch.write("big.csv", big_file("code,name,year,population,loans", zeros));
  CHECK_FALSE(try_fast_long_csv(path, LoadOptions{}));
  CHECK_THAT(error_of([&] { load_files({path}, LoadOptions{}); }), Catch::Contains("too many digits"));
}

TEST_CASE("a mapping applied to files in memory gives what it gives on the files", "[mapping][fuzz]") {
  std::string dir = std::string(NYTTA_SOURCE_DIR) + "/tests/fixtures/fi_kirjastot/";
  std::vector<std::string> paths;
  std::vector<std::string> texts;
  for (const char* f : {"aotunnit", "kaynnit", "kokonaislainaus", "lainaajia", "lainauksetpa", "lainaukset", "toimintakulut"}) {
    paths.push_back(dir + f + ".csv");
    std::ifstream in(paths.back(), std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::vector<TextFile> files;
  for (std::size_t i = 0; i < paths.size(); ++i) files.push_back(TextFile{paths[i], texts[i]});
  Mapping m = read_mapping(std::string(NYTTA_SOURCE_DIR) + "/data/mappings/fi_kirjastot.toml");
  Dataset in_memory = load_mapped_text(files, m, LoadOptions{});
  Dataset on_disk = load_mapped(paths, m, LoadOptions{});
  test::require_same_data(in_memory, on_disk);
  CHECK(in_memory.sources == on_disk.sources);
  CHECK(in_memory.notes == on_disk.notes);
}

TEST_CASE("a row that ends before the mapping's year column is an error at the row, not a read past its fields",
          "[mapping][fuzz]") {
  // Found by fuzz_mapped: the message asked for the place of a field the row does not have.
  Mapping m = parse_mapping("[keys]\ncode = \"code\"\nyear = \"year\"\n[columns]\nloans = \"loans\"\n", "m.toml");
  std::string csv = "code,loans,year\n0114,5,2012\n0115,6\n";
  CHECK_THAT(error_of([&] { load_mapped_text({TextFile{"t.csv", csv}}, m, LoadOptions{}); }),
             Catch::Contains("t.csv:3: year must be a four-digit whole number"));
  CsvReader reader("t.csv", std::string_view(csv), Dialect{});
  REQUIRE(reader.next());
  REQUIRE(reader.next());
  REQUIRE(reader.next());
  CHECK(to_string(reader.where(2)) == "t.csv:3");
  CHECK(to_string(reader.where(1)) == "t.csv:3:6");
}

TEST_CASE("the measure of a wide file is snake_case, as in [columns]", "[mapping][fuzz]") {
  // Found by fuzz_mapped: "Loans" was taken, and the canonical CSV that convert wrote of it
  // read back as the measure "loans".
  std::string m = "[keys]\nname = \"a\"\n[layout]\ntype = \"wide\"\n[[file]]\nmatch = \"*.csv\"\nmeasure = \"Loans\"\n";
  CHECK_THAT(error_of([&] { parse_mapping(m, "m.toml"); }),
             Catch::Contains("m.toml:7:11: a measure name is snake_case: a-z, 0-9 and one '_' between words, found 'Loans'"));
}

TEST_CASE("suggestions are the same with the shortcuts that skip hopeless candidates", "[text][fuzz]") {
  CHECK(closest_match("cost_per_lone", {"loans_per_inhabitant", "cost_per_loan", "cost", "cost_per_visit"}) ==
        std::optional<std::string>("cost_per_loan"));
  CHECK(closest_match("cost", {"cost_per_loan", "cots", "x"}) == std::optional<std::string>("cots"));
  CHECK(edit_distance(std::string(100, 'a'), std::string(99, 'a') + "b") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(trim(" \xC2\xA0" "0180\xE2\x80\x8B ") == "0180");
  CHECK(trim("a b") == "a b");
}

TEST_CASE("a column program over fewer rows than a block gives what muparser gives", "[formula][fuzz]") {
  const CompiledFormula& f = compile_formula("(a - b) / (a + b) * 100 + a ^ 2", Location{"t"});
  REQUIRE_FALSE(f.program.empty());
  for (std::size_t n : {std::size_t{1}, std::size_t{3}, std::size_t{513}}) {
    std::vector<double> a(n), b(n);
    for (std::size_t i = 0; i < n; ++i) {
      a[i] = 3.0 + static_cast<double>(i);
      b[i] = 1.5 * static_cast<double>(i);
    }
    std::vector<double> fast = evaluate_formula(f, {a.data(), b.data()}, n);
    std::vector<double> reference = evaluate_with_muparser(f, {a.data(), b.data()}, n);
    for (std::size_t r = 0; r < n; ++r) CHECK(fast[r] == reference[r]);
  }
}

// Found by fuzz_mapped: a total that is neither the nation nor a region was written by
// convert as kind "aggregate" and read back as a region, which is summed into the group.
TEST_CASE("every row kind convert writes reads back as the same kind", "[load][fuzz]") {
  for (RowKind k : {RowKind::unit, RowKind::national, RowKind::region, RowKind::aggregate}) {
    CAPTURE(to_string(k));
    std::optional<RowKind> back = parse_row_kind(to_string(k));
    REQUIRE(back);
    CHECK(*back == k);
  }
  Dataset d = nytta::test::load_text(
      "name,group,kind,year,loans\n"
      "A,G,unit,2012,10\n"
      "Koko maa,Koko maa,aggregate,2012,999\n");
  std::stringstream csv;
  write_canonical_csv(d, csv);
  CHECK_THAT(csv.str(), Catch::Matchers::Contains("Koko maa,Koko maa,aggregate,2012"));
  Dataset again = nytta::test::load_text(csv.str());
  REQUIRE(again.units.size() == 2);
  for (const Unit& u : again.units) CHECK(u.kind == (u.name == "A" ? RowKind::unit : RowKind::aggregate));
}

// Found by fuzz_mapped: a mapping's measure "a__b" was accepted, written by convert as a
// header, and read back as "a_b" (a header's words are joined by one '_').
TEST_CASE("a measure or KPI name is refused when its own CSV header would read back as another name",
          "[mapping][fuzz]") {
  CHECK(is_snake_case("kindergarten_coverage_1_2"));
  for (const char* name : {"kindergarten__coverage", "_loans", "loans_"}) {
    CAPTURE(name);
    CHECK_FALSE(is_snake_case(name));
    CHECK(normalize_name(name) != name);
  }
  CHECK_THROWS_WITH(parse_mapping("[keys]\nname = \"n\"\nyear = \"y\"\n[columns]\nloans__all = \"L\"\n", "m.toml"),
                    Catch::Contains("a measure name is snake_case: a-z, 0-9 and one '_' between words, found 'loans__all'"));
}
