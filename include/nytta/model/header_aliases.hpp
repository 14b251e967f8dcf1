#pragma once
// The names a column may carry in Swedish, Norwegian, Finnish and English exports, mapped
// to nytta's canonical column names (DESIGN.md, "Data model").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nytta {

/// Canonical names of the key columns: code, name, year, group, kind, currency.
inline constexpr std::string_view kKeyColumns[] = {"code", "name", "year", "group", "kind", "currency"};

/// The canonical name for a header cell, or nullopt when it is not a known column.
/// Matching ignores case, surrounding blanks and the difference of ' ', '-' and '_'.
std::optional<std::string> canonical_column(std::string_view header);

/// Every known spelling (normalised), for "did you mean" suggestions.
std::vector<std::string> known_column_spellings();

/// What a column of the canonical long CSV is for.
enum class Role { code, name, year, group, kind, currency, measure, ignored };

struct ColumnPlan {
  Role role = Role::measure;
  std::string name;    // canonical name, or the normalised header of another measure
  bool known = false;  // a canonical column (its cells must be numbers if it is a measure)
  double scale = 1.0;  // from a unit in the header: "Kostnad (tkr)" is thousands of kronor
  std::string unit;    // the unit written in the header ("tkr", "EUR", "31.12"), for notes
  std::string currency;  // a currency code written in the header ("EUR" in "Cost, EUR")
};

/// The plan for one header cell; an empty header is Role::ignored.
ColumnPlan plan_column(std::string_view header);

/// The canonical column a header that is none comes closest to, with the spelling it
/// resembles: "Utlan" → {"loans", "utlån"}; nullopt when nothing is close.
struct AliasMatch {
  std::string canonical, spelling;
};
std::optional<AliasMatch> closest_alias(std::string_view header);

/// The other spellings of a canonical column, for messages ("år, vuosi").
std::string aliases_of(std::string_view canonical);

}  // namespace nytta
