#pragma once
// Axes of the charts: a range that ends on round ticks (1, 2 or 5 × 10^k) around the values,
// and numbers as the charts write them in each language.

#include <string>
#include <vector>

namespace nytta {

struct ScaleOptions {
  int target_ticks = 5;       // about this many intervals
  bool include_zero = false;  // bars start at 0, so 0 must be on their axis
  bool integer = false;       // only whole-number ticks (years)
  bool tight = false;         // the axis ends at the data, not at the ticks around them
};

struct Scale {
  double lo = 0.0;  // where the axis starts: the first tick (tight: the smallest value)
  double hi = 1.0;  // where it ends: the last tick (tight: the largest value)
  double step = 1.0;
  int decimals = 0;  // what the tick labels need to tell the ticks apart
  std::vector<double> ticks;

  /// Where v lies between lo (0) and hi (1).
  double fraction(double v) const;
};

/// The smallest of 1, 2, 5 × 10^k that is at least raw (1 for a raw that is not positive).
double nice_step(double raw);

/// A scale covering the values that are not missing (NaN). No value gives 0–1; one value,
/// or all equal, a range around it.
Scale make_scale(const std::vector<double>& values, const ScaleOptions& options = {});

/// A number for a chart: decimals fixed, en "12,345.6", sv and nb "12 345,6" with a narrow
/// no-break space (U+202F), four-digit numbers ungrouped there as in the tables. Missing
/// gives "".
std::string chart_number(double v, int decimals, const std::string& lang, bool grouping = true);

}  // namespace nytta
