#include "nytta/evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>

#include "load/header_aliases.hpp"
#include "metrics/formula.hpp"
#include "nytta/error.hpp"
#include "util/text.hpp"

namespace nytta {

namespace {

// Thrown while resolving a formula whose measure the data lack; caught to try the
// entry's fallback, and turned into a DataError when there is none.
struct MissingMeasure {
  std::string measure;
  std::string kpi;
};

void add_sorted(std::vector<std::string>& into, const std::vector<std::string>& from) {
  into.insert(into.end(), from.begin(), from.end());
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}

void add_notes(std::vector<KpiNote>& into, const std::vector<KpiNote>& from) {
  for (const KpiNote& n : from) {
    if (std::find(into.begin(), into.end(), n) == into.end()) into.push_back(n);
  }
}

bool is_canonical_measure(const std::string& name) {
  std::optional<std::string> c = canonical_column(name);
  return c && *c == name;
}

}  // namespace

bool NationalValue::disagrees(double tolerance) const {
  if (!from_aggregate_row || is_missing(summed_value) || value == 0.0) return false;
  return std::fabs(summed_value / value - 1.0) > tolerance;
}

Evaluator::Evaluator(const Dataset& data, const Catalogue& catalogue)
    : data_(data), catalogue_(catalogue), panel_(data) {}

Evaluator::~Evaluator() = default;

bool Evaluator::knows(const std::string& id) const {
  return catalogue_.find(id) != nullptr || data_.find_measure(id) != nullptr;
}

std::vector<std::string> Evaluator::known_ids() const {
  std::vector<std::string> ids = catalogue_.ids();
  for (const Measure& m : data_.measures) ids.push_back(m.name);
  return ids;
}

const KpiColumn& Evaluator::column(const std::string& id) {
  if (!knows(id)) {
    throw UsageError(fmt::format("unknown KPI or measure '{}'{}", id, did_you_mean(id, known_ids())));
  }
  std::vector<std::string> stack;
  try {
    return evaluate(id, stack);
  } catch (const MissingMeasure& m) {
    const KpiDef* def = catalogue_.find(m.kpi);
    if (is_canonical_measure(m.measure) || !def) {
      throw DataError(fmt::format("{}: KPI '{}' needs the measure '{}', which the data do not have",
                                  fmt::join(data_.sources, ", "), m.kpi, m.measure));
    }
    std::vector<std::string> candidates = known_ids();
    throw DataError(def->defined_at,
                    fmt::format("the formula of KPI '{}' refers to '{}', which is neither a measure "
                                "of the data nor a KPI{}",
                                m.kpi, m.measure, did_you_mean(m.measure, candidates)),
                    m.measure);
  }
}

const KpiColumn& Evaluator::evaluate(const std::string& id, std::vector<std::string>& stack) {
  if (auto it = columns_.find(id); it != columns_.end()) return *it->second;
  const KpiDef* def = catalogue_.find(id);
  auto col = std::make_unique<KpiColumn>();
  col->id = id;
  col->def = def;

  if (!def) {
    const Measure* m = data_.find_measure(id);
    if (!m) throw MissingMeasure{id, stack.empty() ? id : stack.back()};
    col->formula = id;
    col->measures = {id};
    col->values = m->values;
  } else {
    if (std::find(stack.begin(), stack.end(), id) != stack.end()) {
      stack.push_back(id);
      throw DataError(def->defined_at,
                      fmt::format("KPIs refer to each other in a cycle: {}", fmt::join(stack, " → ")));
    }
    stack.push_back(id);
    // Popped however this ends: a missing measure deep down unwinds through here, and a
    // stale entry would later look like a cycle.
    struct Pop {
      std::vector<std::string>& stack;
      std::size_t size;
      ~Pop() { stack.resize(size); }
    } pop{stack, stack.size() - 1};
    auto attempt = [&](const std::string& formula) {
      CompiledFormula f = compile_formula(formula, def->defined_at);
      std::vector<const double*> inputs;
      KpiColumn result;
      result.kpis = {id};
      for (const std::string& var : f.variables) {
        bool is_national = var.rfind("national__", 0) == 0;
        std::string ref = is_national ? var.substr(10) : var;
        if (!catalogue_.find(ref) && !data_.find_measure(ref)) throw MissingMeasure{ref, id};
        const KpiColumn& dep = evaluate(ref, stack);
        add_sorted(result.measures, dep.measures);
        add_sorted(result.kpis, dep.kpis);
        add_notes(result.notes, dep.notes);
        result.additive = result.additive && dep.additive;
        if (!is_national) {
          inputs.push_back(dep.values.data());
          continue;
        }
        std::vector<double>& b = broadcast_[ref];
        if (b.empty()) {
          if (parent_) {
            // A per-year aggregate (national or group): national(x) is the nation's x.
            b.assign(data_.row_count(), kMissing);
            for (std::size_t r = 0; r < data_.row_count(); ++r) b[r] = parent_->national(ref, data_.row_year[r]).value;
          } else {
            b.assign(data_.row_count(), kMissing);
            for (std::size_t r = 0; r < data_.row_count(); ++r) b[r] = national(ref, data_.row_year[r]).value;
          }
        }
        inputs.push_back(b.data());
      }
      result.values = evaluate_formula(f, inputs, data_.row_count());
      result.formula = formula;
      return result;
    };
    KpiColumn evaluated;
    try {
      try {
        evaluated = attempt(def->formula);
      } catch (const MissingMeasure&) {
        if (def->fallback_formula.empty()) throw;
        evaluated = attempt(def->fallback_formula);
        add_notes(evaluated.notes, {KpiNote{KpiNote::Kind::fallback, id}});
      }
    } catch (const MissingMeasure&) {
      // Data that publish the KPI itself (loans per inhabitant, a coverage share) but not
      // what it is computed from: take the published figure, and say so.
      const Measure* published = data_.find_measure(id);
      if (!published) throw;
      evaluated.formula = id;
      evaluated.measures = {id};
      evaluated.kpis = {id};
      evaluated.values = published->values;
      evaluated.notes = {KpiNote{KpiNote::Kind::published, id}};
      evaluated.additive = false;
    }
    evaluated.id = id;
    evaluated.def = def;
    *col = std::move(evaluated);
  }
  order_.push_back(id);
  return *columns_.emplace(id, std::move(col)).first->second;
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
  std::vector<const double*> cols;
  for (const std::string& m : col.measures) cols.push_back(data_.find_measure(m)->values.data());
  auto complete = [&](std::size_t r) {
    for (const double* c : cols) {
      if (is_missing(c[r])) return false;
    }
    return true;
  };
  auto mini = [&](bool from_aggregate, std::vector<std::size_t>& counts) {
    Dataset d;
    d.units.push_back(Unit{"", "national", "", RowKind::national});
    d.currency = data_.currency;
    for (const std::string& m : col.measures) d.measures.push_back(Measure{m, {}});
    for (int year : years) {
      d.row_unit.push_back(0);
      d.row_year.push_back(year);
      std::vector<double> sums(col.measures.size(), kMissing);
      std::size_t n = 0;
      if (from_aggregate) {
        std::optional<std::size_t> r;
        if (group.empty()) {
          r = panel_.national_row(year);
        } else {
          for (std::size_t row : panel_.rows_of(year)) {
            const Unit& u = data_.unit_of(row);
            if (u.kind == RowKind::region && u.group == group) {
              r = row;
              break;
            }
          }
        }
        if (r && complete(*r)) {
          for (std::size_t i = 0; i < cols.size(); ++i) sums[i] = cols[i][*r];
        }
      } else {
        std::fill(sums.begin(), sums.end(), 0.0);
        for (std::size_t r : panel_.rows_of(year)) {
          const Unit& u = data_.unit_of(r);
          if (u.kind != RowKind::unit || (!group.empty() && u.group != group) || !complete(r)) continue;
          for (std::size_t i = 0; i < cols.size(); ++i) sums[i] += cols[i][r];
          ++n;
        }
        if (n == 0) std::fill(sums.begin(), sums.end(), kMissing);
      }
      counts.push_back(n);
      for (std::size_t i = 0; i < col.measures.size(); ++i) d.measures[i].values.push_back(sums[i]);
    }
    return d;
  };
  std::vector<std::size_t> agg_counts, sum_counts;
  Dataset aggregate = mini(true, agg_counts);
  Dataset summed = mini(false, sum_counts);
  auto run = [&](const Dataset& d) {
    Evaluator e(d, catalogue_);
    e.parent_ = this;
    return e.column(col.id).values;
  };
  std::vector<double> agg_values = run(aggregate);
  std::vector<double> sum_values = col.additive ? run(summed) : std::vector<double>(years.size(), kMissing);

  std::map<int, NationalValue> out;
  for (std::size_t i = 0; i < years.size(); ++i) {
    NationalValue v;
    v.summed_value = sum_values[i];
    v.units_summed = sum_counts[i];
    v.from_aggregate_row = !is_missing(agg_values[i]);
    v.value = v.from_aggregate_row ? agg_values[i] : sum_values[i];
    out.emplace(years[i], v);
  }
  return out;
}

std::vector<KpiNote> Evaluator::notes() const {
  std::vector<KpiNote> all;
  for (const std::string& id : order_) add_notes(all, columns_.at(id)->notes);
  return all;
}

std::vector<std::string> Evaluator::used_kpis() const {
  std::vector<std::string> ids;
  for (const std::string& id : order_) {
    if (catalogue_.find(id)) ids.push_back(id);
  }
  return ids;
}

}  // namespace nytta
