#pragma once
// The one data model between the loader and the metrics: rows are (unit, year), columns
// are named numeric measures. Units are interned, so a row costs a few bytes plus its
// measures. NaN means missing, everywhere.

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nytta/util/missing.hpp"
#include "nytta/model/aggregation.hpp"

namespace nytta {


/// What a row stands for. Aggregates are kept apart: never ranked, but the national
/// row is the official national value when present. `aggregate` is a total found in the
/// data (a "Totalt" row, a row that is the sum of the others) that is not trusted as the
/// national value: it is only kept out of rankings and sums.
enum class RowKind : std::uint8_t { unit, national, region, aggregate };

std::string_view to_string(RowKind kind);
std::optional<RowKind> parse_row_kind(std::string_view text);

/// A municipality (or an aggregate of them).
struct Unit {
  std::string code;   // may be empty when the data have no codes; keeps leading zeros
  std::string name;
  std::string group;  // peer group or region; may be empty
  RowKind kind = RowKind::unit;
  bool kind_stated = false;  // the file or the mapping said what the row is (no guessing)

  /// The key that identifies the unit: the code when there is one, else the name.
  const std::string& key() const { return code.empty() ? name : code; }
};

/// Orders units for output ties: by code, then name (byte order, i.e. code point order).
bool unit_less(const Unit& a, const Unit& b);

struct Measure {
  std::string name;
  std::vector<double> values;  // one per row
  std::string header{};        // the column header it was read from, when not the name
};

/// What a data file or mapping says about one of its measures: what it really is (shown in
/// every report) and how it aggregates when the catalogue does not say.
struct MeasureDeclaration {
  std::string measure;
  std::string meaning;
  std::optional<Aggregation> aggregation;
};

/// A KPI range widened by the data: values outside the catalogue's range but inside this
/// one are real (registered borrowers above the population served, because non-residents
/// hold cards too). Such units stay ranked, carry the flag, and are never the model.
struct RangeWidening {
  std::string kpi;
  Range range;
  std::string flag;
};

struct Dataset {
  std::vector<Unit> units;
  std::vector<std::uint32_t> row_unit;  // index into units, one per row
  std::vector<int> row_year;            // one per row
  std::vector<Measure> measures;
  std::string currency;              // e.g. "EUR", "SEK"; empty when not stated
  std::vector<std::string> sources;  // the files it was read from
  /// The first row of each source, parallel to sources, when rows come from one file each
  /// (merged yearly exports); empty when files were joined row by row (mappings).
  std::vector<std::size_t> source_rows;
  std::vector<std::string> notes;    // loader remarks worth showing in reports
  std::vector<std::string> about;    // what the data's provider says of them (mapping notes, "# note:")
  std::vector<MeasureDeclaration> declarations;
  std::vector<RangeWidening> widenings;

  std::size_t row_count() const { return row_year.size(); }
  const Unit& unit_of(std::size_t row) const { return units[row_unit[row]]; }
  /// The measure named name, or nullptr.
  const Measure* find_measure(std::string_view name) const;
  Measure* find_measure(std::string_view name);
  /// Names of all measures, in column order.
  std::vector<std::string> measure_names() const;
  /// The distinct years, ascending.
  std::vector<int> years() const;
  /// The row of (unit, year), if present.
  std::optional<std::size_t> find_row(std::uint32_t unit, int year) const;
  /// The declaration of measure, or nullptr.
  const MeasureDeclaration* declaration(std::string_view measure) const;
  /// The file row came from, when known; else every source joined by ", ".
  std::string source_of(std::size_t row) const;
  /// The widened range of kpi, or nullptr.
  const RangeWidening* widening(std::string_view kpi) const;
};

/// Merges b into a. The same (unit, year) in both is a DataError naming both sources,
/// as are different currencies.
void merge_into(Dataset& a, Dataset b);

/// Order of kinds in files and tables: national, region, unit.
int kind_order(RowKind kind);

}  // namespace nytta
