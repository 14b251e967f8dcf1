// xlsx out, read back with liborcus (through nytta's own sheet reader) and by looking into
// the archive for the number formats, fills and the frozen header.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>

#include "load/sheet_reader.hpp"
#include "nytta/util/error.hpp"
#include "nytta/report/xlsx_writer.hpp"
#include "test_support.hpp"

using namespace nytta;
using nytta::test::Scratch;

namespace {

Report xlsx_sample() {
  Report r;
  r.command = "rank";
  Table t;
  t.id = "ranking";
  t.title = "Cost per loan 2012";
  t.columns = {Column{"rank", "Rank", "", CellType::number, 0, false},
               Column{"code", "Code", "", CellType::text, 0},
               Column{"name", "Name", "", CellType::text, 0},
               Column{"year", "Year", "", CellType::number, 0, false, Audience::machines},
               Column{"cost_per_loan", "Cost per loan", "SEK", CellType::number, 2},
               Column{"share", "Active borrowers", "share", CellType::number, 3},
               Column{"population", "Population", "", CellType::number, 0}};
  t.rows.push_back({Cell(1.0), Cell("0114"), Cell("Upplands Väsby"), Cell(2012.0), Cell::number(44.21052631578947, 2, Tone::bad),
                    Cell(0.30487804878048780), Cell(41000.0)});
  t.rows.push_back({Cell(2.0), Cell("2321"), Cell("Åre"), Cell(2012.0), Cell::number(25.0, 2, Tone::good), Cell(), Cell(10300.0)});
  t.rows.push_back({Cell(), Cell("0999"), Cell("=HYPERLINK(\"http://x\")"), Cell(2012.0), Cell(), Cell(0.5), Cell(1234567.0)});
  r.tables.push_back(t);
  Table machines;
  machines.id = "series";
  machines.audience = Audience::machines;
  machines.columns = {Column{"x", "X", "", CellType::number, 0}};
  machines.rows.push_back({Cell(1.0)});
  r.tables.push_back(machines);
  Table movers;
  movers.id = "movers";
  movers.title = "Largest changes";
  movers.columns = {Column{"name", "Name", "", CellType::text, 0}, Column{"change_pct", "Change", "%", CellType::number, 1}};
  movers.rows.push_back({Cell("Malmö"), Cell(-3.25)});
  r.tables.push_back(movers);
  r.notes = {"1 of 3 units have no value of cost_per_loan in 2012"};
  r.meta = {{"kpi", Cell("cost_per_loan")}, {"year", Cell(2012.0)}};
  return r;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::vector<std::string>> sheet(const std::string& path, const std::string& name) {
  std::string content = file_bytes(path);
  std::unique_ptr<RecordTable> t = read_sheet(path, content, SpreadsheetKind::xlsx, SheetOptions{name, false, false, '.'});
  std::vector<std::vector<std::string>> out;
  while (t->next()) {
    std::vector<std::string> row;
    for (std::size_t i = 0; i < t->size(); ++i) row.emplace_back(t->field(i));
    out.push_back(row);
  }
  return out;
}

std::string part(const std::string& path, const std::string& entry) {
  std::string content = file_bytes(path);
  orcus::zip_archive_stream_blob stream(reinterpret_cast<const std::uint8_t*>(content.data()), content.size());
  orcus::zip_archive archive(&stream);
  archive.load();
  std::vector<unsigned char> buf;
  REQUIRE(archive.read_file_entry(entry, buf));
  return std::string(buf.begin(), buf.end());
}

}  // namespace

TEST_CASE("an xlsx report reads back with the same numbers and texts, one sheet per table", "[xlsx]") {
  Scratch s("xlsx");
  std::string path = s.path("rank.xlsx");
  WriteOptions wo;
  write_xlsx(xlsx_sample(), path, wo);

  using Rows = std::vector<std::vector<std::string>>;
  // Numbers come back as the same doubles (written shortest-exact); missing cells are empty;
  // the machines-only year column and the machines-only table are not in the workbook.
  CHECK(sheet(path, "ranking") == Rows{{"Rank", "Code", "Name", "Cost per loan [SEK]", "Active borrowers [share]", "Population"},
                                       {"1", "0114", "Upplands Väsby", "44.21052631578947", "0.3048780487804878", "41000"},
                                       {"2", "2321", "Åre", "25", "", "10300"},
                                       {"", "0999", "=HYPERLINK(\"http://x\")", "", "0.5", "1234567"}});
  CHECK(sheet(path, "movers") == Rows{{"Name", "Change [%]"}, {"Malmö", "-3.25"}});
  CHECK(sheet(path, "notes") == Rows{{"command", "rank"},
                                     {"ranking", "Cost per loan 2012"},
                                     {"movers", "Largest changes"},
                                     {"kpi", "cost_per_loan"},
                                     {"year", "2012"},
                                     {"note", "1 of 3 units have no value of cost_per_loan in 2012"}});
  std::string workbook = part(path, "xl/workbook.xml");
  CHECK(workbook.find("name=\"series\"") == std::string::npos);

  // The name that looks like a formula is a text cell (a shared string), never a formula.
  std::string ranking = part(path, "xl/worksheets/sheet1.xml");
  CHECK(ranking.find("<f>") == std::string::npos);
  // The header row is frozen and filtered.
  CHECK(ranking.find("state=\"frozen\"") != std::string::npos);
  CHECK(ranking.find("ySplit=\"1\"") != std::string::npos);
  CHECK(ranking.find("<autoFilter ref=\"A1:F4\"/>") != std::string::npos);
  // Number formats by the column's decimals, and the quartile tones as fills.
  std::string styles = part(path, "xl/styles.xml");
  CHECK(styles.find("formatCode=\"#,##0.00\"") != std::string::npos);
  CHECK(styles.find("formatCode=\"#,##0.000\"") != std::string::npos);
  CHECK(styles.find("formatCode=\"0\"") != std::string::npos);  // rank: no grouping
  CHECK(styles.find("rgb=\"FFC6EFCE\"") != std::string::npos);  // good
  CHECK(styles.find("rgb=\"FFFFC7CE\"") != std::string::npos);  // bad
}

TEST_CASE("an xlsx file is written whole or not at all", "[xlsx]") {
  Scratch s("xlsx_atomic");
  WriteOptions wo;
  std::string missing_dir = s.path("no/such/dir/r.xlsx");
  CHECK_THROWS_AS(write_xlsx(xlsx_sample(), missing_dir, wo), FileError);
  std::string path = s.write("r.xlsx", "old");
  write_xlsx(xlsx_sample(), path, wo);
  CHECK(file_bytes(path).rfind("PK", 0) == 0);
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(s.dir)) files += e.is_regular_file();
  CHECK(files == 1);  // no temporary file left beside it
}
