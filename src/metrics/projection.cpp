#include "nytta/metrics/projection.hpp"

#include <cmath>

#include "nytta/model/dataset.hpp"

namespace nytta {

LineFit fit_line(const std::vector<int>& years, const std::vector<double>& values) {
  LineFit f;
  double sx = 0.0, sy = 0.0;
  for (std::size_t i = 0; i < years.size() && i < values.size(); ++i) {
    if (is_missing(values[i])) continue;
    sx += years[i];
    sy += values[i];
    ++f.n;
  }
  if (f.n < 2) {
    f.n = 0;
    return f;
  }
  double mx = sx / static_cast<double>(f.n), my = sy / static_cast<double>(f.n);
  double sxx = 0.0, sxy = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < years.size() && i < values.size(); ++i) {
    if (is_missing(values[i])) continue;
    double dx = years[i] - mx, dy = values[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx == 0.0) {  // all points in one year
    f.n = 0;
    return f;
  }
  f.slope = sxy / sxx;
  f.intercept = my - f.slope * mx;
  f.r2 = syy == 0.0 ? 1.0 : (sxy * sxy) / (sxx * syy);
  return f;
}

std::optional<int> year_reaching(const LineFit& fit, double target, int after) {
  if (!fit.ok()) return std::nullopt;
  double now = fit.at(after);
  if (now == target) return after;
  bool need_up = target > now;
  if (need_up ? fit.slope <= 0.0 : fit.slope >= 0.0) return std::nullopt;  // flat or moving away
  double year = std::ceil((target - fit.intercept) / fit.slope - 1e-9);
  if (year > 2200.0) return std::nullopt;
  return static_cast<int>(std::max(year, static_cast<double>(after)));
}

}  // namespace nytta
