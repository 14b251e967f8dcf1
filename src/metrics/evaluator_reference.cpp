// The reference values of a KPI per year: the national row's or a group's, computed as the
// catalogue's aggregation says from the units that report every measure (the sum of the
// parts for sums, means and weighted means of the measures, then the formula), and beside it
// the sum of the units to check an aggregate row the data bring against.

#include "nytta/metrics/evaluator.hpp"

#include <cmath>

#include "nytta/util/missing.hpp"

namespace nytta {

bool NationalValue::disagrees(double tolerance) const {
  if (!from_aggregate_row || is_missing(summed_value) || value == 0.0) return false;
  return std::fabs(summed_value / value - 1.0) > tolerance;
}

const NationalValue& Evaluator::national(const std::string& id, int year) { return reference(id, year, ""); }

const NationalValue& Evaluator::reference(const std::string& id, int year, const std::string& group) {
  auto key = std::make_pair(id, group);
  auto it = references_.find(key);
  if (it == references_.end()) {
    const KpiColumn& col = column(id);
    it = references_.emplace(key, compute_reference(col, group)).first;
  }
  static const NationalValue none;
  auto y = it->second.find(year);
  return y == it->second.end() ? none : y->second;
}

std::map<int, NationalValue> Evaluator::compute_reference(const KpiColumn& col, const std::string& group) {
  const std::vector<int>& years = panel_.years();
  // The measures after their range checks, and the weights of weighted means.
  std::vector<const double*> measures;
  std::vector<Aggregation> rules;
  std::vector<const double*> weights;
  for (const std::string& m : col.measures) {
    measures.push_back(column(m).values.data());
    rules.push_back(measure_aggregation(m));
    const std::string& w = rules.back().weight;
    weights.push_back(rules.back().kind == Aggregation::Kind::weighted_mean && data_.find_measure(w) ? column(w).values.data() : nullptr);
  }
  Aggregation own = col.def && !col.published ? col.def->aggregate : measure_aggregation(col.id);
  const double* own_weight = nullptr;
  if (own.kind == Aggregation::Kind::weighted_mean && data_.find_measure(own.weight)) own_weight = column(own.weight).values.data();
  const bool by_formula = own.kind == Aggregation::Kind::formula || (col.def == nullptr && !col.published) ||
                          (col.published && own.kind != Aggregation::Kind::none);

  auto complete = [&](std::size_t r) {
    for (const double* m : measures) {
      if (is_missing(m[r])) return false;
    }
    return true;
  };
  // The official row of the year, when it has everything the KPI needs.
  auto official = [&](int year) -> std::optional<std::size_t> {
    if (group.empty()) {
      std::optional<std::size_t> r = panel_.national_row(year);
      return r && complete(*r) && !is_missing(col.values[*r]) ? r : std::nullopt;
    }
    for (std::size_t row : panel_.rows_of(year)) {
      const Unit& u = data_.unit_of(row);
      if (u.kind == RowKind::region && u.group == group) return complete(row) && !is_missing(col.values[row]) ? std::optional(row) : std::nullopt;
    }
    return std::nullopt;
  };

  Dataset mini;  // one row per year: the aggregated measures, for formulas
  mini.units.push_back(Unit{"", "national", "", RowKind::national});
  mini.currency = data_.currency;
  mini.declarations = data_.declarations;
  for (const std::string& m : col.measures) mini.measures.push_back(Measure{m, {}});
  std::map<int, NationalValue> out;
  for (int year : years) {
    NationalValue v;
    v.aggregation = own;
    std::vector<std::size_t> rows;
    for (std::size_t r : panel_.rows_of(year)) {
      const Unit& u = data_.unit_of(r);
      if (u.kind != RowKind::unit || (!group.empty() && u.group != group)) continue;
      if (is_missing(col.values[r]) || is_impossible(col.status_of(r)) || !complete(r)) continue;
      rows.push_back(r);
    }
    v.units_summed = rows.size();
    v.inputs.assign(measures.size(), kMissing);
    for (std::size_t i = 0; i < measures.size() && !rows.empty(); ++i) {
      double sum = 0.0, weight = 0.0;
      std::size_t n = 0;
      for (std::size_t r : rows) {
        double x = measures[i][r];
        if (rules[i].kind == Aggregation::Kind::weighted_mean) {
          if (!weights[i] || is_missing(weights[i][r])) continue;
          sum += x * weights[i][r];
          weight += weights[i][r];
        } else {
          sum += x;
        }
        ++n;
      }
      switch (rules[i].kind) {
        case Aggregation::Kind::formula:
        case Aggregation::Kind::sum: v.inputs[i] = finite_or_missing(sum); break;
        case Aggregation::Kind::mean: v.inputs[i] = n ? finite_or_missing(sum / static_cast<double>(n)) : kMissing; break;
        case Aggregation::Kind::weighted_mean: v.inputs[i] = weight > 0.0 ? finite_or_missing(sum / weight) : kMissing; break;
        case Aggregation::Kind::none: v.inputs[i] = kMissing; break;
      }
    }
    if (!by_formula && !rows.empty()) {
      double sum = 0.0, weight = 0.0;
      for (std::size_t r : rows) {
        if (own.kind == Aggregation::Kind::weighted_mean) {
          if (!own_weight || is_missing(own_weight[r])) continue;
          sum += col.values[r] * own_weight[r];
          weight += own_weight[r];
        } else {
          sum += col.values[r];
          weight += 1.0;
        }
      }
      v.summed_value = own.kind == Aggregation::Kind::none || weight <= 0.0 ? kMissing : finite_or_missing(sum / weight);
    }
    mini.row_unit.push_back(0);
    mini.row_year.push_back(year);
    for (std::size_t i = 0; i < measures.size(); ++i) mini.measures[i].values.push_back(v.inputs[i]);
    if (std::optional<std::size_t> r = official(year)) {
      v.from_aggregate_row = true;
      v.value = col.values[*r];
    }
    out.emplace(year, std::move(v));
  }
  if (by_formula) {
    Evaluator e(mini, catalogue_);
    e.parent_ = parent_ ? parent_ : this;
    const std::vector<double>& computed = e.column(col.id).values;
    for (std::size_t i = 0; i < years.size(); ++i) {
      NationalValue& v = out[years[i]];
      v.summed_value = v.units_summed ? finite_or_missing(computed[i]) : kMissing;
    }
  }
  for (auto& [year, v] : out) {
    if (!v.from_aggregate_row) v.value = v.summed_value;
  }
  return out;
}

}  // namespace nytta
