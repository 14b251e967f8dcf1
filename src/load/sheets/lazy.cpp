// The sheets module's functions as the nytta executable sees them: liborcus (and the
// Boost libraries behind it) is loaded when a spreadsheet is read. See nytta/util/module.hpp.

#include "load/sheet_reader.hpp"
#include "nytta/util/module.hpp"

namespace nytta {

std::unique_ptr<RecordTable> read_sheet(const std::string& path, std::string_view content, SpreadsheetKind kind,
                                        const SheetOptions& options) {
  static auto* f = module_function<decltype(read_sheet)>("sheets", "nytta_read_sheet");
  return f(path, content, kind, options);
}

std::optional<SpreadsheetKind> spreadsheet_kind(std::string_view content) {
  static auto* f = module_function<decltype(spreadsheet_kind)>("sheets", "nytta_spreadsheet_kind");
  return f(content);
}

std::string sheet_library_version() {
  static auto* f = module_function<decltype(sheet_library_version)>("sheets", "nytta_sheet_library_version");
  return f();
}

}  // namespace nytta
