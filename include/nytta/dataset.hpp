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

namespace nytta {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool is_missing(double v) { return std::isnan(v); }

/// What a row stands for. Aggregates are kept apart: never ranked, but the national
/// row is the official national value when present.
enum class RowKind : std::uint8_t { unit, national, region };

std::string_view to_string(RowKind kind);
std::optional<RowKind> parse_row_kind(std::string_view text);

/// A municipality (or an aggregate of them).
struct Unit {
  std::string code;   // may be empty when the data have no codes; keeps leading zeros
  std::string name;
  std::string group;  // peer group or region; may be empty
  RowKind kind = RowKind::unit;

  /// The key that identifies the unit: the code when there is one, else the name.
  const std::string& key() const { return code.empty() ? name : code; }
};

/// Orders units for output ties: by code, then name (byte order, i.e. code point order).
bool unit_less(const Unit& a, const Unit& b);

struct Measure {
  std::string name;
  std::vector<double> values;  // one per row
};

struct Dataset {
  std::vector<Unit> units;
  std::vector<std::uint32_t> row_unit;  // index into units, one per row
  std::vector<int> row_year;            // one per row
  std::vector<Measure> measures;
  std::string currency;              // e.g. "EUR", "SEK"; empty when not stated
  std::vector<std::string> sources;  // the files it was read from
  std::vector<std::string> notes;    // loader remarks worth showing in reports

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
};

/// Merges b into a. The same (unit, year) in both is a DataError naming both sources,
/// as are different currencies.
void merge_into(Dataset& a, Dataset b);

}  // namespace nytta
