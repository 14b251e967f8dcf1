// Spreadsheets in: xlsx and ods sheets read like the CSV a spreadsheet program would save.

#include <catch2/catch.hpp>
#include <filesystem>
#include <xlsxwriter.h>

#include "load/mapped_csv.hpp"
#include "load/open_records.hpp"
#include "nytta/util/error.hpp"
#include "nytta/load/load.hpp"
#include "test_support.hpp"

using namespace nytta;
using nytta::test::kSourceDir;
using nytta::test::Scratch;
namespace fs = std::filesystem;

namespace {

const std::string kReal = NYTTA_REAL_DATA_DIR;
LoadOptions general() {
  LoadOptions o;
  o.fast = false;
  return o;
}

// tests/fixtures/small.csv as an xlsx sheet "Data" after a sheet "Info", with a title and a
// source row above the header, a row of descriptions below it, codes as text, and two numbers
// stored as text ("41 000", "8 400 000").
std::string small_xlsx(const Scratch& s, const std::string& file) {
  std::string path = s.path(file);
  lxw_workbook* book = workbook_new(path.c_str());
  lxw_worksheet* info = workbook_add_worksheet(book, "Info");
  worksheet_write_string(info, 0, 0, "nothing to read here", nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(book, "Data");
  worksheet_write_string(ws, 0, 0, "Bibliotek 2011–2012", nullptr);
  worksheet_write_string(ws, 1, 0, "Källa: testdata", nullptr);
  const char* header[] = {"code", "name", "year", "population", "loans", "visits", "opening_hours", "active_borrowers", "cost", "libraries", "currency"};
  for (lxw_col_t c = 0; c < 11; ++c) {
    worksheet_write_string(ws, 3, c, header[c], nullptr);  // row 3 is empty: a blank row is skipped
    worksheet_write_string(ws, 4, c, (std::string("beskrivning ") + header[c]).c_str(), nullptr);
  }
  struct Row {
    const char* code;
    const char* name;
    double v[8];
  };
  const double x = kMissing;
  const Row rows[] = {{"0114", "Upplands Väsby", {2011, 40000, 200000, 160000, 5200, 12000, 8000000, 2}},
                      {"0114", "Upplands Väsby", {2012, 41000, 190000, 150000, 5200, 12500, 8400000, 2}},
                      {"1280", "Malmö", {2011, 300000, 2400000, 2000000, 31200, 90000, 90000000, 10}},
                      {"1280", "Malmö", {2012, 303000, 2300000, 1900000, 31200, 91000, 96000000, 10}},
                      {"2321", "Åre", {2011, 10000, 80000, 60000, 2600, 4000, 2000000, 1}},
                      {"2321", "Åre", {2012, 10300, 80000, 62000, 2600, 4100, 2000000, 1}},
                      {"0999", "Bournemouth, Christchurch and Poole", {2011, 50000, 200000, 160000, 5200, 12000, 8000000, 2}},
                      {"0999", "Bournemouth, Christchurch and Poole", {2012, 50000, x, 150000, 5200, 12000, 0, 2}}};
  lxw_row_t r = 5;
  for (const Row& row : rows) {
    worksheet_write_string(ws, r, 0, row.code, nullptr);
    worksheet_write_string(ws, r, 1, row.name, nullptr);
    for (lxw_col_t c = 0; c < 8; ++c) {
      if (is_missing(row.v[c])) continue;
      bool as_text = r == 6 && (c == 1 || c == 6);
      if (as_text) worksheet_write_string(ws, r, static_cast<lxw_col_t>(c + 2), c == 1 ? "41 000" : "8 400 000", nullptr);
      else worksheet_write_number(ws, r, static_cast<lxw_col_t>(c + 2), row.v[c], nullptr);
    }
    worksheet_write_string(ws, r, 10, "SEK", nullptr);
    ++r;
  }
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);
  return path;
}

std::string sheet_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const DataError& e) {
    return e.messages().front();
  } catch (const UsageError& e) {
    return std::string("usage: ") + e.what();
  }
  FAIL("no error");
  return {};
}

}  // namespace

TEST_CASE("Folk2012.xlsx read through the Swedish mapping equals the CSV converted from the same sheet", "[sheet][real]") {
  // SOURCES.md §9: Folk2012_converted_from_xlsx.csv is sheet 1 of Folk2012.xlsx (libris/bibstat),
  // every cell's stored value written as is.
  std::string dir = kReal + "/se_kb_folkbibliotek_2012/";
  if (!fs::exists(dir + "Folk2012.xlsx")) {
    WARN("../shared/data/real is not here");
    return;
  }
  Mapping m = read_mapping(kSourceDir + "/data/mappings/se_kb_folkbibliotek.toml");
  Dataset from_xlsx = load_mapped({dir + "Folk2012.xlsx"}, m, general());
  Dataset from_csv = load_mapped({dir + "Folk2012_converted_from_xlsx.csv"}, m, general());
  nytta::test::require_same_data(from_xlsx, from_csv);
  CHECK(from_xlsx.row_count() == 309);
  CHECK(from_xlsx.sources.front() == dir + "Folk2012.xlsx");
}

TEST_CASE("Folk2012.xlsx without a mapping is read as a sheet, not refused as a binary file", "[sheet][real]") {
  std::string file = kReal + "/se_kb_folkbibliotek_2012/Folk2012.xlsx";
  if (!fs::exists(file)) {
    WARN("../shared/data/real is not here");
    return;
  }
  CHECK(detect_input_kind(file) == InputKind::xlsx);
  std::string e = sheet_error([&] { load_files({file}, general()); });
  // The sheet is named "2012"; its header is Folk1…Folk201, which has no year: the message
  // says so at the sheet's row 1, instead of "NUL byte in the file".
  CHECK(e.rfind(file + "[2012]:1: no 'year' column", 0) == 0);
}

TEST_CASE("an xlsx sheet with titles, descriptions and numbers stored as text reads like the CSV", "[sheet]") {
  Scratch s("sheet");
  std::string xlsx = small_xlsx(s, "export.xlsx");
  LoadOptions o = general();
  o.sheet = "Data";
  Dataset sheet = load_files({xlsx}, o);
  Dataset csv = load_files({kSourceDir + "/tests/fixtures/small.csv"}, general());
  nytta::test::require_same_data(sheet, csv);
  REQUIRE(sheet.notes.size() == 1);
  CHECK(sheet.notes[0] == xlsx + "[Data]: rows 1–2 above the header (titles) skipped; row 5 below the header (descriptions) skipped");
}

TEST_CASE("an ods sheet reads like the CSV it was made from", "[sheet]") {
  // tests/fixtures/sheets/small.ods is small.csv written by make_small_ods.py.
  Dataset ods = load_files({kSourceDir + "/tests/fixtures/sheets/small.ods"}, general());
  Dataset csv = load_files({kSourceDir + "/tests/fixtures/small.csv"}, general());
  nytta::test::require_same_data(ods, csv);
}

TEST_CASE("the first sheet is read unless --sheet names another; a wrong name lists the sheets", "[sheet]") {
  Scratch s("sheet_names");
  std::string xlsx = small_xlsx(s, "export.xlsx");
  // The first sheet, "Info", has one cell: no header with a year.
  CHECK(sheet_error([&] { load_files({xlsx}, general()); }).find("[Info]:1: no 'year' column") != std::string::npos);
  LoadOptions o = general();
  o.sheet = "Dat";
  CHECK(sheet_error([&] { load_files({xlsx}, o); }) == "usage: " + xlsx + ": no sheet 'Dat', did you mean 'Data'? (sheets: Info, Data)");
}

TEST_CASE("a bad cell in a sheet is located by file, sheet, row and column", "[sheet]") {
  Scratch s("sheet_error");
  std::string path = s.path("bad.xlsx");
  lxw_workbook* book = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(book, "Libraries");
  const char* header[] = {"code", "name", "year", "loans"};
  for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  worksheet_write_string(ws, 1, 0, "0114", nullptr);
  worksheet_write_string(ws, 1, 1, "Upplands Väsby", nullptr);
  worksheet_write_number(ws, 1, 2, 2012, nullptr);
  worksheet_write_string(ws, 1, 3, "many", nullptr);
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);
  // D2: row 2, column 4.
  CHECK(sheet_error([&] { load_files({path}, general()); }) == path + "[Libraries]:2:4: not a number in column 'loans', found 'many'");
}

TEST_CASE("the kind of an input is told by its content, not its name", "[sheet]") {
  Scratch s("kinds");
  std::string xlsx = small_xlsx(s, "really_xlsx.csv");  // a download saved under the wrong name
  CHECK(detect_input_kind(xlsx) == InputKind::xlsx);
  LoadOptions o = general();
  o.sheet = "Data";
  o.fast = true;  // the fast CSV path must not take it
  CHECK(load_files({xlsx}, o).row_count() == 8);
  CHECK(detect_input_kind(kSourceDir + "/tests/fixtures/sheets/small.ods") == InputKind::ods);
  CHECK(detect_input_kind(kSourceDir + "/tests/fixtures/json/kolada_libraries_2021_2022.json") == InputKind::json);
  CHECK(detect_input_kind(kSourceDir + "/tests/fixtures/small.csv") == InputKind::text);
  std::string xls = s.write("old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0'));
  CHECK(sheet_error([&] { load_files({xls}, general()); }) ==
        xls + ": an Excel 97–2003 (.xls) workbook: nytta reads xlsx and ods; save it as .xlsx or CSV");
  std::string zip = s.write("not_a_sheet.xlsx", std::string("PK\x03\x04", 4) + std::string(60, 'x'));
  CHECK(sheet_error([&] { load_files({zip}, general()); }) == zip + ": a ZIP archive that is neither an xlsx nor an ods spreadsheet");
}
