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
#include "metrics/missing_measure.hpp"

namespace nytta {

namespace {

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
  } catch (const detail::MissingMeasure& m) {
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
  } catch (const detail::MissingMeasure& m) {
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
    } catch (const detail::MissingMeasure&) {
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
    if (!data_.find_measure(id)) throw detail::MissingMeasure{id, stack.empty() ? id : stack.back()};
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
        if (!catalogue_.find(ref) && !data_.find_measure(ref)) throw detail::MissingMeasure{ref, id};
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
      } catch (const detail::MissingMeasure&) {
        if (def->fallback_formula.empty()) throw;
        evaluated = attempt(def->fallback_formula);
        add_notes(evaluated.notes, {KpiNote{KpiNote::Kind::fallback, id, {}}});
      }
    } catch (const detail::MissingMeasure&) {
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
  // A mean weighted by a measure these data lack has no national or group value: say so,
  // rather than leave the reference empty (a catalogue's `weight = "popluation"` included).
  auto weight_note = [&](const std::string& of, const Aggregation& a) {
    if (a.kind != Aggregation::Kind::weighted_mean || a.weight.empty() || data_.find_measure(a.weight)) return;
    add_notes(col->notes, {KpiNote{KpiNote::Kind::no_aggregate, of,
                                   fmt::format("{}: no national or group value is computed from the units, as their mean is weighted by '{}', which these data do not have",
                                               of, a.weight)}});
  };
  weight_note(id, def && !col->published ? def->aggregate : measure_aggregation(id));
  for (const std::string& m : col->measures) {
    if (m != id) weight_note(m, measure_aggregation(m));
  }
  order_.push_back(id);
  return *columns_.emplace(id, std::move(col)).first->second;
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
