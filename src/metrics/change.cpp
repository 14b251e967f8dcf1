#include "nytta/metrics/change.hpp"

#include <cmath>

#include "nytta/util/missing.hpp"

namespace nytta {

double absolute_change(double from, double to) {
  if (is_missing(from) || is_missing(to)) return kMissing;
  return finite_or_missing(to - from);
}

double percent_change(double from, double to) {
  if (is_missing(from) || is_missing(to) || from == 0.0) return kMissing;
  return finite_or_missing((to / from - 1.0) * 100.0);
}

double cagr_percent(double from, double to, int years) {
  if (is_missing(from) || is_missing(to) || from <= 0.0 || to < 0.0 || years <= 0) return kMissing;
  return finite_or_missing((std::pow(to / from, 1.0 / years) - 1.0) * 100.0);
}

double index_value(double value, double base) {
  if (is_missing(value) || is_missing(base) || base == 0.0) return kMissing;
  return finite_or_missing(value / base * 100.0);
}

}  // namespace nytta
