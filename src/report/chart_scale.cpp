// Ticks people can read: an axis that runs from 0 to 836 with ticks at 167.2 tells nothing;
// one that runs to 900 in steps of 200 does. The step is the smallest of 1, 2 or 5 × 10^k
// that gives about five intervals, the axis ends on whole steps around the data, and the
// tick labels get just the decimals the step needs. Degenerate inputs (no value, one value,
// all equal, ranges near the limits of a double) still give a usable axis, because a chart
// of a single municipality or of a KPI that is 0 everywhere must still draw.

#include "report/chart_scale.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "nytta/report/number_format.hpp"

namespace nytta {

namespace {

constexpr int kMaxDecimals = 15;
constexpr std::size_t kMaxTicks = 60;

}  // namespace

double Scale::fraction(double v) const {
  // Halves first, so that a range near the largest double does not overflow.
  double span = hi / 2 - lo / 2;
  if (!(span > 0)) return 0.5;
  return (v / 2 - lo / 2) / span;
}

double nice_step(double raw) {
  if (!(raw > 0) || !std::isfinite(raw)) return 1.0;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double f = raw / magnitude;
  // A little slack, so that 0.3 / 3 (0.09999…) gives 0.1 and not 0.2.
  const double slack = 1 + 1e-9;
  double m = f <= 1 * slack ? 1 : f <= 2 * slack ? 2 : f <= 5 * slack ? 5 : 10;
  return m * magnitude;
}

Scale make_scale(const std::vector<double>& values, const ScaleOptions& options) {
  double mn = 0, mx = 0;
  bool any = false;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    mn = any ? std::min(mn, v) : v;
    mx = any ? std::max(mx, v) : v;
    any = true;
  }
  if (!any) {
    mn = 0;
    mx = 1;
  }
  if (options.include_zero) {
    mn = std::min(mn, 0.0);
    mx = std::max(mx, 0.0);
  }
  if (mn == mx) {
    // One value: a range around it that still shows its sign and size.
    double pad = mn == 0 || options.integer ? 1.0 : std::abs(mn) * 0.1;
    if (options.include_zero && mn == 0) {
      mx = pad;
    } else {
      mn -= pad;
      mx += pad;
    }
  }
  const int target = std::max(1, options.target_ticks);
  double step = nice_step(mx / target - mn / target);
  if (options.integer) step = std::max(step, 1.0);

  Scale s;
  s.step = step;
  // A step too small for the magnitude (a range of 1e-12 around 1e6) cannot be counted in
  // doubles, and ticks beyond the largest double do not exist: the axis then runs between
  // the two ends.
  const double k_lo = std::floor(mn / step + 1e-9);
  const double k_hi = std::max(std::ceil(mx / step - 1e-9), k_lo + 1);
  if (std::max(std::abs(mn), std::abs(mx)) / step > 1e12 || !std::isfinite(k_lo * step) || !std::isfinite(k_hi * step)) {
    s.ticks = {mn, mx};
    s.lo = mn;
    s.hi = mx;
    s.step = mx / 2 - mn / 2;
    if (s.step > 0 && s.step < 1) s.decimals = std::min(kMaxDecimals, static_cast<int>(std::ceil(-std::log10(s.step))) + 1);
    return s;
  }
  auto count = static_cast<std::size_t>(std::min(k_hi - k_lo, static_cast<double>(kMaxTicks)));
  for (std::size_t i = 0; i <= count; ++i) {
    double t = (k_lo + static_cast<double>(i)) * step;
    s.ticks.push_back(t == 0 ? 0.0 : t);  // never "-0"
  }
  // k × step may round to just inside a value; the axis must still hold it.
  s.lo = std::min(s.ticks.front(), mn);
  s.hi = std::max(s.ticks.back(), mx);
  if (options.tight) {
    // Years 1999–2013 run from 1999 to 2013, with ticks at the round years inside.
    std::erase_if(s.ticks, [&](double t) { return t < mn - 1e-9 * step || t > mx + 1e-9 * step; });
    if (s.ticks.empty()) s.ticks = {mn, mx};
    s.lo = mn;
    s.hi = mx;
  }
  if (s.step > 0 && s.step < 1 && std::isfinite(s.step)) {
    s.decimals = std::min(kMaxDecimals, static_cast<int>(std::ceil(-std::log10(s.step) - 1e-9)));
  }
  return s;
}

std::string chart_number(double v, int decimals, const std::string& lang, bool grouping) {
  std::string s = format_human(v, std::clamp(decimals, 0, kMaxDecimals), lang, grouping);
  // format_human groups with a no-break space (U+00A0); figures in a chart read better with
  // the narrow one (U+202F), as Swedish and Norwegian typesetting wants.
  const std::string nbsp = "\u00A0", narrow = "\u202F";
  for (std::size_t at = s.find(nbsp); at != std::string::npos; at = s.find(nbsp, at + narrow.size())) {
    s.replace(at, nbsp.size(), narrow);
  }
  return s;
}

}  // namespace nytta
