#pragma once
// Rules that a new export must pass before it is published (nytta check): bounds, change
// since last year, distance from the national value, rank, missing values, units that
// vanished, aggregate rows that do not add up. Each rule gives one result per unit (a JUnit
// test case); error-severity failures fail the check.

#include <optional>
#include <string>
#include <vector>

#include "nytta/error.hpp"
#include "nytta/evaluator.hpp"

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
RuleSet read_rules(const std::string& path);
RuleSet parse_rules(std::string_view toml_text, const std::string& name);

struct CheckCase {
  std::string code, name;  // the unit (or the nation, or the dataset)
  int year = 0;
  enum class Status { passed, failed, skipped } status = Status::passed;
  double value = kMissing;
  double limit = kMissing;
  std::string message;  // why it failed or was skipped
};

struct RuleResult {
  const Rule* rule = nullptr;
  int year = 0;
  std::vector<CheckCase> cases;
  std::size_t count(CheckCase::Status s) const;
};

/// Runs every rule. A rule naming a KPI the data cannot give is a DataError at its line.
std::vector<RuleResult> run_rules(Evaluator& e, const RuleSet& rules);

}  // namespace nytta
