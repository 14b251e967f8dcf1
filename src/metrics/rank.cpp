#include "nytta/metrics/rank.hpp"

#include <algorithm>
#include <cmath>

namespace nytta {

int quartile_of(double percentile) {
  if (percentile >= 75.0) return 1;
  if (percentile >= 50.0) return 2;
  if (percentile >= 25.0) return 3;
  return 4;
}

Ranking rank_rows(const Dataset& data, const std::vector<std::size_t>& rows, const std::vector<double>& values,
                  Direction direction, const RankingOptions& options) {
  Ranking out;
  std::vector<RankEntry> ranked, impossible, missing;
  for (std::size_t r : rows) {
    RankEntry e;
    e.row = r;
    e.value = values[r];
    e.status = options.status && !options.status->empty() ? (*options.status)[r] : ValueStatus::ok;
    if (is_missing(e.value)) missing.push_back(e);
    else if (is_impossible(e.status) && !options.keep_impossible) impossible.push_back(e);
    else ranked.push_back(e);
  }
  bool lower_first = direction == Direction::lower_is_better;
  auto tie_break = [&](const RankEntry& a, const RankEntry& b) {
    return unit_less(data.unit_of(a.row), data.unit_of(b.row));
  };
  auto by_value = [&](const RankEntry& a, const RankEntry& b) {
    if (a.value != b.value) return lower_first ? a.value < b.value : a.value > b.value;
    return tie_break(a, b);
  };
  std::stable_sort(ranked.begin(), ranked.end(), by_value);
  std::stable_sort(impossible.begin(), impossible.end(), tie_break);
  std::stable_sort(missing.begin(), missing.end(), tie_break);

  const std::size_t n = ranked.size();
  double mean = 0.0;
  for (const RankEntry& e : ranked) mean += e.value;
  mean = n ? mean / static_cast<double>(n) : kMissing;
  double var = 0.0;
  for (const RankEntry& e : ranked) var += (e.value - mean) * (e.value - mean);
  double sd = n ? std::sqrt(var / static_cast<double>(n)) : kMissing;

  for (std::size_t i = 0; i < n; ++i) {
    RankEntry& e = ranked[i];
    e.rank = (i > 0 && ranked[i - 1].value == e.value) ? ranked[i - 1].rank : std::optional<std::size_t>(i + 1);
    e.percentile = n == 1 ? 100.0 : 100.0 * static_cast<double>(n - *e.rank) / static_cast<double>(n - 1);
    if (direction != Direction::neutral) e.quartile = quartile_of(e.percentile);
    e.z_score = sd > 0.0 && std::isfinite(sd) ? (e.value - mean) / sd : kMissing;
    if (!std::isfinite(e.z_score)) e.z_score = kMissing;
  }
  out.ranked = n;
  out.impossible = impossible.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (ranked[i].status != ValueStatus::ok) out.flagged.push_back(i);
  }
  out.entries = std::move(ranked);
  out.entries.insert(out.entries.end(), impossible.begin(), impossible.end());
  out.entries.insert(out.entries.end(), missing.begin(), missing.end());
  return out;
}

Ranking rank_column(const Dataset& data, const std::vector<std::size_t>& rows, const KpiColumn& column, Direction direction,
                    bool keep_impossible) {
  RankingOptions o;
  o.status = &column.status;
  o.keep_impossible = keep_impossible;
  return rank_rows(data, rows, column.values, direction, o);
}

const RankEntry* best_model(const Ranking& ranking, const std::function<bool(std::size_t)>& trusted) {
  for (std::size_t i = 0; i < ranking.ranked; ++i) {
    const RankEntry& e = ranking.entries[i];
    if (e.status != ValueStatus::ok) continue;
    if (trusted && !trusted(e.row)) continue;
    return &e;
  }
  return nullptr;
}

std::vector<std::size_t> unit_rows_of(const Evaluator& e, int year, const std::string& group) {
  std::vector<std::size_t> rows;
  for (std::size_t r : e.panel().rows_of(year)) {
    const Unit& u = e.data().unit_of(r);
    if (u.kind == RowKind::unit && (group.empty() || u.group == group)) rows.push_back(r);
  }
  return rows;
}

RankingCache::Cached& RankingCache::cached(const std::string& id, int year, const std::string& group, bool keep_impossible) {
  auto key = std::make_tuple(id, year, group, keep_impossible);
  auto it = rankings_.find(key);
  if (it != rankings_.end()) return it->second;
  const KpiColumn& col = e_.column(id);
  Direction dir = col.def ? col.def->direction : Direction::higher_is_better;
  Cached c;
  c.ranking = rank_column(e_.data(), unit_rows_of(e_, year, group), col, dir, keep_impossible);
  for (std::size_t i = 0; i < c.ranking.entries.size(); ++i) c.at.emplace(c.ranking.entries[i].row, i);
  return rankings_.emplace(std::move(key), std::move(c)).first->second;
}

const Ranking& RankingCache::ranking(const std::string& id, int year, const std::string& group, bool keep_impossible) {
  return cached(id, year, group, keep_impossible).ranking;
}

const RankEntry* RankingCache::entry(const std::string& id, int year, const std::string& group, bool keep_impossible, std::size_t row) {
  Cached& c = cached(id, year, group, keep_impossible);
  auto it = c.at.find(row);
  return it == c.at.end() ? nullptr : &c.ranking.entries[it->second];
}

const Summary& RankingCache::summary(const std::string& id, int year, const std::string& group) {
  auto key = std::make_tuple(id, year, group);
  auto it = summaries_.find(key);
  if (it == summaries_.end()) it = summaries_.emplace(key, summarize_rows(e_.column(id).values, unit_rows_of(e_, year, group))).first;
  return it->second;
}

}  // namespace nytta
