#pragma once
// An index over a Dataset's rows: which rows belong to a year, which row is (unit, year).

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "nytta/model/dataset.hpp"

namespace nytta {

class Panel {
 public:
  explicit Panel(const Dataset& data);

  const std::vector<int>& years() const { return years_; }
  /// Rows of year (all kinds), in dataset order; empty when the year is absent.
  const std::vector<std::size_t>& rows_of(int year) const;
  /// The row of (unit, year).
  std::optional<std::size_t> row(std::uint32_t unit, int year) const;
  /// The year before year among the dataset's years, if any.
  std::optional<int> previous_year(int year) const;
  /// The national aggregate row of year, if the data have one.
  std::optional<std::size_t> national_row(int year) const;

 private:
  std::vector<int> years_;
  std::vector<std::vector<std::size_t>> rows_by_year_;  // parallel to years_
  std::vector<std::vector<std::uint32_t>> row_of_;  // per year, per unit: row + 1 (0 = none)
  std::vector<std::size_t> national_by_year_;  // parallel to years_, npos when none
};

}  // namespace nytta
