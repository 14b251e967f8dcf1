// Column generation: after each solve, the units left out of the programme are priced
// with its duals, and those whose column would lower the objective enter it, a few at a
// time, until none would. Exact: no unit is dropped on a guess.

#include <algorithm>
#include <coin/ClpSimplex.hpp>
#include <utility>

#include "metrics/lp/clp_frontier_lp.hpp"

namespace nytta::dea::detail {

namespace {

// Reduced cost below which an excluded unit enters the model (normalised data, so the
// costs are of order 1). Tighter than CLP's own tolerances below.
constexpr double kPriceTolerance = 1e-9;
// Columns added per pricing pass: enough to enter a facet's units together, few enough
// that dominated candidates rarely get in.
constexpr std::size_t kColumnsPerPass = 8;

}  // namespace

std::size_t ClpFrontierLp::price(Phase phase) {
  const double* pi = model_->dualRowSolution();
  const std::size_t w = ref_.m + ref_.s;
  const double rts_dual = rts_ != Rts::crs ? pi[w] : 0.0;
  std::vector<std::pair<double, std::size_t>> entering;
  auto consider = [&](std::size_t j) {
    if (unit_col_[j] >= 0 || j == excluded_) return;
    const double* a = ref_.unit(j);
    double d = column_cost(j, phase) - rts_dual;
    for (std::size_t r = 0; r < w; ++r) d -= pi[r] * row_factor_[r] * a[r];
    d /= column_scale(a);  // the reduced cost of the column as it would enter the model
    if (d < -kPriceTolerance) entering.emplace_back(d, j);
  };
  // Without the excluded unit a unit it dominates may be needed, so all units are priced.
  if (excluded_ != kNone) {
    for (std::size_t j = 0; j < ref_.n; ++j) consider(j);
  } else {
    for (std::size_t j : ref_.candidates) consider(j);
  }
  if (entering.empty()) return 0;
  std::size_t take = std::min(entering.size(), kColumnsPerPass);
  std::partial_sort(entering.begin(), entering.begin() + static_cast<std::ptrdiff_t>(take), entering.end());
  std::vector<std::size_t> units;
  for (std::size_t k = 0; k < take; ++k) units.push_back(entering[k].second);
  add_columns(units, phase);
  return take;
}

}  // namespace nytta::dea::detail
