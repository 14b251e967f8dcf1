#pragma once
// What `nytta report` shows, chosen from the catalogue and the data: the headline it ranks
// by, its key figures, the KPIs whose change since last year is a column, and the national
// trend. All are computable from the data; what is left out is said in the notes.

#include <string>
#include <vector>

#include "nytta/metrics/evaluator.hpp"

namespace nytta {

struct Plan {
  std::string headline;
  std::vector<std::string> key_figures;  // headline first
  std::vector<std::string> change_ids;
  std::vector<std::string> trend_ids;
  std::vector<std::string> notes;
};

/// The plan for e's data and catalogue; notes in lang. Throws DataError naming what each key
/// figure needs when none of them can be computed.
Plan plan_report(Evaluator& e, const std::string& lang);

}  // namespace nytta
