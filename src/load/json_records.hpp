#pragma once
// JSON downloads as records: JSON-stat 2.0 (what the PxWeb APIs of SCB and SSB return) and
// the data answers of Kolada's API v2.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "load/record_table.hpp"

namespace nytta {

struct JsonOptions {
  /// JSON-stat: the dimension whose categories are the measures; "" = the one with role
  /// "metric" (PxWeb's ContentsCode).
  std::string contents;
  /// Dimension → the one category kept (JSON-stat: Kjonn = "0"; Kolada: gender = "K").
  std::vector<std::pair<std::string, std::string>> select;
  /// No mapping: the dimension with role "geo" becomes the columns code and name, the one
  /// with role "time" the column year, so that the canonical loader reads the records.
  bool canonical_names = false;
};

/// Reads a JSON-stat 2.0 dataset or a Kolada API v2 data answer, whichever text holds.
/// Records: JSON-stat gives one per combination of the other dimensions (region × year),
/// with "<dimension>" (category code) and "<dimension> label" columns, then one column per
/// category of the contents dimension (its code). Kolada gives one per municipality and
/// period: code, year, then one column per KPI id, the value of the chosen gender (T).
/// Throws DataError naming the file and the place for anything else.
std::unique_ptr<RecordTable> read_json_records(const std::string& path, std::string_view text, const JsonOptions& options);

}  // namespace nytta
