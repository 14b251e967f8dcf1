#pragma once
// The one representation of a missing value inside nytta: a quiet NaN, which every
// arithmetic operation carries along. Outside (CSV, JSON, tables) it is an empty cell or null.

#include <cmath>
#include <limits>

namespace nytta {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool is_missing(double v) { return std::isnan(v); }

}  // namespace nytta
