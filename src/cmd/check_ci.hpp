#pragma once
// The failures of `nytta check` as CI findings, placed at the row of the data file they
// are about when that row can be found.

#include <string>
#include <string_view>
#include <vector>

#include "nytta/metrics/check.hpp"
#include "nytta/model/dataset.hpp"
#include "nytta/report/ci_annotations.hpp"

namespace nytta {

/// A row to look for: a unit (by code or name) in a year.
struct RowKey {
  std::string code, name;
  int year = 0;
};

/// The 1-based line of each key's row in text (CSV of any common separator), or 0 when no
/// line or more than one line holds both the unit's code or name and the year as fields.
std::vector<std::size_t> find_row_lines(std::string_view text, const std::vector<RowKey>& keys);

/// One finding per failed case. The file is the data file whose row it is (with its line
/// when find_row_lines finds it, or the only input without one); when neither is known,
/// the rules file at the rule's line. Paths are relative to cwd when under it.
std::vector<CiFinding> check_findings(const std::vector<RuleResult>& results, const Dataset& data, const std::string& rules_path,
                                      const std::string& cwd);

}  // namespace nytta
