#pragma once
// One writer per output format, chosen by make_writer (miller's factory). Writers format a
// Report and compute nothing.

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "nytta/report/table.hpp"

namespace nytta {

/// xlsx and sqlite are written to a file by name (report/xlsx_writer.hpp, sqlite_store.hpp),
/// not by a Writer.
enum class Format { table, csv, json, md, html, svg, xlsx, sqlite };

std::optional<Format> parse_format(std::string_view name);
/// The name -f takes for format.
std::string_view to_string(Format format);
/// "table, csv, json, md, html": every format, for messages.
std::string format_names();
/// The format a file name asks for by its extension (.csv .json .md .html .svg .txt .xlsx
/// .sqlite .sqlite3 .db), if any.
std::optional<Format> format_from_extension(std::string_view path);

/// CSV for machines (plain: ',', '.', full precision) or for spreadsheets in the Nordic
/// countries (excel-nordic: ';', decimal comma, UTF-8 with BOM, display precision).
enum class CsvDialect { plain, excel_nordic };
std::optional<CsvDialect> parse_csv_dialect(std::string_view name);

struct WriteOptions {
  bool color = false;        // ANSI colours (table format only)
  std::size_t width = 100;   // terminal width the table format fits into
  std::string lang = "en";   // number style of human formats: en, sv, nb
  bool raw = false;          // CSV: text exactly as it is, without the guard against formulas
  CsvDialect csv_dialect = CsvDialect::plain;
};

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void write(const Report& report, std::ostream& out) = 0;
};

std::unique_ptr<Writer> make_writer(Format format, const WriteOptions& options);

}  // namespace nytta
