#include "nytta/metrics/quadrant.hpp"

#include <cmath>

#include "nytta/model/dataset.hpp"

namespace nytta {

std::string_view to_string(Quadrant q) {
  switch (q) {
    case Quadrant::efficient: return "efficient";
    case Quadrant::generous: return "generous";
    case Quadrant::frugal: return "frugal";
    case Quadrant::inefficient: return "inefficient";
    case Quadrant::none: return "";
  }
  return "";
}

Quadrant classify(double result, double input, double result_reference, double input_reference,
                  Direction result_direction, Direction input_direction) {
  if (is_missing(result) || is_missing(input) || is_missing(result_reference) || is_missing(input_reference))
    return Quadrant::none;
  bool good = result_direction == Direction::lower_is_better ? result <= result_reference : result >= result_reference;
  // An input is "large" when it uses more resources: for a lower-is-better input (a cost)
  // a higher value; for a higher-is-better input (staff per child as quality) also a higher
  // value. Resources grow with the value either way, so only the value counts.
  (void)input_direction;
  bool large = input >= input_reference;
  if (good) return large ? Quadrant::generous : Quadrant::efficient;
  return large ? Quadrant::inefficient : Quadrant::frugal;
}

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  double sx = 0, sy = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (is_missing(x[i]) || is_missing(y[i])) continue;
    sx += x[i];
    sy += y[i];
    ++n;
  }
  if (n < 3) return kMissing;
  double mx = sx / static_cast<double>(n), my = sy / static_cast<double>(n);
  double sxx = 0, syy = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (is_missing(x[i]) || is_missing(y[i])) continue;
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  if (sxx == 0 || syy == 0) return kMissing;
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace nytta
