#include "nytta/metrics/flags.hpp"

#include <fmt/format.h>

namespace nytta {

namespace {

// Products and indices (benefit per krona, the benefit index) move by large factors by
// construction; their plausibility is that of the ratios they are made of.
bool jumps_are_checked(const KpiColumn& col) {
  return !col.def || (col.def->unit != "raw" && col.def->unit != "index");
}

std::string own_jump(Evaluator& e, const KpiColumn& col, std::size_t row, double factor) {
  const Dataset& d = e.data();
  std::optional<int> prev = e.panel().previous_year(d.row_year[row]);
  if (!prev) return {};
  std::optional<std::size_t> pr = e.panel().row(d.row_unit[row], *prev);
  if (!pr) return {};
  double a = col.values[*pr], b = col.values[row];
  if (!is_jump(a, b, factor)) return {};
  return fmt::format("{} ×{:.2g} since {}", col.id, b / a, *prev);
}

}  // namespace

bool is_jump(double before, double now, double factor) {
  if (is_missing(before) || is_missing(now) || before <= 0.0 || now <= 0.0) return false;
  double ratio = now / before;
  return ratio > factor || ratio < 1.0 / factor;
}

std::vector<const KpiColumn*> jump_columns(Evaluator& e, const std::string& id) {
  const KpiColumn& col = e.column(id);
  if (jumps_are_checked(col)) return {&col};
  std::vector<const KpiColumn*> cols;
  for (const std::string& k : col.kpis) {
    const KpiColumn& dep = e.column(k);
    if (k != id && jumps_are_checked(dep)) cols.push_back(&dep);
  }
  return cols;
}

std::string jump_flag(Evaluator& e, const std::string& id, std::size_t row, double factor) {
  for (const KpiColumn* col : jump_columns(e, id)) {
    std::string j = own_jump(e, *col, row, factor);
    if (!j.empty()) return j;
  }
  return {};
}

std::string row_flag(Evaluator& e, const std::string& id, std::size_t row) {
  std::string status = e.flag(id, row);
  if (!status.empty()) return status;
  return jump_flag(e, id, row);
}

bool trusted(Evaluator& e, const std::string& id, std::size_t row) {
  return e.column(id).status_of(row) == ValueStatus::ok && jump_flag(e, id, row).empty();
}

}  // namespace nytta
