#include "nytta/model/dataset.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <tuple>

#include "nytta/util/error.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

std::string_view to_string(RowKind kind) {
  switch (kind) {
    case RowKind::unit: return "unit";
    case RowKind::national: return "national";
    case RowKind::region: return "region";
    case RowKind::aggregate: return "aggregate";
  }
  return "unit";
}

std::optional<RowKind> parse_row_kind(std::string_view text) {
  std::string k = normalize_name(text);
  if (k.empty() || k == "unit" || k == "municipality" || k == "kommun" || k == "kommune" ||
      k == "kunta")
    return RowKind::unit;
  if (k == "national" || k == "nation" || k == "total" || k == "riket" || k == "landet" ||
      k == "hele_landet" || k == "koko_maa")
    return RowKind::national;
  if (k == "region" || k == "county" || k == "län" || k == "fylke" || k == "maakunta" || k == "group")
    return RowKind::region;
  // What to_string() writes for a total that is neither the nation nor a region (convert's
  // output must read back as it was written).
  if (k == "aggregate" || k == "aggregate_row" || k == "other_aggregate") return RowKind::aggregate;
  return std::nullopt;
}

bool unit_less(const Unit& a, const Unit& b) {
  return std::tie(a.code, a.name) < std::tie(b.code, b.name);
}

const Measure* Dataset::find_measure(std::string_view name) const {
  for (const Measure& m : measures) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

Measure* Dataset::find_measure(std::string_view name) {
  for (Measure& m : measures) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

std::vector<std::string> Dataset::measure_names() const {
  std::vector<std::string> names;
  names.reserve(measures.size());
  for (const Measure& m : measures) names.push_back(m.name);
  return names;
}

std::vector<int> Dataset::years() const {
  std::vector<int> y = row_year;
  std::sort(y.begin(), y.end());
  y.erase(std::unique(y.begin(), y.end()), y.end());
  return y;
}

const MeasureDeclaration* Dataset::declaration(std::string_view measure) const {
  for (const MeasureDeclaration& d : declarations) {
    if (d.measure == measure) return &d;
  }
  return nullptr;
}

const RangeWidening* Dataset::widening(std::string_view kpi) const {
  for (const RangeWidening& w : widenings) {
    if (w.kpi == kpi) return &w;
  }
  return nullptr;
}

std::string Dataset::source_of(std::size_t row) const {
  if (source_rows.size() != sources.size() || sources.empty()) return fmt::format("{}", fmt::join(sources, ", "));
  std::size_t i = static_cast<std::size_t>(std::upper_bound(source_rows.begin(), source_rows.end(), row) - source_rows.begin());
  return sources[i == 0 ? 0 : i - 1];
}

std::optional<std::size_t> Dataset::find_row(std::uint32_t unit, int year) const {
  for (std::size_t r = 0; r < row_count(); ++r) {
    if (row_unit[r] == unit && row_year[r] == year) return r;
  }
  return std::nullopt;
}

void merge_into(Dataset& a, Dataset b) {
  if (a.row_count() == 0 && a.units.empty()) {
    a = std::move(b);
    return;
  }
  if (!a.currency.empty() && !b.currency.empty() && a.currency != b.currency) {
    throw DataError(fmt::format("{}: currency {} differs from {} in {}",
                                fmt::join(b.sources, ", "), b.currency, a.currency,
                                fmt::join(a.sources, ", ")));
  }
  if (a.currency.empty()) a.currency = b.currency;

  using Key = std::tuple<RowKind, std::string>;
  std::map<Key, std::uint32_t> unit_index;
  for (std::uint32_t u = 0; u < a.units.size(); ++u) {
    unit_index.emplace(Key{a.units[u].kind, a.units[u].key()}, u);
  }
  std::vector<std::uint32_t> b_to_a(b.units.size());
  for (std::uint32_t u = 0; u < b.units.size(); ++u) {
    Key key{b.units[u].kind, b.units[u].key()};
    auto [it, inserted] = unit_index.emplace(key, static_cast<std::uint32_t>(a.units.size()));
    if (inserted) a.units.push_back(b.units[u]);
    b_to_a[u] = it->second;
  }

  std::map<std::pair<std::uint32_t, int>, std::size_t> present;
  for (std::size_t r = 0; r < a.row_count(); ++r) present[{a.row_unit[r], a.row_year[r]}] = r;
  ErrorList errors;
  for (std::size_t r = 0; r < b.row_count(); ++r) {
    std::uint32_t u = b_to_a[b.row_unit[r]];
    auto it = present.find({u, b.row_year[r]});
    if (it != present.end()) {
      errors.add(fmt::format("{} {} appears both in {} and in {}", a.units[u].key(), b.row_year[r], a.source_of(it->second),
                             b.source_of(r)));
    }
  }
  errors.checkpoint();
  const bool by_file = a.source_rows.size() == a.sources.size() && b.source_rows.size() == b.sources.size();

  std::size_t old_rows = a.row_count();
  std::size_t new_rows = old_rows + b.row_count();
  for (std::size_t r = 0; r < b.row_count(); ++r) {
    a.row_unit.push_back(b_to_a[b.row_unit[r]]);
    a.row_year.push_back(b.row_year[r]);
  }
  for (Measure& m : a.measures) m.values.resize(new_rows, kMissing);
  for (Measure& bm : b.measures) {
    Measure* am = a.find_measure(bm.name);
    if (!am) {
      a.measures.push_back(Measure{bm.name, std::vector<double>(new_rows, kMissing)});
      am = &a.measures.back();
    }
    std::copy(bm.values.begin(), bm.values.end(), am->values.begin() + static_cast<std::ptrdiff_t>(old_rows));
  }
  if (by_file) {
    for (std::size_t first : b.source_rows) a.source_rows.push_back(old_rows + first);
  } else {
    a.source_rows.clear();
  }
  for (std::string& s : b.sources) a.sources.push_back(std::move(s));
  for (std::string& n : b.notes) a.notes.push_back(std::move(n));
  for (std::string& n : b.about) {
    if (std::find(a.about.begin(), a.about.end(), n) == a.about.end()) a.about.push_back(std::move(n));
  }
  for (MeasureDeclaration& d : b.declarations) {
    if (!a.declaration(d.measure)) a.declarations.push_back(std::move(d));
  }
  for (RangeWidening& w : b.widenings) {
    if (!a.widening(w.kpi)) a.widenings.push_back(std::move(w));
  }
}

int kind_order(RowKind k) { return k == RowKind::national ? 0 : k == RowKind::region ? 1 : 2; }

}  // namespace nytta
