#pragma once
// Entry points of the loader: any supported file in, one Dataset out.

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include "nytta/dataset.hpp"

namespace nytta {

struct LoadOptions {
  char delimiter = 0;        // 0 = detect
  std::string encoding;      // "" = detect; "utf-8", "windows-1252", "latin1"
  char decimal = 0;          // 0 = detect
  std::size_t max_rows = 50'000'000;
};

/// Reads one canonical long CSV file ("-" = standard input).
Dataset load_long_csv(const std::string& path, const LoadOptions& options);

/// Reads canonical long CSV from a stream; name is used in messages.
Dataset load_long_csv(const std::string& name, std::istream& in, const LoadOptions& options);

/// Reads and merges several files. The same (unit, year) in two files is an error.
Dataset load_files(const std::vector<std::string>& paths, const LoadOptions& options);

}  // namespace nytta
