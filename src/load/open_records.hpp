#pragma once
// Any input file as records, whatever it holds: CSV text, an xlsx or ods spreadsheet, a
// JSON-stat or Kolada JSON file. The kind is told by the content, not the file name.

#include <memory>
#include <string>

#include "nytta/load/csv_dialect.hpp"
#include "load/json_records.hpp"
#include "load/record_source.hpp"
#include "load/sheet_reader.hpp"

namespace nytta {

enum class InputKind { text, xlsx, ods, json, xls };

/// What the file holds, from its first bytes (a ZIP archive is looked into). "-", a missing
/// or unreadable file are text: opening them as CSV gives the usual errors.
InputKind detect_input_kind(const std::string& path);

struct RecordOptions {
  Dialect dialect;     // CSV
  SheetOptions sheet;  // xlsx, ods
  JsonOptions json;    // JSON-stat, Kolada
};

/// Opens path ("-" = standard input, always CSV). Throws FileError, DataError, UsageError.
std::unique_ptr<RecordSource> open_records(const std::string& path, const RecordOptions& options);

}  // namespace nytta
