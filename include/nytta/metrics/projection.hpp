#pragma once
// Will we reach the goal? A straight line fitted by least squares to the last years of a
// series, the value it gives for a later year, and the year it crosses a target.

#include <cstddef>
#include <optional>
#include <vector>

namespace nytta {

struct LineFit {
  std::size_t n = 0;      // points used
  double slope = 0.0;     // change per year
  double intercept = 0.0; // value at year 0
  double r2 = 0.0;        // share of the variance the line explains (1 for two points)
  bool ok() const { return n >= 2; }
  double at(double year) const { return intercept + slope * year; }
};

/// Ordinary least squares of values on years; missing values are skipped. n < 2 when fewer
/// than two points have values (then nothing can be projected).
LineFit fit_line(const std::vector<int>& years, const std::vector<double>& values);

/// The first whole year, from `after` on, in which the line reaches target (from below or
/// above, whichever side it is on in `after`); none when it is flat or moves away from the
/// target. Years beyond 2200 are not given.
std::optional<int> year_reaching(const LineFit& fit, double target, int after);

}  // namespace nytta
