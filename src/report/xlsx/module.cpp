// The entry points of the xlsx module (libnytta_xlsx.so), forwarding to the C++ functions
// that lazy.cpp stands in for in the nytta executable. See nytta/util/module.hpp.

#include "nytta/report/xlsx_writer.hpp"

#define NYTTA_EXPORT extern "C" __attribute__((visibility("default")))

using namespace nytta;

NYTTA_EXPORT void nytta_write_xlsx(const Report& report, const std::string& path, const WriteOptions& options) {
  write_xlsx(report, path, options);
}

NYTTA_EXPORT std::pair<std::string, std::string> nytta_xlsx_library_version() { return xlsx_library_version(); }
