// Spreadsheets in: analysts download xlsx (and LibreOffice users keep ods), and a sheet
// must give the same Dataset as the CSV a spreadsheet program would have saved from it.
// liborcus parses the file and hands every cell to an import factory; ours keeps the cells
// of one sheet and nothing else (no styles, no formula engine: a formula cell gives the
// result the file stored with it). The cells become records of text, so that every rule of
// the CSV loaders applies unchanged: numbers are written as their shortest exact text (read
// back to the same double), a number stored as text ("1 234", "44,7") is read by the same
// number parser as a CSV cell, an empty cell is missing.
//
// Without a mapping the header must be found: rows above it with a title or a source line
// (fewer filled cells than the table is wide) are skipped, and so is a second header row of
// descriptions (text only, where data rows have numbers). Both are said in a note.

#include "load/sheet_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <stdexcept>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <unordered_map>

#include <orcus/orcus_ods.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/import_interface.hpp>

#include "nytta/load/number.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

namespace iface = orcus::spreadsheet::iface;
using orcus::spreadsheet::col_t;
using orcus::spreadsheet::row_t;

struct CellValue {
  enum class Kind : std::uint8_t { number, text, shared };
  Kind kind = Kind::text;
  double number = 0.0;
  std::size_t index = 0;  // into Cells::texts or the shared strings
};

struct Entry {
  row_t row;
  col_t col;
  CellValue value;
};

// The cells of the sheet that is read, in the order the file gives them.
struct Cells {
  std::vector<Entry> entries;
  std::vector<std::string> texts;

  void put(row_t row, col_t col, const CellValue& v) { entries.push_back(Entry{row, col, v}); }
  void text(row_t row, col_t col, std::string_view s) {
    texts.emplace_back(s);
    put(row, col, CellValue{CellValue::Kind::text, 0.0, texts.size() - 1});
  }
  void number(row_t row, col_t col, double v) { put(row, col, CellValue{CellValue::Kind::number, v, 0}); }
};

class SharedStrings final : public iface::import_shared_strings {
 public:
  std::vector<std::string> strings;

  size_t append(std::string_view s) override {
    strings.emplace_back(s);
    return strings.size() - 1;
  }
  size_t add(std::string_view s) override {
    auto it = index_.find(std::string(s));
    if (it != index_.end()) return it->second;
    std::size_t i = append(s);
    index_.emplace(strings.back(), i);
    return i;
  }
  void set_segment_font(size_t) override {}
  void set_segment_bold(bool) override {}
  void set_segment_italic(bool) override {}
  void set_segment_font_name(std::string_view) override {}
  void set_segment_font_size(double) override {}
  void set_segment_font_color(orcus::spreadsheet::color_elem_t, orcus::spreadsheet::color_elem_t,
                              orcus::spreadsheet::color_elem_t, orcus::spreadsheet::color_elem_t) override {}
  void append_segment(std::string_view s) override { segments_ += s; }
  size_t commit_segments() override {
    std::size_t i = append(segments_);
    segments_.clear();
    return i;
  }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::string segments_;
};

std::string date_text(int year, int month, int day, int hour, int minute, double second) {
  if (hour == 0 && minute == 0 && second == 0.0) return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", year, month, day, hour, minute, static_cast<int>(second));
}

// A formula cell: only the result stored with it matters.
class Formula final : public iface::import_formula {
 public:
  explicit Formula(Cells* cells) : cells_(cells) {}
  void set_position(row_t row, col_t col) override {
    row_ = row;
    col_ = col;
    result_.reset();
  }
  void set_formula(orcus::spreadsheet::formula_grammar_t, std::string_view) override {}
  void set_shared_formula_index(size_t) override {}
  void set_result_string(std::string_view value) override {
    text_ = value;
    result_ = CellValue::Kind::text;
  }
  void set_result_value(double value) override {
    number_ = value;
    result_ = CellValue::Kind::number;
  }
  void set_result_bool(bool value) override {
    text_ = value ? "TRUE" : "FALSE";
    result_ = CellValue::Kind::text;
  }
  void set_result_empty() override { result_.reset(); }
  void commit() override {
    if (!cells_ || !result_) return;
    if (*result_ == CellValue::Kind::number) cells_->number(row_, col_, number_);
    else cells_->text(row_, col_, text_);
  }

 private:
  Cells* cells_;
  row_t row_ = 0;
  col_t col_ = 0;
  std::optional<CellValue::Kind> result_;
  double number_ = 0.0;
  std::string text_;
};

class ArrayFormula final : public iface::import_array_formula {
 public:
  explicit ArrayFormula(Cells* cells) : cells_(cells) {}
  void set_range(const orcus::spreadsheet::range_t&) override {}
  void set_formula(orcus::spreadsheet::formula_grammar_t, std::string_view) override {}
  void set_result_string(row_t row, col_t col, std::string_view value) override {
    if (cells_) cells_->text(row, col, value);
  }
  void set_result_value(row_t row, col_t col, double value) override {
    if (cells_) cells_->number(row, col, value);
  }
  void set_result_bool(row_t row, col_t col, bool value) override {
    if (cells_) cells_->text(row, col, value ? "TRUE" : "FALSE");
  }
  void set_result_empty(row_t, col_t) override {}
  void commit() override {}

 private:
  Cells* cells_;
};

// Every sheet of the file gets one; only the chosen one keeps its cells.
class Sheet final : public iface::import_sheet {
 public:
  explicit Sheet(Cells* cells) : cells_(cells), formula_(cells), array_(cells) {}

  iface::import_formula* get_formula() override { return &formula_; }
  iface::import_array_formula* get_array_formula() override { return &array_; }

  void set_auto(row_t row, col_t col, std::string_view s) override {
    if (cells_) cells_->text(row, col, s);
  }
  void set_string(row_t row, col_t col, orcus::spreadsheet::string_id_t id) override {
    if (cells_) cells_->put(row, col, CellValue{CellValue::Kind::shared, 0.0, id});
  }
  void set_value(row_t row, col_t col, double value) override {
    if (cells_) cells_->number(row, col, value);
  }
  void set_bool(row_t row, col_t col, bool value) override {
    if (cells_) cells_->text(row, col, value ? "TRUE" : "FALSE");
  }
  void set_date_time(row_t row, col_t col, int year, int month, int day, int hour, int minute, double second) override {
    if (cells_) cells_->text(row, col, date_text(year, month, day, hour, minute, second));
  }
  void set_format(row_t, col_t, size_t) override {}
  void set_format(row_t, col_t, row_t, col_t, size_t) override {}
  void fill_down_cells(row_t src_row, col_t src_col, row_t range_size) override {
    if (!cells_) return;
    auto it = std::find_if(cells_->entries.rbegin(), cells_->entries.rend(),
                           [&](const Entry& e) { return e.row == src_row && e.col == src_col; });
    if (it == cells_->entries.rend()) return;
    CellValue v = it->value;
    for (row_t r = 1; r <= range_size; ++r) cells_->put(src_row + r, src_col, v);
  }
  orcus::spreadsheet::range_size_t get_sheet_size() const override { return {1048576, 16384}; }

 private:
  Cells* cells_;
  Formula formula_;
  ArrayFormula array_;
};

// Cell addresses as the file writes them ("B12", "$B$12", "Sheet1!A1:C3", ods "[.A1]"):
// liborcus needs them resolved to read a sheet's extent and shared formulas.
class References final : public iface::import_reference_resolver {
 public:
  orcus::spreadsheet::src_address_t resolve_address(std::string_view address) override {
    std::string a;
    for (char c : address) {
      if (c != '$' && c != '[' && c != ']') a += c;
    }
    std::size_t cut = a.find_last_of("!.");
    if (cut != std::string::npos) a.erase(0, cut + 1);
    std::size_t i = 0;
    long column = 0;
    while (i < a.size() && ((a[i] >= 'A' && a[i] <= 'Z') || (a[i] >= 'a' && a[i] <= 'z'))) {
      column = column * 26 + (std::toupper(static_cast<unsigned char>(a[i])) - 'A' + 1);
      if (column > 16384) throw std::invalid_argument("column out of range");
      ++i;
    }
    long row = 0;
    std::size_t digits = i;
    while (i < a.size() && a[i] >= '0' && a[i] <= '9') {
      row = row * 10 + (a[i] - '0');
      if (row > 1048576) throw std::invalid_argument("row out of range");
      ++i;
    }
    if (column == 0 || i == digits || i != a.size() || row == 0) throw std::invalid_argument("not a cell address");
    return {0, static_cast<row_t>(row - 1), static_cast<col_t>(column - 1)};
  }
  orcus::spreadsheet::src_range_t resolve_range(std::string_view range) override {
    std::size_t colon = range.find(':');
    if (colon == std::string_view::npos) {
      orcus::spreadsheet::src_address_t one = resolve_address(range);
      return {one, one};
    }
    return {resolve_address(range.substr(0, colon)), resolve_address(range.substr(colon + 1))};
  }
};

class Factory final : public iface::import_factory {
 public:
  explicit Factory(std::string wanted) : wanted_(std::move(wanted)) {}

  std::vector<std::string> names;
  std::optional<std::string> chosen;
  Cells cells;
  SharedStrings strings;

  iface::import_shared_strings* get_shared_strings() override { return &strings; }
  iface::import_reference_resolver* get_reference_resolver(orcus::spreadsheet::formula_ref_context_t) override { return &references_; }
  iface::import_sheet* append_sheet(orcus::spreadsheet::sheet_t index, std::string_view name) override {
    names.emplace_back(name);
    bool take = !chosen && (wanted_.empty() ? index == 0 : name == wanted_);
    if (take) chosen = std::string(name);
    sheets_.push_back(std::make_unique<Sheet>(take ? &cells : nullptr));
    return sheets_.back().get();
  }
  iface::import_sheet* get_sheet(std::string_view name) override {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return sheets_[i].get();
    }
    return nullptr;
  }
  iface::import_sheet* get_sheet(orcus::spreadsheet::sheet_t index) override {
    return index >= 0 && static_cast<std::size_t>(index) < sheets_.size() ? sheets_[static_cast<std::size_t>(index)].get() : nullptr;
  }
  void finalize() override {}

 private:
  std::string wanted_;
  std::vector<std::unique_ptr<Sheet>> sheets_;
  References references_;
};

struct SheetRow {
  std::size_t line;                 // 1-based spreadsheet row
  std::vector<std::string> fields;
  std::vector<bool> is_number;      // a number cell (not text)
};

std::string number_text(double v, char decimal) {
  if (v == 0.0) return "0";
  std::string s = fmt::format("{}", v);
  if (decimal == ',') std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::vector<SheetRow> rows_of(Factory& f, char decimal) {
  std::vector<Entry>& entries = f.cells.entries;
  // By position; a later value for the same cell (a formula's result) wins.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
  std::vector<SheetRow> rows;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    if (i + 1 < entries.size() && entries[i + 1].row == e.row && entries[i + 1].col == e.col) continue;
    if (e.row < 0 || e.col < 0) continue;
    std::size_t line = static_cast<std::size_t>(e.row) + 1;
    if (rows.empty() || rows.back().line != line) rows.push_back(SheetRow{line, {}, {}});
    SheetRow& r = rows.back();
    std::size_t col = static_cast<std::size_t>(e.col);
    if (r.fields.size() <= col) {
      r.fields.resize(col + 1);
      r.is_number.resize(col + 1, false);
    }
    switch (e.value.kind) {
      case CellValue::Kind::number:
        r.fields[col] = number_text(e.value.number, decimal);
        r.is_number[col] = true;
        break;
      case CellValue::Kind::text: r.fields[col] = f.cells.texts[e.value.index]; break;
      case CellValue::Kind::shared:
        if (e.value.index < f.strings.strings.size()) r.fields[col] = f.strings.strings[e.value.index];
        break;
    }
  }
  // A sheet is a rectangle: a row without its last cells has them empty (a CSV saved from
  // the sheet would have the separators).
  std::size_t width = 0;
  for (const SheetRow& r : rows) width = std::max(width, r.fields.size());
  for (SheetRow& r : rows) {
    r.fields.resize(width);
    r.is_number.resize(width, false);
  }
  // Rows whose cells are all empty strings are blank; the loaders skip them anyway.
  rows.erase(std::remove_if(rows.begin(), rows.end(),
                            [](const SheetRow& r) {
                              return std::all_of(r.fields.begin(), r.fields.end(), [](const std::string& s) { return trim(s).empty(); });
                            }),
             rows.end());
  return rows;
}

std::size_t filled(const SheetRow& r) {
  return static_cast<std::size_t>(std::count_if(r.fields.begin(), r.fields.end(), [](const std::string& s) { return !trim(s).empty(); }));
}

// A row of words where the data have numbers: every filled cell is text that is no number
// and no missing marker.
bool descriptive(const SheetRow& r, char decimal) {
  NumberFormat format{decimal, default_missing_markers()};
  std::size_t words = 0;
  for (std::size_t i = 0; i < r.fields.size(); ++i) {
    if (trim(r.fields[i]).empty()) continue;
    if (r.is_number[i]) return false;
    ParsedNumber p = parse_number(r.fields[i], format);
    if (p.status != ParsedNumber::Status::error) return false;
    ++words;
  }
  return words > 0;
}

bool has_numbers(const SheetRow& r, char decimal) {
  NumberFormat format{decimal, default_missing_markers()};
  for (std::size_t i = 0; i < r.fields.size(); ++i) {
    if (r.is_number[i] || parse_number(r.fields[i], format).ok()) return true;
  }
  return false;
}

std::string row_span(std::size_t from, std::size_t to) {
  return from == to ? fmt::format("row {}", from) : fmt::format("rows {}–{}", from, to);
}

}  // namespace

std::unique_ptr<RecordTable> read_sheet(const std::string& path, std::string_view content, SpreadsheetKind kind,
                                        const SheetOptions& options) {
  Factory factory(options.sheet);
  try {
    if (kind == SpreadsheetKind::xlsx) {
      orcus::orcus_xlsx filter(&factory);
      filter.read_stream(content);
    } else {
      orcus::orcus_ods filter(&factory);
      filter.read_stream(content);
    }
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    throw DataError(Location{path}, fmt::format("cannot read the {} file", kind == SpreadsheetKind::xlsx ? "xlsx" : "ods"),
                    e.what());
  }
  if (!factory.chosen) {
    if (factory.names.empty()) throw DataError(Location{path}, "the spreadsheet has no sheets");
    std::string message = fmt::format("{}: no sheet '{}'{} (sheets: {})", path, options.sheet,
                                      did_you_mean(options.sheet, factory.names), fmt::join(factory.names, ", "));
    if (options.sheet_from_flag) throw UsageError(message);
    throw DataError(message);
  }

  std::vector<SheetRow> rows = rows_of(factory, options.decimal);
  auto table = std::make_unique<RecordTable>(fmt::format("{}[{}]", path, *factory.chosen), options.decimal);
  std::size_t first = 0;
  std::vector<std::string> skipped;
  if (options.find_header && !rows.empty()) {
    std::size_t widest = 0;
    for (std::size_t i = 0; i < rows.size() && i < 50; ++i) widest = std::max(widest, filled(rows[i]));
    std::size_t need = std::max<std::size_t>(2, (widest + 1) / 2);
    while (first < rows.size() && first < 50 && filled(rows[first]) < need) ++first;
    if (first == rows.size() || first == 50) first = 0;
    if (first > 0) skipped.push_back(fmt::format("{} above the header (titles) skipped", row_span(rows.front().line, rows[first - 1].line)));
  }
  for (std::size_t i = first; i < rows.size(); ++i) {
    if (options.find_header && i == first + 1 && i + 1 < rows.size() && descriptive(rows[i], options.decimal) &&
        has_numbers(rows[i + 1], options.decimal)) {
      skipped.push_back(fmt::format("{} below the header (descriptions) skipped", row_span(rows[i].line, rows[i].line)));
      continue;
    }
    table->add(rows[i].line, rows[i].fields);
  }
  if (!skipped.empty()) table->add_remark(fmt::format("{}", fmt::join(skipped, "; ")));
  return table;
}

}  // namespace nytta
