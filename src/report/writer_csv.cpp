// CSV: the main table only, one header row of column ids, numbers in full precision with
// '.', missing as the empty cell, RFC 4180 quoting. Notes go to the JSON and human
// formats; a CSV file holds data only.

#include <ostream>
#include <vector>

#include "report/number_format.hpp"
#include "report/writers.hpp"

namespace nytta {

void write_csv_field(std::ostream& out, std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

namespace {

class CsvWriter : public Writer {
 public:
  void write(const Report& report, std::ostream& out) override {
    if (report.tables.empty()) return;
    const Table& t = report.tables.front();
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (t.columns[i].audience != Audience::people) shown.push_back(i);
    }
    for (std::size_t k = 0; k < shown.size(); ++k) {
      if (k) out << ',';
      write_csv_field(out, t.columns[shown[k]].id);
    }
    out << '\n';
    for (const std::vector<Cell>& row : t.rows) {
      for (std::size_t k = 0; k < shown.size(); ++k) {
        std::size_t i = shown[k];
        if (k) out << ',';
        if (i >= row.size()) continue;
        if (const std::string* s = row[i].text()) write_csv_field(out, *s);
        else if (const double* v = row[i].number_value()) out << format_machine(*v);
      }
      out << '\n';
    }
  }
};

}  // namespace

std::unique_ptr<Writer> make_csv_writer() { return std::make_unique<CsvWriter>(); }

}  // namespace nytta
