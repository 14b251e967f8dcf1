#include "nytta/report/table.hpp"

#include <cmath>
#include <unordered_set>

namespace nytta {

namespace {

// Distinct texts of the tables this thread builds; nodes never move, so pointers stay valid
// while the thread lives (reports are written by the thread that builds them).
struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
struct Equal {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

const std::string* intern(std::string_view s) {
  thread_local std::unordered_set<std::string, Hash, Equal> pool;
  auto it = pool.find(s);
  if (it == pool.end()) it = pool.emplace(s).first;
  return &*it;
}

}  // namespace

Cell::Cell(const std::string& s) : kind_(Kind::text), text_(intern(s)) {}

Cell::Cell(std::string_view s) : kind_(Kind::text), text_(intern(s)) {}

Cell Cell::view(const std::string& s) {
  Cell c;
  c.kind_ = Kind::text;
  c.text_ = &s;
  return c;
}

Cell::Cell(double v) : num_(0.0) {
  if (std::isfinite(v)) {
    kind_ = Kind::number;
    num_ = v == 0.0 ? 0.0 : v;
  }
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
