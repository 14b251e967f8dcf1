// The envelopment LP of DEA in one COIN-OR CLP model, re-solved for every evaluated
// point. A frontier run on 9,000 libraries is 9,000 LPs; building a model of 9,000 columns
// for each would take minutes, so one model is kept and only what depends on the
// evaluated point o changes between solves: the column of the score (θ or φ, whose
// coefficients are -x_o or -y_o), the point's own "self" column and the right-hand sides.
// CLP keeps the basis of the previous solve, so each solve starts warm.
//
// Scaling: each variable is divided by its mean over the units, then each row by the
// evaluated point's own value (its column, right-hand sides and θ coefficients become 1),
// then each reference column by its largest coefficient. CLP's tolerances are absolute and
// libraries' costs span six orders of magnitude: with the mean scaling alone a library
// 1/4000 of the mean size got a score wrong by 1e-6, and with the row scaling alone a
// large library's λ of -5e-10 (within tolerance) times its coefficient 1e5 moved a small
// library's score by 1e-5. With both, scores agree with an independent solver to 1e-11.
//
// Rows (before the row scaling; one per input, one per output, one for Σλ unless CRS):
//   input orientation   Σλx_i - θx_io <= 0 (θ column), Σλx_N <= x_No (non-discretionary),
//                       Σλy_r >= y_ro;   minimise θ
//   output orientation  Σλx_i <= x_io,   Σλy_r - φy_ro >= 0 (φ column);   maximise φ
//   returns to scale    Σλ = 1 (vrs), <= 1 (drs), >= 1 (irs)
// The second stage fixes the score and maximises the sum of slacks, i.e. minimises
// Σ_j λ_j (Σ_i x_ij - Σ_r y_rj) in the data's units (the slacks are the rows' slack).
//
// Acceleration, exact by construction: column generation. The model starts with no
// reference unit at all; after each solve every unit outside the model is priced with the
// row duals π (reduced cost c_j - π·a_j), the most negative ones are added and the LP is
// solved again, until no unit prices out. Then the restricted optimum is the optimum over
// all units (LP duality), for the score and for the slack stage alike. Only non-dominated
// units need pricing: if unit k has x_k <= x_j and y_k >= y_j, the sign of the duals
// (π <= 0 on <= rows, π >= 0 on >= rows, the Σλ row has the same coefficient for all)
// and c_k <= c_j make k's reduced cost no larger than j's. Units enter the model once and
// stay, so the model soon holds the frontier units and most solves need one pricing pass.
// Without the point's own column (super-efficiency, cross-period terms) the restricted LP
// can be infeasible although the full one is not; then a phase one minimising the sum of
// artificial variables on the right-hand-side rows is solved, also by column generation,
// and the LP is infeasible only if that sum stays above 0 with every unit priced.

#include "metrics/lp/clp_frontier_lp.hpp"

#include <algorithm>
#include <cmath>
#include <coin/ClpConfig.h>
#include <coin/ClpSimplex.hpp>
#include <coin/Clp_C_Interface.h>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace nytta::dea::detail {

namespace {

const double kInfinity = COIN_DBL_MAX;
// Sum of artificials above which the LP counts as infeasible.
constexpr double kFeasibilityTolerance = 1e-9;

}  // namespace

ClpFrontierLp::ClpFrontierLp(const Reference& ref, Rts rts, Orientation orientation, std::vector<bool> non_discretionary,
                       bool accelerate)
    : ref_(ref), rts_(rts), orientation_(orientation), nd_(std::move(non_discretionary)), accelerate_(accelerate),
      model_(std::make_unique<ClpSimplex>()) {
  if (rts == Rts::fdh) throw std::invalid_argument("dea: fdh is solved by enumeration, not by an LP");
  nd_.resize(ref.m, false);
  const int m = static_cast<int>(ref.m);
  const int s = static_cast<int>(ref.s);
  const bool has_rts_row = rts != Rts::crs;
  rows_ = m + s + (has_rts_row ? 1 : 0);
  const int rts_row = m + s;

  // Column 0: the score; column 1: the evaluated point itself; then the artificials. The
  // point-dependent coefficients are placeholders (1) until solve() sets them.
  std::vector<CoinBigIndex> starts{0};
  std::vector<int> rows;
  std::vector<double> elements;
  std::vector<double> lower, upper, cost;
  auto close_column = [&](double lo, double up) {
    starts.push_back(static_cast<CoinBigIndex>(rows.size()));
    lower.push_back(lo);
    upper.push_back(up);
    cost.push_back(0.0);
  };
  for (int r = 0; r < m + s; ++r) {
    bool scaled = orientation == Orientation::input ? (r < m && !nd_[static_cast<std::size_t>(r)]) : r >= m;
    if (!scaled) continue;
    rows.push_back(r);
    elements.push_back(-1.0);
  }
  close_column(0.0, kInfinity);
  for (int r = 0; r < m + s; ++r) {
    rows.push_back(r);
    elements.push_back(1.0);
  }
  if (has_rts_row) {
    rows.push_back(rts_row);
    elements.push_back(1.0);
  }
  close_column(0.0, kInfinity);
  // Artificials only where λ = 0 may violate a row: the right-hand-side rows (+1 relaxes a
  // >= row, -1 a <= row) and the Σλ row.
  first_ref_ = 2;
  auto artificial = [&](int row, double sign) {
    rows.push_back(row);
    elements.push_back(sign);
    close_column(0.0, 0.0);
    artificial_.push_back(first_ref_++);
  };
  for (int r = 0; r < m + s; ++r) {
    if (orientation == Orientation::input) {
      if (r < m && nd_[static_cast<std::size_t>(r)]) artificial(r, -1.0);
      if (r >= m) artificial(r, 1.0);
    } else if (r < m) {
      artificial(r, -1.0);
    }
  }
  if (rts == Rts::vrs || rts == Rts::irs) artificial(rts_row, 1.0);
  if (rts == Rts::vrs || rts == Rts::drs) artificial(rts_row, -1.0);

  std::vector<double> row_lower(static_cast<std::size_t>(rows_), -kInfinity);
  std::vector<double> row_upper(static_cast<std::size_t>(rows_), kInfinity);
  if (has_rts_row) {
    row_lower[static_cast<std::size_t>(rts_row)] = rts == Rts::drs ? -kInfinity : 1.0;
    row_upper[static_cast<std::size_t>(rts_row)] = rts == Rts::irs ? kInfinity : 1.0;
  }
  model_->setLogLevel(0);
  model_->loadProblem(first_ref_, rows_, starts.data(), rows.data(), elements.data(), lower.data(), upper.data(),
                      cost.data(), row_lower.data(), row_upper.data());
  // The engine scales rows and columns itself, for each point (see the top of the file).
  model_->scaling(0);
  model_->setPrimalTolerance(1e-9);
  model_->setDualTolerance(1e-9);
  // Keep CLP's work arrays between solves: freeing and reallocating them for each of
  // thousands of tiny LPs made glibc return memory to the system and take it back every
  // time, which cost ten times the solving itself.
  model_->setPersistenceFlag(1);
  unit_col_.assign(ref.n, -1);
  row_factor_.assign(ref.m + ref.s, 1.0);
  if (!accelerate_) {
    std::vector<std::size_t> all(ref.n);
    std::iota(all.begin(), all.end(), std::size_t{0});
    add_columns(all, Phase::radial);
  }
}

ClpFrontierLp::~ClpFrontierLp() = default;

double ClpFrontierLp::column_cost(std::size_t unit, Phase phase) const {
  return phase == Phase::slacks ? ref_.slack_cost[unit] : 0.0;
}

void ClpFrontierLp::add_columns(const std::vector<std::size_t>& units, Phase phase) {
  if (units.empty()) return;
  std::size_t w = ref_.m + ref_.s;
  std::vector<CoinBigIndex> starts{0};
  std::vector<int> rows;
  std::vector<double> elements, lower(units.size(), 0.0), upper(units.size(), kInfinity), cost;
  rows.reserve(units.size() * (w + 1));
  elements.reserve(units.size() * (w + 1));
  for (std::size_t j : units) {
    const double* a = ref_.unit(j);
    double c = column_scale(a);
    for (std::size_t r = 0; r < w; ++r) {
      if (a[r] == 0.0) continue;
      rows.push_back(static_cast<int>(r));
      elements.push_back(a[r] * row_factor_[r] / c);
    }
    if (rts_ != Rts::crs) {
      rows.push_back(static_cast<int>(w));
      elements.push_back(1.0 / c);
    }
    starts.push_back(static_cast<CoinBigIndex>(rows.size()));
    cost.push_back(column_cost(j, phase) / c);
    col_scale_.push_back(c);
    unit_col_[j] = first_ref_ + static_cast<int>(col_unit_.size());
    col_unit_.push_back(j);
  }
  model_->addColumns(static_cast<int>(units.size()), lower.data(), upper.data(), cost.data(), starts.data(),
                     rows.data(), elements.data());
}

// A reference column's largest coefficient after the row scaling. Each column is divided
// by it, i.e. its λ is measured in units of 1/scale, so that CLP's bound tolerance on a λ
// moves no row by more than the tolerance.
double ClpFrontierLp::column_scale(const double* a) const {
  double scale = rts_ != Rts::crs ? 1.0 : 0.0;
  for (std::size_t r = 0; r < ref_.m + ref_.s; ++r) scale = std::max(scale, a[r] * row_factor_[r]);
  return scale > 0 ? scale : 1.0;
}

// Applies the current point's row factors, and the column scales that follow from them,
// to the reference columns, in place: their structure (which rows they touch) never
// changes, only the values.
void ClpFrontierLp::rescale_reference_columns() {
  CoinPackedMatrix* matrix = model_->matrix();
  if (matrix == nullptr) return;
  const CoinBigIndex* start = matrix->getVectorStarts();
  const int* length = matrix->getVectorLengths();
  const int* row = matrix->getIndices();
  double* element = matrix->getMutableElements();
  const std::size_t w = ref_.m + ref_.s;
  for (std::size_t k = 0; k < col_unit_.size(); ++k) {
    const double* a = ref_.unit(col_unit_[k]);
    double scale = column_scale(a);
    col_scale_[k] = scale;
    std::size_t c = static_cast<std::size_t>(first_ref_) + k;
    for (CoinBigIndex e = start[c]; e < start[c] + length[c]; ++e) {
      std::size_t r = static_cast<std::size_t>(row[e]);
      element[e] = (r < w ? a[r] * row_factor_[r] : 1.0) / scale;
    }
  }
}

// Changes a column's bounds. CLP marks a nonbasic column whose bounds were equal as
// fixed and keeps that mark when the bounds open again, and a column marked fixed never
// enters the basis: after the slack stage (score fixed) the next unit's score could not
// move and came out wrong by up to 1e-5. So the mark is reset to "at lower bound".
void ClpFrontierLp::set_bounds(int column, double lower, double upper) {
  model_->setColumnBounds(column, lower, upper);
  if (lower < upper && model_->getColumnStatus(column) == ClpSimplex::isFixed)
    model_->setColumnStatus(column, ClpSimplex::atLowerBound);
}

void ClpFrontierLp::set_objective(Phase phase) {
  std::vector<double> cost(static_cast<std::size_t>(model_->numberColumns()), 0.0);
  switch (phase) {
    case Phase::feasibility:
      for (int c : artificial_) cost[static_cast<std::size_t>(c)] = 1.0;
      break;
    case Phase::radial:
      cost[0] = orientation_ == Orientation::input ? 1.0 : -1.0;
      break;
    case Phase::slacks:
      cost[1] = self_cost_;
      for (std::size_t k = 0; k < col_unit_.size(); ++k)
        cost[static_cast<std::size_t>(first_ref_) + k] = ref_.slack_cost[col_unit_[k]] / col_scale_[k];
      break;
  }
  model_->chgObjCoefficients(cost.data());
}

// One simplex run from the current basis. Dual simplex after a change of right-hand
// sides (the previous basis stays dual feasible when only the point moved), primal after
// columns were added or the objective changed (the basis stays primal feasible). Returns
// false when CLP stopped without an answer even after a restart from the slack basis.
bool ClpFrontierLp::simplex(bool prefer_dual) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    model_->setWhatsChanged(0);
    if (prefer_dual && attempt == 0)
      model_->dual();
    else
      model_->primal();
    ++stats_.lps;
    stats_.iterations += static_cast<std::size_t>(model_->numberIterations());
    int status = model_->status();
    if (status == 0 || status == 1 || status == 2) return true;
    model_->allSlackBasis(true);
  }
  return false;
}

Status ClpFrontierLp::run(Phase phase, bool prefer_dual) {
  for (;;) {
    if (!simplex(prefer_dual)) return Status::failed;
    switch (model_->status()) {
      case 0: break;
      case 1: return Status::infeasible;
      case 2: return Status::unbounded;
      default: return Status::failed;
    }
    if (!accelerate_ || price(phase) == 0) return Status::optimal;
    prefer_dual = false;
  }
}

LpOutcome ClpFrontierLp::solve(const double* point, bool with_self, std::size_t excluded, bool slacks,
                            double self_cost) {
  const std::size_t m = ref_.m;
  const std::size_t s = ref_.s;
  excluded_ = excluded;
  self_cost_ = self_cost;
  for (std::size_t r = 0; r < m + s; ++r) row_factor_[r] = point[r] > 0 ? 1.0 / point[r] : 1.0;
  rescale_reference_columns();
  for (std::size_t r = 0; r < m + s; ++r) {
    int row = static_cast<int>(r);
    double v = point[r] * row_factor_[r];  // 1, or 0 for an output the point lacks
    if (r < m) {
      bool scaled = orientation_ == Orientation::input && !nd_[r];
      model_->setRowBounds(row, -kInfinity, scaled ? 0.0 : v);
      if (scaled) model_->modifyCoefficient(row, 0, -v, true);
    } else if (orientation_ == Orientation::input) {
      model_->setRowBounds(row, v, kInfinity);
    } else {
      model_->setRowBounds(row, 0.0, kInfinity);
      model_->modifyCoefficient(row, 0, -v, true);
    }
    model_->modifyCoefficient(row, 1, v, true);
  }
  set_bounds(0, 0.0, kInfinity);
  set_bounds(1, 0.0, with_self ? kInfinity : 0.0);
  int excluded_col = excluded != kNone ? unit_col_[excluded] : -1;
  if (excluded_col >= 0) set_bounds(excluded_col, 0.0, 0.0);

  set_objective(Phase::radial);
  Status status = run(Phase::radial, true);
  if (status == Status::infeasible && with_self) {
    // Cannot be: λ_self = 1 is feasible. Numerical trouble; start over from scratch.
    model_->allSlackBasis(true);
    status = run(Phase::radial, false);
    if (status == Status::infeasible) status = Status::failed;
  }
  if (status == Status::infeasible && accelerate_) {
    ++stats_.feasibility_runs;
    for (int c : artificial_) set_bounds(c, 0.0, kInfinity);
    set_objective(Phase::feasibility);
    Status phase_one = run(Phase::feasibility, false);
    double infeasibility = model_->objectiveValue();
    for (int c : artificial_) set_bounds(c, 0.0, 0.0);
    if (phase_one != Status::optimal) {
      status = Status::failed;
    } else if (infeasibility <= kFeasibilityTolerance) {
      set_objective(Phase::radial);
      status = run(Phase::radial, false);
    }
  }

  LpOutcome out;
  out.status = status;
  if (status == Status::optimal) {
    out.score = model_->primalColumnSolution()[0];
    auto read_lambdas = [&] {
      const double* sol = model_->primalColumnSolution();
      out.lambdas.clear();
      for (std::size_t k = 0; k < col_unit_.size(); ++k) {
        double l = sol[static_cast<std::size_t>(first_ref_) + k] / col_scale_[k];
        if (l > kLambdaTolerance) out.lambdas.push_back({col_unit_[k], l});
      }
      out.self_lambda = sol[1] > kLambdaTolerance ? sol[1] : 0.0;
    };
    read_lambdas();
    if (slacks) {
      set_bounds(0, out.score, out.score);
      set_objective(Phase::slacks);
      Status second = run(Phase::slacks, false);
      if (second != Status::optimal) {
        // The score met the rows within CLP's tolerance, and fixed exactly it can leave
        // this stage infeasible: then it may move by a relative 1e-9 in the direction that
        // loosens the rows, from a fresh basis.
        model_->allSlackBasis(true);
        double give = 1e-9 * out.score;
        if (orientation_ == Orientation::input)
          set_bounds(0, out.score, out.score + give);
        else
          set_bounds(0, out.score - give, out.score);
        second = run(Phase::slacks, false);
      }
      if (second == Status::optimal) {
        read_lambdas();
      } else {
        // The phase-one peers stay; a basis left by a failed solve is not reused.
        ++stats_.slack_failures;
        model_->allSlackBasis(true);
      }
      set_bounds(0, 0.0, kInfinity);
    }
    std::sort(out.lambdas.begin(), out.lambdas.end(),
              [](const Peer& a, const Peer& b) { return a.unit < b.unit; });
  }
  if (excluded_col >= 0) set_bounds(excluded_col, 0.0, kInfinity);
  excluded_ = kNone;
  stats_.columns = col_unit_.size();
  return out;
}

std::unique_ptr<FrontierLp> make_frontier_lp(const Reference& ref, Rts rts, Orientation orientation,
                                             std::vector<bool> non_discretionary, bool accelerate) {
  return std::make_unique<ClpFrontierLp>(ref, rts, orientation, std::move(non_discretionary), accelerate);
}

}  // namespace nytta::dea::detail

namespace nytta::dea {

std::pair<std::string, std::string> lp_library_version() { return {Clp_Version(), CLP_VERSION}; }

}  // namespace nytta::dea
