#pragma once
// The service analysis of one unit (nytta compare), also written by nytta batch for every
// unit.

#include <cstdint>
#include <optional>
#include <string>

#include "nytta/metrics/evaluator.hpp"
#include "nytta/metrics/rank.hpp"
#include "nytta/metrics/reference.hpp"
#include "nytta/report/table.hpp"

namespace nytta {

struct CompareFrontier;

struct CompareRequest {
  std::uint32_t unit = 0;
  int year = 0;
  Against against = Against::national;
  std::string scope;  // --group: ranks and references within it
  std::string lang = "en";
  std::size_t strengths = 3;
  bool keep_impossible = false;
  /// The frontier of the unit's year and scope when the caller solved it already (batch);
  /// nullptr: compare_report solves it.
  const CompareFrontier* frontier = nullptr;
};

/// The group whose units a unit is compared with: its own with --against group, else scope.
std::string compare_scope(const Evaluator& e, const CompareRequest& request);

/// year when given (the unit must have a row), else the unit's latest year.
int compare_year(const Evaluator& e, std::uint32_t unit, std::optional<int> year);

/// The comparable KPIs of the catalogue that the data can give; those they cannot are
/// named in dropped, with the measure they lack.
std::vector<std::string> comparable_kpis(Evaluator& e, std::vector<std::string>& dropped);

/// Whether row has a value for at least one of ids (a report of only empty cells says nothing).
bool has_any_value(Evaluator& e, const std::vector<std::string>& ids, std::size_t row);

/// The analysis of one unit; cache holds the rankings it is read against, shared by every
/// unit a batch analyses with the same evaluator.
Report compare_report(Evaluator& e, RankingCache& cache, const CompareRequest& request);

}  // namespace nytta
