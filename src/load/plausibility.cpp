#include "load/plausibility.hpp"

#include <cmath>
#include <fmt/format.h>

#include "nytta/measure_info.hpp"

namespace nytta {

namespace {

std::string where(const Dataset& d, std::size_t row) {
  const Unit& u = d.unit_of(row);
  return fmt::format("{} {}", u.code.empty() ? u.name : u.code, d.row_year[row]);
}

}  // namespace

std::vector<std::string> drop_impossible_values(Dataset& data) {
  std::vector<std::string> notes;
  for (Measure& m : data.measures) {
    if (measure_info(m.name).unit.empty()) continue;  // not a canonical count or amount
    std::size_t dropped = 0, first = 0;
    for (std::size_t r = 0; r < m.values.size(); ++r) {
      if (m.values[r] < 0) {
        if (dropped++ == 0) first = r;
        m.values[r] = kMissing;
      }
    }
    if (dropped) {
      notes.push_back(fmt::format("{} negative value{} of {} dropped as missing (first at {})", dropped,
                                  dropped == 1 ? "" : "s", m.name, where(data, first)));
    }
  }
  return notes;
}

}  // namespace nytta
