#pragma once
// Entry points of the loader: any supported file in, one Dataset out.

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include "nytta/load/csv_dialect.hpp"
#include "nytta/model/dataset.hpp"

namespace nytta {

/// The years a command needs from the data: all, or the first and the last N. A ranking of
/// the latest year need not hold thirty years of every measure in memory.
struct YearNeeds {
  bool all = true;
  bool first = false;     // the first year
  std::size_t last = 0;   // the last N years
};

/// The years of `years` (ascending) that needs keeps.
std::vector<int> kept_years(const std::vector<int>& years, const YearNeeds& needs);

/// Drops the rows of years that needs does not keep.
void keep_years(Dataset& data, const YearNeeds& needs);

struct LoadOptions {
  char delimiter = 0;        // 0 = detect
  Encoding encoding = Encoding::automatic;
  char decimal = 0;          // 0 = detect
  std::size_t max_rows = 50'000'000;
  std::string map_file;      // a mapping (TOML) for exports that are not canonical long CSV
  std::string sheet;         // xlsx/ods: the sheet to read (--sheet); "" = the mapping's, else the first
  YearNeeds years;           // which years to keep
  bool fast = true;          // try the fast path for large canonical files (tests turn it off)
};


/// Reads one canonical long CSV file ("-" = standard input).
Dataset load_long_csv(const std::string& path, const LoadOptions& options);

/// Reads canonical long CSV from a stream; name is used in messages.
Dataset load_long_csv(const std::string& name, std::istream& in, const LoadOptions& options);

/// Reads and merges several files (through options.map_file when set). The same
/// (unit, year) in two files is an error.
Dataset load_files(const std::vector<std::string>& paths, const LoadOptions& options);

/// The version of liborcus, the spreadsheet reader (for `nytta --version`).
std::string sheet_library_version();

}  // namespace nytta
