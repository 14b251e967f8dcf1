#pragma once
// Internal to the DEA engine (src/metrics/dea*.cpp): the envelopment LP of one reference
// technology, re-solved per evaluated point. See the top of lp/clp_frontier_lp.cpp for the
// formulation and the column generation.

#include <cstddef>
#include <limits>
#include <memory>
#include <vector>

#include "nytta/metrics/dea.hpp"

namespace nytta::dea::detail {

inline constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

/// A reference technology in normalised units (each variable divided by its mean over
/// the reference units), which keeps the LP well scaled; radial scores do not depend on it.
struct Reference {
  std::size_t n = 0, m = 0, s = 0;
  std::vector<double> data;        // n × (m + s): normalised inputs, then outputs, per unit
  std::vector<double> slack_cost;  // per unit: (Σ discretionary x - Σ y) in data units / scale
  std::vector<std::size_t> candidates;  // units not dominated by another one (pricing)
  const double* unit(std::size_t j) const { return &data[j * (m + s)]; }
};

/// Builds a Reference; `cost_weight` is each variable's weight in the second-stage slack
/// sum (its scale for discretionary inputs and outputs, 0 for non-discretionary inputs).
Reference make_reference(const std::vector<std::vector<double>>& x, const std::vector<std::vector<double>>& y,
                         const std::vector<double>& scale, const std::vector<double>& cost_weight);

struct LpOutcome {
  Status status = Status::failed;
  double score = 0;  // θ (input) or φ (output)
  std::vector<Peer> lambdas;  // reference units with λ > 0
  double self_lambda = 0;     // weight of the evaluated point's own column
};

/// The envelopment LP of one reference technology, re-solved per evaluated point. An
/// interface because its solver (COIN-OR CLP, src/metrics/lp/) lives in a module that the
/// nytta executable loads only when a frontier is asked for.
class FrontierLp {
 public:
  virtual ~FrontierLp() = default;
  /// Solves for the normalised point (m inputs then s outputs). with_self adds the point's
  /// own column (it is then always feasible); excluded is a reference unit left out
  /// (super-efficiency) or kNone; slacks runs the second stage, where self_cost is the
  /// point's own slack_cost.
  virtual LpOutcome solve(const double* point, bool with_self, std::size_t excluded, bool slacks,
                          double self_cost) = 0;
  virtual const SolveStats& stats() const = 0;
  virtual std::size_t reference_columns() const = 0;
};

/// The LP of ref (which must outlive it) for rts (not fdh) and orientation.
std::unique_ptr<FrontierLp> make_frontier_lp(const Reference& ref, Rts rts, Orientation orientation,
                                             std::vector<bool> non_discretionary, bool accelerate);

/// Throws std::invalid_argument (a bug in the caller: nytta checks its data first) unless
/// every unit has the same numbers of inputs and outputs, inputs positive and outputs
/// non-negative. what names the caller in the message.
void check_technology(const Technology& t, const char* what);

}  // namespace nytta::dea::detail
