#pragma once
// A consumer price index (`year,cpi`) for real terms: a currency value of year y in the
// prices of base year b is value × cpi(b) / cpi(y).

#include <map>
#include <string>

namespace nytta {

struct PriceIndex {
  std::string source;
  std::map<int, double> values;

  /// cpi(base) / cpi(year). Throws DataError naming the file when a year is missing.
  double factor(int year, int base) const;
};

/// Reads a CPI file: a year column and a cpi column (also read as kpi, index, value).
PriceIndex read_price_index(const std::string& path);

}  // namespace nytta
