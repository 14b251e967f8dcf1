#pragma once
// Reading nytta's TOML files (mappings, KPI catalogues, rules) with one kind of error:
// every wrong key or value is a DataError at its file, line and column, unknown keys with
// a suggestion.

#include <cstddef>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

#include "nytta/model/aggregation.hpp"
#include "nytta/util/error.hpp"

namespace nytta {

class TomlReader {
 public:
  explicit TomlReader(std::string name) : name_(std::move(name)) {}

  /// Parses text; a syntax error is a DataError at its line and column.
  toml::table parse(std::string_view text) const;
  const std::string& name() const { return name_; }

  Location at(const toml::node& n) const;
  Location at_key(const toml::key& k) const;

  /// Refuses keys of t that are not in keys, naming where ("[keys]") and the closest key.
  void allow(const toml::table& t, const std::vector<std::string>& keys, std::string_view where) const;

  std::string string(const toml::table& t, std::string_view key, std::string fallback = {}) const;
  bool boolean(const toml::table& t, std::string_view key, bool fallback = false) const;
  std::size_t count(const toml::table& t, std::string_view key, std::size_t fallback) const;
  double number(const toml::node& n, std::string_view key) const;
  /// A list of strings, trimmed and case-folded (for markers).
  std::vector<std::string> strings(const toml::table& t, std::string_view key) const;
  /// `range = [min, max]`: two numbers (inf allowed), min ≤ max.
  Range range(const toml::node& n, std::string_view key) const;
  /// `aggregate = "sum" | "mean" | "weighted_mean" | "none"` with `weight = "measure"` for
  /// weighted_mean; fallback when the key is absent. "formula" only when allow_formula.
  Aggregation aggregation(const toml::table& t, Aggregation fallback, bool allow_formula) const;
  /// The table under key, nullptr when absent; an error when it is something else.
  const toml::table* table(const toml::table& t, std::string_view key) const;
  /// The array of tables under key ([[key]]), empty when absent; an error for anything else.
  std::vector<const toml::table*> tables(const toml::table& t, std::string_view key) const;
  /// A list of strings as written (not folded); an error when any element is not a string.
  std::vector<std::string> string_list(const toml::table& t, std::string_view key) const;
  /// A year (1000–9999) under key, nullopt when absent.
  std::optional<int> year(const toml::node& n, std::string_view key) const;
  /// A string that must be a valid regular expression ("" when absent).
  std::string regex(const toml::table& t, std::string_view key) const;

 private:
  std::string name_;
};

/// The text of a file; FileError naming what when it cannot be read.
std::string read_text_file(const std::string& path, std::string_view what);

}  // namespace nytta
