#pragma once
// Ranking units on one KPI: direction-aware, ties share a rank (1, 2, 2, 4), output order
// breaks ties by code then name. Units without a value come last without a rank, and so do
// units whose value is impossible (a share above 1): they are listed, so that a reader sees
// them, but they are not ranked, not counted in percentiles, and never the best.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "nytta/model/dataset.hpp"
#include "nytta/metrics/evaluator.hpp"
#include "nytta/model/kpi.hpp"
#include "nytta/metrics/reference.hpp"

namespace nytta {

struct RankEntry {
  std::size_t row = 0;
  double value = kMissing;
  std::optional<std::size_t> rank;  // 1 = best; empty when the value is missing or impossible
  double percentile = kMissing;     // 100 = best, 0 = worst
  std::optional<int> quartile;      // 1 = best quarter … 4 = worst quarter
  double z_score = kMissing;        // (value − mean) / population standard deviation
  ValueStatus status = ValueStatus::ok;
};

struct Ranking {
  std::vector<RankEntry> entries;  // ranked first, in rank order; then the impossible; then the missing
  std::size_t ranked = 0;          // entries with a rank
  std::size_t impossible = 0;      // entries left unranked because their value is impossible
  std::vector<std::size_t> flagged;  // indices into entries of the ranked ones whose value has a flag
};

struct RankingOptions {
  const std::vector<ValueStatus>* status = nullptr;  // per dataset row; nullptr: all ok
  bool keep_impossible = false;                      // rank impossible values too (--keep-impossible)
};

/// Ranks the given rows of data by values[row].
Ranking rank_rows(const Dataset& data, const std::vector<std::size_t>& rows, const std::vector<double>& values,
                  Direction direction, const RankingOptions& options = {});

/// Ranks rows by a KPI column, its statuses included.
Ranking rank_column(const Dataset& data, const std::vector<std::size_t>& rows, const KpiColumn& column, Direction direction,
                    bool keep_impossible = false);

/// Rankings and statistics of the units computed once and looked up many times: `batch`
/// analyses every unit against the same rankings, which must not cost a ranking per unit.
class RankingCache {
 public:
  explicit RankingCache(Evaluator& e) : e_(e) {}
  /// The ranking of id among the units of year in group ("" = all), by the KPI's direction.
  const Ranking& ranking(const std::string& id, int year, const std::string& group, bool keep_impossible);
  /// The entry of row in that ranking, or nullptr when row is not among its units.
  const RankEntry* entry(const std::string& id, int year, const std::string& group, bool keep_impossible, std::size_t row);
  /// Mean, median, quartiles of id over the units of year in group.
  const Summary& summary(const std::string& id, int year, const std::string& group);

 private:
  struct Cached {
    Ranking ranking;
    std::unordered_map<std::size_t, std::size_t> at;  // row → index into ranking.entries
  };
  Cached& cached(const std::string& id, int year, const std::string& group, bool keep_impossible);
  Evaluator& e_;
  std::map<std::tuple<std::string, int, std::string, bool>, Cached> rankings_;
  std::map<std::tuple<std::string, int, std::string>, Summary> summaries_;
};

/// The units' rows of year, in group when not "" (dataset order).
std::vector<std::size_t> unit_rows_of(const Evaluator& e, int year, const std::string& group);

/// The quartile of a percentile: 1 for ≥ 75, 2 for ≥ 50, 3 for ≥ 25, else 4.
int quartile_of(double percentile);

/// The best ranked entry that may serve as a model to learn from: its value ok and
/// trusted(row) true (no other flag). nullptr when there is none.
const RankEntry* best_model(const Ranking& ranking, const std::function<bool(std::size_t)>& trusted = {});

}  // namespace nytta
