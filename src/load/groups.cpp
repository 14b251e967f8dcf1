#include "nytta/load/groups.hpp"

#include <fmt/format.h>
#include <map>

#include "load/csv_reader.hpp"
#include "nytta/model/header_aliases.hpp"
#include "nytta/util/error.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

std::string apply_groups(Dataset& data, const std::string& path) {
  CsvReader reader(path, Dialect{});
  if (!reader.next()) throw DataError(Location{path, 1, 0}, "the groups file is empty: expected code,group");
  std::optional<std::size_t> code_col, name_col, group_col;
  for (std::size_t i = 0; i < reader.size(); ++i) {
    std::optional<std::string> c = canonical_column(reader.field(i));
    if (!c) continue;
    if (*c == "code") code_col = i;
    else if (*c == "name") name_col = i;
    else if (*c == "group") group_col = i;
  }
  std::optional<std::size_t> key_col = code_col ? code_col : name_col;
  if (!key_col || !group_col) {
    throw DataError(Location{path, 1, 0}, "a groups file needs a 'code' (or 'name') column and a 'group' column", reader.field(0));
  }
  std::map<std::string, std::string> group_of;
  ErrorList errors;
  std::map<std::string, std::size_t> line_of;
  while (reader.next()) {
    if (reader.size() <= std::max(*key_col, *group_col)) {
      errors.add(reader.where(), "the row has fewer fields than the header");
      continue;
    }
    std::string key(trim(reader.field(*key_col)));
    std::string group(trim(reader.field(*group_col)));
    if (key.empty()) continue;
    auto [it, fresh] = line_of.emplace(key, reader.where().line);
    if (!fresh) {
      errors.add(reader.where(*key_col), fmt::format("the unit is listed twice (first at line {})", it->second), key);
      continue;
    }
    group_of[key] = group;
  }
  errors.checkpoint();
  std::size_t matched = 0, units = 0;
  for (Unit& u : data.units) {
    if (u.kind != RowKind::unit) continue;
    ++units;
    auto it = group_of.find(code_col ? u.code : u.name);
    if (it == group_of.end()) continue;
    u.group = it->second;
    ++matched;
  }
  if (matched == units) return {};
  return fmt::format("{}: {} of {} units are not in the groups file and keep their group", path, units - matched, units);
}

}  // namespace nytta
