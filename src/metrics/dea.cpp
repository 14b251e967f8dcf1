// Data envelopment analysis: how efficient a unit is against the best practice of the
// others, the model the Norwegian efficiency analyses of municipal services use (one cost
// input, volume and quality outputs, input orientation) and that R's Benchmarking and deaR
// offer. Definitions follow ../shared/guide/DEA.md:
//   input orientation   θ = min { θ : (θx_o, y_o) in T }, efficiency = θ in (0, 1]
//   output orientation  φ = max { φ : (x_o, φy_o) in T }, efficiency = 1/φ (Shephard)
// with T the free-disposal convex (CRS/VRS/DRS/IRS) or free-disposal (FDH) hull of the
// units. The LPs are solved by COIN-OR CLP in one model re-solved per unit (lp/clp_frontier_lp.cpp,
// which also proves the column generation that makes a 9,000-unit run take seconds); FDH
// needs no LP: the best dominating unit is found by enumeration.
//
// Second stage (slacks): with the score fixed, the sum of slacks in the data's units is
// maximised, as Benchmarking, DEA.jl and DEAP do; peers and targets come from that stage,
// so they lie on the strong frontier. Non-discretionary inputs (Banker–Morey) enter as
// Σλx_N <= x_N,o without θ; their slack is not maximised and reported as 0.
//
// Tolerances (kTolerance, kLambdaTolerance in the header): a score within 1e-6 of 1 is
// efficient; a slack counts when it exceeds 1e-6 × the unit's own value of the variable
// (× its mean over the units when that value is 0), because the LP is scaled by the unit's
// own values and solved to a relative 1e-9; smaller slacks are set to exactly 0. λ <= 1e-9
// is not a peer.
// Super-efficiency (Andersen–Petersen) is solved only for units with efficiency 1: for an
// inefficient unit the optimum never uses the unit itself, so it equals the efficiency.

#include "nytta/metrics/dea.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "metrics/dea_lp.hpp"

namespace nytta::dea {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Relative difference under which two FDH candidates have the same score.
constexpr double kTieTolerance = 1e-12;


// Each variable's mean over the units (1 when it is 0 for all).
std::vector<double> variable_scales(const Technology& t) {
  std::size_t m = t.x[0].size();
  std::size_t s = t.y[0].size();
  std::vector<double> scale(m + s, 0.0);
  for (std::size_t j = 0; j < t.x.size(); ++j) {
    for (std::size_t i = 0; i < m; ++i) scale[i] += t.x[j][i];
    for (std::size_t r = 0; r < s; ++r) scale[m + r] += t.y[j][r];
  }
  for (double& v : scale) {
    v /= static_cast<double>(t.x.size());
    if (!(v > 0)) v = 1.0;
  }
  return scale;
}

std::vector<bool> discretion(const Options& o, std::size_t m) {
  if (o.non_discretionary.empty()) return std::vector<bool>(m, false);
  if (o.non_discretionary.size() != m)
    throw std::invalid_argument("dea: non_discretionary must have one flag per input");
  if (o.orientation == Orientation::input &&
      std::all_of(o.non_discretionary.begin(), o.non_discretionary.end(), [](bool b) { return b; }))
    throw std::invalid_argument("dea: the input orientation needs at least one discretionary input");
  return o.non_discretionary;
}

// Slacks, targets and the fully-efficient flag of unit o from its peers (in the data's
// units), once the score is known.
void finish_unit(const Technology& t, std::size_t o, const Options& opt, const std::vector<bool>& nd,
                 const std::vector<double>& scale, UnitResult& u) {
  std::size_t m = t.x[0].size();
  std::size_t s = t.y[0].size();
  const bool input = opt.orientation == Orientation::input;
  const double score = input ? u.efficiency : u.phi;
  u.input_slack.assign(m, 0.0);
  u.output_slack.assign(s, 0.0);
  u.target_x.assign(m, 0.0);
  u.target_y.assign(s, 0.0);
  std::vector<double> sum_x(m, 0.0), sum_y(s, 0.0);
  for (const Peer& p : u.peers) {
    for (std::size_t i = 0; i < m; ++i) sum_x[i] += p.lambda * t.x[p.unit][i];
    for (std::size_t r = 0; r < s; ++r) sum_y[r] += p.lambda * t.y[p.unit][r];
  }
  bool slack_free = true;
  for (std::size_t i = 0; i < m; ++i) {
    double radial = input && !nd[i] ? score * t.x[o][i] : t.x[o][i];
    double slack = opt.slacks && !nd[i] ? radial - sum_x[i] : 0.0;
    if (slack <= kTolerance * t.x[o][i]) slack = 0.0;
    slack_free = slack_free && slack == 0.0;
    u.input_slack[i] = slack;
    u.target_x[i] = radial - slack;
  }
  for (std::size_t r = 0; r < s; ++r) {
    double radial = input ? t.y[o][r] : score * t.y[o][r];
    double slack = opt.slacks ? sum_y[r] - radial : 0.0;
    if (slack <= kTolerance * (t.y[o][r] > 0 ? t.y[o][r] : scale[m + r])) slack = 0.0;
    slack_free = slack_free && slack == 0.0;
    u.output_slack[r] = slack;
    u.target_y[r] = radial + slack;
  }
  u.fully_efficient = u.efficiency >= 1.0 - kTolerance && slack_free;
}

// Sets efficiency and phi from a solved score; scores a hair past 1 (the unit itself is
// always feasible) are rounding and become 1.
void set_score(double score, Orientation orientation, UnitResult& u) {
  if (orientation == Orientation::input) {
    u.efficiency = score > 1.0 && score < 1.0 + 1e-9 ? 1.0 : score;
    u.phi = kNaN;
  } else {
    u.phi = score < 1.0 && score > 1.0 - 1e-9 ? 1.0 : score;
    u.efficiency = 1.0 / u.phi;
  }
}

struct FdhBest {
  Status status = Status::infeasible;
  double score = kNaN;
  std::size_t unit = detail::kNone;
};

// The FDH score of point (xo, yo): the best single unit that dominates it after the radial
// move, ties broken by the larger slack sum (the second stage), then the lower index.
FdhBest fdh_best(const Technology& ref, const std::vector<std::size_t>& units, const std::vector<double>& xo,
                 const std::vector<double>& yo, Orientation orientation, const std::vector<bool>& nd,
                 std::size_t excluded) {
  std::size_t m = xo.size();
  std::size_t s = yo.size();
  FdhBest best;
  double best_slack = 0.0;
  const bool input = orientation == Orientation::input;
  if (!input && std::all_of(yo.begin(), yo.end(), [](double v) { return v == 0.0; })) {
    best.status = Status::unbounded;
    return best;
  }
  for (std::size_t j : units) {
    if (j == excluded) continue;
    const std::vector<double>& xj = ref.x[j];
    const std::vector<double>& yj = ref.y[j];
    double score;
    if (input) {
      bool ok = true;
      for (std::size_t r = 0; r < s && ok; ++r) ok = yj[r] >= yo[r];
      for (std::size_t i = 0; i < m && ok; ++i) ok = !nd[i] || xj[i] <= xo[i];
      if (!ok) continue;
      score = 0.0;
      for (std::size_t i = 0; i < m; ++i)
        if (!nd[i]) score = std::max(score, xj[i] / xo[i]);
    } else {
      bool ok = true;
      for (std::size_t i = 0; i < m && ok; ++i) ok = xj[i] <= xo[i];
      if (!ok) continue;
      score = std::numeric_limits<double>::infinity();
      for (std::size_t r = 0; r < s; ++r)
        if (yo[r] > 0) score = std::min(score, yj[r] / yo[r]);
    }
    double slack = 0.0;
    for (std::size_t i = 0; i < m; ++i)
      if (!nd[i]) slack += (input ? score * xo[i] : xo[i]) - xj[i];
    for (std::size_t r = 0; r < s; ++r) slack += yj[r] - (input ? yo[r] : score * yo[r]);
    bool better;
    if (best.status != Status::optimal) {
      better = true;
    } else {
      double diff = input ? best.score - score : score - best.score;
      double tie = kTieTolerance * std::max(std::abs(score), std::abs(best.score));
      better = diff > tie || (std::abs(diff) <= tie && slack > best_slack);
    }
    if (better) {
      best.status = Status::optimal;
      best.score = score;
      best.unit = j;
      best_slack = slack;
    }
  }
  return best;
}

std::vector<std::size_t> all_units(std::size_t n) {
  std::vector<std::size_t> v(n);
  for (std::size_t j = 0; j < n; ++j) v[j] = j;
  return v;
}

// Units that no other unit dominates: a dominating unit is feasible whenever the dominated
// one is, with as good a score and as large a slack sum, so FDH needs only these.
std::vector<std::size_t> fdh_candidates(const Technology& t, const std::vector<double>& scale) {
  std::vector<double> none(scale.size(), 0.0);
  return detail::make_reference(t.x, t.y, scale, none).candidates;
}

void solve_fdh(const Technology& t, const Options& o, const std::vector<bool>& nd, const std::vector<double>& scale,
               Result& result) {
  std::size_t n = t.x.size();
  std::vector<std::size_t> candidates = fdh_candidates(t, scale);
  std::vector<std::size_t> everyone = all_units(n);
  std::size_t total = o.super ? 2 * n : n;
  for (std::size_t j = 0; j < n; ++j) {
    FdhBest b = fdh_best(t, candidates, t.x[j], t.y[j], o.orientation, nd, detail::kNone);
    UnitResult& u = result.units[j];
    u.status = b.status;
    if (b.status == Status::optimal) {
      set_score(b.score, o.orientation, u);
      // Without slacks the unit itself is the peer whenever it is efficient.
      std::size_t peer = !o.slacks && u.efficiency >= 1.0 - kTolerance ? j : b.unit;
      u.peers = {Peer{peer, 1.0}};
      finish_unit(t, j, o, nd, scale, u);
    }
    if (o.progress) o.progress(j + 1, total);
  }
  if (!o.super) return;
  for (std::size_t j = 0; j < n; ++j) {
    UnitResult& u = result.units[j];
    if (u.status == Status::optimal && u.efficiency < 1.0 - kTolerance) {
      u.super_efficiency = u.efficiency;
      u.super_feasible = true;
    } else if (u.status == Status::optimal) {
      FdhBest b = fdh_best(t, everyone, t.x[j], t.y[j], o.orientation, nd, j);
      u.super_feasible = b.status == Status::optimal && b.score > 0;
      u.super_efficiency = u.super_feasible ? (o.orientation == Orientation::input ? b.score : 1.0 / b.score) : kNaN;
    }
    if (o.progress) o.progress(n + j + 1, total);
  }
}

void solve_lp(const Technology& t, const Options& o, const std::vector<bool>& nd, const std::vector<double>& scale,
              Result& result) {
  std::size_t n = t.x.size();
  std::size_t m = t.x[0].size();
  std::vector<double> cost_weight = scale;
  for (std::size_t i = 0; i < m; ++i)
    if (nd[i]) cost_weight[i] = 0.0;
  detail::Reference ref = detail::make_reference(t.x, t.y, scale, cost_weight);
  std::unique_ptr<detail::FrontierLp> lp = detail::make_frontier_lp(ref, o.rts, o.orientation, nd, o.accelerate);
  std::size_t total = o.super ? 2 * n : n;
  for (std::size_t j = 0; j < n; ++j) {
    detail::LpOutcome r = lp->solve(ref.unit(j), true, detail::kNone, o.slacks, ref.slack_cost[j]);
    UnitResult& u = result.units[j];
    u.status = r.status;
    if (r.status == Status::optimal) {
      set_score(r.score, o.orientation, u);
      // The point's own column is unit j (the plain method also has j's reference column).
      u.peers = std::move(r.lambdas);
      if (r.self_lambda > 0) {
        auto at = std::lower_bound(u.peers.begin(), u.peers.end(), j,
                                   [](const Peer& p, std::size_t unit) { return p.unit < unit; });
        if (at != u.peers.end() && at->unit == j)
          at->lambda += r.self_lambda;
        else
          u.peers.insert(at, Peer{j, r.self_lambda});
      }
      finish_unit(t, j, o, nd, scale, u);
    }
    if (o.progress) o.progress(j + 1, total);
  }
  if (o.super) {
    for (std::size_t j = 0; j < n; ++j) {
      UnitResult& u = result.units[j];
      if (u.status == Status::optimal && u.efficiency < 1.0 - kTolerance) {
        u.super_efficiency = u.efficiency;
        u.super_feasible = true;
      } else if (u.status == Status::optimal) {
        detail::LpOutcome r = lp->solve(ref.unit(j), false, j, false, 0.0);
        u.super_feasible = r.status == Status::optimal && r.score > 0;
        u.super_efficiency =
            u.super_feasible ? (o.orientation == Orientation::input ? r.score : 1.0 / r.score) : kNaN;
      }
      if (o.progress) o.progress(n + j + 1, total);
    }
  }
  result.stats = lp->stats();
}


}  // namespace

void detail::check_technology(const Technology& t, const char* what) {
  auto fail = [&](const std::string& why) { throw std::invalid_argument(std::string("dea: ") + what + ": " + why); };
  if (t.x.empty()) fail("no units");
  if (t.x.size() != t.y.size()) fail("inputs and outputs have different numbers of units");
  std::size_t m = t.x[0].size();
  std::size_t s = t.y[0].size();
  if (m == 0) fail("no inputs");
  if (s == 0) fail("no outputs");
  for (std::size_t j = 0; j < t.x.size(); ++j) {
    if (t.x[j].size() != m || t.y[j].size() != s) fail("units have different numbers of inputs or outputs");
    for (double v : t.x[j])
      if (!std::isfinite(v) || v <= 0) fail("an input is missing or not positive (unit " + std::to_string(j) + ")");
    for (double v : t.y[j])
      if (!std::isfinite(v) || v < 0) fail("an output is missing or negative (unit " + std::to_string(j) + ")");
  }
}

std::string_view to_string(Rts rts) {
  switch (rts) {
    case Rts::crs: return "crs";
    case Rts::vrs: return "vrs";
    case Rts::drs: return "drs";
    case Rts::irs: return "irs";
    case Rts::fdh: return "fdh";
  }
  return "";
}

std::string_view to_string(Orientation orientation) {
  return orientation == Orientation::input ? "input" : "output";
}

std::string_view to_string(Status status) {
  switch (status) {
    case Status::optimal: return "optimal";
    case Status::infeasible: return "infeasible";
    case Status::unbounded: return "unbounded";
    case Status::failed: return "failed";
  }
  return "";
}

std::optional<Rts> parse_rts(std::string_view text) {
  for (Rts r : {Rts::crs, Rts::vrs, Rts::drs, Rts::irs, Rts::fdh})
    if (text == to_string(r)) return r;
  return std::nullopt;
}

std::optional<Orientation> parse_orientation(std::string_view text) {
  if (text == "input") return Orientation::input;
  if (text == "output") return Orientation::output;
  return std::nullopt;
}

Result solve(const Technology& t, const Options& o) {
  detail::check_technology(t, "solve");
  std::size_t n = t.x.size();
  std::vector<bool> nd = discretion(o, t.x[0].size());
  std::vector<double> scale = variable_scales(t);
  Result result;
  result.units.resize(n);
  for (UnitResult& u : result.units) {
    u.status = Status::failed;
    u.efficiency = u.phi = u.super_efficiency = kNaN;
  }
  if (o.rts == Rts::fdh)
    solve_fdh(t, o, nd, scale, result);
  else
    solve_lp(t, o, nd, scale, result);
  for (UnitResult& u : result.units) {
    if (u.status == Status::optimal) continue;
    u.input_slack.assign(t.x[0].size(), kNaN);
    u.target_x.assign(t.x[0].size(), kNaN);
    u.output_slack.assign(t.y[0].size(), kNaN);
    u.target_y.assign(t.y[0].size(), kNaN);
  }
  result.peer_count.assign(n, 0);
  for (std::size_t j = 0; j < n; ++j)
    for (const Peer& p : result.units[j].peers)
      if (p.unit != j) ++result.peer_count[p.unit];
  return result;
}

std::vector<double> efficiency_against(const Technology& reference, const Technology& evaluated, Rts rts,
                                       Orientation orientation) {
  detail::check_technology(reference, "efficiency_against reference");
  detail::check_technology(evaluated, "efficiency_against evaluated");
  std::size_t m = reference.x[0].size();
  std::size_t s = reference.y[0].size();
  if (evaluated.x[0].size() != m || evaluated.y[0].size() != s)
    throw std::invalid_argument("dea: efficiency_against: the two technologies have different variables");
  std::vector<double> scale = variable_scales(reference);
  std::vector<double> out(evaluated.x.size(), kNaN);
  std::vector<bool> nd(m, false);
  auto efficiency = [&](double score) {
    if (!(score > 0) || !std::isfinite(score)) return orientation == Orientation::input && score == 0 ? 0.0 : kNaN;
    return orientation == Orientation::input ? score : 1.0 / score;
  };
  if (rts == Rts::fdh) {
    std::vector<std::size_t> candidates = fdh_candidates(reference, scale);
    for (std::size_t k = 0; k < evaluated.x.size(); ++k) {
      FdhBest b = fdh_best(reference, candidates, evaluated.x[k], evaluated.y[k], orientation, nd, detail::kNone);
      if (b.status == Status::optimal) out[k] = efficiency(b.score);
    }
    return out;
  }
  detail::Reference ref = detail::make_reference(reference.x, reference.y, scale, scale);
  std::unique_ptr<detail::FrontierLp> lp = detail::make_frontier_lp(ref, rts, orientation, nd, true);
  std::vector<double> point(m + s);
  for (std::size_t k = 0; k < evaluated.x.size(); ++k) {
    for (std::size_t i = 0; i < m; ++i) point[i] = evaluated.x[k][i] / scale[i];
    for (std::size_t r = 0; r < s; ++r) point[m + r] = evaluated.y[k][r] / scale[m + r];
    detail::LpOutcome r = lp->solve(point.data(), false, detail::kNone, false, 0.0);
    if (r.status == Status::optimal) out[k] = efficiency(r.score);
  }
  return out;
}

}  // namespace nytta::dea
