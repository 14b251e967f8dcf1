// CSV: the main table only, one header row of column ids, numbers in full precision with
// '.', missing as the empty cell, RFC 4180 quoting. Notes go to the JSON and human
// formats; a CSV file holds data only.

#include <fmt/format.h>
#include <iterator>
#include <ostream>
#include <vector>

#include "nytta/report/number_format.hpp"
#include "report/writers.hpp"

namespace nytta {

void write_csv_field(std::ostream& out, std::string_view s, char delimiter) {
  const char special[] = {delimiter, '"', '\n', '\r', '\0'};
  if (s.find_first_of(special) == std::string_view::npos) {
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

bool looks_like_formula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

namespace {

void append_csv_field(fmt::memory_buffer& buf, std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    buf.append(s.data(), s.data() + s.size());
    return;
  }
  buf.push_back('"');
  for (char c : s) {
    if (c == '"') buf.push_back('"');
    buf.push_back(c);
  }
  buf.push_back('"');
}

class CsvWriter : public Writer {
 public:
  explicit CsvWriter(bool raw) : raw_(raw) {}
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
    // Large tables: formatted into one buffer, numbers straight in (no string per cell).
    fmt::memory_buffer buf;
    for (const std::vector<Cell>& row : t.rows) {
      for (std::size_t k = 0; k < shown.size(); ++k) {
        std::size_t i = shown[k];
        if (k) buf.push_back(',');
        if (i >= row.size()) continue;
        if (const std::string* s = row[i].text()) {
          // A spreadsheet runs a text cell starting like a formula ("=HYPERLINK(…)"); the
          // quote makes it text, as OWASP recommends for CSV. Numbers are never text cells.
          if (!raw_ && looks_like_formula(*s)) {
            std::string guarded = "'" + *s;
            append_csv_field(buf, guarded);
          } else {
            append_csv_field(buf, *s);
          }
        } else if (const double* v = row[i].number_value()) {
          if (*v == 0.0) buf.push_back('0');
          else fmt::format_to(std::back_inserter(buf), "{}", *v);
        }
      }
      buf.push_back('\n');
      if (buf.size() > (1 << 20)) {
        out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
        buf.clear();
      }
    }
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  }

 private:
  bool raw_;
};

}  // namespace

std::unique_ptr<Writer> make_csv_writer(bool raw) { return std::make_unique<CsvWriter>(raw); }

}  // namespace nytta
