#pragma once
// The rules of `nytta check` as data: what each rule demands of which units.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "nytta/util/error.hpp"

namespace nytta {

struct Rule {
  enum class Scope { all, group, codes, national };
  enum class Severity { error, warning };
  enum class Condition { bounds, change_within, worse_than_national, rank_not_below, no_missing, units_of_previous_year,
                         aggregate_matches_sum };

  std::string id, description, kpi;
  Scope scope = Scope::all;
  std::string group;
  std::vector<std::string> codes;
  std::optional<int> year;  // the latest year with values when empty
  Severity severity = Severity::error;
  Condition condition = Condition::bounds;
  std::optional<double> min, max;
  double percent = 0.0;
  std::size_t rank = 0;
  Location where;
};

struct RuleSet {
  std::string path;
  std::vector<Rule> rules;
};

/// Reads a rules file (TOML, [[rule]] entries). Errors name the file, line and key.

}  // namespace nytta
