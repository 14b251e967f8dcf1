#pragma once
// Where mapped cells meet: (unit, year, measure) → one value, combined as the mapping says
// (a single cell, a sum of rows or months, the same value repeated), and then the Dataset.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "load/mapping.hpp"
#include "nytta/model/dataset.hpp"
#include "nytta/load/load.hpp"

namespace nytta {

struct Accumulator {
  struct Slot {
    double sum = 0.0, min = 0.0, max = 0.0, first = kMissing;
    std::uint32_t count = 0;
    std::uint32_t first_file = 0, first_line = 0;
    Combine combine = Combine::single;
    std::uint32_t complete = 0;
  };

  std::vector<Unit> units;
  std::vector<std::uint32_t> row_unit;
  std::vector<int> row_year;
  std::vector<std::string> measures;
  std::vector<std::vector<Slot>> slots;  // per measure, per row
  std::vector<std::optional<double>> defaults;  // per measure: the value where no file has one
  std::vector<std::string> sources, notes;
  std::vector<std::string> absent;       // optional measures no file had

  /// The index of unit, added when new (by kind and key).
  std::uint32_t unit(const Unit& u);
  void add_measure(const MeasureSource& source);
  /// Adds one cell; a second value for a single-valued slot is an error in errors.
  void add(std::uint32_t unit, int year, const MeasureSource& source, double value, const Location& where,
           ErrorList& errors);

 private:
  std::size_t row(std::uint32_t unit, int year);
  std::size_t measure_index(const std::string& name);
  std::unordered_map<std::string, std::uint32_t> unit_index_;
  std::unordered_map<std::uint64_t, std::size_t> row_index_;
};

/// Combines the slots, derives the formula measures, keeps the output measures, drops rows
/// without any value, and sorts rows by kind, code, name and year.
Dataset build_dataset(Accumulator& acc, const Mapping& mapping, const LoadOptions& options);

}  // namespace nytta
