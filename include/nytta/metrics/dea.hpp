#pragma once
// Data envelopment analysis (DEA): the efficiency frontier behind `nytta frontier`,
// `nytta malmquist`, `target --method frontier` and `compare`. Pure functions over plain
// numbers; no I/O. Formulas and conventions: ../shared/guide/DEA.md; the prose paragraph at
// the top of src/metrics/dea.cpp says how they are solved and with which tolerances.
//
// Clean data are a precondition: every input finite and > 0, every output finite and
// >= 0, the same number of inputs (outputs) for every unit. The caller drops units with a
// missing or non-positive input (and says so in its notes); these functions throw
// std::invalid_argument when handed such data, because that is a bug in the caller.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nytta::dea {

/// Returns to scale: the extra condition on the peer weights λ.
enum class Rts {
  crs,  // none (Farrell / CCR)
  vrs,  // Σλ = 1 (BCC)
  drs,  // Σλ <= 1 (non-increasing returns, NIRS)
  irs,  // Σλ >= 1 (non-decreasing returns, NDRS)
  fdh,  // Σλ = 1, λ in {0, 1}: free disposal hull, solved by enumeration
};

/// Input: the same outputs with fewer inputs (option B, cost efficiency). Output: more
/// outputs from the same inputs (option A).
enum class Orientation { input, output };

/// How one linear programme (or enumeration) ended.
enum class Status {
  optimal,
  infeasible,  // no point of the reference technology can be compared (super-efficiency
               // and cross-period terms under VRS/DRS/IRS/FDH, or an output nobody else has)
  unbounded,   // output orientation for a unit whose outputs are all 0
  failed,      // the solver gave up (numerical trouble); never seen on clean data
};

std::string_view to_string(Rts rts);
std::string_view to_string(Orientation orientation);
std::string_view to_string(Status status);
/// "crs", "vrs", "drs", "irs", "fdh" (lower case only); nullopt for anything else.
std::optional<Rts> parse_rts(std::string_view text);
/// "input", "output"; nullopt for anything else.
std::optional<Orientation> parse_orientation(std::string_view text);

/// The units' data: x[unit][input], y[unit][output], in the caller's units of measurement.
struct Technology {
  std::vector<std::vector<double>> x, y;
};

struct Options {
  Rts rts = Rts::crs;
  Orientation orientation = Orientation::input;
  /// Second stage: maximise the sum of slacks at the radial optimum (targets, peers on the
  /// strong frontier, fully vs weakly efficient). Without it slacks are left at 0.
  bool slacks = true;
  /// Andersen–Petersen super-efficiency for the units with efficiency 1.
  bool super = false;
  /// Per input (empty = all discretionary): inputs a unit cannot change (population),
  /// Banker–Morey: Σλx_N <= x_N,o, not scaled by θ, no slack counted. Input orientation
  /// only (in the output orientation no input is scaled anyway).
  std::vector<bool> non_discretionary;
  /// Called after each unit with (done, total); total is 2n with super, n otherwise.
  std::function<void(std::size_t done, std::size_t total)> progress;
  /// Exact acceleration (column generation over the non-dominated units). false solves
  /// every LP with all n units in it: the plain method, kept for tests and benchmarks.
  bool accelerate = true;
};

struct Peer {
  std::size_t unit;
  double lambda;
};

struct UnitResult {
  Status status = Status::optimal;
  /// θ (input) or 1/φ (output), in (0, 1]; NaN unless status is optimal. 0 for a unit
  /// whose outputs are all 0 under crs/drs in the input orientation.
  double efficiency = 0;
  /// Output orientation: Farrell output efficiency φ >= 1; NaN for the input orientation.
  double phi = 0;
  /// Efficiency 1 and no slack (both within kTolerance); weakly efficient when efficiency
  /// is 1 and some slack is not 0.
  bool fully_efficient = false;
  /// Units with λ > kLambdaTolerance, by unit index; an efficient unit is its own peer.
  std::vector<Peer> peers;
  /// Per input/output, in the data's units; 0 without Options::slacks; NaN unless status
  /// is optimal. Non-discretionary inputs have slack 0 and target = their value.
  std::vector<double> input_slack, output_slack;
  /// x̂ = θx - s⁻ and ŷ = y + s⁺ (input), x̂ = x - s⁻ and ŷ = φy + s⁺ (output).
  std::vector<double> target_x, target_y;
  /// With Options::super: θ (or 1/φ) against the others only; may exceed 1. Equal to
  /// efficiency for inefficient units. NaN when super_feasible is false.
  double super_efficiency = 0;
  bool super_feasible = false;
};

/// Counts of the work done, for benchmarks and progress notes.
struct SolveStats {
  std::size_t lps = 0;             // linear programmes solved (each pricing round counts)
  std::size_t iterations = 0;      // simplex pivots
  std::size_t columns = 0;         // reference columns the model ended with
  std::size_t feasibility_runs = 0;  // restricted LPs that needed the phase one
  std::size_t slack_failures = 0;    // second stages that did not solve (peers from stage one)
};

struct Result {
  std::vector<UnitResult> units;
  /// How many other units have unit j as a peer (DEAP's "peer count").
  std::vector<std::size_t> peer_count;
  SolveStats stats;
};

/// A score within kTolerance of 1 counts as 1; a slack counts when it exceeds kTolerance
/// times the unit's own value of the variable (its mean over the units when that is 0).
inline constexpr double kTolerance = 1e-6;
/// λ at or below this is not a peer.
inline constexpr double kLambdaTolerance = 1e-9;

/// Efficiency, slacks, targets, peers (and super-efficiency) of every unit of t against
/// the frontier of all of them. Throws std::invalid_argument for unclean data (see top).
Result solve(const Technology& t, const Options& o);

/// Efficiency (θ, or 1/φ for the output orientation) of each point of `evaluated` against
/// the frontier spanned by `reference` (may exceed 1); NaN where the LP is infeasible or
/// unbounded. Used for the cross-period terms of the Malmquist index.
std::vector<double> efficiency_against(const Technology& reference, const Technology& evaluated, Rts rts,
                                       Orientation orientation);

/// One unit's Malmquist index between period 0 and 1, geometric-mean form:
/// M = sqrt(e10/e00 · e11/e01), EC = e11/e00, TC = sqrt(e10/e11 · e00/e01), M = EC·TC,
/// where e_st is the period-s data against the period-t frontier (Benchmarking's malmq).
/// M > 1 is productivity growth. NaN where a term is not computable.
struct MalmquistUnit {
  double m, ec, tc;
  double e00, e01, e10, e11;
};

/// Malmquist indices for units matched by index (t0 and t1 must list the same units in the
/// same order; the caller drops units missing in either period).
std::vector<MalmquistUnit> malmquist(const Technology& t0, const Technology& t1, Rts rts,
                                     Orientation orientation = Orientation::input);

/// Geometric means of m, ec and tc over the units where each is finite (DEAP's "mean"
/// row); the e terms are left NaN. All NaN when no unit has a value.
MalmquistUnit malmquist_mean(const std::vector<MalmquistUnit>& units);

/// The LP solver's version as loaded and as compiled against (for `nytta --version`).
std::pair<std::string, std::string> lp_library_version();

}  // namespace nytta::dea
