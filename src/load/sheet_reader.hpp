#pragma once
// One sheet of an xlsx or ods file as records (liborcus, in the sheets module: see
// nytta/util/module.hpp).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/record_table.hpp"
#include "nytta/load/load.hpp"  // sheet_library_version

namespace nytta {

enum class SpreadsheetKind { xlsx, ods };

struct SheetOptions {
  std::string sheet;             // the sheet to read; "" = the first
  bool sheet_from_flag = false;  // a wrong name is then a usage error (--sheet), else a data error
  /// Canonical input (no mapping): rows above the header (titles, notes) are skipped, and a
  /// second header row of descriptions below it.
  bool find_header = false;
  char decimal = '.';            // the decimal mark numbers are written with in the records
};

/// Reads the chosen sheet of the spreadsheet held in content (the bytes of path). Numbers
/// become their shortest exact text, texts stay as they are (a number stored as text is read
/// by the loaders like any cell), dates become YYYY-MM-DD. The records are named
/// "PATH[SHEET]" and numbered by the spreadsheet's rows. Throws DataError for a file that is
/// not a readable spreadsheet, UsageError or DataError for a sheet that is not there.
std::unique_ptr<RecordTable> read_sheet(const std::string& path, std::string_view content, SpreadsheetKind kind,
                                        const SheetOptions& options);

/// Which spreadsheet the ZIP archive in content holds, as liborcus sees it; nullopt when
/// neither (a broken archive included).
std::optional<SpreadsheetKind> spreadsheet_kind(std::string_view content);

}  // namespace nytta
