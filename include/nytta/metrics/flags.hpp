#pragma once
// What a reader must know about one value before trusting it: why it is impossible or
// only flagged (evaluator.hpp), or that it jumped by more than a factor since the year
// before, which is more often a changed definition or a typo than a real change. A
// flagged unit may keep its rank; it is never held up as the model to learn from.

#include <cstddef>
#include <string>
#include <vector>

#include "nytta/metrics/evaluator.hpp"

namespace nytta {

/// A KPI that moves by more than this factor in a year is implausible (validate's default).
inline constexpr double kJumpFactor = 3.0;

/// "loans_per_inhabitant ×4.2 since 2011" when row's value of id is more than factor
/// times (or less than 1/factor of) the unit's value the year before, both positive; "".
std::string jump_flag(Evaluator& e, const std::string& id, std::size_t row, double factor = kJumpFactor);

/// The columns whose jumps jump_flag(id) looks at: id's own when its jumps are checked,
/// else those of the KPIs it is made of (a product's plausibility is its ratios').
std::vector<const KpiColumn*> jump_columns(Evaluator& e, const std::string& id);

/// Whether now is more than factor times (or less than 1/factor of) before, both positive.
bool is_jump(double before, double now, double factor = kJumpFactor);

/// Everything about row's value of id a reader must know, or "" (status first, then a jump).
std::string row_flag(Evaluator& e, const std::string& id, std::size_t row);

/// True when row may be the model to learn from on id: its value ok and no jump.
bool trusted(Evaluator& e, const std::string& id, std::size_t row);

}  // namespace nytta
