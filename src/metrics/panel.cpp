#include "nytta/metrics/panel.hpp"

#include <algorithm>

namespace nytta {

namespace {
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
}  // namespace

Panel::Panel(const Dataset& data) : years_(data.years()) {
  rows_by_year_.resize(years_.size());
  national_by_year_.assign(years_.size(), kNone);
  row_of_.assign(years_.size(), std::vector<std::uint32_t>(data.units.size(), 0));
  std::size_t y = 0;
  for (std::size_t r = 0; r < data.row_count(); ++r) {
    if (years_[y] != data.row_year[r]) {
      y = static_cast<std::size_t>(std::lower_bound(years_.begin(), years_.end(), data.row_year[r]) - years_.begin());
    }
    rows_by_year_[y].push_back(r);
    std::uint32_t& slot = row_of_[y][data.row_unit[r]];
    if (slot == 0) slot = static_cast<std::uint32_t>(r + 1);
    if (data.unit_of(r).kind == RowKind::national && national_by_year_[y] == kNone) national_by_year_[y] = r;
  }
}

const std::vector<std::size_t>& Panel::rows_of(int year) const {
  static const std::vector<std::size_t> none;
  auto it = std::lower_bound(years_.begin(), years_.end(), year);
  if (it == years_.end() || *it != year) return none;
  return rows_by_year_[static_cast<std::size_t>(it - years_.begin())];
}

std::optional<std::size_t> Panel::row(std::uint32_t unit, int year) const {
  auto it = std::lower_bound(years_.begin(), years_.end(), year);
  if (it == years_.end() || *it != year) return std::nullopt;
  const std::vector<std::uint32_t>& rows = row_of_[static_cast<std::size_t>(it - years_.begin())];
  if (unit >= rows.size() || rows[unit] == 0) return std::nullopt;
  return rows[unit] - 1;
}

std::optional<int> Panel::previous_year(int year) const {
  auto it = std::lower_bound(years_.begin(), years_.end(), year);
  if (it == years_.begin()) return std::nullopt;
  return *(it - 1);
}

std::optional<std::size_t> Panel::national_row(int year) const {
  auto it = std::lower_bound(years_.begin(), years_.end(), year);
  if (it == years_.end() || *it != year) return std::nullopt;
  std::size_t r = national_by_year_[static_cast<std::size_t>(it - years_.begin())];
  if (r == kNone) return std::nullopt;
  return r;
}

}  // namespace nytta
