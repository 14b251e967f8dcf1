#pragma once
// Data-quality checks of a loaded Dataset (nytta validate): values that cannot be true,
// implausible jumps from one year to the next, units that come and go, aggregate rows
// that do not agree with the sum of their units, and how much is missing.

#include <map>
#include <string>
#include <vector>

#include "nytta/model/dataset.hpp"
#include "nytta/metrics/evaluator.hpp"

namespace nytta {

struct Finding {
  enum class Severity { warning, info };
  Severity severity = Severity::warning;
  std::string check;    // negative_value, impossible_value, jump, unit_gone, unit_new, aggregate_mismatch
  std::size_t row = 0;  // the row concerned (for unit, year)
  bool has_row = false;
  std::string measure;  // measure or KPI
  double value = kMissing;
  std::string detail;
};

struct MissingShare {
  std::string measure;
  int year = 0;
  std::size_t missing = 0, total = 0;  // unit rows only
};

struct AggregateCheck {
  std::string measure;  // measure or KPI
  int year = 0;
  std::string aggregate;  // name of the aggregate row
  std::string group;      // empty for the national row
  double official = kMissing, summed = kMissing;
  std::size_t units = 0;
  double difference_pct = kMissing;
};

/// Findings kept per check; the others are counted in QualityReport::counts.
inline constexpr std::size_t kMaxFindingsPerCheck = 1000;

struct QualityReport {
  std::vector<Finding> findings;          // at most kMaxFindingsPerCheck of each check
  std::map<std::string, std::size_t> counts;  // findings per check, all of them
  std::vector<MissingShare> missing;
  std::vector<AggregateCheck> aggregates;
};

struct QualityOptions {
  double jump_factor = 3.0;       // a KPI that changes by more than this factor in a year
  double aggregate_tolerance = 0.01;
};

/// Runs every check. KPIs of the catalogue that the data can give are checked for jumps
/// and against the national row.
QualityReport check_quality(Evaluator& e, const QualityOptions& options = {});

}  // namespace nytta
