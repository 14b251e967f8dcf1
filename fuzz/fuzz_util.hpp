#pragma once
// Checks shared by the fuzz targets: what every Dataset must satisfy, equality of two
// Datasets (in row order, or as sets of (unit, year) cells), and inputs made of parts.

#include <algorithm>
#include <cmath>
#include <exception>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <utility>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "nytta/model/dataset.hpp"
#include "nytta/util/error.hpp"

namespace nytta::fuzz {

/// NYTTA_FUZZ_VERBOSE set: the targets say why an input is refused (to see how far a seed
/// gets) and how two Datasets differ.
inline bool verbose() {
  static const bool on = std::getenv("NYTTA_FUZZ_VERBOSE") != nullptr;
  return on;
}

/// An input refused with a nytta error.
inline void refused(const std::exception& e) {
  if (verbose()) std::fprintf(stderr, "refused: %s\n", e.what());
}

/// Runs f: true when it finished, false when it refused the input with a nytta error
/// (DataError, UsageError, FileError: what a user sees as exit 65, 2 or 66). Anything else
/// escapes, and libFuzzer reports it as a crash.
template <typename F>
bool accepted(F&& f) {
  try {
    f();
    return true;
  } catch (const DataError& e) {
    refused(e);
  } catch (const UsageError& e) {
    refused(e);
  } catch (const FileError& e) {
    refused(e);
  }
  return false;
}

/// false, and why when verbose.
inline bool differ(const std::string& why) {
  if (verbose()) std::fprintf(stderr, "differ: %s\n", why.c_str());
  return false;
}

/// A broken invariant is a crash, which says which: libFuzzer keeps the input.
inline void fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
  std::abort();
}
#define NYTTA_REQUIRE(...) ((__VA_ARGS__) ? void(0) : ::nytta::fuzz::fail(#__VA_ARGS__, __FILE__, __LINE__))

/// The same value, NaN for NaN.
inline bool same_value(double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); }

/// The parts of an input separated by NUL bytes (which no text file holds), at most max.
inline std::vector<std::string_view> split_parts(std::string_view in, std::size_t max) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max) {
    std::size_t nul = in.find('\0');
    if (nul == std::string_view::npos) break;
    parts.push_back(in.substr(0, nul));
    in.remove_prefix(nul + 1);
  }
  parts.push_back(in);
  return parts;
}

/// What every loaded Dataset holds: parallel columns, units that exist, four-digit years,
/// no infinity (a value is a number or missing), one row per (unit, year).
inline void check_dataset(const Dataset& d) {
  const std::size_t rows = d.row_count();
  NYTTA_REQUIRE(d.row_unit.size() == rows);
  std::map<std::pair<std::uint32_t, int>, int> seen;
  for (std::size_t r = 0; r < rows; ++r) {
    NYTTA_REQUIRE(d.row_unit[r] < d.units.size());
    NYTTA_REQUIRE(d.row_year[r] >= 1000 && d.row_year[r] <= 9999);
    NYTTA_REQUIRE(++seen[{d.row_unit[r], d.row_year[r]}] == 1);
  }
  for (const Measure& m : d.measures) {
    NYTTA_REQUIRE(m.values.size() == rows);
    for (double v : m.values) NYTTA_REQUIRE(!std::isinf(v));
  }
}

/// The same Dataset, row for row (the fast path against the general loader).
inline bool same(const Dataset& a, const Dataset& b) {
  if (a.row_count() != b.row_count() || a.units.size() != b.units.size()) return false;
  if (a.row_year != b.row_year || a.row_unit != b.row_unit || a.measure_names() != b.measure_names()) return false;
  for (std::size_t i = 0; i < a.units.size(); ++i) {
    if (a.units[i].code != b.units[i].code || a.units[i].name != b.units[i].name) return false;
  }
  for (std::size_t m = 0; m < a.measures.size(); ++m) {
    for (std::size_t r = 0; r < a.row_count(); ++r) {
      if (!same_value(a.measures[m].values[r], b.measures[m].values[r])) return false;
    }
  }
  return a.currency == b.currency;
}

/// The same cells whatever the order of rows and measures: every (unit, year) with its
/// unit's code, name, group and kind, every measure by name.
inline bool same_cells(const Dataset& a, const Dataset& b) {
  if (a.row_count() != b.row_count()) return differ("rows " + std::to_string(a.row_count()) + " and " + std::to_string(b.row_count()));
  if (a.measures.size() != b.measures.size()) return differ("measures " + std::to_string(a.measures.size()) + " and " + std::to_string(b.measures.size()));
  if (a.currency != b.currency) return differ("currency '" + a.currency + "' and '" + b.currency + "'");
  std::vector<std::size_t> b_measure;  // per measure of a, the same of b
  for (const Measure& m : a.measures) {
    const Measure* other = b.find_measure(m.name);
    if (!other) return differ("no measure " + m.name);
    b_measure.push_back(static_cast<std::size_t>(other - b.measures.data()));
  }
  using Key = std::tuple<std::string_view, std::string_view, std::string_view, int, int>;  // code, name, group, kind, year
  auto rows = [](const Dataset& d) {
    std::vector<std::pair<Key, std::size_t>> out;
    for (std::size_t r = 0; r < d.row_count(); ++r) {
      const Unit& u = d.unit_of(r);
      out.emplace_back(Key{u.code, u.name, u.group, static_cast<int>(u.kind), d.row_year[r]}, r);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  std::vector<std::pair<Key, std::size_t>> x = rows(a), y = rows(b);
  for (std::size_t i = 0; i < x.size(); ++i) {
    const auto& [code, name, group, kind, year] = x[i].first;
    std::string row = std::string(code) + "|" + std::string(name) + "|" + std::string(group) + "|" + std::to_string(kind) + "|" + std::to_string(year);
    if (x[i].first != y[i].first) {
      const auto& [code2, name2, group2, kind2, year2] = y[i].first;
      return differ("row " + row + " and " + std::string(code2) + "|" + std::string(name2) + "|" + std::string(group2) + "|" + std::to_string(kind2) + "|" + std::to_string(year2));
    }
    for (std::size_t m = 0; m < a.measures.size(); ++m) {
      double p = a.measures[m].values[x[i].second], q = b.measures[b_measure[m]].values[y[i].second];
      if (!same_value(p, q)) return differ("row " + row + " " + a.measures[m].name + " " + std::to_string(p) + " and " + std::to_string(q));
    }
  }
  return true;
}

}  // namespace nytta::fuzz
