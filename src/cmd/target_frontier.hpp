#pragma once
// `target --method frontier`: the frontier's targets for one unit beside the arithmetic
// ones of the procurement options (A: output orientation, B: input orientation).

#include <cstdint>
#include <map>
#include <string>

#include "nytta/report/chart.hpp"
#include "nytta/metrics/evaluator.hpp"
#include "nytta/report/table.hpp"

namespace nytta {

struct TargetFrontier {
  /// The frontier's value of each row of the target table (loans, …, cost, cost_per_loan,
  /// benefit_per_krona, money), computed from the unit's frontier targets.
  std::map<std::string, double> values;
  Table peers;   // the unit and its peers (unit_peers_table)
  Chart chart;   // peer_chart of it
  std::string note;
};

/// Solves the library frontier of year (units of group, "" = all) with rts and the
/// orientation of the option, and the unit's targets. DataError when the unit is not on
/// the frontier (with the reason) or the frontier cannot be solved.
TargetFrontier target_frontier(Evaluator& e, std::uint32_t unit, int year, bool option_a, const std::string& rts,
                               const std::string& group, const std::string& lang);

}  // namespace nytta
