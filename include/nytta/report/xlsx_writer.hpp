#pragma once
// A Report as an Excel workbook (libxlsxwriter, in the xlsx module: see
// nytta/util/module.hpp).

#include <string>
#include <utility>

#include "nytta/report/table.hpp"
#include "nytta/report/writer.hpp"

namespace nytta {

/// Writes report to path (atomically: a temporary file beside it, renamed at the end). One
/// sheet per table the human formats show, named by the table's id; numbers as numbers with
/// the column's decimals; the header row frozen and filtered; columns as wide as their
/// texts; quartile tones as cell fills; titles, facts (meta) and notes on the sheet "notes".
/// Throws FileError when the file cannot be written, UsageError when a table has more rows
/// than a sheet holds.
void write_xlsx(const Report& report, const std::string& path, const WriteOptions& options);

/// libxlsxwriter's version as loaded and as compiled against (for `nytta --version`).
std::pair<std::string, std::string> xlsx_library_version();

}  // namespace nytta
