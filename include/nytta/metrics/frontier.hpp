#pragma once
// The efficiency frontier of a Dataset: which units of a year take part, their inputs and
// outputs as the DEA engine (nytta/dea.hpp) wants them, the engine's results mapped back to
// dataset rows, and the money potential. Shared by `nytta frontier`, `nytta malmquist`,
// `target --method frontier`, `compare` and `batch`. Pure computation: no I/O, no texts
// for people (the reasons a unit is left out or flagged are data; commands word them).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "nytta/metrics/dea.hpp"
#include "nytta/metrics/evaluator.hpp"

namespace nytta {

/// What the frontier is made of and how it is solved.
struct FrontierSpec {
  std::vector<std::string> inputs;   // KPI ids or measures; non-discretionary ones included
  std::vector<std::string> outputs;
  std::vector<std::string> non_discretionary;  // a subset of inputs: not scaled by θ (Banker–Morey)
  dea::Rts rts = dea::Rts::crs;
  dea::Orientation orientation = dea::Orientation::input;
  bool super = false;  // Andersen–Petersen super-efficiency for the efficient units
};

/// The library defaults: input cost; outputs loans, visits, opening hours, active borrowers.
FrontierSpec library_frontier_spec();

/// Why a unit of the year is not on the frontier.
struct FrontierExclusion {
  enum class Why {
    missing,       // a value of `variable` is missing
    not_positive,  // an input is 0 or negative (DEA needs inputs > 0)
    negative,      // an output is negative
    no_output,     // every output is 0: nothing to compare (and no output-oriented score)
    impossible,    // a value of `variable` cannot be true (detail: the data-trust flag)
  };
  std::size_t row = 0;
  Why why = Why::missing;
  std::string variable;
  std::string detail;
};

/// One unit on the frontier.
struct FrontierUnit {
  std::size_t row = 0;          // dataset row
  std::vector<double> x, y;     // its inputs and outputs (the spec's order)
  dea::UnitResult result;       // peers' `unit` indexes FrontierRun::units
  /// Money potential in the data's currency: input orientation, the money inputs less
  /// their targets (radial saving and slack); output orientation, the money inputs times
  /// (φ − 1): the value of the extra outputs at today's cost per output. NaN without a
  /// money input or a score.
  double potential = kMissing;
  /// Data-trust flags of its values (widened or doubtful), "" when it can be trusted;
  /// such a unit is evaluated and may be a peer, but is never a model without the flag.
  std::string flag;
};

struct FrontierRun {
  FrontierSpec spec;
  int year = 0;
  std::vector<FrontierUnit> units;          // in the order of the rows asked for
  std::vector<FrontierExclusion> excluded;  // rows left out, in the same order
  std::vector<std::size_t> peer_count;      // per unit: how many others have it as a peer
  std::vector<std::size_t> money_inputs;    // inputs whose unit is currency (cost)
  dea::SolveStats stats;
  double seconds = 0;  // wall time of the solve

  /// Index into units of dataset row, or npos.
  std::size_t index_of_row(std::size_t row) const;
  bool has_money() const { return !money_inputs.empty(); }
};

/// Checks the spec against the data: every variable known (UsageError with a suggestion
/// otherwise) and computable (DataError naming the measure the data lack), no variable
/// twice, non-discretionary ones among the inputs, at least one discretionary input for
/// the input orientation, and the orientation allowed for them. Evaluates the columns.
void check_frontier_spec(Evaluator& e, const FrontierSpec& spec);

/// v to ten significant digits: what the frontier's numbers are reported with (beyond them
/// is the LP's rounding noise); more digits for sums of the data. 0, NaN and infinities
/// unchanged.
double round_significant(double v, int digits = 10);

/// The frontier of the unit rows given (all of one year): rows with a missing, zero or
/// impossible value are left out and listed, the rest solved. The results are rounded to
/// ten significant digits (beyond them is the LP's noise). progress is called with
/// (done, total). Throws DataError when fewer than two units are left to compare.
FrontierRun solve_frontier(Evaluator& e, const FrontierSpec& spec, int year, const std::vector<std::size_t>& rows,
                           const std::function<void(std::size_t, std::size_t)>& progress = {});

/// The units of a Malmquist comparison between two years: those with usable values in
/// both, matched by unit.
struct MalmquistPair {
  int from_year = 0, to_year = 0;
  std::vector<std::uint32_t> units;                  // dataset units, in the order of rows asked for
  std::vector<std::size_t> from_rows, to_rows;       // parallel to units
  std::vector<dea::MalmquistUnit> index;             // parallel to units
  dea::MalmquistUnit mean{};                         // geometric means (dea::malmquist_mean)
  std::vector<FrontierExclusion> excluded;           // rows of either year left out for their values
  std::vector<std::uint32_t> only_from, only_to;     // units in one of the two years only
};

/// Malmquist indices between from_rows (year from) and to_rows (year to), units matched
/// by dataset unit. Uses spec's inputs, outputs, rts and orientation. Throws DataError when
/// fewer than two units are in both years.
MalmquistPair solve_malmquist(Evaluator& e, const FrontierSpec& spec, int from_year, const std::vector<std::size_t>& from_rows,
                              int to_year, const std::vector<std::size_t>& to_rows);

}  // namespace nytta
