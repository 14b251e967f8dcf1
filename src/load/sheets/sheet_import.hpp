#pragma once
// What liborcus hands a spreadsheet's cells to: an import factory that keeps the cells of
// the one sheet asked for (shared strings, formula results, dates as text) and nothing else.
// Used by sheet_reader.cpp only.

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <orcus/spreadsheet/import_interface.hpp>

#include "nytta/util/error.hpp"
#include "nytta/util/text.hpp"

namespace nytta::detail {

namespace iface = orcus::spreadsheet::iface;
using orcus::spreadsheet::col_t;
using orcus::spreadsheet::row_t;

struct CellValue {
  enum class Kind : std::uint8_t { number, text, shared };
  Kind kind = Kind::text;
  double number = 0.0;
  std::size_t index = 0;  // into Cells::texts or the shared strings
};

struct SheetEntry {
  row_t row;
  col_t col;
  CellValue value;
};

// The cells of the sheet that is read, in the order the file gives them.
struct Cells {
  std::vector<SheetEntry> entries;
  std::vector<std::string> texts;

  void put(row_t row, col_t col, const CellValue& v) { entries.push_back(SheetEntry{row, col, v}); }
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

inline std::string date_text(int year, int month, int day, int hour, int minute, double second) {
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
                           [&](const SheetEntry& e) { return e.row == src_row && e.col == src_col; });
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

}  // namespace nytta::detail
