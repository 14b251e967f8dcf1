// CSV for Nordic Excel (--csv-dialect excel-nordic): ';', decimal comma, BOM, CRLF, display
// precision; plain CSV unchanged.

#include <catch2/catch.hpp>
#include <sstream>

#include "nytta/report/writer.hpp"

using namespace nytta;

namespace {

Report nordic_sample() {
  Report r;
  Table t;
  t.id = "ranking";
  t.columns = {Column{"code", "Code", "", CellType::text, 0}, Column{"name", "Name", "", CellType::text, 0},
               Column{"year", "Year", "", CellType::number, 0, false}, Column{"cost_per_loan", "Cost per loan", "SEK", CellType::number, 2},
               Column{"population", "Population", "", CellType::number, 0}, Column{"trend", "Trend", "", CellType::text, 0, true, Audience::people}};
  t.rows.push_back({Cell("0114"), Cell("Upplands Väsby"), Cell(2012.0), Cell(44.21052631578947), Cell(1234567.0), Cell("▁▃▅")});
  t.rows.push_back({Cell("0999"), Cell("Bournemouth; Christchurch and \"Poole\""), Cell(2012.0), Cell(-0.004), Cell(), Cell("")});
  t.rows.push_back({Cell("=1+1"), Cell("Åre"), Cell(2012.0), Cell::number(25.456, 1), Cell(10300.0), Cell("")});
  r.tables.push_back(t);
  return r;
}

std::string write(CsvDialect dialect, bool raw = false) {
  WriteOptions o;
  o.csv_dialect = dialect;
  o.raw = raw;
  std::ostringstream out;
  make_writer(Format::csv, o)->write(nordic_sample(), out);
  return out.str();
}

}  // namespace

TEST_CASE("excel-nordic CSV has ';', decimal comma, display precision, BOM and CRLF", "[nordic_csv]") {
  CHECK(write(CsvDialect::excel_nordic) ==
        "\xEF\xBB\xBF"
        "code;name;year;cost_per_loan;population\r\n"
        "0114;Upplands Väsby;2012;44,21;1234567\r\n"
        "0999;\"Bournemouth; Christchurch and \"\"Poole\"\"\";2012;0,00;\r\n"  // -0.004 rounds to 0,00, never -0,00
        "'=1+1;Åre;2012;25,5;10300\r\n");                                    // a cell's own precision wins
}

TEST_CASE("excel-nordic CSV keeps the guard against formulas unless --raw", "[nordic_csv]") {
  CHECK(write(CsvDialect::excel_nordic, true).find("\r\n=1+1;Åre") != std::string::npos);
}

TEST_CASE("plain CSV is unchanged by the dialect option", "[nordic_csv]") {
  CHECK(write(CsvDialect::plain) ==
        "code,name,year,cost_per_loan,population\n"
        "0114,Upplands Väsby,2012,44.21052631578947,1234567\n"
        "0999,\"Bournemouth; Christchurch and \"\"Poole\"\"\",2012,-0.004,\n"
        "'=1+1,Åre,2012,25.456,10300\n");
  CHECK(parse_csv_dialect("excel-sv") == CsvDialect::excel_nordic);
  CHECK(parse_csv_dialect("Excel-Nordic") == CsvDialect::excel_nordic);
  CHECK(!parse_csv_dialect("excel"));
  CHECK(format_from_extension("results.sqlite") == Format::sqlite);
  CHECK(format_from_extension("out/Results.DB") == Format::sqlite);
  CHECK(format_from_extension("report.xlsx") == Format::xlsx);
}
