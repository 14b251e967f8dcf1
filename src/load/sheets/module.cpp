// The entry points of the sheets module (libnytta_sheets.so), forwarding to the C++
// functions that lazy.cpp stands in for in the nytta executable. See nytta/util/module.hpp.

#include "load/sheet_reader.hpp"

#define NYTTA_EXPORT extern "C" __attribute__((visibility("default")))

using namespace nytta;

NYTTA_EXPORT std::unique_ptr<RecordTable> nytta_read_sheet(const std::string& path, std::string_view content,
                                                           SpreadsheetKind kind, const SheetOptions& options) {
  return read_sheet(path, content, kind, options);
}

NYTTA_EXPORT std::optional<SpreadsheetKind> nytta_spreadsheet_kind(std::string_view content) {
  return spreadsheet_kind(content);
}

NYTTA_EXPORT std::string nytta_sheet_library_version() { return sheet_library_version(); }
