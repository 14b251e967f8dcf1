#pragma once
// The envelopment LP in one COIN-OR CLP model (the formulation and the column generation
// are described at the top of clp_frontier_lp.cpp).

#include <memory>
#include <vector>

#include "metrics/dea_lp.hpp"

class ClpSimplex;

namespace nytta::dea::detail {

class ClpFrontierLp final : public FrontierLp {
 public:
  ClpFrontierLp(const Reference& ref, Rts rts, Orientation orientation, std::vector<bool> non_discretionary,
             bool accelerate);
  ~ClpFrontierLp() override;
  ClpFrontierLp(const ClpFrontierLp&) = delete;
  ClpFrontierLp& operator=(const ClpFrontierLp&) = delete;

  LpOutcome solve(const double* point, bool with_self, std::size_t excluded, bool slacks, double self_cost) override;

  const SolveStats& stats() const override { return stats_; }
  std::size_t reference_columns() const override { return col_unit_.size(); }

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

}  // namespace nytta::dea::detail
