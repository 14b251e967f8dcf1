#pragma once
// Ranking units on one KPI: direction-aware, ties share a rank (1, 2, 2, 4), output order
// breaks ties by code then name, units without a value come last without a rank.

#include <cstddef>
#include <optional>
#include <vector>

#include "nytta/dataset.hpp"
#include "nytta/kpi.hpp"

namespace nytta {

struct RankEntry {
  std::size_t row = 0;
  double value = kMissing;
  std::optional<std::size_t> rank;  // 1 = best; empty when the value is missing
  double percentile = kMissing;     // 100 = best, 0 = worst
  std::optional<int> quartile;      // 1 = best quarter … 4 = worst quarter
  double z_score = kMissing;        // (value − mean) / population standard deviation
};

struct Ranking {
  std::vector<RankEntry> entries;  // ranked first, in rank order; then the missing
  std::size_t ranked = 0;          // entries with a value
};

/// Ranks the given rows of data by values[row].
Ranking rank_rows(const Dataset& data, const std::vector<std::size_t>& rows,
                  const std::vector<double>& values, Direction direction);

/// The quartile of a percentile: 1 for ≥ 75, 2 for ≥ 50, 3 for ≥ 25, else 4.
int quartile_of(double percentile);

}  // namespace nytta
