// What a parsed mapping says about itself: where a column is, in words, and the meaning and
// aggregation it declares for each measure (for the catalogue and the notes).

#include <fmt/format.h>

#include "load/mapping.hpp"

namespace nytta {

std::string ColumnRef::describe() const {
  return position > 0 ? fmt::format("column {}", position) : fmt::format("column '{}'", header);
}

std::vector<MeasureDeclaration> declarations_of(const Mapping& m) {
  std::vector<MeasureDeclaration> out;
  auto add = [&](const std::string& measure, const std::string& meaning, const std::optional<Aggregation>& aggregation) {
    if (meaning.empty() && !aggregation) return;
    for (const MeasureDeclaration& d : out) {
      if (d.measure == measure) return;
    }
    out.push_back(MeasureDeclaration{measure, meaning, aggregation});
  };
  for (const MeasureSource& s : m.columns) add(s.measure, s.meaning, s.aggregation);
  for (const FileRule& f : m.files) {
    for (const MeasureSource& s : f.columns) add(s.measure, s.meaning, s.aggregation);
    if (!f.wide.measure.empty()) add(f.wide.measure, f.wide.meaning, f.wide.aggregation);
  }
  for (const Derived& d : m.derive) add(d.measure, d.meaning, d.aggregation);
  return out;
}

}  // namespace nytta
