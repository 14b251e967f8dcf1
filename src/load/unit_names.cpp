// Unit names from an entity list. One-file-per-indicator exports (Kolada's DDF dump,
// Gapminder-style data packages) key every value by a code alone; a report that says
// "0180" where the reader expects "Stockholm" is hard to read, and `--unit Stockholm`
// would not work. The names come from the list the publisher ships beside the values,
// joined by code, never by row order. A code listed twice with different names is an
// error: a silent choice would name a unit wrongly.

#include "load/unit_names.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

#include "nytta/util/text.hpp"

namespace nytta {

namespace {

std::optional<std::size_t> find_column(const std::vector<std::string>& headers, const ColumnRef& c) {
  if (c.empty()) return std::nullopt;
  if (c.position > 0) return c.position <= headers.size() ? std::optional<std::size_t>(c.position - 1) : std::nullopt;
  std::string want = normalize_name(c.header);
  for (std::size_t i = 0; i < headers.size(); ++i) {
    if (normalize_name(headers[i]) == want) return i;
  }
  return std::nullopt;
}

}  // namespace

std::string padded_code(std::string code, std::size_t width) {
  if (width > 0 && !code.empty() && code.size() < width &&
      std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
    code.insert(0, width - code.size(), '0');
  return code;
}

std::size_t read_unit_names(RecordSource& in, const NameSource& columns, const Mapping& mapping, UnitNames& names,
                            ErrorList& errors) {
  if (!in.next()) throw DataError(Location{in.name(), 1, 0}, "a names file without a header");
  std::vector<std::string> headers;
  for (std::size_t i = 0; i < in.size(); ++i) headers.emplace_back(trim(in.field(i)));
  Location header_at = in.where();
  header_at.column = 0;
  auto require = [&](const ColumnRef& c, std::string_view role) {
    if (std::optional<std::size_t> i = find_column(headers, c)) return *i;
    throw DataError(header_at, fmt::format("{} names {} for {} of the names file, which the file does not have{}", mapping.path,
                                           c.describe(), role, c.header.empty() ? "" : did_you_mean(c.header, headers)));
  };
  std::size_t code_col = require(columns.code, "the code");
  std::size_t name_col = require(columns.name, "the name");
  std::optional<std::size_t> group_col;
  if (!columns.group.empty()) group_col = require(columns.group, "the group");

  auto cell = [&](std::size_t i) { return i < in.size() ? std::string(trim(in.field(i))) : std::string(); };
  std::size_t skipped = 0;
  while (in.next()) {
    std::string code = padded_code(cell(code_col), mapping.code_pad);
    std::string name = cell(name_col);
    if (code.empty() || name.empty()) {
      ++skipped;
      continue;
    }
    UnitNameEntry entry{name, group_col ? cell(*group_col) : std::string(), in.where(code_col)};
    auto [it, inserted] = names.emplace(code, entry);
    if (!inserted && (it->second.name != entry.name || it->second.group != entry.group)) {
      errors.add(entry.where,
                 fmt::format("the code {} is named '{}' at {}; a code has one name", code, it->second.name, to_string(it->second.where)),
                 name);
    }
  }
  return skipped;
}

std::vector<std::string> apply_unit_names(const UnitNames& names, std::vector<Unit>& units) {
  std::vector<std::string> unnamed;
  for (Unit& u : units) {
    auto it = u.code.empty() ? names.end() : names.find(u.code);
    if (it == names.end()) {
      if (u.name.empty() && !u.code.empty()) unnamed.push_back(u.code);
      continue;
    }
    if (u.name.empty()) u.name = it->second.name;
    if (u.group.empty()) u.group = it->second.group;
  }
  std::sort(unnamed.begin(), unnamed.end());
  unnamed.erase(std::unique(unnamed.begin(), unnamed.end()), unnamed.end());
  return unnamed;
}

}  // namespace nytta
