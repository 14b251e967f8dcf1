// Excel out: what an analyst opens without an import dialog. CSV makes Excel guess (the
// separator, the decimal mark, whether 0180 is a number); a workbook says it: numbers are
// numbers, codes stay text, and each column carries a number format with the decimals the
// human formats show, so that the sheet looks like the report and still computes with full
// precision. Every table the human formats show becomes a sheet named by its stable id
// (the title is in the language of --lang and often longer than the 31 characters a sheet
// name may have); the header row is frozen and filtered, column widths are fitted to the
// texts, and Kolada's quartile colours become cell fills. Titles, the facts of the report
// (catalogue, version, year) and its notes go on a last sheet, "notes".
//
// libxlsxwriter writes the file by name when the workbook is closed; it is written under a
// temporary name beside the target and renamed, as every output of nytta.

#include "nytta/report/xlsx_writer.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>
#include <stdexcept>
#include <xlsxwriter.h>

#include "nytta/util/error.hpp"
#include "report/writers.hpp"
#include "nytta/util/atomic_file.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

constexpr std::size_t kMaxCellChars = 32767;     // Excel's limit for a text cell
constexpr std::size_t kWidthScanRows = 5000;     // rows looked at to fit a column's width
constexpr lxw_color_t kGood = 0xC6EFCE, kMiddle = 0xFFEB9C, kBad = 0xFFC7CE;  // Excel's own light fills

std::string sheet_name(const std::string& id, std::set<std::string>& taken) {
  std::string base;
  for (char c : id) base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  if (base.empty()) base = "table";
  base = truncate_utf8(base, LXW_SHEETNAME_MAX);
  std::string name = base;
  for (int n = 2; taken.count(fold_case(name)); ++n) {
    std::string suffix = fmt::format("_{}", n);
    name = truncate_utf8(base, LXW_SHEETNAME_MAX - suffix.size()) + suffix;
    if (name.size() > LXW_SHEETNAME_MAX) name = base.substr(0, LXW_SHEETNAME_MAX - suffix.size()) + suffix;
  }
  taken.insert(fold_case(name));
  return name;
}

std::string number_format(int precision, bool grouping) {
  std::string f = grouping ? "#,##0" : "0";
  if (precision > 0) f += "." + std::string(static_cast<std::size_t>(std::min(precision, 15)), '0');
  return f;
}

void check(lxw_error err, const char* what) {
  if (err != LXW_NO_ERROR && err != LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    throw std::runtime_error(fmt::format("xlsx: {}: {}", what, lxw_strerror(err)));
}

class Book {
 public:
  Book(const std::string& file, const WriteOptions& options) : options_(options), book_(workbook_new(file.c_str())) {
    if (!book_) throw std::bad_alloc();
    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(header_, LXW_BORDER_THIN);
    wrap_ = workbook_add_format(book_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
  }
  ~Book() {
    if (book_) workbook_close(book_);  // after an error: the temporary file is removed anyway
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  /// Closes the workbook, which writes the file.
  lxw_error close() {
    lxw_error err = workbook_close(book_);
    book_ = nullptr;
    return err;
  }

  void table(const Table& t, const std::string& name) {
    std::vector<std::size_t> shown;
    for (std::size_t i : visible_columns(t)) {
      if (t.columns[i].audience != Audience::machines) shown.push_back(i);
    }
    if (t.rows.size() + 1 > LXW_ROW_MAX)
      throw UsageError(fmt::format("the table '{}' has {} rows, more than a sheet holds ({}): write CSV or SQLite", t.id, t.rows.size(), LXW_ROW_MAX - 1));
    if (shown.size() > LXW_COL_MAX) throw UsageError(fmt::format("the table '{}' has more columns than a sheet holds ({})", t.id, LXW_COL_MAX));
    lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
    if (!sheet) throw std::runtime_error(fmt::format("xlsx: cannot add the sheet '{}'", name));

    std::vector<std::size_t> width(shown.size(), 6);
    for (std::size_t k = 0; k < shown.size(); ++k) {
      const Column& c = t.columns[shown[k]];
      std::string head = human_header(c);
      check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(k), head.c_str(), header_), "header");
      width[k] = std::max(width[k], std::min<std::size_t>(utf8_length(head), 24));
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const std::vector<Cell>& row = t.rows[r];
      lxw_row_t at = static_cast<lxw_row_t>(r + 1);
      for (std::size_t k = 0; k < shown.size(); ++k) {
        std::size_t i = shown[k];
        if (i >= row.size() || row[i].missing()) continue;
        const Cell& cell = row[i];
        const Column& column = t.columns[i];
        lxw_col_t col = static_cast<lxw_col_t>(k);
        if (const std::string* s = cell.text()) {
          // Always a text cell: a name like "=SUM(A1)" is shown, never run.
          std::string text = s->size() > kMaxCellChars ? truncate_utf8(*s, kMaxCellChars - 1) : *s;
          check(worksheet_write_string(sheet, at, col, text.c_str(), fill(std::string(), cell.tone)), "text cell");
        } else if (const double* v = cell.number_value()) {
          int precision = cell.precision >= 0 ? cell.precision : column.precision;
          check(worksheet_write_number(sheet, at, col, *v, fill(number_format(precision, column.grouping), cell.tone)), "number cell");
        }
        if (r < kWidthScanRows) width[k] = std::max(width[k], utf8_length(human_text(cell, column, options_.lang)) + 1);
      }
    }
    for (std::size_t k = 0; k < shown.size(); ++k) {
      lxw_col_t col = static_cast<lxw_col_t>(k);
      check(worksheet_set_column(sheet, col, col, static_cast<double>(std::min<std::size_t>(width[k] + 1, 60)), nullptr), "column width");
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (!shown.empty() && !t.rows.empty())
      check(worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(t.rows.size()), static_cast<lxw_col_t>(shown.size() - 1)), "filter");
  }

  void notes(const Report& report, const std::vector<std::pair<std::string, std::string>>& titles, const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
    if (!sheet) throw std::runtime_error(fmt::format("xlsx: cannot add the sheet '{}'", name));
    lxw_row_t row = 0;
    auto line = [&](const std::string& a, const Cell& b) {
      check(worksheet_write_string(sheet, row, 0, a.c_str(), header_), "notes");
      if (const double* v = b.number_value()) check(worksheet_write_number(sheet, row, 1, *v, nullptr), "notes");
      else if (const std::string* s = b.text()) check(worksheet_write_string(sheet, row, 1, truncate_utf8(*s, kMaxCellChars - 1).c_str(), wrap_), "notes");
      ++row;
    };
    line("command", Cell(report.command));
    for (const auto& [sheet_of, title] : titles) line(sheet_of, Cell(title));
    for (const auto& [key, value] : report.meta) line(key, value);
    for (const std::string& n : report.notes) line("note", Cell(n));
    check(worksheet_set_column(sheet, 0, 0, 22, nullptr), "column width");
    check(worksheet_set_column(sheet, 1, 1, 100, nullptr), "column width");
  }

 private:
  lxw_format* fill(const std::string& num_format, Tone tone) {
    auto key = std::make_pair(num_format, tone);
    auto it = formats_.find(key);
    if (it != formats_.end()) return it->second;
    lxw_format* f = nullptr;
    if (!num_format.empty() || tone != Tone::none) {
      f = workbook_add_format(book_);
      if (!num_format.empty()) format_set_num_format(f, num_format.c_str());
      if (tone != Tone::none) {
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, tone == Tone::good ? kGood : tone == Tone::bad ? kBad : kMiddle);
      }
    }
    formats_.emplace(key, f);
    return f;
  }

  const WriteOptions& options_;
  lxw_workbook* book_;
  lxw_format* header_ = nullptr;
  lxw_format* wrap_ = nullptr;
  std::map<std::pair<std::string, Tone>, lxw_format*> formats_;
};

}  // namespace

void write_xlsx(const Report& report, const std::string& path, const WriteOptions& options) {
  write_file_atomically_by_name(path, [&](const std::string& file) {
    Book book(file, options);
    std::set<std::string> taken = {"notes"};
    std::vector<std::pair<std::string, std::string>> titles;
    std::size_t sheets = 0;
    for (const Table& t : report.tables) {
      if (t.audience == Audience::machines) continue;
      std::string name = sheet_name(t.id, taken);
      book.table(t, name);
      titles.emplace_back(name, t.title);
      ++sheets;
    }
    if (sheets == 0) {
      Table empty;
      empty.id = report.command.empty() ? "table" : report.command;
      book.table(empty, sheet_name(empty.id, taken));
    }
    book.notes(report, titles, "notes");
    lxw_error err = book.close();
    if (err != LXW_NO_ERROR) throw FileError(fmt::format("{}: cannot write the file: {}", path, fold_first(lxw_strerror(err))));
  });
}

std::pair<std::string, std::string> xlsx_library_version() { return {lxw_version(), LXW_VERSION}; }

}  // namespace nytta
