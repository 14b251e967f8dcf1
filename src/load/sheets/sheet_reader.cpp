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

#include <orcus/info.hpp>
#include <orcus/orcus_ods.hpp>
#include <orcus/orcus_xlsx.hpp>

#include "load/sheets/sheet_import.hpp"
#include "nytta/load/number.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

using detail::CellValue;
using detail::SheetEntry;
using detail::Factory;

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
  std::vector<SheetEntry>& entries = f.cells.entries;
  // By position; a later value for the same cell (a formula's result) wins.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const SheetEntry& a, const SheetEntry& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
  std::vector<SheetRow> rows;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const SheetEntry& e = entries[i];
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

std::optional<SpreadsheetKind> spreadsheet_kind(std::string_view content) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(content.data());
  try {
    if (orcus::orcus_xlsx::detect(bytes, content.size())) return SpreadsheetKind::xlsx;
    if (orcus::orcus_ods::detect(bytes, content.size())) return SpreadsheetKind::ods;
  } catch (const std::exception&) {
    // A broken archive: not a spreadsheet either.
  }
  return std::nullopt;
}

std::string sheet_library_version() {
  return fmt::format("{}.{}.{}", orcus::get_version_major(), orcus::get_version_minor(), orcus::get_version_micro());
}

}  // namespace nytta
