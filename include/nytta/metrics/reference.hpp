#pragma once
// Reference values a unit is read against: the weighted national or group value (see
// evaluator.hpp), and the unweighted statistics of the units: mean, median, quartiles,
// minimum, maximum and population standard deviation.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "nytta/model/dataset.hpp"

namespace nytta {

struct Summary {
  std::size_t n = 0;
  double mean = kMissing, sd = kMissing, min = kMissing, q1 = kMissing, median = kMissing, q3 = kMissing,
         max = kMissing;
};

/// Statistics of the non-missing values (quartiles by linear interpolation, R's type 7).
Summary summarize(std::vector<double> values);

/// Statistics of values[r] for the given rows.
Summary summarize_rows(const std::vector<double>& values, const std::vector<std::size_t>& rows);

/// Quantile p (0–1) of sorted values, linear interpolation between order statistics.
double quantile_sorted(const std::vector<double>& sorted, double p);

/// What a deviation is computed against.
enum class Against { national, mean, median, group };

std::optional<Against> parse_against(std::string_view text);
std::string_view to_string(Against a);

/// (value / reference − 1) × 100; missing when either is missing or the reference is 0.
double deviation_pct(double value, double reference);

}  // namespace nytta
