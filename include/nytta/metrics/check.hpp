#pragma once
// Rules that a new export must pass before it is published (nytta check): bounds, change
// since last year, distance from the national value, rank, missing values, units that
// vanished, aggregate rows that do not add up. Each rule gives one result per unit (a JUnit
// test case); error-severity failures fail the check.

#include <optional>
#include <string>
#include <vector>

#include "nytta/util/error.hpp"
#include "nytta/metrics/evaluator.hpp"
#include "nytta/model/rules.hpp"

namespace nytta {

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
  std::string not_run;  // why the rule could not run (its KPI lacks a measure); then one skipped case
  std::size_t count(CheckCase::Status s) const;
};

/// Runs every rule. A rule naming no KPI or measure nytta knows is a DataError at its
/// line; one whose KPI these data cannot give is not run (RuleResult::not_run), and when
/// no rule can run, that is a DataError.
std::vector<RuleResult> run_rules(Evaluator& e, const RuleSet& rules);

}  // namespace nytta
