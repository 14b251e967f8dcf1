// CSV for a spreadsheet in the Nordic countries (--csv-dialect excel-nordic). Excel set to
// Swedish, Norwegian, Danish or Finnish splits a CSV file at the list separator of the
// locale, ';', and reads numbers with a decimal comma: plain CSV (',' and '.') lands in one
// column, with 3.44 read as a date or as 344. This dialect writes what such an Excel opens
// as it should: ';' between fields, decimal comma, numbers rounded to the precision the
// human formats show (no thousands grouping, so every cell stays a number), UTF-8 with a
// byte order mark (without it Excel takes the file for Windows-1252 and garbles å, ä, ö),
// CRLF line ends. The main table only, as plain CSV; the same guard against texts that a
// spreadsheet would run as formulas.

#include <ostream>
#include <vector>

#include "nytta/report/number_format.hpp"
#include "report/writers.hpp"

namespace nytta {

namespace {

class NordicCsvWriter : public Writer {
 public:
  explicit NordicCsvWriter(bool raw) : raw_(raw) {}

  void write(const Report& report, std::ostream& out) override {
    out << "\xEF\xBB\xBF";
    if (report.tables.empty()) return;
    const Table& t = report.tables.front();
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (t.columns[i].audience != Audience::people) shown.push_back(i);
    }
    for (std::size_t k = 0; k < shown.size(); ++k) {
      if (k) out << ';';
      write_csv_field(out, t.columns[shown[k]].id, ';');
    }
    out << "\r\n";
    for (const std::vector<Cell>& row : t.rows) {
      for (std::size_t k = 0; k < shown.size(); ++k) {
        std::size_t i = shown[k];
        if (k) out << ';';
        if (i >= row.size()) continue;
        const Cell& cell = row[i];
        if (const std::string* s = cell.text()) {
          if (!raw_ && looks_like_formula(*s)) write_csv_field(out, "'" + *s, ';');
          else write_csv_field(out, *s, ';');
        } else if (const double* v = cell.number_value()) {
          int precision = cell.precision >= 0 ? cell.precision : t.columns[i].precision;
          out << format_human(*v, precision, "sv", false);
        }
      }
      out << "\r\n";
    }
  }

 private:
  bool raw_;
};

}  // namespace

std::unique_ptr<Writer> make_nordic_csv_writer(bool raw) { return std::make_unique<NordicCsvWriter>(raw); }

}  // namespace nytta
