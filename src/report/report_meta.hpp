#pragma once
// A Report's meta entries (unit, kpi, year) as the SQLite store reads them.

#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <string_view>

#include "nytta/report/table.hpp"

namespace nytta::detail {

inline const Cell* meta_of(const Report& r, std::string_view key) {
  for (const auto& [k, v] : r.meta) {
    if (k == key) return &v;
  }
  return nullptr;
}

inline std::string meta_text(const Report& r, std::string_view key) {
  const Cell* c = meta_of(r, key);
  if (!c) return {};
  if (const std::string* s = c->text()) return *s;
  if (const double* v = c->number_value()) return *v == std::floor(*v) ? fmt::format("{}", static_cast<long long>(*v)) : fmt::format("{}", *v);
  return {};
}

inline std::optional<std::int64_t> meta_year(const Report& r) {
  const Cell* c = meta_of(r, "year");
  if (c && c->number_value()) return static_cast<std::int64_t>(*c->number_value());
  return std::nullopt;
}

}  // namespace nytta::detail
