#include "load/totals.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

#include "nytta/util/error.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

// Normalised (lower case, '_' for blanks) names of totals in Swedish, Norwegian, Danish,
// Finnish and English.
const std::set<std::string>& total_names() {
  static const std::set<std::string> names = {
      "total", "totalt", "totals", "sum", "summa", "summe", "i_alt", "ialt", "yhteensä", "yhteensa", "kaikki", "all", "alle", "alla",
      "riket", "hela_riket", "hela_landet", "landet", "hele_landet", "hele_landet_i_alt", "koko_maa", "koko_suomi", "sverige",
      "norge", "suomi", "finland", "danmark", "denmark", "sweden", "norway", "whole_country", "national_total", "grand_total",
      "all_municipalities", "alla_kommuner", "alle_kommuner", "samtliga_kommuner", "kaikki_kunnat", "kommuner_i_alt",
      "kommunerna_totalt", "totalt_riket", "riket_totalt", "summa_riket", "sum_kommuner", "hele_landet_totalt"};
  return names;
}

// Words that make a name a total when they open or close it ("Totalt 2012", "Summa kommuner").
const std::set<std::string>& total_words() {
  static const std::set<std::string> words = {"total", "totalt", "totals", "summa", "sum", "yhteensä", "yhteensa", "ialt"};
  return words;
}

bool says_total(const std::string& text) {
  std::string n = normalize_name(text);
  while (!n.empty() && (n.back() == ':' || n.back() == '*' || n.back() == '.')) n.pop_back();
  if (n.empty()) return false;
  if (total_names().count(n)) return true;
  std::size_t first = n.find('_');
  std::size_t last = n.rfind('_');
  if (first == std::string::npos) return false;
  if (total_words().count(n.substr(0, first)) || total_words().count(n.substr(last + 1))) return true;
  return n.size() > 5 && n.compare(n.size() - 5, 5, "i_alt") == 0;
}

// A measure that adds up over units (everything not declared otherwise).
bool summable(const Dataset& d, const Measure& m) {
  const MeasureDeclaration* decl = d.declaration(m.name);
  return !decl || !decl->aggregation || decl->aggregation->kind == Aggregation::Kind::sum;
}

std::string describe(const Unit& u) {
  return u.code.empty() || u.code == u.name ? fmt::format("'{}'", u.name) : fmt::format("'{}' ({})", u.name, u.code);
}

constexpr double kSumTolerance = 0.005;    // a row "is" the sum of the others
constexpr double kAgreeTolerance = 0.01;   // a total agrees with the sum of the units

}  // namespace

bool names_a_total(const Unit& unit) {
  if (says_total(unit.name)) return true;
  if (!unit.code.empty() && unit.code.find_first_not_of('0') == std::string::npos && unit.code.size() <= 4) return true;
  return !unit.code.empty() && says_total(unit.code);
}

void mark_totals(Dataset& data) {
  std::vector<bool> by_name(data.units.size(), false);
  bool any_candidate = false;
  for (std::size_t u = 0; u < data.units.size(); ++u) {
    const Unit& unit = data.units[u];
    if (unit.kind != RowKind::unit || unit.kind_stated) continue;
    by_name[u] = names_a_total(unit);
    any_candidate = true;
  }
  if (!any_candidate) return;

  std::vector<int> years = data.years();
  auto year_index = [&](int y) { return static_cast<std::size_t>(std::lower_bound(years.begin(), years.end(), y) - years.begin()); };
  std::vector<const Measure*> measures;
  for (const Measure& m : data.measures) {
    if (summable(data, m)) measures.push_back(&m);
  }
  const std::size_t nm = measures.size();
  // Per year: the sum of each measure over the units (totals by name left out), and units.
  std::vector<double> totals(years.size() * nm, 0.0);
  std::vector<std::size_t> units_in_year(years.size(), 0);
  std::vector<bool> has_national(years.size(), false);
  for (std::size_t r = 0; r < data.row_count(); ++r) {
    const Unit& u = data.unit_of(r);
    std::size_t y = year_index(data.row_year[r]);
    if (u.kind == RowKind::national) has_national[y] = true;
    if (u.kind != RowKind::unit || by_name[data.row_unit[r]]) continue;
    ++units_in_year[y];
    for (std::size_t i = 0; i < nm; ++i) {
      double v = measures[i]->values[r];
      if (!is_missing(v)) totals[y * nm + i] += v;
    }
  }
  // A row whose values are the sum of the others: v = S − v on most of its measures.
  std::vector<std::size_t> total_rows;
  std::vector<std::size_t> sum_rows_of_unit(data.units.size(), 0), rows_of_unit(data.units.size(), 0);
  for (std::size_t r = 0; r < data.row_count(); ++r) {
    std::uint32_t u = data.row_unit[r];
    ++rows_of_unit[u];
    const Unit& unit = data.units[u];
    if (by_name[u]) {
      total_rows.push_back(r);
      continue;
    }
    std::size_t y = year_index(data.row_year[r]);
    if (unit.kind != RowKind::unit || unit.kind_stated || units_in_year[y] < 4) continue;
    std::size_t checked = 0, matched = 0;
    for (std::size_t i = 0; i < nm; ++i) {
      double v = measures[i]->values[r];
      if (is_missing(v) || v <= 0.0) continue;
      ++checked;
      if (std::fabs(v - (totals[y * nm + i] - v)) <= kSumTolerance * v) ++matched;
    }
    if (matched >= 2 && matched * 3 >= checked * 2) {
      total_rows.push_back(r);
      ++sum_rows_of_unit[u];
    }
  }
  if (total_rows.empty()) return;
  // Found by its values alone, a unit must be the sum in every year it appears.
  std::vector<std::size_t> kept;
  for (std::size_t r : total_rows) {
    std::uint32_t u = data.row_unit[r];
    if (by_name[u] || sum_rows_of_unit[u] == rows_of_unit[u]) kept.push_back(r);
  }
  total_rows = std::move(kept);
  // The sum of the units that are left, per year.
  for (std::size_t r : total_rows) {
    if (by_name[data.row_unit[r]]) continue;
    std::size_t y = year_index(data.row_year[r]);
    for (std::size_t i = 0; i < nm; ++i) {
      double v = measures[i]->values[r];
      if (!is_missing(v)) totals[y * nm + i] -= v;
    }
  }

  struct Seen {
    bool agrees = true, national_free = true;
    double worst_pct = 0.0;
    std::string worst_measure;
    int worst_year = 0;
  };
  std::map<std::uint32_t, Seen> seen;
  for (std::size_t r : total_rows) {
    Seen& s = seen[data.row_unit[r]];
    std::size_t y = year_index(data.row_year[r]);
    if (has_national[y]) s.national_free = false;
    for (std::size_t i = 0; i < nm; ++i) {
      double v = measures[i]->values[r];
      if (is_missing(v) || v == 0.0) continue;
      double pct = (totals[y * nm + i] / v - 1.0) * 100.0;
      if (std::fabs(pct) > kAgreeTolerance * 100.0) s.agrees = false;
      if (std::fabs(pct) > std::fabs(s.worst_pct)) {
        s.worst_pct = pct;
        s.worst_measure = measures[i]->name;
        s.worst_year = data.row_year[r];
      }
    }
  }
  std::set<int> national_years;
  for (auto& [u, s] : seen) {
    Unit& unit = data.units[u];
    const char* why = by_name[u] ? "its name says so" : "its values are the sum of the other units";
    bool free = s.national_free;
    for (std::size_t r : total_rows) {
      if (data.row_unit[r] == u && national_years.count(data.row_year[r])) free = false;
    }
    if (s.agrees && free) {
      unit.kind = RowKind::national;
      for (std::size_t r : total_rows) {
        if (data.row_unit[r] == u) national_years.insert(data.row_year[r]);
      }
      data.notes.push_back(fmt::format("{} is a total, not a unit ({}): it is not ranked, and as it agrees with the sum of the units "
                                       "within {:g} % it is the national value",
                                       describe(unit), why, kAgreeTolerance * 100.0));
    } else {
      unit.kind = RowKind::aggregate;
      std::string reason = free ? fmt::format("it differs from the sum of the units by {:+.1f} % ({} {})", s.worst_pct, s.worst_measure,
                                              s.worst_year)
                                : std::string("the data have a national row already");
      data.notes.push_back(fmt::format("{} is a total, not a unit ({}): it is not ranked and not used as the national value, as {}",
                                       describe(unit), why, reason));
    }
  }
}

void check_national_rows(const Dataset& data) {
  std::map<int, std::size_t> first;
  ErrorList errors;
  for (std::size_t r = 0; r < data.row_count(); ++r) {
    if (data.unit_of(r).kind != RowKind::national) continue;
    auto [it, fresh] = first.emplace(data.row_year[r], r);
    if (fresh) continue;
    errors.add(fmt::format("{}: two national rows for {}: {} and {} (one must be kind = region or a unit)", data.source_of(r),
                           data.row_year[r], describe(data.unit_of(it->second)), describe(data.unit_of(r))));
  }
  errors.checkpoint();
}

}  // namespace nytta
