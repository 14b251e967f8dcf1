// The xlsx module's functions as the nytta executable sees them: libxlsxwriter (and
// minizip behind it) is loaded when a workbook is written. See nytta/util/module.hpp.

#include "nytta/report/xlsx_writer.hpp"
#include "nytta/util/module.hpp"

namespace nytta {

void write_xlsx(const Report& report, const std::string& path, const WriteOptions& options) {
  static auto* f = module_function<decltype(write_xlsx)>("xlsx", "nytta_write_xlsx");
  f(report, path, options);
}

std::pair<std::string, std::string> xlsx_library_version() {
  static auto* f = module_function<decltype(xlsx_library_version)>("xlsx", "nytta_xlsx_library_version");
  return f();
}

}  // namespace nytta
