#pragma once
// Change over time. A missing or zero base gives a missing change, never inf or NaN.

#include "nytta/model/dataset.hpp"

namespace nytta {

/// to − from.
double absolute_change(double from, double to);
/// (to / from − 1) × 100.
double percent_change(double from, double to);
/// Compound annual growth rate in percent over years (> 0) years.
double cagr_percent(double from, double to, int years);
/// value / base × 100.
double index_value(double value, double base);

}  // namespace nytta
