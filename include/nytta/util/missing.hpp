#pragma once
// The one representation of a missing value inside nytta: a quiet NaN, which every
// arithmetic operation carries along. Outside (CSV, JSON, tables) it is an empty cell or null.

#include <cmath>
#include <limits>

namespace nytta {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool is_missing(double v) { return std::isnan(v); }

/// v, or missing when an overflow or 0/0 made it inf or NaN; -0 becomes 0, so that no
/// table ever shows "-0".
inline double finite_or_missing(double v) { return std::isfinite(v) ? (v == 0.0 ? 0.0 : v) : kMissing; }

}  // namespace nytta
