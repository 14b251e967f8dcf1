#pragma once
// Results against input factors (the Norwegian "resultater vs innsatsfaktorer" view): each
// unit in one of four quadrants around the reference lines, and how the two go together.

#include <string_view>
#include <vector>

#include "nytta/model/kpi.hpp"

namespace nytta {

enum class Quadrant {
  efficient,    // good result with a small input: the corner to learn from
  generous,     // good result with a large input
  frugal,       // weak result with a small input
  inefficient,  // weak result with a large input
  none,         // a value is missing
};

std::string_view to_string(Quadrant q);

/// Where (result, input) lies against the reference lines. "Good" and "small" follow the
/// KPIs' directions (a lower cost is a smaller input when lower is better, and so on); a
/// neutral direction counts higher as more. Values on a line count as above it.
Quadrant classify(double result, double input, double result_reference, double input_reference,
                  Direction result_direction, Direction input_direction);

/// Pearson's correlation of the pairs where both values are present; missing when fewer than
/// three pairs or no spread.
double correlation(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace nytta
