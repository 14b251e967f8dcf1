#pragma once
// Internal to the DEA engine (src/metrics/dea*.cpp): the envelopment LP of one reference
// technology, kept in one COIN-OR CLP model and re-solved per evaluated point. See the
// top of dea_lp.cpp for the formulation and the column generation.

#include <cstddef>
#include <limits>
#include <memory>
#include <vector>

#include "nytta/metrics/dea.hpp"

class ClpSimplex;

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

class FrontierLp {
 public:
  FrontierLp(const Reference& ref, Rts rts, Orientation orientation, std::vector<bool> non_discretionary,
             bool accelerate);
  ~FrontierLp();
  FrontierLp(const FrontierLp&) = delete;
  FrontierLp& operator=(const FrontierLp&) = delete;

  /// Solves for the normalised point (m inputs then s outputs). with_self adds the point's
  /// own column (it is then always feasible); excluded is a reference unit left out
  /// (super-efficiency) or kNone; slacks runs the second stage, where self_cost is the
  /// point's own slack_cost.
  LpOutcome solve(const double* point, bool with_self, std::size_t excluded, bool slacks, double self_cost);

  const SolveStats& stats() const { return stats_; }
  std::size_t reference_columns() const { return col_unit_.size(); }

 private:
  enum class Phase { feasibility, radial, slacks };
  void add_columns(const std::vector<std::size_t>& units, Phase phase);
  void rescale_reference_columns();
  double column_scale(const double* a) const;
  void set_bounds(int column, double lower, double upper);
  bool simplex(bool prefer_dual);
  Status run(Phase phase, bool prefer_dual);
  std::size_t price(Phase phase);
  void set_objective(Phase phase);
  double column_cost(std::size_t unit, Phase phase) const;

  const Reference& ref_;
  Rts rts_;
  Orientation orientation_;
  std::vector<bool> nd_;
  bool accelerate_;
  std::unique_ptr<ClpSimplex> model_;
  int rows_ = 0;
  int first_ref_ = 0;                   // model column of the first reference unit
  std::vector<int> artificial_;         // model columns of the feasibility artificials
  std::vector<std::size_t> col_unit_;   // reference unit of model column first_ref_ + k
  std::vector<int> unit_col_;           // model column of each reference unit, or -1
  std::vector<double> row_factor_;      // the current point's row scaling, 1/value
  std::vector<double> col_scale_;       // divisor of each reference column (same order as col_unit_)
  std::size_t excluded_ = kNone;
  double self_cost_ = 0;
  SolveStats stats_;
};

/// Throws std::invalid_argument (a bug in the caller: nytta checks its data first) unless
/// every unit has the same numbers of inputs and outputs, inputs positive and outputs
/// non-negative. what names the caller in the message.
void check_technology(const Technology& t, const char* what);

}  // namespace nytta::dea::detail
