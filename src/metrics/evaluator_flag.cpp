// The flag of a value that cannot be trusted, in words: which input lies outside its range,
// by how much, and whether the data widened the catalogue's range.

#include "nytta/metrics/evaluator.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>

#include "metrics/missing_measure.hpp"
#include "nytta/util/error.hpp"

namespace nytta {

namespace {

std::string short_number(double v) { return fmt::format("{:.4g}", v); }

}  // namespace

std::string Evaluator::flag(const std::string& id, std::size_t row) {
  const KpiColumn& col = column(id);
  if (col.status_of(row) == ValueStatus::ok) return {};
  // The most basic KPI (fewest dependencies) whose value at row is not ok is the cause.
  const KpiColumn* cause = &col;
  for (const std::string& k : col.kpis) {
    const KpiColumn& c = column(k);
    if (c.status_of(row) != ValueStatus::ok && c.kpis.size() < cause->kpis.size()) cause = &c;
  }
  double v = cause->values[row];
  switch (cause->status_of(row)) {
    case ValueStatus::ok: return {};
    case ValueStatus::doubtful: {
      for (const KpiDef& other : catalogue_.kpis) {
        if (!other.range || other.id == cause->id) continue;
        std::vector<std::string> stack;
        try {
          const KpiColumn& y = evaluate(other.id, stack);
          double yv = y.values[row];
          const RangeWidening* wide = data_.widening(other.id);
          if (is_missing(yv) || other.range->contains(yv) || (wide && wide->range.contains(yv))) continue;
          std::vector<std::string> shared;
          std::set_intersection(cause->measures.begin(), cause->measures.end(), y.measures.begin(), y.measures.end(),
                                std::back_inserter(shared));
          if (shared.empty()) continue;
          return fmt::format("{} uses {}, of which {} {} is outside {}", cause->id, fmt::join(shared, " and "), other.id,
                             short_number(yv), to_string(wide ? wide->range : *other.range));
        } catch (const detail::MissingMeasure&) {
        } catch (const DataError&) {
        }
      }
      return fmt::format("{} is doubtful", cause->id);
    }
    case ValueStatus::widened: {
      const RangeWidening* w = data_.widening(cause->id);
      return fmt::format("{} {}: {}", cause->id, short_number(v), w ? w->flag : std::string("outside its usual range"));
    }
    case ValueStatus::out_of_range: {
      std::string range = cause->def && cause->def->range ? to_string(*cause->def->range) : "";
      if (const RangeWidening* w = data_.widening(cause->id))
        return fmt::format("{} {} is outside {} (the catalogue's {}, widened by these data)", cause->id, short_number(v), to_string(w->range), range);
      return fmt::format("{} {} is outside {}", cause->id, short_number(v), range);
    }
    case ValueStatus::undefined: {
      for (const std::string& m : cause->measures) {
        const Measure* x = data_.find_measure(m);
        if (x && x->values[row] == 0.0) return fmt::format("{} has no value: {} is 0", cause->id, m);
      }
      return fmt::format("{} has no value although every input is there", cause->id);
    }
  }
  return {};
}

}  // namespace nytta
