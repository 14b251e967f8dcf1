// The KPI catalogue as data: lookups, the labels of an entry, overlaying one catalogue on
// another, the hash of definitions that makes reports of different years comparable, and
// the check that KPIs do not refer to each other in a cycle or too deep. Reading catalogues
// from TOML is the loader's job (load/catalogue_file.cpp).

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <map>

#include "nytta/formula/formula.hpp"
#include "nytta/model/kpi.hpp"
#include "nytta/util/dependency_order.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

std::string_view to_string(Direction d) {
  switch (d) {
    case Direction::higher_is_better: return "higher_is_better";
    case Direction::lower_is_better: return "lower_is_better";
    case Direction::neutral: return "neutral";
  }
  return "neutral";
}

std::string_view arrow(Direction d) {
  switch (d) {
    case Direction::higher_is_better: return "↑";
    case Direction::lower_is_better: return "↓";
    case Direction::neutral: return "·";
  }
  return "·";
}

const std::string& KpiDef::label(std::string_view lang) const {
  if (lang == "sv" && !labels.sv.empty()) return labels.sv;
  if (lang == "nb" && !labels.nb.empty()) return labels.nb;
  return labels.en.empty() ? id : labels.en;
}

const std::string& KpiDef::fallback_text(std::string_view lang) const {
  if (lang == "sv" && !fallback_note.sv.empty()) return fallback_note.sv;
  if (lang == "nb" && !fallback_note.nb.empty()) return fallback_note.nb;
  return fallback_note.en;
}

const std::string& MeasureDef::label(std::string_view lang) const {
  if (lang == "sv" && !labels.sv.empty()) return labels.sv;
  if (lang == "nb" && !labels.nb.empty()) return labels.nb;
  return labels.en.empty() ? id : labels.en;
}

const MeasureDef* Catalogue::find_measure(std::string_view id) const {
  for (const MeasureDef& m : measures) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

const KpiDef* Catalogue::find(std::string_view id) const {
  for (const KpiDef& k : kpis) {
    if (k.id == id) return &k;
  }
  return nullptr;
}

std::vector<std::string> Catalogue::ids() const {
  std::vector<std::string> v;
  for (const KpiDef& k : kpis) v.push_back(k.id);
  return v;
}

namespace {

// KPI ids a KPI refers to (both formulas, plain and national()).
std::vector<std::string> kpi_dependencies(const KpiDef& k, const Catalogue& c) {
  std::vector<std::string> deps;
  for (const std::string* f : {&k.formula, &k.fallback_formula}) {
    if (f->empty()) continue;
    FormulaRefs refs = formula_refs(*f, k.defined_at);
    for (const std::string& n : refs.names) {
      if (c.find(n)) deps.push_back(n);
    }
    for (const std::string& n : refs.national) {
      if (c.find(n) && n != k.id) deps.push_back(n);
    }
  }
  return deps;
}

// References between KPIs: no cycles, and no deeper than kMaxKpiDepth, so that neither
// reading nor evaluating a catalogue can exhaust the stack.
}  // namespace

void check_cycles(const Catalogue& c) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < c.kpis.size(); ++i) index.emplace(c.kpis[i].id, i);
  DependencyOrder order = order_by_dependencies(c.kpis.size(), [&](std::size_t i) {
    std::vector<std::size_t> out;
    for (const std::string& d : kpi_dependencies(c.kpis[i], c)) out.push_back(index.at(d));
    return out;
  });
  if (!order.cycle.empty()) {
    std::vector<std::string> ids;
    for (std::size_t i : order.cycle) ids.push_back(c.kpis[i].id);
    // At the entry that closes the cycle: the one that refers back to the first.
    throw DataError(c.kpis[order.cycle[order.cycle.size() - 2]].defined_at,
                    fmt::format("KPIs refer to each other in a cycle: {}", fmt::join(ids, " → ")));
  }
  if (order.depth > kMaxKpiDepth) {
    throw DataError(Location{c.kpis.empty() ? std::string() : c.kpis.front().defined_at.file},
                    fmt::format("KPIs refer to KPIs {} levels deep; at most {} are allowed", order.depth, kMaxKpiDepth));
  }
}

FormulaRefs formula_refs(const std::string& formula, const Location& where) {
  CompiledFormula f = compile_formula(formula, where);
  return FormulaRefs{f.names, f.national};
}

std::vector<std::string> report_alternatives(const std::string& entry) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= entry.size()) {
    std::size_t bar = entry.find('|', start);
    if (bar == std::string::npos) bar = entry.size();
    out.push_back(std::string(trim(std::string_view(entry).substr(start, bar - start))));
    start = bar + 1;
  }
  return out;
}

Catalogue overlay(const Catalogue& base, const Catalogue& extra) {
  Catalogue out = base;
  for (const KpiDef& k : extra.kpis) {
    auto it = std::find_if(out.kpis.begin(), out.kpis.end(), [&](const KpiDef& b) { return b.id == k.id; });
    if (it != out.kpis.end()) *it = k;
    else out.kpis.push_back(k);
  }
  for (const MeasureDef& m : extra.measures) {
    auto it = std::find_if(out.measures.begin(), out.measures.end(), [&](const MeasureDef& b) { return b.id == m.id; });
    if (it != out.measures.end()) *it = m;
    else out.measures.push_back(m);
  }
  if (!extra.name.empty()) {
    out.name = base.name.empty() ? extra.name : base.name + "+" + extra.name;
    out.version = base.version + "+" + extra.version;
  }
  // A service catalogue brings its own report: its headline, key figures and trend.
  if (!extra.headline.empty()) out.headline = extra.headline;
  if (!extra.report_kpis.empty()) out.report_kpis = extra.report_kpis;
  if (!extra.trend_ids.empty()) out.trend_ids = extra.trend_ids;
  check_cycles(out);
  return out;
}

std::string definitions_hash(const Catalogue& catalogue, const std::vector<std::string>& ids) {
  std::vector<std::string> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
  auto feed = [&h](std::string_view s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    h ^= 0xFF;
    h *= 1099511628211ULL;
  };
  for (const std::string& id : sorted) {
    const KpiDef* k = catalogue.find(id);
    if (!k) continue;
    feed(k->id);
    feed(k->formula);
    feed(k->fallback_formula);
    feed(k->unit);
    feed(to_string(k->direction));
    feed(std::to_string(k->precision));
    feed(to_string(k->aggregate));
    if (k->range) feed(to_string(*k->range));
  }
  return fmt::format("{:012x}", h >> 16);
}

}  // namespace nytta
