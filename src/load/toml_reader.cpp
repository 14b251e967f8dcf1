#include "load/toml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "load/pattern.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

toml::table TomlReader::parse(std::string_view text) const {
  try {
    return toml::parse(text, name_);
  } catch (const toml::parse_error& e) {
    const toml::source_region& r = e.source();
    throw DataError(Location{name_, static_cast<std::size_t>(r.begin.line), static_cast<std::size_t>(r.begin.column)},
                    fmt::format("not valid TOML: {}", e.description()));
  }
}

Location TomlReader::at(const toml::node& n) const {
  const toml::source_region& r = n.source();
  return Location{name_, static_cast<std::size_t>(r.begin.line), static_cast<std::size_t>(r.begin.column)};
}

Location TomlReader::at_key(const toml::key& k) const {
  const toml::source_region& r = k.source();
  return Location{name_, static_cast<std::size_t>(r.begin.line), static_cast<std::size_t>(r.begin.column)};
}

void TomlReader::allow(const toml::table& t, const std::vector<std::string>& keys, std::string_view where) const {
  for (const auto& [key, value] : t) {
    (void)value;
    std::string k(key.str());
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
      throw DataError(at_key(key), fmt::format("unknown key in {}{}", where, did_you_mean(k, keys)), k);
    }
  }
}

std::string TomlReader::string(const toml::table& t, std::string_view key, std::string fallback) const {
  const toml::node* n = t.get(key);
  if (!n) return fallback;
  if (!n->is_string()) throw DataError(at(*n), fmt::format("'{}' must be a string", key));
  return n->value<std::string>().value_or("");
}

bool TomlReader::boolean(const toml::table& t, std::string_view key, bool fallback) const {
  const toml::node* n = t.get(key);
  if (!n) return fallback;
  if (!n->is_boolean()) throw DataError(at(*n), fmt::format("'{}' must be true or false", key));
  return n->value<bool>().value_or(fallback);
}

std::size_t TomlReader::count(const toml::table& t, std::string_view key, std::size_t fallback) const {
  const toml::node* n = t.get(key);
  if (!n) return fallback;
  std::optional<std::int64_t> v = n->value_exact<std::int64_t>();
  if (!v || *v < 0 || *v > 1'000'000) throw DataError(at(*n), fmt::format("'{}' must be a whole number ≥ 0", key));
  return static_cast<std::size_t>(*v);
}

double TomlReader::number(const toml::node& n, std::string_view key) const {
  std::optional<double> v = n.value<double>();
  if (!v) throw DataError(at(n), fmt::format("'{}' must be a number", key));
  if (!std::isfinite(*v)) throw DataError(at(n), fmt::format("'{}' must be a finite number (not nan or inf)", key));
  return *v;
}

Range TomlReader::range(const toml::node& n, std::string_view key) const {
  const toml::array* a = n.as_array();
  auto bound = [&](const toml::node& e) {
    std::optional<double> v = e.value<double>();
    if (!v || std::isnan(*v)) throw DataError(at(e), fmt::format("'{}' must be [min, max]: two numbers (inf for no bound)", key));
    return *v;
  };
  if (!a || a->size() != 2) throw DataError(at(n), fmt::format("'{}' must be [min, max]: two numbers (inf for no bound)", key));
  Range r{bound(*a->get(0)), bound(*a->get(1))};
  if (r.min > r.max) throw DataError(at(n), fmt::format("'{}' has its minimum above its maximum", key));
  return r;
}

Aggregation TomlReader::aggregation(const toml::table& t, Aggregation fallback, bool allow_formula) const {
  const toml::node* n = t.get("aggregate");
  const toml::node* w = t.get("weight");
  if (!n) {
    if (w) throw DataError(at(*w), "'weight' goes with aggregate = \"weighted_mean\"");
    return fallback;
  }
  std::string name = string(t, "aggregate");
  std::optional<Aggregation::Kind> kind = parse_aggregation_kind(name);
  if (!kind || (*kind == Aggregation::Kind::formula && !allow_formula)) {
    std::vector<std::string> names = {"sum", "mean", "weighted_mean", "none"};
    if (allow_formula) names.push_back("formula");
    throw DataError(at(*n), fmt::format("aggregate must be one of {}{}", fmt::join(names, ", "), did_you_mean(name, names)), name);
  }
  Aggregation a{*kind, string(t, "weight")};
  if (*kind == Aggregation::Kind::weighted_mean && a.weight.empty())
    throw DataError(at(*n), "aggregate = \"weighted_mean\" needs weight = \"measure\"");
  if (*kind != Aggregation::Kind::weighted_mean && w) throw DataError(at(*w), "'weight' goes with aggregate = \"weighted_mean\"");
  return a;
}

const toml::table* TomlReader::table(const toml::table& t, std::string_view key) const {
  const toml::node* n = t.get(key);
  if (!n) return nullptr;
  if (!n->is_table()) throw DataError(at(*n), fmt::format("'{}' must be a table ([{}])", key, key));
  return n->as_table();
}

std::vector<const toml::table*> TomlReader::tables(const toml::table& t, std::string_view key) const {
  std::vector<const toml::table*> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a) throw DataError(at(*n), fmt::format("'{}' must be a list of tables: [[{}]]", key, key));
  for (const toml::node& e : *a) {
    if (!e.is_table()) throw DataError(at(e), fmt::format("each entry of '{}' must be a table: [[{}]]", key, key));
    out.push_back(e.as_table());
  }
  return out;
}

std::vector<std::string> TomlReader::string_list(const toml::table& t, std::string_view key) const {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a) throw DataError(at(*n), fmt::format("'{}' must be a list of strings", key));
  for (const toml::node& e : *a) {
    if (!e.is_string()) throw DataError(at(e), fmt::format("'{}' must be a list of strings", key));
    out.push_back(e.value<std::string>().value_or(""));
  }
  return out;
}

std::optional<int> TomlReader::year(const toml::node& n, std::string_view key) const {
  std::optional<std::int64_t> v = n.value_exact<std::int64_t>();
  if (!v || *v < 1000 || *v > 9999) throw DataError(at(n), fmt::format("'{}' must be a four-digit year", key));
  return static_cast<int>(*v);
}

std::vector<std::string> TomlReader::strings(const toml::table& t, std::string_view key) const {
  std::vector<std::string> out = string_list(t, key);
  for (std::string& e : out) e = fold_case(trim(e));
  return out;
}

std::string TomlReader::regex(const toml::table& t, std::string_view key) const {
  std::string r = string(t, key);
  if (r.empty()) return r;
  if (r.size() > 1000) throw DataError(at(*t.get(key)), fmt::format("'{}' is longer than 1000 characters", key), r.substr(0, 40) + "…");
  Pattern p(r);
  if (!p.error().empty())
    throw DataError(at(*t.get(key)),
                    fmt::format("'{}' is not a valid regular expression: {} (RE2 syntax: no back-references)", key, p.error()), r);
  return r;
}

std::string read_text_file(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileError(fmt::format("{}: cannot read the {}", path, what));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw FileError(fmt::format("{}: cannot read the {}", path, what));
  return text.str();
}

}  // namespace nytta
