#pragma once
// The KPI catalogue: every key figure nytta computes is an entry of data, built in for
// libraries (kpis/library.toml) and extended or overridden by --kpis FILE for any other
// service.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nytta/model/aggregation.hpp"
#include "nytta/util/error.hpp"

namespace nytta {

/// How deeply KPIs may be defined from KPIs (a chain a → b → c is 3 deep).
inline constexpr std::size_t kMaxKpiDepth = 64;

enum class Direction { higher_is_better, lower_is_better, neutral };

std::string_view to_string(Direction d);
/// "↑", "↓" or "·".
std::string_view arrow(Direction d);

struct KpiLabels {
  std::string en, sv, nb;
};

struct KpiDef {
  std::string id;
  KpiLabels labels;
  std::string formula;
  std::string fallback_formula;  // used when the data lack a measure of formula
  KpiLabels fallback_note;       // what to tell readers when the fallback is used
  std::string unit;  // currency, count, share, percent, h/week, index, raw or free text
  Direction direction = Direction::higher_is_better;
  std::string category;  // benefit, productivity, coverage, priority, quality
  int precision = 2;
  bool comparable = true;  // false when the KPI grows with the size of the unit
  Aggregation aggregate;   // how its national value is formed (the formula on aggregated measures)
  std::optional<Range> range;  // the values its meaning allows; outside them a value is impossible
  std::string description;
  std::string source;
  Location defined_at;  // where the entry starts, for messages

  /// The label in lang ("en", "sv", "nb"), falling back to English, then to the id.
  const std::string& label(std::string_view lang = "en") const;
  /// The fallback note in lang, falling back to English.
  const std::string& fallback_text(std::string_view lang = "en") const;
};

/// A measure the catalogue knows: its labels, unit, how it aggregates and the values it
/// can take (a count is never negative).
struct MeasureDef {
  std::string id;
  KpiLabels labels;
  std::string unit;  // count, currency, h, share, percent, or free text
  Aggregation aggregate{Aggregation::Kind::sum, {}};
  std::optional<Range> range;
  std::string description;
  Location defined_at;

  const std::string& label(std::string_view lang = "en") const;
};

struct Catalogue {
  std::string name;
  std::string version;
  std::string extends;                   // "library": adds to the built-in catalogue
  std::string headline;                  // the KPI `report` ranks by
  std::vector<std::string> report_kpis;  // the key figures of `report`, headline first
  std::vector<std::string> trend_ids;    // the national trend of `report`
  std::vector<KpiDef> kpis;
  std::vector<MeasureDef> measures;

  const KpiDef* find(std::string_view id) const;
  const MeasureDef* find_measure(std::string_view id) const;
  std::vector<std::string> ids() const;
};

/// The ids of one entry of a catalogue's report list: "a|b" is a, else b.
std::vector<std::string> report_alternatives(const std::string& entry);

/// base with the entries of extra added, or replacing those with the same id.
/// Checks the result for cycles again.
Catalogue overlay(const Catalogue& base, const Catalogue& extra);

/// Throws DataError when KPIs refer to each other in a cycle or deeper than kMaxKpiDepth.
void check_cycles(const Catalogue& c);

/// Short hash (12 hex digits) of the definitions of ids: what must stay the same for
/// reports of different years to be comparable.
std::string definitions_hash(const Catalogue& catalogue, const std::vector<std::string>& ids);

/// The identifiers a formula refers to: measures, KPIs, and national(kpi) references.
struct FormulaRefs {
  std::vector<std::string> names;     // plain identifiers
  std::vector<std::string> national;  // ids inside national(...)
};

/// Parses formula and lists what it refers to. Throws DataError at where (with the
/// position in the formula) when it does not parse.
FormulaRefs formula_refs(const std::string& formula, const Location& where);

}  // namespace nytta
