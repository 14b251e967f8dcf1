#pragma once
// Reading a number the way statistics offices write them: decimal point or comma,
// thousands grouping by space, no-break space, '.' or ',', a Unicode minus, a percent
// sign, ".68" without a leading zero, scientific notation. Anything else is an error,
// never a silent zero.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nytta {

struct NumberFormat {
  char decimal = '.';  // '.' or ','
  /// Cell texts that mean "no value" besides the empty cell, compared after trimming.
  std::vector<std::string> missing_markers;
};

/// The markers every loader knows: . .. ... - – — : x NA n/a (case-insensitive).
const std::vector<std::string>& default_missing_markers();

struct ParsedNumber {
  enum class Status { value, missing, error };
  Status status = Status::missing;
  double value = 0.0;
  const char* reason = nullptr;  // why it is not a number, for Status::error
  bool percent = false;          // written with '%': value is the share (10 % → 0.1)

  bool ok() const { return status == Status::value; }
};

/// Parses one cell.
ParsedNumber parse_number(std::string_view cell, const NumberFormat& format);

/// A year as every file and flag writes it: exactly four digits, 1000–9999, blanks around
/// allowed. The one year parser of nytta (CSV cells, mapping captures, file names).
std::optional<int> parse_year(std::string_view text);

/// True when cell is one of format's missing markers (the empty cell included).
bool is_missing_marker(std::string_view cell, const NumberFormat& format);

}  // namespace nytta
