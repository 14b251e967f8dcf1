// The reference set of the DEA programmes: every unit's inputs and outputs divided by the
// variables' scales, its cost for the slack phase, and the candidates, the units no other
// unit dominates (only they can be on the frontier; the others are priced in only when a
// programme needs them).

#include <algorithm>
#include <numeric>

#include "metrics/dea_lp.hpp"

namespace nytta::dea::detail {

namespace {

bool dominates(const double* a, const double* b, std::size_t m, std::size_t s) {
  for (std::size_t i = 0; i < m; ++i)
    if (a[i] > b[i]) return false;
  for (std::size_t r = m; r < m + s; ++r)
    if (a[r] < b[r]) return false;
  return true;
}

// Units no other unit dominates (an identical unit is dominated by the first of its kind).
// A dominator has a smaller Σx - Σy, so in that order each unit is checked only against
// the non-dominated units already found.
std::vector<std::size_t> non_dominated(const Reference& ref) {
  std::vector<double> key(ref.n, 0.0);
  for (std::size_t j = 0; j < ref.n; ++j) {
    const double* a = ref.unit(j);
    for (std::size_t i = 0; i < ref.m; ++i) key[j] += a[i];
    for (std::size_t r = ref.m; r < ref.m + ref.s; ++r) key[j] -= a[r];
  }
  std::vector<std::size_t> order(ref.n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
  std::vector<std::size_t> kept;
  for (std::size_t j : order) {
    bool dominated = false;
    for (std::size_t k : kept)
      if (dominates(ref.unit(k), ref.unit(j), ref.m, ref.s)) {
        dominated = true;
        break;
      }
    if (!dominated) kept.push_back(j);
  }
  // A rounding slip in the key can only keep a dominated unit, never drop a needed one.
  std::sort(kept.begin(), kept.end());
  return kept;
}

}  // namespace

Reference make_reference(const std::vector<std::vector<double>>& x, const std::vector<std::vector<double>>& y,
                         const std::vector<double>& scale, const std::vector<double>& cost_weight) {
  Reference ref;
  ref.n = x.size();
  ref.m = ref.n ? x[0].size() : 0;
  ref.s = ref.n ? y[0].size() : 0;
  std::size_t w = ref.m + ref.s;
  ref.data.resize(ref.n * w);
  ref.slack_cost.assign(ref.n, 0.0);
  double total_weight = 0.0;
  for (double c : cost_weight) total_weight += c;
  if (total_weight <= 0.0) total_weight = 1.0;
  for (std::size_t j = 0; j < ref.n; ++j) {
    double* a = &ref.data[j * w];
    double cost = 0.0;
    for (std::size_t i = 0; i < ref.m; ++i) {
      a[i] = x[j][i] / scale[i];
      cost += cost_weight[i] * a[i];
    }
    for (std::size_t r = 0; r < ref.s; ++r) {
      a[ref.m + r] = y[j][r] / scale[ref.m + r];
      cost -= cost_weight[ref.m + r] * a[ref.m + r];
    }
    ref.slack_cost[j] = cost / total_weight;
  }
  ref.candidates = non_dominated(ref);
  return ref;
}

}  // namespace nytta::dea::detail
