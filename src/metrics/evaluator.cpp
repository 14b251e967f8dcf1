#include "nytta/metrics/evaluator.hpp"

#include <algorithm>
#include <iterator>
#include <cmath>
#include <fmt/format.h>
#include <set>

#include "nytta/model/header_aliases.hpp"
#include "nytta/formula/formula.hpp"
#include "nytta/util/error.hpp"
#include "nytta/util/text.hpp"

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

std::string short_number(double v) { return fmt::format("{:.4g}", v); }

}  // namespace

bool NationalValue::disagrees(double tolerance) const {
  if (!from_aggregate_row || is_missing(summed_value) || value == 0.0) return false;
  return std::fabs(summed_value / value - 1.0) > tolerance;
}

Evaluator::Evaluator(const Dataset& data, const Catalogue& catalogue)
    : data_(data), catalogue_(catalogue), panel_(data) {}

Evaluator::Evaluator(std::shared_ptr<const Dataset> data, std::shared_ptr<const Catalogue> catalogue)
    : owned_data_(std::move(data)),
      owned_catalogue_(std::move(catalogue)),
      data_(*owned_data_),
      catalogue_(*owned_catalogue_),
      panel_(*owned_data_) {}

Evaluator::~Evaluator() = default;

std::string Evaluator::measures_listed() const {
  constexpr std::size_t kShown = 12;
  std::vector<std::string> headers;
  for (std::size_t i = 0; i < data_.measures.size() && i < kShown; ++i)
    headers.push_back(data_.measures[i].header.empty() ? data_.measures[i].name : data_.measures[i].header);
  std::string list = fmt::format("their measures: {}", fmt::join(headers, ", "));
  if (data_.measures.size() > kShown) list += fmt::format(" and {} more", data_.measures.size() - kShown);
  return list;
}

std::string Evaluator::closest_column(const std::string& measure) const {
  // The headers' closest aliases, found once: a file of 10,000 unknown columns asks for
  // them for every KPI it cannot compute.
  std::call_once(alias_once_, [this] {
    for (const Measure& x : data_.measures) {
      const std::string& header = x.header.empty() ? x.name : x.header;
      std::optional<AliasMatch> a = closest_alias(header);
      if (a) header_by_alias_.emplace(a->canonical, header);
    }
  });
  auto it = header_by_alias_.find(measure);
  if (it != header_by_alias_.end()) return fmt::format("; did you mean the column '{}'?", it->second);
  std::string hint = did_you_mean(measure, data_.measure_names());
  if (!hint.empty() && hint[0] == ',') hint[0] = ';';
  return hint;
}

bool Evaluator::knows(const std::string& id) const {
  return catalogue_.find(id) != nullptr || data_.find_measure(id) != nullptr;
}

std::vector<std::string> Evaluator::known_ids() const {
  std::vector<std::string> ids = catalogue_.ids();
  for (const Measure& m : data_.measures) ids.push_back(m.name);
  return ids;
}

Aggregation Evaluator::measure_aggregation(const std::string& measure) const {
  if (const MeasureDef* m = catalogue_.find_measure(measure)) return m->aggregate;
  if (const MeasureDeclaration* d = data_.declaration(measure); d && d->aggregation) return *d->aggregation;
  // A published ratio (the data's own loans per inhabitant): summing it means nothing.
  if (catalogue_.find(measure)) return Aggregation{Aggregation::Kind::none, {}};
  return Aggregation{Aggregation::Kind::sum, {}};
}

const KpiColumn& Evaluator::column(const std::string& id) {
  if (!knows(id)) {
    throw UsageError(fmt::format("unknown KPI or measure '{}'{}", id, did_you_mean(id, known_ids())));
  }
  std::vector<std::string> stack;
  try {
    const KpiColumn& col = evaluate(id, stack);
    // Not while another column is being evaluated: marking evaluates other KPIs, which may
    // be the very ones in progress.
    if (!col.doubt_checked && busy_ == 0) {
      ++busy_;
      struct Done {
        int& busy;
        ~Done() { --busy; }
      } done{busy_};
      mark_doubts(*columns_.at(id));
    }
    return col;
  } catch (const MissingMeasure& m) {
    const KpiDef* def = catalogue_.find(m.kpi);
    if (is_canonical_measure(m.measure) || catalogue_.find_measure(m.measure) || !def) {
      // What the data do have, and the column that looks most like the missing measure.
      throw DataError(fmt::format("{}: KPI '{}' needs the measure '{}', which the data do not have ({}){}",
                                  fmt::join(data_.sources, ", "), m.kpi, m.measure, measures_listed(), closest_column(m.measure)));
    }
    std::vector<std::string> candidates = known_ids();
    throw DataError(def->defined_at,
                    fmt::format("the formula of KPI '{}' refers to '{}', which is neither a measure "
                                "of the data nor a KPI{}",
                                m.kpi, m.measure, did_you_mean(m.measure, candidates)),
                    m.measure);
  }
}

std::string Evaluator::lacking_measure(const std::string& id) {
  if (!knows(id)) return {};
  std::vector<std::string> stack;
  try {
    evaluate(id, stack);
  } catch (const MissingMeasure& m) {
    return m.measure;
  } catch (const DataError&) {
  }
  return {};
}

bool Evaluator::can_compute(const std::string& id, std::string* reason) {
  try {
    column(id);
    return true;
  } catch (const DataError& e) {
    if (reason) *reason = e.messages().empty() ? e.what() : e.messages().front();
    return false;
  }
}

KpiColumn Evaluator::evaluate_measure(const std::string& id) {
  const Measure* m = data_.find_measure(id);
  KpiColumn col;
  col.formula = id;
  col.measures = {id};
  col.values = m->values;
  const MeasureDef* def = catalogue_.find_measure(id);
  if (!def || !def->range) return col;
  std::size_t dropped = 0, first = 0;
  for (std::size_t r = 0; r < col.values.size(); ++r) {
    double& v = col.values[r];
    if (is_missing(v) || def->range->contains(v)) continue;
    if (dropped++ == 0) first = r;
    v = kMissing;
  }
  if (dropped > 0) {
    const Unit& u = data_.unit_of(first);
    col.notes.push_back(KpiNote{KpiNote::Kind::dropped, id,
                                fmt::format("{} {}value{} of {}{} dropped as missing (first at {} {})", dropped,
                                            def->range->min == 0.0 && std::isinf(def->range->max) ? "negative " : "", dropped == 1 ? "" : "s",
                                            id, def->range->min == 0.0 && std::isinf(def->range->max) ? "" : " outside " + to_string(*def->range),
                                            u.key(), data_.row_year[first])});
  }
  return col;
}

// The status of each value: its own (range, or no number from complete inputs), then the
// worst of what it is computed from.
void Evaluator::check_values(KpiColumn& col, const std::vector<const KpiColumn*>& inputs) {
  const std::size_t n = col.values.size();
  std::optional<Range> range = col.def ? col.def->range : std::nullopt;
  const RangeWidening* wide = data_.widening(col.id);
  std::vector<ValueStatus> status;
  auto set = [&](std::size_t r, ValueStatus s) {
    if (s == ValueStatus::ok) return;
    if (status.empty()) status.assign(n, ValueStatus::ok);
    status[r] = std::max(status[r], s);
  };
  for (std::size_t r = 0; r < n; ++r) {
    double v = col.values[r];
    if (is_missing(v)) {
      bool complete = !inputs.empty();
      for (const KpiColumn* in : inputs) complete = complete && !is_missing(in->values[r]);
      if (complete) set(r, ValueStatus::undefined);
    } else if (range && !range->contains(v)) {
      set(r, wide && wide->range.contains(v) ? ValueStatus::widened : ValueStatus::out_of_range);
    }
    for (const KpiColumn* in : inputs) set(r, in->status_of(r));
  }
  col.status = std::move(status);
}

// Rows where a KPI with a range of its own is out of it (not merely computed from one that
// is) make every other KPI that shares one of its measures doubtful in that row.
void Evaluator::mark_doubts(KpiColumn& col) {
  col.doubt_checked = true;
  // Aggregates (parent_ set) are the nation's own figures; only units' rows are doubted.
  if (!col.def || col.values.empty() || parent_) return;
  for (const KpiDef& other : catalogue_.kpis) {
    if (!other.range || other.id == col.id || std::binary_search(col.kpis.begin(), col.kpis.end(), other.id)) continue;
    std::vector<std::string> stack;
    const KpiColumn* y = nullptr;
    try {
      y = &evaluate(other.id, stack);
    } catch (const MissingMeasure&) {
      continue;
    } catch (const DataError&) {
      continue;
    }
    std::vector<std::string> shared;
    std::set_intersection(col.measures.begin(), col.measures.end(), y->measures.begin(), y->measures.end(), std::back_inserter(shared));
    if (shared.empty()) continue;
    const RangeWidening* wide = data_.widening(other.id);
    for (std::size_t r = 0; r < col.values.size(); ++r) {
      double v = y->values[r];
      if (is_missing(v) || other.range->contains(v) || (wide && wide->range.contains(v))) continue;
      if (col.status.empty()) col.status.assign(col.values.size(), ValueStatus::ok);
      col.status[r] = std::max(col.status[r], ValueStatus::doubtful);
    }
  }
}

const KpiColumn& Evaluator::evaluate(const std::string& id, std::vector<std::string>& stack) {
  if (auto it = columns_.find(id); it != columns_.end()) return *it->second;
  ++busy_;
  struct Done {
    int& busy;
    ~Done() { --busy; }
  } done{busy_};
  const KpiDef* def = catalogue_.find(id);
  auto col = std::make_unique<KpiColumn>();

  if (!def) {
    if (!data_.find_measure(id)) throw MissingMeasure{id, stack.empty() ? id : stack.back()};
    *col = evaluate_measure(id);
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
      const CompiledFormula& f = compile_formula(formula, def->defined_at);
      std::vector<const double*> inputs;
      std::vector<const KpiColumn*> input_columns;
      KpiColumn result;
      result.id = id;
      result.def = def;
      result.kpis = {id};
      for (const std::string& var : f.variables) {
        bool is_national = var.rfind("national__", 0) == 0;
        std::string ref = is_national ? var.substr(10) : var;
        if (!catalogue_.find(ref) && !data_.find_measure(ref)) throw MissingMeasure{ref, id};
        const KpiColumn& dep = evaluate(ref, stack);
        add_sorted(result.measures, dep.measures);
        add_sorted(result.kpis, dep.kpis);
        add_notes(result.notes, dep.notes);
        if (!is_national) {
          inputs.push_back(dep.values.data());
          input_columns.push_back(&dep);
          continue;
        }
        std::vector<double>& b = broadcast_[ref];
        if (b.empty()) {
          // In a per-year aggregate (national or group), national(x) is the nation's x.
          Evaluator& nation = parent_ ? *parent_ : *this;
          b.assign(data_.row_count(), kMissing);
          for (std::size_t r = 0; r < data_.row_count(); ++r) b[r] = nation.national(ref, data_.row_year[r]).value;
        }
        inputs.push_back(b.data());
      }
      result.values = evaluate_formula(f, inputs, data_.row_count());
      result.formula = formula;
      check_values(result, input_columns);
      return result;
    };
    KpiColumn evaluated;
    try {
      try {
        evaluated = attempt(def->formula);
      } catch (const MissingMeasure&) {
        if (def->fallback_formula.empty()) throw;
        evaluated = attempt(def->fallback_formula);
        add_notes(evaluated.notes, {KpiNote{KpiNote::Kind::fallback, id, {}}});
      }
    } catch (const MissingMeasure&) {
      // Data that publish the KPI itself (loans per inhabitant, a coverage share) but not
      // what it is computed from: take the published figure, and say so.
      if (!data_.find_measure(id)) throw;
      evaluated = evaluate_measure(id);
      evaluated.kpis = {id};
      evaluated.notes.push_back(KpiNote{KpiNote::Kind::published, id, {}});
      evaluated.published = true;
      evaluated.def = def;
      evaluated.id = id;
      check_values(evaluated, {});
    }
    evaluated.id = id;
    evaluated.def = def;
    *col = std::move(evaluated);
  }
  col->id = id;
  col->def = def;
  order_.push_back(id);
  return *columns_.emplace(id, std::move(col)).first->second;
}

std::string Evaluator::flag(const std::string& id, std::size_t row) {
  const KpiColumn& col = column(id);
  if (col.status_of(row) == ValueStatus::ok) return {};
  // The most basic KPI (fewest dependencies) whose value at row is not ok is the cause.
  const KpiColumn* cause = &col;
  for (const std::string& k : col.kpis) {
    const KpiColumn& c = column(k);
    if (c.status_of(row) != ValueStatus::ok && c.kpis.size() < cause->kpis.size()) cause = &c;
  }
  double v = cause->values[row];
  switch (cause->status_of(row)) {
    case ValueStatus::ok: return {};
    case ValueStatus::doubtful: {
      for (const KpiDef& other : catalogue_.kpis) {
        if (!other.range || other.id == cause->id) continue;
        std::vector<std::string> stack;
        try {
          const KpiColumn& y = evaluate(other.id, stack);
          double yv = y.values[row];
          const RangeWidening* wide = data_.widening(other.id);
          if (is_missing(yv) || other.range->contains(yv) || (wide && wide->range.contains(yv))) continue;
          std::vector<std::string> shared;
          std::set_intersection(cause->measures.begin(), cause->measures.end(), y.measures.begin(), y.measures.end(),
                                std::back_inserter(shared));
          if (shared.empty()) continue;
          return fmt::format("{} uses {}, of which {} {} is outside {}", cause->id, fmt::join(shared, " and "), other.id,
                             short_number(yv), to_string(wide ? wide->range : *other.range));
        } catch (const MissingMeasure&) {
        } catch (const DataError&) {
        }
      }
      return fmt::format("{} is doubtful", cause->id);
    }
    case ValueStatus::widened: {
      const RangeWidening* w = data_.widening(cause->id);
      return fmt::format("{} {}: {}", cause->id, short_number(v), w ? w->flag : std::string("outside its usual range"));
    }
    case ValueStatus::out_of_range: {
      std::string range = cause->def && cause->def->range ? to_string(*cause->def->range) : "";
      if (const RangeWidening* w = data_.widening(cause->id))
        return fmt::format("{} {} is outside {} (the catalogue's {}, widened by these data)", cause->id, short_number(v), to_string(w->range), range);
      return fmt::format("{} {} is outside {}", cause->id, short_number(v), range);
    }
    case ValueStatus::undefined: {
      for (const std::string& m : cause->measures) {
        const Measure* x = data_.find_measure(m);
        if (x && x->values[row] == 0.0) return fmt::format("{} has no value: {} is 0", cause->id, m);
      }
      return fmt::format("{} has no value although every input is there", cause->id);
    }
  }
  return {};
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
