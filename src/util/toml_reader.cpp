#include "util/toml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fmt/format.h>
#include <fstream>
#include <regex>
#include <sstream>

#include "util/text.hpp"

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
  return *v;
}

std::vector<std::string> TomlReader::strings(const toml::table& t, std::string_view key) const {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a) throw DataError(at(*n), fmt::format("'{}' must be a list of strings", key));
  for (const toml::node& e : *a) {
    if (!e.is_string()) throw DataError(at(e), fmt::format("'{}' must be a list of strings", key));
    out.push_back(fold_case(trim(e.value<std::string>().value_or(""))));
  }
  return out;
}

std::string TomlReader::regex(const toml::table& t, std::string_view key) const {
  std::string r = string(t, key);
  if (r.empty()) return r;
  // std::regex compiles by recursion and counts repetitions in a long: bound both.
  if (r.size() > 500) throw DataError(at(*t.get(key)), fmt::format("'{}' is longer than 500 characters", key), r.substr(0, 40) + "…");
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r[i] == '\\' && i + 3 < r.size() && std::isdigit(static_cast<unsigned char>(r[i + 1])) &&
        std::isdigit(static_cast<unsigned char>(r[i + 2])) && std::isdigit(static_cast<unsigned char>(r[i + 3]))) {
      throw DataError(at(*t.get(key)), fmt::format("'{}' has a back-reference above \\99", key), r);
    }
    if (r[i] != '{') continue;
    std::size_t j = i + 1;
    while (j < r.size() && (std::isdigit(static_cast<unsigned char>(r[j])) || r[j] == ',')) ++j;
    std::string_view counts(r.data() + i + 1, j - i - 1);
    for (std::size_t start = 0; start < counts.size();) {
      std::size_t end = std::min(counts.find(',', start), counts.size());
      if (end - start > 4 || (end > start && std::stoi(std::string(counts.substr(start, end - start))) > 1000)) {
        throw DataError(at(*t.get(key)), fmt::format("'{}' repeats more than 1000 times", key), r);
      }
      start = end + 1;
    }
  }
  try {
    std::regex check(r);
  } catch (const std::regex_error& e) {
    throw DataError(at(*t.get(key)), fmt::format("'{}' is not a valid regular expression: {}", key, e.what()), r);
  }
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
