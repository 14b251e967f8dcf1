#include "load/accumulator.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <numeric>

#include "nytta/formula/formula.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

std::uint32_t Accumulator::unit(const Unit& u) {
  std::string key = fmt::format("{}\x1f{}", static_cast<int>(u.kind), u.key());
  auto [it, inserted] = unit_index_.emplace(key, static_cast<std::uint32_t>(units.size()));
  if (inserted) {
    units.push_back(u);
  } else {
    Unit& known = units[it->second];
    if (known.group.empty()) known.group = u.group;
    known.kind_stated = known.kind_stated || u.kind_stated;
  }
  return it->second;
}

std::size_t Accumulator::row(std::uint32_t unit, int year) {
  std::uint64_t key = (std::uint64_t{unit} << 32) | static_cast<std::uint32_t>(year);
  auto [it, inserted] = row_index_.emplace(key, row_unit.size());
  if (inserted) {
    row_unit.push_back(unit);
    row_year.push_back(year);
    for (std::vector<Slot>& s : slots) s.emplace_back();
  }
  return it->second;
}

std::size_t Accumulator::measure_index(const std::string& name) {
  auto it = std::find(measures.begin(), measures.end(), name);
  if (it != measures.end()) return static_cast<std::size_t>(it - measures.begin());
  measures.push_back(name);
  slots.emplace_back(row_unit.size());
  defaults.emplace_back();
  return measures.size() - 1;
}

void Accumulator::add_measure(const MeasureSource& source) {
  std::size_t m = measure_index(source.measure);
  if (source.default_value) defaults[m] = source.default_value;
}

void Accumulator::add(std::uint32_t u, int year, const MeasureSource& source, double value, const Location& where,
                      ErrorList& errors) {
  std::size_t m = measure_index(source.measure);
  std::size_t r = row(u, year);
  Slot& s = slots[m][r];
  s.combine = source.combine;
  s.complete = static_cast<std::uint32_t>(source.complete);
  if (is_missing(value)) return;
  if (s.count > 0 && source.combine == Combine::single) {
    errors.add(where, fmt::format("a second value of {} for {} {} (the first is at {}:{}); if the rows are parts "
                                  "to add up, give the measure combine = \"sum\" in the mapping",
                                  source.measure, units[u].key(), year, sources[s.first_file], s.first_line),
               fmt::format("{}", value));
    return;
  }
  if (s.count > 0 && source.combine == Combine::same && value != s.first) {
    errors.add(where, fmt::format("{} of {} {} differs from {} at {}:{}", source.measure, units[u].key(), year,
                                  s.first, sources[s.first_file], s.first_line),
               fmt::format("{}", value));
    return;
  }
  if (s.count == 0) {
    s.first = s.min = s.max = value;
    s.first_file = static_cast<std::uint32_t>(sources.empty() ? 0 : sources.size() - 1);
    s.first_line = static_cast<std::uint32_t>(where.line);
  }
  s.sum += value;
  s.min = std::min(s.min, value);
  s.max = std::max(s.max, value);
  ++s.count;
}

namespace {

double finish(const Accumulator::Slot& s) {
  if (s.count == 0 || s.count < s.complete) return kMissing;
  if (!std::isfinite(s.sum)) return kMissing;  // parts too large to add up: no number, never inf
  switch (s.combine) {
    case Combine::single:
    case Combine::same: return s.first;
    case Combine::sum: return s.sum;
    case Combine::mean: return s.sum / s.count;
    case Combine::min: return s.min;
    case Combine::max: return s.max;
  }
  return kMissing;
}

int canonical_rank(const std::string& name) {
  static const std::vector<std::string> order = {"population", "loans", "visits", "opening_hours",
                                                 "active_borrowers", "cost", "libraries"};
  auto it = std::find(order.begin(), order.end(), name);
  return it == order.end() ? static_cast<int>(order.size()) : static_cast<int>(it - order.begin());
}

}  // namespace

Dataset build_dataset(Accumulator& acc, const Mapping& m, const LoadOptions& options) {
  // Rows in a fixed order, whatever the order of the files: kind, code, name, year.
  std::vector<std::size_t> order(acc.row_unit.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Unit& ua = acc.units[acc.row_unit[a]];
    const Unit& ub = acc.units[acc.row_unit[b]];
    if (ua.kind != ub.kind) return kind_order(ua.kind) < kind_order(ub.kind);
    if (ua.code != ub.code) return ua.code < ub.code;
    if (ua.name != ub.name) return ua.name < ub.name;
    return acc.row_year[a] < acc.row_year[b];
  });
  if (order.size() > options.max_rows) {
    throw DataError(fmt::format("{}: more than {} rows (raise --max-rows if this is intended)", m.path, options.max_rows));
  }

  Dataset d;
  d.units = acc.units;
  d.currency = m.currency;
  d.sources = acc.sources;
  for (std::size_t r : order) {
    d.row_unit.push_back(acc.row_unit[r]);
    d.row_year.push_back(acc.row_year[r]);
  }
  for (std::size_t i = 0; i < acc.measures.size(); ++i) {
    Measure col{acc.measures[i], std::vector<double>(order.size(), kMissing)};
    for (std::size_t k = 0; k < order.size(); ++k) {
      const Accumulator::Slot& slot = acc.slots[i][order[k]];
      col.values[k] = (slot.count == 0 && acc.defaults[i]) ? *acc.defaults[i] : finish(slot);
    }
    d.measures.push_back(std::move(col));
  }

  for (const Derived& der : m.derive) {
    CompiledFormula f = compile_formula(der.formula, der.where);
    std::vector<const double*> inputs;
    for (const std::string& v : f.variables) {
      const Measure* in = d.find_measure(v);
      if (!in) {
        if (std::find(acc.absent.begin(), acc.absent.end(), v) != acc.absent.end()) {
          inputs.clear();
          break;
        }
        throw DataError(der.where, fmt::format("the formula of '{}' refers to '{}', which is no measure of the mapping{}",
                                               der.measure, v, did_you_mean(v, d.measure_names())),
                        der.formula);
      }
      inputs.push_back(in->values.data());
    }
    if (inputs.size() != f.variables.size()) {
      acc.absent.push_back(der.measure);  // depends on an optional measure the files lack
      continue;
    }
    std::vector<double> values = evaluate_formula(f, inputs, d.row_count());
    if (Measure* existing = d.find_measure(der.measure)) existing->values = std::move(values);
    else d.measures.push_back(Measure{der.measure, std::move(values)});
  }

  if (!m.output.empty()) {
    std::vector<Measure> kept;
    for (const std::string& name : m.output) {
      Measure* col = d.find_measure(name);
      if (col) {
        kept.push_back(std::move(*col));
      } else if (std::find(acc.absent.begin(), acc.absent.end(), name) != acc.absent.end()) {
        d.notes.push_back(fmt::format("{}: the files have no '{}'", m.path, name));
      } else {
        throw DataError(Location{m.path}, fmt::format("[output] names '{}', which is no measure of the mapping{}", name,
                                                      did_you_mean(name, d.measure_names())));
      }
    }
    d.measures = std::move(kept);
  } else {
    std::stable_sort(d.measures.begin(), d.measures.end(), [](const Measure& a, const Measure& b) {
      return canonical_rank(a.name) < canonical_rank(b.name);
    });
  }

  // Rows without any value carry nothing (a municipality before it existed).
  std::vector<std::size_t> keep;
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    bool any = std::any_of(d.measures.begin(), d.measures.end(), [r](const Measure& col) { return !is_missing(col.values[r]); });
    if (any) keep.push_back(r);
  }
  if (keep.size() < d.row_count()) {
    d.notes.push_back(fmt::format("{}: {} unit-years without any value were left out", m.path, d.row_count() - keep.size()));
    std::vector<std::uint32_t> ru;
    std::vector<int> ry;
    for (std::size_t r : keep) {
      ru.push_back(d.row_unit[r]);
      ry.push_back(d.row_year[r]);
    }
    for (Measure& col : d.measures) {
      std::vector<double> v;
      for (std::size_t r : keep) v.push_back(col.values[r]);
      col.values = std::move(v);
    }
    d.row_unit = std::move(ru);
    d.row_year = std::move(ry);
  }
  if (d.row_count() == 0) throw DataError(fmt::format("{}: the files give no values", m.path));
  for (const std::string& n : acc.notes) d.notes.push_back(n);
  d.about = m.notes;
  for (MeasureDeclaration& decl : declarations_of(m)) {
    if (d.find_measure(decl.measure)) d.declarations.push_back(std::move(decl));
  }
  d.widenings = m.widenings;
  return d;
}

}  // namespace nytta
