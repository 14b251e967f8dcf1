#pragma once
// What the JSON readers share: cells and keys of a JSON document as text, the categories
// the mapping selects, and the Kolada reader (kolada_records.cpp) beside JSON-stat's.

#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "load/json_records.hpp"
#include "nytta/util/text.hpp"

namespace nytta::detail {

using nlohmann::json;

inline std::string number_text(const json& v) {
  if (v.is_number_integer()) return v.is_number_unsigned() ? std::to_string(v.get<std::uint64_t>()) : std::to_string(v.get<std::int64_t>());
  double d = v.get<double>();
  return d == 0.0 ? std::string("0") : fmt::format("{}", d);
}

// A value cell as text: numbers exactly, null as empty, a string as it is (".." stays a
// missing marker for the loaders).
inline std::optional<std::string> cell_text(const json& v) {
  if (v.is_null()) return std::string();
  if (v.is_number()) return number_text(v);
  if (v.is_string()) return v.get<std::string>();
  return std::nullopt;
}

inline std::string key_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return number_text(v);
  return std::string();
}

inline const std::string* selected(const JsonOptions& o, std::string_view dimension) {
  for (const auto& [dim, cat] : o.select) {
    if (fold_case(dim) == fold_case(dimension)) return &cat;
  }
  return nullptr;
}

/// A Kolada answer ({"values": [...]}) as records: one row per municipality and period,
/// one column per KPI.
std::unique_ptr<RecordTable> read_kolada(const std::string& path, const json& doc, const JsonOptions& o);

}  // namespace nytta::detail
