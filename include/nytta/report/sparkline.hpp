#pragma once
// A row of block characters (▁▂▃▄▅▆▇█) showing a series at a glance; gaps are spaces.

#include <string>
#include <vector>

namespace nytta {

/// Scales the non-missing values between their minimum (▁) and maximum (█); a flat series
/// is all ▄, a missing value a space.
std::string sparkline(const std::vector<double>& values);

}  // namespace nytta
