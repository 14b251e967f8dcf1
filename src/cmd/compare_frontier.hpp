#pragma once
// compare's efficiency-frontier section: the unit's score, its peers and its money
// potential against the units it is compared with, and the frontier behind it, which batch
// solves once per year and group and shares between every unit's report.

#include <optional>
#include <string>

#include "nytta/metrics/evaluator.hpp"
#include "nytta/metrics/frontier.hpp"
#include "nytta/report/table.hpp"

namespace nytta {

/// The frontier of one year and group (the library defaults, constant returns to scale,
/// input orientation: the model of the Norwegian efficiency analyses), or why there is none.
struct CompareFrontier {
  std::optional<FrontierRun> run;
  std::string why;  // for the note when run is empty; "" when the data are not a library's
};

/// Solves the frontier of the units of group ("" = all) in year.
CompareFrontier compare_frontier(Evaluator& e, int year, const std::string& group);

/// Adds the section for the unit's row to report: a table `frontier` (score, each variable
/// now and its target, the potential, the peers with λ); a note instead
/// when the unit is not on the frontier or there is none.
void add_frontier_section(Report& report, Evaluator& e, const CompareFrontier& frontier, std::size_t row,
                          const std::string& lang);

}  // namespace nytta
