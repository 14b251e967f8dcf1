#include "nytta/table.hpp"

#include <cmath>

namespace nytta {

Cell::Cell(double v) {
  if (std::isfinite(v)) value = (v == 0.0 ? 0.0 : v);
}

Cell Cell::number(double v, int precision, Tone tone) {
  Cell c(v);
  c.precision = static_cast<std::int8_t>(precision);
  c.tone = c.missing() ? Tone::none : tone;
  return c;
}

std::optional<std::size_t> Table::column_index(std::string_view wanted) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].id == wanted) return i;
  }
  return std::nullopt;
}

}  // namespace nytta
